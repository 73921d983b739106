"""A word the question adds to a value line's own phrase asks nothing apart when another line of the notes ties it
to that phrase: an activity's occasion ("mast stepping shift") or the phrase's term line ("**Crane Yard** -
_Lifting_") (rag.answer.alike, knob Policy.named_alike). Invented boatyard notes, fake embedder and a model that
never answers; a word tied to nothing, or only by sharing a line, stays a near miss."""

from __future__ import annotations

import dataclasses

import pytest
from test_gate_near_misses import _ask

from rag.answer.policy import DEFAULT

OFF = dataclasses.replace(DEFAULT, named_alike=False)

BOATYARD = {
    "schedule.md": """# Boatyard schedule

## Refit weeks
* **WEEK 2**
  * RIGGING
    * **MAST STEPPING (2 days)**
      * _Rigger, Crane Operator_
* **WEEK 3**
  * HAULING
    * **CRANE YARD (3 days)**
      * _Skipper and Yard Foreman_
""",
    "team.md": """# Boatyard team and workflow

## Workflow
* Mast stepping shift with the full crew present
* Keel bolts checked before the mast goes up

## Houses
* **Crane Yard** -
  _Lifting_
* **Sail Loft** -
  _Canvas_
""",
}

ANSWERED = [
    ("how long is the mast stepping shift", "2 days"),
    ("how many days at the crane yard for the lifting", "3 days"),
]


@pytest.mark.parametrize("question,fact", ANSWERED)
def test_a_word_the_notes_tie_to_the_phrase_is_answered(tmp_path, question, fact):
    answer = _ask(tmp_path, BOATYARD, question)
    assert not answer.refused, answer.reason
    assert fact in answer.answer


@pytest.mark.parametrize("question,fact", ANSWERED)
def test_without_the_tie_the_word_is_asked(tmp_path, question, fact):
    assert _ask(tmp_path, BOATYARD, question, OFF).refused


@pytest.mark.parametrize("question", [
    "how long is the mast stepping inspection",
    "how many days at the crane yard for the canvas",
])
def test_a_word_tied_to_nothing_stays_refused(tmp_path, question):
    assert _ask(tmp_path, BOATYARD, question).refused
