"""A question asked of each of two named things ("how many crew do the sloop and the ketch each need") is read as
the comparison "sloop vs ketch": each side is answered by its own line (rag/answer/versus.py _each_as_versus,
policy.questions EACH_OF_TWO / BOTH_OF_TWO); invented sailing notes."""

from __future__ import annotations

import pytest

from test_compose import _ask_notes

from rag.answer.intent import parse
from rag.answer.policy import questions as Q

BOATS = {
    "sloop.md": """# Sloop

## Rig
- One mast with a mainsail and a jib

## Handling
- Crew: 2 people for coastal passages
- Tacks quickly in light air
""",
    "ketch.md": """# Ketch

## Rig
- A main mast and a shorter mizzen mast behind it

## Handling
- Crew: 4 people for ocean passages
- Balances well under jib and mizzen alone
""",
}


@pytest.fixture
def mechanism(monkeypatch):
    """Switch the reading on or off for one test (parse is cached: cleared around each switch)."""
    def switch(on: bool) -> None:
        monkeypatch.setattr(Q, "EACH_OF_TWO_AS_SIDES", on)
        parse.cache_clear()
    yield switch
    parse.cache_clear()


@pytest.mark.parametrize("question", [
    "how many crew do the sloop and the ketch each need",
    "how many crew do both the sloop and the ketch need",
    "how many crew do the sloop and the ketch need, respectively",
])
def test_each_of_two_things_is_read_as_two_sides(mechanism, question):
    mechanism(True)
    intent = parse(question)
    assert intent.side_heads == ("sloop", "ketch")
    assert "crew" in intent.compared and "each" not in intent.compared


@pytest.mark.parametrize("question", [
    "what do I do with the mainsail and the jib each morning",  # the asker is the subject: one question
    "how many crew do sloops and ketches need",  # no "each": one question of both together
])
def test_other_and_questions_are_not_split_into_sides(mechanism, question):
    mechanism(True)
    assert parse(question).side_heads == ()


def test_each_side_is_answered_by_its_own_line(tmp_path, mechanism):
    mechanism(True)
    answer = _ask_notes(tmp_path, BOATS, "how many crew do the sloop and the ketch each need")
    assert not answer.refused
    assert "Crew: 2 people" in answer.answer and "Crew: 4 people" in answer.answer


def test_switched_off_no_sides_are_read(tmp_path, mechanism):
    mechanism(False)
    assert parse("how many crew do the sloop and the ketch each need").side_heads == ()
