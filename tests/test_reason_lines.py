"""A why-question asks a reason: among the lines of the right section, the one stating a reason ("because",
"the reason is that", "X is the choice as it ...") outranks neighbours that only say what is done
(rag.answer.evidence._intent_bonus, Policy.bonus_reason)."""

import dataclasses

import pytest

from rag.answer.evidence import Scorer
from rag.answer.intent import parse
from rag.answer.policy import DEFAULT
from rag.answer.units import Unit

OFF = dataclasses.replace(DEFAULT, bonus_reason=0.0)


def _unit(quote: str, heading: str) -> Unit:
    return Unit("notes.md", 1, quote, heading, 0, heading=heading)


@pytest.mark.parametrize("question, heading, neighbour, reason", [
    ("why reef the mainsail early", "Sailing > Reefing",
     "Reef the mainsail early at the mast.",
     "Reef early because a mainsail is hard to handle once the boat heels."),
    ("why rest a steak after grilling", "Cooking > Steak",
     "Rest the steak for five minutes after grilling.",
     "The reason is that the juices of a rested steak settle back after grilling."),
    ("why is the contract notarised", "Law > Leases",
     "The contract is notarised at the town office.",
     "A notarised contract is the form of choice as it can be enforced without a court."),
])
def test_a_why_question_prefers_the_line_stating_a_reason(question, heading, neighbour, reason):
    units = [_unit(neighbour, heading), _unit(reason, heading)]
    ranked = Scorer({}).score(question, units, {0: 1})
    assert ranked[0].quote == reason, [(u.quote, u.score) for u in ranked]
    off = Scorer({}, policy=OFF).score(question, [_unit(neighbour, heading), _unit(reason, heading)], {0: 1})
    assert off[0].quote == neighbour  # the mechanism switched off: the neighbour stays first


def test_only_a_why_question_asks_a_reason():
    assert parse("why reef the mainsail early").asks_reason
    assert parse("How come the sail luffs?").asks_reason
    assert not parse("when do I reef the mainsail").asks_reason
    assert not parse("what is a reef knot").asks_reason


@pytest.mark.parametrize("question", ["when was the lease signed", "what is the lease term"])
def test_other_questions_get_no_reason_weight(question):
    units = [_unit("The lease was signed at the town office.", "Law > Leases"),
             _unit("The lease was signed because the tenant moved in early.", "Law > Leases")]
    ranked = Scorer({}).score(question, units, {0: 1})
    assert ranked[0].score == pytest.approx(ranked[1].score)


def test_since_with_a_date_states_no_reason():
    units = [_unit("The harbour has kept moorings since 1990.", "Sailing > Harbour"),
             _unit("The harbour has kept moorings here.", "Sailing > Harbour")]
    ranked = Scorer({}).score("why does the harbour keep moorings", units, {0: 1})
    assert ranked[0].score == pytest.approx(ranked[1].score)
