"""A degree asked of a mass noun ("how much salt for the brine") is mostly answered by a quantity: a line
measuring it ("80 g of salt") weighs as one holding the asked kind of value (knob bonus_quantity_of_much,
rag.answer.evidence). Notes invented from cheesemaking."""

from __future__ import annotations

import dataclasses

from conftest import write_notes
from test_compose import _answerer, _grounded

from rag.answer.policy import DEFAULT, values as V

CHEESE = {
    "brine.md": """# Cheesemaking

## Brine bath
Salt in the brine draws whey out of the rind over the first days.
Float the wheels in the brine and turn them once a day.
Use 80 g of salt per litre of water, and keep the bath in the cellar.

## Pressing
Press the curd under a light weight first, then a heavy one overnight.
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", CHEESE), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = answerer.scorer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_a_quantity_is_what_a_measured_line_states():
    assert V.MEASURED.search("Dissolve 80 g per litre of water")
    assert V.MEASURED.search("strain 3/4 of the whey") and V.MEASURED.search("half of the curd")
    assert not V.MEASURED.search("Salt in the brine draws whey out of the rind")


def test_how_much_of_a_thing_quotes_the_line_measuring_it(tmp_path):
    answer = _ask(tmp_path, "how much salt for the brine")
    assert not answer.refused, answer.reason
    assert "80 g" in answer.answer, answer.answer
    _grounded(answer, CHEESE)


def test_off_the_line_sharing_the_words_comes_first(tmp_path):
    answer = _ask(tmp_path, "how much salt for the brine", bonus_quantity_of_much=0.0)
    assert "80 g" not in answer.answer.split("[1]")[0], answer.answer


PANTRY = {
    "stew.md": """# Winter stew

## Ingredients
- 300 g barley
- 2 carrots, diced
- 1 onion

## Method
Rinse the barley well and soak it overnight first.
Simmer the barley with the carrots and the onion until soft.
""",
}


def test_a_short_line_measuring_an_amount_is_no_label(tmp_path):
    answerer = _answerer(write_notes(tmp_path / "notes", PANTRY), tmp_path / "index", "I can't find that in your notes.")
    answer = answerer.ask("which barley for the stew")
    assert "300 g barley" in answer.answer, answer.answer
    _grounded(answer, PANTRY)


def test_off_the_amount_line_weighs_as_a_label():
    from rag.answer.evidence import _form
    assert _form("300 g barley", DEFAULT) == 1.0
    assert _form("Pearl barley", DEFAULT) == DEFAULT.form_topic_only  # a label: no amount
    assert _form("For 4 people:", DEFAULT) == DEFAULT.form_topic_only  # a lead-in names what follows
    off = dataclasses.replace(DEFAULT, measured_line_states=False)
    assert _form("300 g barley", off) == off.form_topic_only
