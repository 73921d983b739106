"""A list question announcing how many things it asks for ("the three essential knots") is answered by the
label line announcing that many of them ("The three essential knots are:") with its list, also as one part
of a two-part question (rag/answer/evidence.py counted_things, gate.listing, gather.best_for_part). Notes
invented from fields other than the eval sets': sailing, pottery."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.evidence import counted_things


def test_counted_things_pairs_each_count_with_what_it_counts():
    assert counted_things("what are the three essential knots") == {(3, "essenti")}
    assert counted_things("The 4 glaze firings are:") == {(4, "glaze")}
    assert counted_things("fired at 1200 degrees") == frozenset()  # no count of things: a measure
    assert counted_things("how are pots glazed") == frozenset()


KNOTS = {
    "club.md": """# Sailing club

## Club rules
The club bosun teaches the three essential knots to every new member, and the three essential knots are
checked again each spring before a member may skipper.

## Knots
The three essential knots are:
- bowline
- clove hitch
- reef knot

## Safety
Life jackets are worn by every crew member on the water, and the rescue boat is manned by two members.
""",
}


def test_a_list_question_gets_the_list_announcing_its_count(tmp_path):
    answer = _ask_notes(tmp_path, KNOTS, "what are the three essential knots")
    assert not answer.refused, answer.reason
    assert "bowline" in answer.answer and "reef knot" in answer.answer, answer.answer


def test_a_list_part_gets_the_list_announcing_its_count(tmp_path):
    answer = _ask_notes(tmp_path, KNOTS, "what are the three essential knots and who mans the rescue boat")
    assert not answer.refused, answer.reason
    assert "bowline" in answer.answer and "reef knot" in answer.answer, answer.answer
    assert "two members" in answer.answer, answer.answer
