"""A list announced in a sentence of prose ("It is made of three main components:") heads the list under it, as a
label line naming the list does (rag/answer/announced.py): the answer quotes the list, not a line that merely
shares the question's words. Notes invented from boat maintenance."""

from __future__ import annotations

import dataclasses

from conftest import write_notes
from test_compose import _answerer, _grounded

from rag.answer.policy import DEFAULT, questions as Q

BOATS = {
    "boats.md": """# Boat maintenance

## Jobs before the season
Antifoul the hull in spring and check the anodes.

Check the bilge pump before the first trip. A bilge pump clears water from the hull. It is made of three main components:

1. A strainer on the intake hose.
2. A diaphragm driven by a hand lever.
3. An outlet with a flap valve.

Bilge pump parts wear out faster in salt water, so rinse the pump parts after each trip.

## On the water
Reef early when the wind builds, and keep the crew to windward.

Launch from the slipway at half tide. To launch safely you need two pieces of information:

- The tide times for the slipway
- The wind forecast for the afternoon

To launch from the slipway you need to know two people who can hold the trolley.
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", BOATS), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = answerer.scorer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_a_count_or_following_before_the_colon_announces_a_list():
    assert Q.ANNOUNCES_LIST.search("It is made of three main components:")
    assert Q.ANNOUNCES_LIST.search("You will need the following:")
    assert not Q.ANNOUNCES_LIST.search("It is made of three main components.")
    assert not Q.ANNOUNCES_LIST.search("Note:")


def test_the_parts_asked_are_the_announced_list(tmp_path):
    answer = _ask(tmp_path, "what are the parts of a bilge pump")
    assert not answer.refused, answer.reason
    for part in ("strainer", "diaphragm", "flap valve"):
        assert part in answer.answer, answer.answer
    _grounded(answer, BOATS)


def test_the_things_counted_are_the_list_announcing_that_count(tmp_path):
    answer = _ask(tmp_path, "what two things do i need to know to launch from the slipway")
    assert not answer.refused, answer.reason
    assert "tide times" in answer.answer and "wind forecast" in answer.answer, answer.answer
    _grounded(answer, BOATS)


def test_off_the_lines_sharing_the_words_answer(tmp_path):
    answer = _ask(tmp_path, "what are the parts of a bilge pump", announced_list_heads_list=False)
    assert not all(part in answer.answer for part in ("strainer", "diaphragm", "flap valve")), answer.answer


def test_off_the_counted_things_are_missed(tmp_path):
    answer = _ask(tmp_path, "what two things do i need to know to launch from the slipway", announced_list_heads_list=False)
    assert "wind forecast" not in answer.answer, answer.answer
