"""A year written bare after a preposition of time ("the abbey was founded in 910") states a date
(rag.answer.policy.values.YEAR_AFTER_PREPOSITION), so a "what year" question is answered from it, while an amount
after "in" ("in 500 ml", "in 250 steps", "one in 100") is none. Invented monastery and shipyard notes; with
the pattern taken out of the date kind the question is refused (no line states a date)."""

from __future__ import annotations

import re

import pytest
from test_compose import _ask_notes, _grounded

from rag.answer.policy import values as V

ABBEY = {
    "abbey.md": """# Monasteries

## Cluny
- The abbey of Cluny was founded in 910, under the rule of Saint Benedict.
- Its church was the largest in Europe for four centuries.
- Monks sang the offices in 8 daily services.
""",
}


@pytest.mark.parametrize("text, dated", [
    ("The abbey of Cluny was founded in 910, under the rule", True),
    ("the keel was laid around 860", True),
    ("mix the glue in 500 ml of water", False),  # an amount: a unit follows
    ("the hull is planked in 250 steps", False),
    ("one in 100 ships sank", False),  # odds, not a year
])
def test_a_bare_three_digit_year_after_a_preposition_is_a_date(text, dated):
    assert bool(V.VALUE_PATTERNS["date"].search(text)) is dated


def test_what_year_is_answered_from_a_bare_year(tmp_path):
    answer = _ask_notes(tmp_path, ABBEY, "what year was cluny abbey founded")
    assert not answer.refused and "910" in answer.answer
    _grounded(answer, ABBEY)


def test_without_the_pattern_the_year_is_not_seen(tmp_path, monkeypatch):
    without = V.VALUE_PATTERNS["date"].pattern.replace("|" + V.YEAR_AFTER_PREPOSITION, "")
    assert without != V.VALUE_PATTERNS["date"].pattern
    monkeypatch.setitem(V.VALUE_PATTERNS, "date", re.compile(without))
    answer = _ask_notes(tmp_path, ABBEY, "what year was cluny abbey founded")
    assert answer.refused or "910" not in answer.answer
