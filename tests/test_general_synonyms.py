"""Plain English words a question and a note use for one meaning (policy.notes.GENERAL_SYNONYMS: "keep"/"store",
"almost every"/"nearly all", "grow"/"increase", "begin"/"start", "biggest"/"largest", "person"/"human",
"chance"/"probability", "near"/"close", "people"/"population"): the line saying it in the
note's words is quoted first, or answers at all. Invented spice, regatta, rope-walk, bake-house and mill notes,
fake embedder and a model that never answers; the same questions without the table (monkeypatched) go wrong."""

from __future__ import annotations

import pytest
from test_gate_near_misses import _ask

from rag.answer import sameword
from rag.answer.policy import Policy, notes as N
from rag.text import stem

SPICES = {
    "spices.md": """# House spices

## Salt and pepper
- Almost every cook in the guild grinds pepper by hand
- Salt is found in nearly all dishes of the house
""",
}

REGATTA = {
    "regatta.md": """# Harbour regatta

## History
- The regatta started in 1851 off the east pier
- The regatta trophy is a silver ewer
""",
}

ROPEWALK = {
    "ropewalk.md": """# Rope walk

## Hemp rope
- Wet hemp rope is laid on a walk of 300 metres in length
- Wet hemp rope will increase in length by about 5%
""",
}

BAKEHOUSE = {
    "bakehouse.md": """# Bake house

## Heat
- On a summer shift a human being drinks about 3 litres of water in the bake house
- The bake house ovens are fired with beech wood
""",
}

MILL = {
    "mill.md": """# Water mill

## Gearing
- The mill ground flour for the whole valley
- Some improvements included an iron gear and a wider wheel
""",
}

ESTUARY = {
    "estuary.md": """# Estuary pilotage

## Weather
- The probability of fog on the estuary in March is about 1 in 10
- Boats moored close to the old harbour wall must hang three fenders each

## Villages
- About 40 percent of the population of the island fished for a living
- The ferry to the island runs twice a day
""",
}

CASES = [
    (ESTUARY, "what is the chance of fog on the estuary in march", "1 in 10"),
    (ESTUARY, "what are boats near the old harbour wall required to hang", "three fenders"),
    (ESTUARY, "what share of people on the island fished for a living", "40 percent"),
    (BAKEHOUSE, "how many litres of water does a person drink in the bake house", "3 litres"),
    (MILL, "what advances were made to the mill", "iron gear"),
    (SPICES, "which seasoning is in almost every dish of the house", "Salt is found"),
    (REGATTA, "what year did the regatta begin", "1851"),
    (ROPEWALK, "how much does wet hemp rope grow in length", "5%"),
]


@pytest.fixture
def without_general(monkeypatch):
    table: dict[str, set[str]] = {}
    for a, b in N.SYNONYMS:
        if (a, b) not in N.GENERAL_SYNONYMS:
            table.setdefault(stem(a), set()).add(stem(b))
            table.setdefault(stem(b), set()).add(stem(a))
    monkeypatch.setattr(sameword, "_SYNONYMS", table)


@pytest.mark.parametrize("notes,question,fact", CASES)
def test_line_in_the_notes_own_words_is_quoted_first(tmp_path, notes, question, fact):
    answer = _ask(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert fact in answer.citations[0].quote


@pytest.mark.parametrize("notes,question,fact", CASES)
def test_without_the_table_it_is_not(tmp_path, notes, question, fact, without_general):
    # the table alone: "were made to" is no thing asked either (policy.irregular_participles), which leaves the mill's
    # question one word the notes never use, enough to answer from its only section; switched off here
    answer = _ask(tmp_path, notes, question, Policy(irregular_participles=False))
    assert answer.refused or fact not in answer.citations[0].quote


def test_table_holds_no_field_words():
    # plain English only: each word of the table is a word of general English the stemmer keeps apart
    for a, b in N.GENERAL_SYNONYMS:
        assert stem(a) != stem(b)
        assert sameword.synonyms_of(stem(a)) >= {stem(b)}
