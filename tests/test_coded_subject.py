"""A subject holding a number between two of its words ("how many days per term does lab 2b3 open") is read as one
subject before its verb: the line stating the value in the notes' own words ("Lab 2b3: 12 days per term") answers,
though it never says "open" (rag.answer.coded). Invented pottery-studio notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.policy import DEFAULT

NOTES = {
    "studio.md": """# Pottery studio

## Kiln rooms

- Kiln room 4b: 2 firings a week, or 24 firings per term.
- Kiln room 7c: 1 firing a week, or 12 firings per term.

## Glazes

Glazes are mixed on Mondays in the back room.
""",
}


def _ask(tmp_path, question, policy=DEFAULT):
    return _ask_notes(tmp_path, NOTES, question, policy)


def test_the_verb_after_a_subject_holding_a_number_is_excused(tmp_path):
    answer = _ask(tmp_path, "how many firings per term does kiln room 4b run")
    assert not answer.refused, answer.reason
    assert "24 firings per term" in answer.answer


def test_with_the_rule_off_the_verb_is_an_unspoken_word(tmp_path):
    off = dataclasses.replace(DEFAULT, coded_subject_verb=False)  # the mechanism off
    answer = _ask(tmp_path, "how many firings per term does kiln room 4b run", off)
    assert answer.refused and "run" in answer.reason


def test_a_code_the_notes_never_write_stays_refused(tmp_path):
    answer = _ask(tmp_path, "how many firings per term does kiln room 9z run")
    assert answer.refused
