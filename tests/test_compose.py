"""Answers that read like answers, on notes that are not about the cloud: lists, comparisons, two-part
questions, marker look-alikes in quotes, definitions that disagree (rag.answer.compose)."""

from __future__ import annotations

import re

import pytest

from conftest import FakeEmbedder, FakeGenerator, write_notes
from rag.answer import Answerer
from rag.answer.compose import display, neutralise_markers
from rag.answer.policy import DEFAULT, Policy
from rag.config import Settings
from rag.retrieve import Retriever
from rag.build import build_index
from rag.store import Store

CIVICS = {
    "states.md": """# States

## Types of states
- there are strong, weak, and failed states
- **strong**: can enact a policy and enforce it
- **weak**: can enact a policy but lacks the capacity to carry it out

## Kinds of regimes
- personal rule
- military rule
- one-party rule
- theocracy

## Legitimacy
- Weber identified 3 types: traditional, charismatic, and rational-legal
- **unitary states**: all power is centralized at national level
- **federal states**: official constitutional division of powers between regional and central government
""",
    "culture.md": """# Culture

- **political culture**: basic norms for political activity in a country
- Citizenship is the basis of patriotism [2] and of national pride [1][2][3].
""",
    "rule.md": """# Rule

- **political culture**: norms for people in power
- power: motivate people to do something that they would not
""",
}


@pytest.fixture
def civics(tmp_path):
    corpus = write_notes(tmp_path / "notes", CIVICS)

    def ask(question, reply="I can't find that in your notes."):
        return _answerer(corpus, tmp_path / "index", reply).ask(question)

    return ask


def _answerer(corpus, index, reply: str, policy: Policy = DEFAULT) -> Answerer:
    """The answer stage over ``corpus`` (index built once into ``index``) with a model that always says ``reply``,
    deciding by ``policy`` (a test switches one mechanism off with ``dataclasses.replace(DEFAULT, knob=False)``)."""
    settings = Settings(corpus=corpus, index=index)
    embedder = FakeEmbedder()
    if not (index / "CURRENT").exists():
        build_index(settings, embedder, progress=False)
    retriever = Retriever(Store.load(settings.index, settings, embedder.id), embedder)
    return Answerer(retriever, FakeGenerator(replies=[reply]), settings, policy)


def _grounded(answer, corpus_text: dict[str, str]):
    for c in answer.citations:
        lines = corpus_text[c.file].split("\n")
        assert c.quote in "\n".join(lines[c.start_line - 1 : c.end_line])


def test_list_question_gets_the_whole_list_under_its_heading(civics):
    answer = civics("what kinds of regimes are there?")
    assert not answer.refused
    for item in ("personal rule", "military rule", "one-party rule", "theocracy"):
        assert item in answer.answer
    _grounded(answer, CIVICS)


def test_comparison_gets_one_line_per_side(civics):
    answer = civics("unitary vs federal states")
    assert "centralized at national level" in answer.answer and "division of powers" in answer.answer
    quotes = [s for s in answer.shown if s.origin == "quote"]
    assert len(quotes) == 2
    _grounded(answer, CIVICS)


def test_two_part_question_says_which_part_is_missing(civics):
    answer = civics("what are weber's types of legitimacy and how do elections work in japan")
    assert "traditional" in answer.answer
    assert any(s.origin == "missing" and "japan" in s.text for s in answer.shown)


def test_markers_inside_quoted_notes_never_look_like_citations(civics):
    answer = civics("what is the basis of patriotism?")
    assert "patriotism" in answer.answer
    markers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)]
    assert markers and all(1 <= n <= len(answer.citations) for n in markers)
    assert "［2］" in answer.answer and "［1］［2］［3］" in answer.answer
    assert "[2]" in answer.citations[0].quote  # the citation itself still quotes the note exactly
    _grounded(answer, CIVICS)


def test_neutralise_markers():
    assert neutralise_markers("see [2] and [1][2][3], not [x] or [note]") == "see ［2］ and ［1］［2］［3］, not [x] or [note]"
    assert display("- **a** [3] b") == "a ［3］ b"


def test_verified_lead_comes_first_then_its_quote(civics):
    answer = civics("what is a weak state?", "A weak state can enact a policy but lacks the capacity to carry it out [1].")
    assert answer.mode == "model"
    assert answer.shown[0].origin == "model" and answer.answer.startswith("A weak state")
    _grounded(answer, CIVICS)


def test_definitions_that_disagree_are_flagged(civics):
    answer = civics("what is political culture?")
    assert answer.conflict is True
    assert "basic norms for political activity" in answer.answer and "norms for people in power" in answer.answer
    assert {c.file for c in answer.citations} >= {"culture.md", "rule.md"}


def _ask_notes(tmp_path, notes: dict[str, str], question: str, policy: Policy = DEFAULT):
    """One question over a small notes folder, with the fake embedder and a model that never answers."""
    return _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.",
                     policy).ask(question)


CELLS = {
    "cells.md": """# Cell division

## Mitosis
- **mitosis**: division of a body cell for growth and repair
- mitosis produces two identical daughter cells

## Meiosis
- **meiosis**: division that makes gametes
- meiosis produces four daughter cells, each with half the chromosomes
""",
}


def test_comparison_quotes_each_sides_line_about_what_is_compared(tmp_path):
    # "X vs Y <attribute>": each side's line should speak of the attribute, not merely define the side
    answer = _ask_notes(tmp_path, CELLS, "mitosis vs meiosis daughter cells")
    assert "two identical daughter cells" in answer.answer and "four daughter cells" in answer.answer
    _grounded(answer, CELLS)


GARDEN = {
    "garden.md": """# Garden plan

Vegetables
├── Tomatoes
│   ├── Sowing options
│   │   ├── Indoors (6-8 weeks before frost)
│   │   └── Outdoors (after the last frost)
│   └── Harvest after 60-85 days
└── Carrots
    └── Harvest after 70 days
""",
}


def test_list_in_a_tree_diagram_is_quoted_with_its_branches(tmp_path):
    # box-drawing trees nest like indented lists: the asked node is quoted with the branches under it
    answer = _ask_notes(tmp_path, GARDEN, "what are the tomato sowing options?")
    assert "6-8 weeks before frost" in answer.answer and "after the last frost" in answer.answer
    assert "Carrots" not in answer.answer
    _grounded(answer, GARDEN)
