"""A question asking when, or which week or day (policy.questions.ASKS_SLOT), answered by a line naming no time
that sits under an outline line naming a slot of a schedule ("Week 3", policy.values.SLOT): the quote is shown
under that slot (rag/answer/subject.slot_label). Notes invented from a field other than the eval sets': a boat refit."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes, _grounded

from rag.answer.intent import parse
from rag.answer.policy import DEFAULT
from rag.answer.subject import slot_label

REFIT = {
    "refit.md": """# Winter refit

## Yard plan

* **WEEK 1-2**
  * HAUL OUT
    * Crane lifts the boat onto stands
    * Pressure wash the hull the same afternoon
* **WEEK 3**
  * **ANTIFOULING**
    * Sand the hull and paint two coats
* **WEEK 4**
  * **RELAUNCH**
    * Check the seacocks before the crane comes back
""",
}


def test_the_slot_above_a_line_labels_it():
    intent = parse("what week is the antifouling done")
    context = "Winter refit > Yard plan WEEK 3 ANTIFOULING"
    assert slot_label(intent, context, "Sand the hull and paint two coats") == "WEEK 3: "
    assert slot_label(intent, context, "Sand the hull in week 3") == ""  # the line says its time itself
    assert slot_label(parse("how is the antifouling done"), context, "Sand the hull") == ""  # asks no time
    off = dataclasses.replace(DEFAULT, slot_label=False)
    assert slot_label(intent, context, "Sand the hull and paint two coats", off) == ""


def test_when_is_answered_with_the_schedule_slot(tmp_path):
    answer = _ask_notes(tmp_path, REFIT, "which week do we do the antifouling")
    assert not answer.refused and "WEEK 3" in answer.answer
    _grounded(answer, REFIT)
