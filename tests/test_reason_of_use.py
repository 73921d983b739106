"""A why-question ("why would I X instead of Y") is answered by the line saying when X is of use ("this is especially
useful when ..."), and a line whose "as it" compares ("exactly as they were") states no reason (policy.stated.REASON,
read by rag.answer.evidence for Policy.bonus_reason). Invented woodturning and beekeeping notes."""

import re

import pytest

from rag.answer.evidence import Scorer
from rag.answer.policy import questions as Q
from rag.answer.units import Unit

# REASON before this rule: any "as it" a reason, no line of use
_OLD = re.compile(Q.REASON.pattern.replace(r"|\b(?:useful|handy|helpful)\s+(?:when|if)\b", "")
                  .replace("(?<!exactly )(?<!just )(?<!precisely )(?<!same )(?<!such )(?<!much )", ""))

CASES = [
    ("why would I turn the bowl green instead of just drying the blank first", "Woodturning > Green turning",
     "Rough-turned bowls go back on the lathe, leaving the walls exactly as they were before drying.",
     "This is especially useful when a dried blank would crack—the thin wall dries evenly."),
    ("why would I split a hive instead of just adding a super", "Beekeeping > Splits",
     "Move the frames to the new box so the brood sits just as it did in the old one.",
     "A split is handy when the colony is about to swarm."),
]


def _units(neighbour: str, use: str, heading: str) -> list[Unit]:
    return [Unit("notes.md", 1, neighbour, heading, 0, heading=heading), Unit("notes.md", 2, use, heading, 0, heading=heading)]


@pytest.mark.parametrize("question, heading, neighbour, use", CASES)
def test_the_line_of_use_answers_why(question, heading, neighbour, use):
    ranked = Scorer({}).score(question, _units(neighbour, use, heading), {0: 1})
    assert ranked[0].quote == use, [(u.quote, u.score) for u in ranked]


@pytest.mark.parametrize("question, heading, neighbour, use", CASES)
def test_with_the_old_reading_the_comparing_line_leads(question, heading, neighbour, use, monkeypatch):
    monkeypatch.setattr(Q, "REASON", _OLD)  # the mechanism off
    ranked = Scorer({}).score(question, _units(neighbour, use, heading), {0: 1})
    assert ranked[0].quote == neighbour, [(u.quote, u.score) for u in ranked]


def test_a_comparing_as_is_no_reason():
    assert not Q.REASON.search("the walls stay exactly as they were")
    assert Q.REASON.search("the walls crack as they dry too fast")
    assert Q.REASON.search("this is useful when the wood is wet")
