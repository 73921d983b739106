"""A "who" question about one kind of a thing needs a line naming someone that speaks of that kind
(rag.answer.gate.kind_named): a name beside another kind of the thing is a near miss. Notes from fields far
from the eval sets (a chess player's, a law student's), fake embedder and a model that never answers."""

from __future__ import annotations

import pytest
from test_compose import _answerer, write_notes

from rag.answer.policy import Policy

CHESS = {
    "openings.md": """# Chess openings

## Sicilian Defence
- The Najdorf variation was popularised by Miguel Najdorf and later played by Bobby Fischer
- both variations answer 1.e4 with 1...c5

## Dragon
- the bishop goes to g7 and black castles short

## Queen's Gambit
- the declined line keeps the pawn on d5 and develops slowly
""",
}

LAW = {
    "contracts.md": """# Contract law

## Formation
- the postal rule was set out in Adams v Lindsell in 1818
- an invitation to treat is no offer

## Mirror image
- the acceptance must match the offer exactly, or it is a counter-offer

## Remedies
- specific performance is an equitable remedy granted at the court's discretion
""",
}


def _ask(tmp_path, notes, question, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = policy
    return answerer.ask(question)


@pytest.mark.parametrize("notes, question", [
    # the notes speak of the dragon and of variations, but the only name stands beside the Najdorf variation
    (CHESS, "who popularised the dragon variation"),
    (LAW, "who set out the mirror image rule"),  # ...beside the postal rule
])
def test_a_name_beside_another_kind_of_the_thing_is_refused(tmp_path, notes, question):
    answer = _ask(tmp_path, notes, question)
    assert answer.refused
    assert "naming someone" in answer.reason


@pytest.mark.parametrize("notes, question", [
    (CHESS, "who popularised the dragon variation"),
    (LAW, "who set out the mirror image rule"),
])
def test_with_the_check_off_the_near_miss_is_answered(tmp_path, notes, question):
    # the mechanism switched off: the name in a line about another kind lets the question through
    answer = _ask(tmp_path, notes, question, Policy(who_names_the_kind=False))
    assert not answer.refused, answer.reason


@pytest.mark.parametrize("notes, question, name", [
    (CHESS, "who played the najdorf variation", "Fischer"),
    (LAW, "who set out the postal rule", "Lindsell"),
])
def test_a_name_beside_the_asked_kind_answers(tmp_path, notes, question, name):
    answer = _ask(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert name in answer.answer


def test_a_number_before_a_noun_names_no_kind(tmp_path):
    # "the three founders": a count, which the naming line need not repeat ("founded by Ann Lee and Tom Reed")
    notes = {"club.md": "# Allotment club\n\n## History\n- the club was founded by Ann Lee and Tom Reed in 1962\n"
                        "- plots are let for one year at a time\n"}
    answer = _ask(tmp_path, notes, "who were the three founders of the club")
    assert not answer.refused, answer.reason
    assert "Ann Lee" in answer.answer
