"""A comparison the notes make in one line (rag/answer/together.py): the line naming both sides is quoted first,
and two degrees of one thing ("strong wind vs light wind") are answered by the lines saying how that thing
varies ("The stronger the wind, the earlier you reef"), with no side said to be missing. Notes invented from
fields other than the eval sets': a sailor's."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.intent import parse
from rag.answer.sides import sides_of
from rag.answer.together import one_quantity

SAILING = {
    "steering.md": """# Steering

## Tiller

A tiller gives a direct feel of the rudder and is cheap to repair.
Most dinghies are steered by one.

## Wheel

A wheel needs cables or hydraulics between it and the rudder.
Instead of a tiller I prefer a wheel on boats over forty feet, as the helm stays light in a blow.
""",
    "reefing.md": """# Reefing

Reefing means making the sail smaller.
The more wind you have, the more sail you should take in.
The stronger the wind, the earlier you reef.
Light wind calls for full sail and a loose outhaul.
Strong gusts come before a squall line.
""",
}


def test_the_line_naming_both_sides_is_quoted_first(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "tiller or wheel, which is better")
    assert not answer.refused, answer.reason
    quotes = [s.text for s in answer.shown if s.origin == "quote"]
    assert quotes and "I prefer a wheel" in quotes[0], answer.answer
    _grounded(answer, SAILING)


def test_two_degrees_of_one_thing_are_answered_by_how_it_varies(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "strong wind vs light wind sail")
    assert not answer.refused, answer.reason
    assert "the more sail you should take in" in answer.answer, answer.answer
    assert "the earlier you reef" in answer.answer, answer.answer
    assert not any(s.origin == "missing" for s in answer.shown), answer.answer
    _grounded(answer, SAILING)


def test_which_sides_are_degrees_of_one_thing():
    assert one_quantity(sides_of(parse("strong wind vs light wind"))) == ("wind",)
    assert one_quantity(sides_of(parse("tiller vs wheel"))) == ()
    assert one_quantity(sides_of(parse("master of a ship vs master of a yard"))) == ()  # two masters
    assert one_quantity(sides_of(parse("open file vs closed position"))) == ()  # two things, no word shared


def test_a_line_only_naming_both_sides_is_no_comparison():
    from rag.answer.evidence import Unit
    from rag.answer.together import both_sides

    listing = Unit("s.md", 1, "Steering: tiller, wheel, autopilot", "Steering", 1, score=1.0)
    prefers = Unit("s.md", 2, "Instead of a tiller I prefer a wheel.", "Steering", 1, score=1.0)
    intent = parse("tiller or wheel, which is better")
    assert both_sides(intent, [listing, prefers]) is None
    assert both_sides(intent, [prefers, listing]) is prefers
