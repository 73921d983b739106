"""A note's front matter lines ("tags: [...]", "author: ...") are metadata, not statements: no evidence, unless the
question names their key (rag/frontmatter.py without_metadata, policy.notes FRONT_MATTER_NOT_EVIDENCE); invented
sailing notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.evidence import Unit
from rag.answer.policy import notes as N
from rag.frontmatter import without_metadata
from rag.text import terms

KNOTS = """---
title: 'Bowline'
tags: ['knots', 'mooring', 'rescue']
author: deckhand
---

A loop that does not slip or jam.

## Steps
1. Make a small overhand loop in the standing part
2. Pass the end up through the loop, round the standing part and back down
3. The bowline is the knot for mooring lines and rescue loops
"""


def _units() -> list[Unit]:
    lines = KNOTS.split("\n")
    return [Unit("bowline.md", n, text, "Bowline", 0) for n, text in enumerate(lines, start=1)
            if text.strip() and text.strip() != "---"]


def _lines(file: str) -> list[str]:
    return KNOTS.split("\n")


def test_front_matter_lines_are_no_evidence(monkeypatch):
    monkeypatch.setattr(N, "FRONT_MATTER_NOT_EVIDENCE", True)
    kept = [u.quote for u in without_metadata(_units(), _lines, tuple(terms("what is the bowline used for")))]
    assert not any(q.startswith(("tags:", "author:", "title:")) for q in kept)
    assert "A loop that does not slip or jam." in kept


def test_a_line_whose_key_is_asked_stays(monkeypatch):
    monkeypatch.setattr(N, "FRONT_MATTER_NOT_EVIDENCE", True)
    kept = [u.quote for u in without_metadata(_units(), _lines, tuple(terms("who is the author of the bowline note")))]
    assert "author: deckhand" in kept and not any(q.startswith("tags:") for q in kept)


def test_a_note_without_front_matter_keeps_every_line(monkeypatch):
    monkeypatch.setattr(N, "FRONT_MATTER_NOT_EVIDENCE", True)
    plain = ["tags: knots are tied, never glued", "author: of the rule, the harbour master"]
    units = [Unit("rules.md", n, text, "", 0) for n, text in enumerate(plain, start=1)]
    assert without_metadata(units, lambda file: plain, ()) == units


def test_the_answer_quotes_the_step_not_the_tags_line(tmp_path, monkeypatch):
    monkeypatch.setattr(N, "FRONT_MATTER_NOT_EVIDENCE", True)
    answer = _ask_notes(tmp_path, {"bowline.md": KNOTS}, "which knots for rescue")
    assert "mooring lines and rescue loops" in answer.answer
    assert "tags:" not in answer.answer
