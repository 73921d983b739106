"""A "who" question is answered only by a line or heading naming someone (rag.answer.who.names_someone): topic
headings in title case ("Notes on Knots and Rigging"), notation ("$P(Gust)$") and a word opening a sentence after a quote name no one. Invented notes (sailing,
baking), fake embedder, a model that never answers; each near miss is answered with the mechanism off."""

from __future__ import annotations

import pytest
from test_compose import _answerer, write_notes

from rag.answer.policy import Policy, notes as N

SAILING = {
    "knots.md": """# Notes on Knots and Rigging

## Bowline
- The bowline makes a fixed loop at the end of a line that holds well under load
- a bowline is easy to untie after loading, unlike most bowlines of old rope

## Olin Stephens
- designed the racing hull of the yacht Dorade in 1930
""",
}

ODDS = {
    "weather.md": """# sailing weather

## gusts
- the chance of a gust given a squall line is written $P(Gust|Squall)$ and the squall line comes from the west
- reefing early keeps the boat upright when the gusts come
""",
}

LABELLED = {
    "galley.md": """# galley

## stock
- **Fish stock**: Simmer the bones for twenty minutes, never longer, then strain the stock
""",
}

QUOTED = {
    "bread.md": """# bread

## levain
- the levain is the loaf's "engine." It ferments the flour and water before the dough is mixed
""",
}


def _ask(tmp_path, notes, question):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    return answerer.ask(question)


NEAR_MISSES = [
    (SAILING, "who invented the bowline knot loop"),  # the title-case heading "Notes on Knots and Rigging"
    (ODDS, "who came up with the chance of a gust"),  # "Gust", "Squall" are notation
    (LABELLED, "who first made fish stock from bones"),  # "Simmer" opens a bold label's text
    (QUOTED, "who discovered the levain that ferments the flour"),  # "It" opens a sentence after a quote
]


@pytest.mark.parametrize("notes, question", NEAR_MISSES)
def test_topic_headings_and_notation_name_no_one(tmp_path, notes, question):
    answer = _ask(tmp_path, notes, question)
    assert answer.refused
    assert "names anyone" in answer.reason


@pytest.mark.parametrize("notes, question", NEAR_MISSES)
def test_with_the_mechanism_off_they_read_as_names(tmp_path, monkeypatch, notes, question):
    monkeypatch.setattr(N, "TOPIC_HEADINGS_NAME_NO_ONE", False)
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = Policy(who_quote_names=False)  # the quoted lines' own check (rag.answer.quoted) off too
    assert not answerer.ask(question).refused


def test_a_heading_naming_a_person_still_answers(tmp_path):
    answer = _ask(tmp_path, SAILING, "who designed the racing hull of the dorade")
    assert not answer.refused
    assert "1930" in answer.answer
