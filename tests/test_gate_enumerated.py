"""A count a list question puts on its thing ("the three kinds of hitch") is spoken by a line listing that many
items, inline after a colon or as list items under it; a list of another length leaves it unsaid. Invented
sailing and pottery notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer import enumerated
from rag.answer.enumerated import count_asked, items_inline
from rag.answer.policy import DEFAULT

KNOTS = {
    "knots.md": """# Deck work

## Hitches
Every hitch on board belongs to one of the following main families: clove hitches, rolling hitches, and timber hitches.

## Glazes
The potter on the quay keeps several finishes for her mugs
  - Celadon wash
  - Tenmoku dip
  - Ash runs
""",
}


def test_a_count_is_read_from_the_question_and_an_inline_list_is_counted():
    assert count_asked("what are the three main families of hitches") == ("three", 3)
    assert count_asked("what are the 2 rules of the road") == ("2", 2)
    assert count_asked("what families of hitches are there") is None
    assert items_inline("main families: clove hitches, rolling hitches, and timber hitches.", DEFAULT) == 3
    assert items_inline("clove hitches, rolling hitches, and timber hitches.", DEFAULT) == 0  # no colon
    assert items_inline("Note: tie it as you were shown on the first morning at sea, then check it twice", DEFAULT) == 0


def test_a_line_listing_that_many_inline_speaks_of_the_count(tmp_path):
    answer = _ask_notes(tmp_path, KNOTS, "what are the three main families of hitches")
    assert not answer.refused, answer.reason
    assert "timber hitches" in answer.answer


def test_list_items_under_a_line_count_too(tmp_path):
    answer = _ask_notes(tmp_path, KNOTS, "what are the three finishes the potter keeps for her mugs")
    assert not answer.refused, answer.reason


def test_a_list_of_another_length_is_still_refused(tmp_path):
    for question in ("what are the four main families of hitches", "what are the five finishes the potter keeps for her mugs"):
        answer = _ask_notes(tmp_path, KNOTS, question)
        assert answer.refused, question


def test_with_counting_off_the_count_stays_unsaid(tmp_path, monkeypatch):
    monkeypatch.setattr(enumerated, "count_asked", lambda question: None)  # the mechanism off
    answer = _ask_notes(tmp_path, KNOTS, "what are the three main families of hitches")
    assert answer.refused
    assert "three" in answer.reason
