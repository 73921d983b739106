"""A verb of general meaning with a particle ("take over", "go through") is a phrasal verb: the notes word it with a
verb of their own ("seized", "claimed"), so no answering line need say "take" (rag.answer.phrasing, knob
general_phrasal_verbs). Invented mill-town, lighthouse and kitchen notes, fake embedder and a model that never
answers; the near misses beside them (a thing the notes never tie to a date) stay refused."""

from __future__ import annotations

import dataclasses

import pytest
from test_gate_near_misses import _ask

from rag.answer.policy import DEFAULT

OFF = dataclasses.replace(DEFAULT, general_phrasal_verbs=False)

MILL = {
    "mill.md": """# Mill town

## The river mill
- Seized in 1412 by William the Bold
- Rebuilt in stone after the flood of 1530

## The bakery
- The bakery sold rye loaves to the garrison
""",
}

LIGHTHOUSE = {
    "lighthouse.md": """# Lighthouse

## Keepers
- Claimed in 1702 by the Duke of York
- The first keeper lit the lamp with whale oil
""",
}

KITCHEN = {
    "kitchen.md": """# Bread kitchen

## Dough
- Every batch of the house dough has 3 rises before it is baked
- The house dough is mixed by hand
""",
}

ANSWERED = [
    (MILL, "what year did william the bold take over the river mill", "1412"),
    (LIGHTHOUSE, "what year did the duke of york take over the lighthouse", "1702"),
    (KITCHEN, "how many rises does a batch of the house dough go through", "3 rises"),
]


@pytest.mark.parametrize("notes,question,fact", ANSWERED)
def test_phrasal_verb_is_answered_in_the_notes_own_verb(tmp_path, notes, question, fact):
    answer = _ask(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert fact in answer.answer


@pytest.mark.parametrize("notes,question,fact", ANSWERED)
def test_without_the_rule_the_particle_verb_is_refused(tmp_path, notes, question, fact):
    assert _ask(tmp_path, notes, question, OFF).refused


@pytest.mark.parametrize("notes,question", [
    (MILL, "what year did william the bold take over the bakery"),
    (LIGHTHOUSE, "what year did the duke of york take over the harbour"),
])
def test_near_miss_with_a_phrasal_verb_stays_refused(tmp_path, notes, question):
    assert _ask(tmp_path, notes, question).refused
