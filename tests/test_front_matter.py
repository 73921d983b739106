"""A note's front matter (rag.frontmatter): a note opening with a "---" block of "key: value" lines names itself in
its "title:"; every section's heading path starts with that title, as an h1 would, and the block's closing "---"
underlines no heading. Invented law, gardening and astronomy notes."""

from __future__ import annotations

import pytest

from test_chunk import make_note
from test_compose import _ask_notes

from rag.answer.policy import notes as N
from rag.chunk import chunk_note
from rag.frontmatter import front_matter

LAW = {
    "adverse-possession.md": """---
title: "Adverse Possession"
tags: ['property', 'land']
author: a-student
---

A squatter may come to own land by living on it long enough.

## Elements

- The possession must be open, notorious and hostile.
- The statutory period is 10 years in most states.

## Remedies

- The possessor files a quiet title action.
""",
    "easements.md": """---
title: "Easements"
tags: ['property']
---

## Creation

- An easement by prescription needs 20 years of open use.
""",
}

GARDEN = """---
title: Tomato seedlings
date: 2024-03-01
---

## Sowing

Sow the seeds 6 mm deep, two weeks before the last frost.
"""


@pytest.fixture
def titles_off(monkeypatch):
    monkeypatch.setattr(N, "FRONT_MATTER_TITLES_NOTE", False)


def test_the_front_matter_title_heads_every_section_and_its_closing_rule_is_no_heading():
    chunks = chunk_note(make_note(GARDEN, "seedlings.md"))
    headings = {c.heading for c in chunks}
    assert headings == {"Tomato seedlings", "Tomato seedlings > Sowing"}
    assert not any("date" in h for h in headings)  # "date: ..." above the closing "---" is no setext heading


def test_without_the_mechanism_no_title_heads_the_sections(titles_off):
    headings = {c.heading for c in chunk_note(make_note(GARDEN, "seedlings.md"))}
    assert "Tomato seedlings > Sowing" not in headings and "Sowing" in headings


def test_an_h1_names_the_note_and_a_block_of_prose_is_no_front_matter():
    assert front_matter(["---", "title: Comets", "---", "# Comets and their tails", "Ice and dust."]) == (3, "")
    assert front_matter(["---", "Comets are icy bodies.", "---"]) == (0, "")  # a rule around prose
    assert front_matter(["# Comets", "---", "title: x", "---"]) == (0, "")  # a block not opening the note
    assert front_matter(["---", "title: 'Comets'", "aliases:", "  - icy bodies", "..."]) == (5, "Comets")


def test_a_step_under_a_generic_section_answers_a_question_naming_the_notes_title(tmp_path):
    answer = _ask_notes(tmp_path, LAW, "how long is the statutory period for adverse possession")
    assert "10 years" in answer.answer and "20 years" not in answer.answer


def test_without_the_mechanism_the_question_naming_the_title_finds_no_line(tmp_path, titles_off):
    answer = _ask_notes(tmp_path, LAW, "how long is the statutory period for adverse possession")
    assert "10 years" not in answer.answer
