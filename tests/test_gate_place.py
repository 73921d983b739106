"""A where-question needs a relevant line stating a place (rag.answer.place). Notes from a sailing log, fake
embedder and a model that never answers; with policy.where_needs_a_place off the line naming the boat answers."""

from __future__ import annotations

import dataclasses

from test_compose import _answerer, write_notes

from rag.answer.policy import DEFAULT

LOG = {
    "log.md": """# Sailing log

## The boat
- Marta rebuilt the old ketch that won the autumn regatta
- Why did Marta sail the rebuilt ketch to the regatta?

## Moorings
- The dinghy is kept at the north pontoon over winter
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", LOG), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_a_line_stating_no_place_does_not_answer_where(tmp_path):
    answer = _ask(tmp_path, "where did marta rebuild the ketch")
    assert answer.refused
    assert "place" in answer.reason
    assert not _ask(tmp_path, "where did marta rebuild the ketch", where_needs_a_place=False).refused


def test_a_line_stating_the_place_answers(tmp_path):
    answer = _ask(tmp_path, "where is the dinghy kept over winter")
    assert not answer.refused
    assert any("north pontoon" in c.quote for c in answer.citations)
