"""A count a question sets as a condition ("exactly 4 of the 5 arrows") is a given some relevant line must state, in a
list-like question too: notes working other counts as examples leave that one unanswered. Invented archery notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.amount import positions_of
from rag.answer.policy import questions as Q

ARCHERY = {
    "archery.md": """# Archery club

## Scoring odds
A club archer hits the gold with 30% of arrows, each arrow on its own.

What is the chance exactly 2 of the 5 arrows hit the gold?: For exactly 2 arrows:
$$P(X = 2) = \\binom{5}{2} (0.3)^2 (0.7)^3 = 0.3087$$

What is the chance none of the 5 arrows hit the gold?: For no arrows:
$$P(X = 0) = (0.7)^5 = 0.168$$
""",
}


def test_a_conditioned_count_is_stated_even_where_a_list_would_not_be():
    assert (4, "4") in positions_of("chance that exactly 4 of the 5 arrows hit the gold", stated=False)
    assert (6, "6") in positions_of("chance that at least 3 out of 6 arrows score", stated=False)
    assert positions_of("what are the 4 burners of the stove", stated=False) == ()  # a list's length stays unasked
    assert positions_of("which ports lose less than 5% of the 20 boats", stated=False) == ()  # a share, not a count


def test_a_count_no_line_works_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, ARCHERY, "chance that exactly 4 of the 5 arrows hit the gold")
    assert answer.refused
    assert "4" in answer.reason


def test_the_count_the_notes_work_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, ARCHERY, "chance that exactly 2 of the 5 arrows hit the gold")
    assert not answer.refused, answer.reason
    assert "0.3087" in answer.answer


def test_with_the_condition_unread_the_near_miss_is_answered(tmp_path, monkeypatch):
    monkeypatch.setattr(Q, "GIVEN_COUNT", None)  # the mechanism off
    answer = _ask_notes(tmp_path, ARCHERY, "chance that exactly 4 of the 5 arrows hit the gold")
    assert not answer.refused
