"""A why-question the notes only restate is refused (rag.answer.restated): the best line holds the question's own
words and gives no reason. Notes from a gardener's diary, fake embedder and a model that never answers."""

from __future__ import annotations

import dataclasses
import re

from test_compose import _answerer, write_notes

from rag.answer.policy import DEFAULT, questions as Q

ROSES = {
    "roses.md": """# Roses

## Pruning
- Roses are pruned hard in late winter
- Dead wood is cut back to healthy white pith

## Feeding
- Feed roses with potash in spring because potash helps them flower

## Mulching
- Roses are mulched in autumn
  - a thick layer keeps the roots warm through frost

## Climbers
- Climbing roses are trained
- Ramblers flower once, on last year's wood
- Trained the old rambler along the south fence

## Deadheading

Roses are deadheaded in summer. Snip above a leaf
with clean shears. Burn the cut heads at once.
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", ROSES), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_a_line_restating_the_question_gives_no_reason(tmp_path):
    answer = _ask(tmp_path, "why are roses pruned hard in late winter")
    assert answer.refused
    assert "no reason" in answer.reason
    assert not _ask(tmp_path, "why are roses pruned hard in late winter", why_needs_a_reason=False).refused


def test_a_line_giving_the_reason_answers(tmp_path):
    answer = _ask(tmp_path, "why feed roses with potash in spring")
    assert not answer.refused
    assert any("because potash helps" in c.quote for c in answer.citations)


def test_a_line_heading_nested_lines_leaves_the_reason_to_them(tmp_path):
    answer = _ask(tmp_path, "why are roses mulched in autumn")
    assert not answer.refused
    assert any("roots warm" in c.quote for c in answer.citations)


def test_the_rest_of_a_wrapped_paragraph_is_no_nested_line(tmp_path):
    # the paragraph's next lines carry it in their context, but they do not hang under it
    answer = _ask(tmp_path, "why are roses deadheaded in summer")
    assert answer.refused
    assert "no reason" in answer.reason


def test_a_line_adding_nothing_to_a_how_question_says_no_manner(tmp_path):
    answer = _ask(tmp_path, "how are climbing roses trained")
    assert answer.refused
    assert "no manner" in answer.reason
    assert not _ask(tmp_path, "how are climbing roses trained", how_needs_a_manner=False).refused


SAILS = {
    "rig.md": """# Rigging

## Reefing
- The rule is to always tie the reef knot as the first tie
- Shake out the reef once the wind drops

## Halyards
- Coil the halyard as the boat heels, since a loose tail fouls the winch
""",
}


def test_as_the_naming_a_role_at_the_line_end_gives_no_reason(tmp_path, monkeypatch):
    """"as the first tie" ends the line: a role, no clause giving a reason (policy.stated.REASON)."""
    question = "why should the reef knot always be the first tie"
    answerer = _answerer(write_notes(tmp_path / "notes", SAILS), tmp_path / "index", "I can't find that in your notes.")
    answer = answerer.ask(question)
    assert answer.refused
    assert "no reason" in answer.reason
    # the old reading, any "as the" a reason connective, let the restating line answer
    monkeypatch.setattr(Q, "REASON", re.compile(Q.REASON.pattern.replace("as (?:it|they|this|that|there)\\b",
                                                                         "as (?:it|they|this|that|there|the)\\b")))
    assert not answerer.ask(question).refused
