"""A question asking a version ("which release added X") or the amount of a difference ("how much faster ... than")
needs a line stating that value of the asked thing; notes that speak of the thing but never give it are refused
(rag.answer.asked_value). Notes on weaving software and looms, fields far from the eval sets; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import asked_value, gate

LOOMS = {
    "looms.md": """# Weaving

## Loomkit
- Loomkit reads pattern drafts in the WIF format
- the weave command previews a draft before threading
- since Loomkit 3.2 the weave command also prints the yarn count of each shuttle
- Loomkit needs Python 3.9+ to install

## Looms
- the floor loom weaves faster than the table loom because the treadles lift the shafts
- the rigid heddle loom warps twice as fast as the frame loom
""",
}

NEAR_MISSES = [
    "which loomkit version added support for the WIF format",  # no line gives a version of WIF support
    "how much faster is the floor loom than the table loom",  # "faster", but not by how much
]


@pytest.fixture
def mechanism_off(monkeypatch):
    """The checks off: a version or a difference asked is judged as any other question."""
    monkeypatch.setattr(asked_value, "version_unstated", lambda *a, **k: None)
    monkeypatch.setattr(asked_value, "difference_unstated", lambda *a, **k: None)


@pytest.mark.parametrize("question", NEAR_MISSES)
def test_a_value_the_notes_never_state_is_refused(tmp_path, question):
    answer = _ask_notes(tmp_path, LOOMS, question)
    assert answer.refused, answer.answer


@pytest.mark.parametrize("question", NEAR_MISSES)
def test_with_the_checks_off_those_near_misses_are_answered(tmp_path, mechanism_off, question):
    answer = _ask_notes(tmp_path, LOOMS, question)
    assert not answer.refused, answer.reason


@pytest.mark.parametrize("question, shown", [
    ("which loomkit version added the yarn count to the weave command", "3.2"),  # a dotted version
    ("what python version does loomkit need", "3.9+"),  # an open-ended one
    ("how much faster is the rigid heddle loom than the frame loom", "twice"),  # a multiple
])
def test_a_value_the_notes_state_is_answered(tmp_path, question, shown):
    answer = _ask_notes(tmp_path, LOOMS, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


def test_the_question_patterns():
    from rag.answer.policy import values as V
    assert V.VERSION_ASKED.search("which git version added it") and V.VERSION_ASKED.search("what release fixed the bug")
    assert not V.VERSION_ASKED.search("which version of the recipe uses butter")  # a variant, not a number
    assert V.DIFFERENCE_ASKED.search("how much heavier is oak than pine")
    assert not V.DIFFERENCE_ASKED.search("how much water goes in the bread")  # no comparison
    assert V.VERSION_STATED.search("needs Python 3.9+") and not V.VERSION_STATED.search("3 shafts")


# beekeeping notes say "hive" all over, so a line may leave it unsaid; the shed note never speaks of a hive
APIARY = {
    "bees.md": __import__("test_gate_subject_word").BEES["bees.md"],
    "shed.md": """# Garden shed

## Roof
- the felt on the shed roof lasts about 10 years
- oil the door hinges every spring
""",
}


@pytest.fixture
def subject_anywhere(monkeypatch):
    """The check off: the notes' subject word stands unsaid in a line of any note."""
    monkeypatch.setattr(gate, "unsaid_in_its_note", lambda *a, **k: False)


def test_the_subject_word_is_not_unsaid_by_a_note_that_never_speaks_of_it(tmp_path):
    answer = _ask_notes(tmp_path, APIARY, "how long does the felt on a hive roof last")
    assert answer.refused, answer.answer
    assert "hive" in answer.reason


def test_with_that_check_off_the_other_notes_value_answers(tmp_path, subject_anywhere):
    answer = _ask_notes(tmp_path, APIARY, "how long does the felt on a hive roof last")
    assert not answer.refused, answer.reason


def test_a_line_of_the_subjects_own_note_still_leaves_it_unsaid(tmp_path):
    answer = _ask_notes(tmp_path, APIARY, "how much honey should a hive have for the winter")
    assert not answer.refused, answer.reason
    assert "20 kg" in answer.answer


# notes on a kiln's log and its firings: they state how long the log keeps entries, never how to change that
KILN = {
    "kiln.md": """# Kiln

## Log
- log entries expire after about 30 days
- to change how long the log keeps entries, set the retention dial on the controller

## Firing
- a bisque firing takes about 8 hours
- glaze pots once the bisque has cooled
""",
}


@pytest.fixture
def way_off(monkeypatch):
    """The check off: a how-to asking to change a value is judged as any other question."""
    monkeypatch.setattr(asked_value, "way_unstated", lambda *a, **k: None)


def test_a_way_to_change_a_value_the_notes_only_state_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, KILN, "how do i change how long a bisque firing takes")
    assert answer.refused, answer.answer


def test_with_the_way_check_off_that_question_quotes_the_value(tmp_path, way_off):
    answer = _ask_notes(tmp_path, KILN, "how do i change how long a bisque firing takes")
    assert not answer.refused, answer.reason


def test_a_way_the_notes_give_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, KILN, "how do i change how long the log keeps entries")
    assert not answer.refused, answer.reason
    assert "retention dial" in answer.answer


# a count at its upper bound: the ferry's is named ("up to 60"), the charter boat's line holds a number of nothing
MARINA = {
    "marina.md": """# Marina

## Vessels
- the charter boat takes guests round the bay from pontoon 2
- the ferry carries up to 60 guests across the sound
- the most recent arrivals moor on the outer pontoon
""",
}


@pytest.fixture
def bound_off(monkeypatch):
    """The check off: any number in a relevant line answers a count asked at its bound."""
    monkeypatch.setattr(gate, "bound_unnamed", lambda *a, **k: None)


def test_a_maximum_count_no_line_names_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, MARINA, "what is the maximum number of guests on the charter boat")
    assert answer.refused, answer.answer


def test_with_the_bound_check_off_it_quotes_the_pontoon_number(tmp_path, bound_off):
    answer = _ask_notes(tmp_path, MARINA, "what is the maximum number of guests on the charter boat")
    assert not answer.refused, answer.reason


def test_a_maximum_count_a_line_names_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, MARINA, "what is the maximum number of guests on the ferry")
    assert not answer.refused, answer.reason
    assert "up to 60" in answer.answer
