"""A price word that heads a term of the notes names that term (rag.answer.amount, policy.values.TERM_HEAD_KINDS):
"what fuse does a depth charge use" asks about the notes' "depth charge", not a price, where the notes write "depth
charge"; "how much does ... cost" still asks an amount. Invented naval-history and pottery-studio notes, fake
embedder, a model that never answers; with TERM_HEAD_KINDS empty, the term question is refused as a price question
no line answers."""

from __future__ import annotations

import pytest

from test_compose import _answerer, write_notes

from rag.answer.amount import NOTES_COMPOUNDS, notes_compounds
from rag.answer.intent import parse
from rag.answer.policy import values as V

REFUSAL = "I can't find that in your notes."
NOTES = {
    "escorts.md": """# Convoy escorts

## Weapons

A depth charge is a drum of explosive rolled off the stern, and a pressure fuse sets it off at the chosen depth.
Escorts carried up to forty depth charges on two racks.

## Tactics

Two escorts swept ahead of the convoy in line abreast at dawn.
""",
    "studio.md": """# Pottery studio

## Kilns

The bisque firing runs to about 1000 °C and the glaze firing hotter.
Members book the kiln a week ahead on the board by the door.
""",
}
QUESTION = "what fuse does a depth charge use"


@pytest.fixture()
def off(monkeypatch):
    monkeypatch.setattr(V, "TERM_HEAD_KINDS", frozenset())
    parse.cache_clear()
    yield
    parse.cache_clear()


def _ask(tmp_path, question):
    return _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index", REFUSAL).ask(question)


def test_a_price_word_after_a_word_the_notes_write_beside_it_names_their_term():
    token = NOTES_COMPOUNDS.set(notes_compounds(QUESTION, frozenset({("depth", "charg"), ("pressur", "fuse")})))
    try:
        intent = parse(QUESTION)
        assert intent.value is None and "charg" in intent.asked_terms
        assert parse("how much does a depth charge cost").value == "price"  # "how much ... cost" asks an amount
        assert parse("how much is a depth charge").value == "price"  # "how much" asks the amount of the term
        assert parse("what does the studio charge").value == "price"  # no term of the notes before it
    finally:
        NOTES_COMPOUNDS.reset(token)
    assert parse(QUESTION).value == "price"  # read without the notes: a price word


def test_a_term_the_notes_write_is_answered_from_its_line(tmp_path):
    answer = _ask(tmp_path, QUESTION)
    assert not answer.refused and "a pressure fuse sets it off" in answer.answer


def test_the_same_question_reads_as_a_price_with_the_mechanism_off(tmp_path, off):
    assert _ask(tmp_path, QUESTION).refused


def test_a_price_no_line_states_is_still_refused(tmp_path):
    # "kiln" and "charge" stand side by side in no note: the studio's fee is asked, and the notes hold none
    assert _ask(tmp_path, "what does the studio charge for the kiln").refused
    assert _ask(tmp_path, "how much does the studio charge for a kiln firing").refused
