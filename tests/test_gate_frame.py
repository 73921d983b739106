"""Words of a question's frame that no answering line need repeat (rag.answer.phrasing, policy.questions.FRAMING_WORDS):
the verb of "how many bolts hold a wheel", the verb after a long question word phrase ("for how many days at
most can a shop keep ..."), "together", "altogether", "according to", and the word after "how" that asks an
age ("how old was he when ..."). Notes on a bike shop, a choir and a lighthouse, fields far from the eval
sets; fake embedder and model. A word naming a thing still must stand: the near misses stay refused."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import intent as intent_module
from rag.answer import phrasing
from rag.answer.policy import questions as Q
from rag.answer.intent import parse

BIKES = {
    "bikes.md": """# Bike shop

## Wheels
- 5 bolts fix each disc rotor to the hub
- a spare tube is kept for 30 days after a repair

## Rental
- rental bikes are insured for 2000 euros in total
""",
}

CHOIR = {
    "choir.md": """# Choir

## Voices
- the choir has 40 singers in four sections
- the founder, Anna Berg, described 3 rules for rehearsals

## History
- Anna Berg founded the choir at the age of 23
""",
}

TIDES = {
    "tides.md": """# Harbour

## Tides
- a tide over 6 metres floods the quay
- when the tide ebbs, the current runs west past the breakwater
""",
}


@pytest.mark.parametrize("notes, question, shown", [
    (BIKES, "how many bolts hold a disc rotor on the hub", "5 bolts"),  # "how many N VERB a ..."
    (BIKES, "for how many days at most can the shop hold on to a spare tube", "30 days"),  # aux after "how"
    (BIKES, "how much are rental bikes insured for altogether", "2000 euros"),
    (CHOIR, "how many singers does the choir have together", "40 singers"),
    (CHOIR, "how many rules for rehearsals are there according to the founder", "3 rules"),
    (CHOIR, "how old was Anna Berg when she founded the choir", "age of 23"),  # "old" asks the age
    (BIKES, "how many bolts connect disc rotor and hub", "5 bolts"),  # the verb before no article
    (TIDES, "how high a tide covers the quay", "6 metres"),  # "how high a ...": the verb in its "-s" form
    (TIDES, "which direction does the current go when the tide ebbs", "runs west"),  # "go" before "when"
])
def test_the_frame_need_not_stand_in_the_answering_line(tmp_path, notes, question, shown):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


@pytest.fixture
def frame_off(monkeypatch):
    """The mechanisms off: the frame's words are asked terms as before."""
    monkeypatch.setattr(Q, "FRAMING_WORDS", Q.FRAMING_WORDS - {"according", "together", "altogether"})
    monkeypatch.setattr(intent_module, "_FRAMING", frozenset(intent_module.stem(w) for w in Q.FRAMING_WORDS))
    monkeypatch.setattr(phrasing, "_verb_after_question_word", lambda tokens, vocab: [])
    monkeypatch.setattr(Q, "QUESTION_WORDS", frozenset())
    monkeypatch.setattr(Q, "CLAUSE_WORDS", frozenset())
    monkeypatch.setattr(intent_module, "_cue_units", lambda question: frozenset())
    parse.cache_clear()
    yield
    parse.cache_clear()


@pytest.mark.parametrize("notes, question", [
    (BIKES, "how many bolts hold a disc rotor on the hub"),
    (BIKES, "for how many days at most can the shop hold on to a spare tube"),
    (CHOIR, "how many singers does the choir have together"),
    (CHOIR, "how many rules for rehearsals are there according to the founder"),
    (CHOIR, "how old was Anna Berg when she founded the choir"),
    (BIKES, "how many bolts connect disc rotor and hub"),
    (TIDES, "how high a tide covers the quay"),
    (TIDES, "which direction does the current go when the tide ebbs"),
])
def test_with_the_mechanisms_off_the_frame_refuses(tmp_path, frame_off, notes, question):
    answer = _ask_notes(tmp_path, notes, question)
    assert answer.refused, answer.answer


@pytest.mark.parametrize("notes, question, unsaid", [
    (BIKES, "how many bolts hold a brake lever on the handlebar", "lever"),  # the notes count the rotor's bolts
    (CHOIR, "how many singers does the youth choir have together", None),
    (CHOIR, "how old was Anna Berg when she left the choir", None),
])
def test_near_misses_stay_refused(tmp_path, notes, question, unsaid):
    answer = _ask_notes(tmp_path, notes, question)
    assert answer.refused, answer.answer
    assert unsaid is None or unsaid in answer.reason
