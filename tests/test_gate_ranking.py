"""Two near misses on notes from fields far from the eval sets (sailing knots, a cook's sauces), fake embedder and a
model that never answers: a question asking which thing ranks first needs a line ranking it
(rag.answer.superlative), and a question whose every named thing is unknown to the notes, its verb aside, is
refused (rag.answer.gate.named_words). Each is seen answered with its knob off."""

from __future__ import annotations

import dataclasses

import pytest
from test_compose import _answerer, write_notes

from rag.answer.policy import DEFAULT

KNOTS = {
    "knots.md": """# Knots

## Loops
- The bowline makes a fixed loop at the end of a line
- The figure eight loop is easy to untie after a load

## Hitches
- The clove hitch is a good knot for tying to a post
- The rolling hitch grips a spar when pulled along it
""",
}

SAUCES = {
    "sauces.md": """# Sauces

## Origins
- The French invented hollandaise in the seventeenth century
- The Genoese invented pesto from basil and pine nuts

## Technique
- An emulsion holds when the butter is added slowly
""",
}


def _ask(tmp_path, notes, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


@pytest.mark.parametrize("question", ["which hitch is the strongest", "which loop is the easiest to untie"])
def test_a_ranking_no_line_states_is_refused(tmp_path, question):
    answer = _ask(tmp_path, KNOTS, question)
    assert answer.refused
    assert "says which is the" in answer.reason
    assert not _ask(tmp_path, KNOTS, question, superlative_must_rank=False).refused


def test_a_line_ranking_the_thing_answers(tmp_path):
    notes = {"knots.md": KNOTS["knots.md"] + "- The rolling hitch is the strongest hitch for a pull along a spar\n"}
    answer = _ask(tmp_path, notes, "which hitch is the strongest")
    assert not answer.refused
    assert any("strongest hitch" in c.quote for c in answer.citations)


def test_one_of_the_oldest_asks_no_ranking(tmp_path):
    # "one of the oldest" describes the sauce; the line dating it answers, though it ranks nothing
    answer = _ask(tmp_path, SAUCES, "which sauce from the seventeenth century is one of the oldest")
    assert not answer.refused
    assert any("hollandaise" in c.quote for c in answer.citations)


def test_every_named_thing_unknown_is_refused_whatever_the_verb(tmp_path):
    answer = _ask(tmp_path, SAUCES, "what did the catalans invent")
    assert answer.refused
    assert "catalans" in answer.reason
    assert not _ask(tmp_path, SAUCES, "what did the catalans invent", unknown_share_of_things=False).refused


def test_a_known_thing_with_its_verb_is_answered(tmp_path):
    answer = _ask(tmp_path, SAUCES, "what did the genoese invent")
    assert not answer.refused
    assert any("pesto" in c.quote for c in answer.citations)


def test_a_range_of_values_states_its_ends(tmp_path):
    notes = {"knots.md": KNOTS["knots.md"] + "\n## Lines\n- Mooring line length: 6 metres to 12 metres\n"}
    answer = _ask(tmp_path, notes, "whats the shortest mooring line length i can use")
    assert not answer.refused
    assert any("6 metres to 12 metres" in c.quote for c in answer.citations)

