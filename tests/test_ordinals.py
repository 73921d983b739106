"""Ordinals written two ways ("fifth" / "5th") are one word to the answer stage. Notes on law and sailing, fields
far from the eval sets; fake embedder and model (rag.answer.ordinals)."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

import rag.answer.sameword as sameword
import rag.answer.vocab as vocab
from rag.answer.ordinals import same_ordinal, spelled_ordinals

LAW = {"law.md": "# Constitution\n## Amendments\n- The 1st Amendment protects free speech and the press.\n"
                 "- The 5th Amendment protects against self-incrimination.\n"
                 "- The 2nd Amendment concerns the militia.\n"}
SAILING = {"sail.md": "# Knots\n## Bowline\n- The bowline makes a fixed loop at the end of a line.\n"
                      "- Tie it with the second hand holding the standing part.\n"}


def _off(monkeypatch):
    monkeypatch.setattr(sameword, "same_ordinal", lambda term, spoken, *rest: False)
    monkeypatch.setattr(vocab, "spelled_ordinals", lambda text: set())


def test_numeral_ordinals_spell_their_words():
    assert spelled_ordinals("the 5th and 21st and 2nd and 3rd") == {"fifth", "second", "third"}  # 21st: past the table
    assert spelled_ordinals("a 5st typo, 2.5th, a5th") == set()
    assert same_ordinal("fifth", {"5", "th", "amend"})
    assert not same_ordinal("fifth", {"5", "amend"})  # a bare 5 is a count, not the fifth
    assert same_ordinal("5", {"fifth"})
    assert not same_ordinal("amend", {"5", "th"})


@pytest.mark.parametrize("switched_on", [True, False])
def test_a_spelled_ordinal_finds_the_numeral_line(tmp_path, monkeypatch, switched_on):
    if not switched_on:
        _off(monkeypatch)
    answer = _ask_notes(tmp_path, LAW, "what does the fifth amendment protect against")
    found = not answer.refused and "self-incrimination" in answer.answer
    assert found is switched_on, (answer.reason, answer.answer)


def test_a_near_miss_ordinal_stays_refused(tmp_path):
    # the notes name the 1st, 2nd and 5th amendments: the "fourth" is a word they never write either way
    answer = _ask_notes(tmp_path, LAW, "what does the fourth amendment protect against")
    assert answer.refused or "self-incrimination" not in answer.answer


def test_the_word_second_is_not_made_a_numeral(tmp_path):
    # "second hand" stays the word the notes write; nothing numeric is needed for it
    answer = _ask_notes(tmp_path, SAILING, "which hand holds the standing part when tying a bowline")
    assert not answer.refused, answer.reason
    assert "second hand" in answer.answer
