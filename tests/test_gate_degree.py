"""A question asking a degree of one thing ("how high", "how much rain", "which direction") or a speed ("how
quickly") asks one value: the line that answers must speak of everything it asks about, as for "how many" or
"what is" (rag.answer.amount.degree_asked, policy.values.DEGREE and the "speed" kind). Notes on tides, a ferry line,
weather and an orchard, fields far from the eval sets; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import intent as intent_module
from rag.answer.intent import parse

COAST = {
    "coast.md": """# Coast guide

## Tides
- spring tides in Brest rise 8 metres above the low water mark
- the current in the southern bay flows east during the flood tide
- the tide in Brest turns every six hours

## Ferry
- the ferry crosses the strait in 40 minutes
- the harbour pilot boards every ship over 80 metres
- the old cable car climbs slowly to the lighthouse

## Weather
- Bergen gets about 2250 mm of rain a year
- Oslo has cold, dry winters
""",
}

ORCHARD = {
    "orchard.md": """# Orchard

## Figs
- fig trees need little shade and much sun
- a fig tree gives fruit twice a year

## Pears
- pear trees need cross-pollination from another variety
""",
}


@pytest.fixture
def no_degree(monkeypatch):
    """The mechanism off: a degree question is read as before, asking no value and no one thing."""
    monkeypatch.setattr(intent_module, "degree_asked", lambda question: ("", ""))
    parse.cache_clear()
    yield
    parse.cache_clear()


NEAR_MISSES = [
    (COAST, "how high do spring tides rise in Lisbon", "lisbon"),  # the notes give Brest's
    (COAST, "how much rain does Oslo get in a year", "rain"),  # the notes give Bergen's rain, Oslo's winters
    (COAST, "in which direction does the current flow in the northern bay", "northern"),
]


@pytest.mark.parametrize("notes, question, unsaid", NEAR_MISSES)
def test_a_degree_the_notes_give_for_another_thing_is_refused(tmp_path, notes, question, unsaid):
    answer = _ask_notes(tmp_path, notes, question)
    assert answer.refused, answer.answer
    assert unsaid in answer.reason.lower()  # the refusal names what the notes leave unsaid


@pytest.mark.parametrize("notes, question, _unsaid", NEAR_MISSES)
def test_with_the_mechanism_off_those_near_misses_are_answered(tmp_path, no_degree, notes, question, _unsaid):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason


@pytest.mark.parametrize("notes, question, shown", [
    (COAST, "how high do spring tides rise in Brest", "8 metres"),  # a number
    (ORCHARD, "how much shade does a fig tree need", "little shade"),  # a degree in words
    (COAST, "in which direction does the current in the southern bay flow", "flows east"),  # "direction" unsaid
    (COAST, "how quickly does the ferry cross the strait", "40 minutes"),  # a time answers "how quickly"
    (COAST, "how fast does the cable car climb to the lighthouse", "slowly"),  # ...and so does a word of speed
])
def test_a_degree_the_notes_give_is_answered(tmp_path, notes, question, shown):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


def test_how_quickly_needs_a_time_or_a_speed(tmp_path):
    # the notes say the pilot boards ships, never how soon: a line without a time or speed answers nothing
    answer = _ask_notes(tmp_path, COAST, "how quickly does the harbour pilot board a ship")
    assert answer.refused, answer.answer
    assert "speed" in answer.reason


def test_the_parse_of_degree_questions():
    assert parse("how high is the tax in Peru").degree == "how high"
    assert "high" not in parse("how high is the tax in Peru").asked_terms  # the line may say "12%"
    assert parse("how much oil does Chad produce").specific
    assert parse("how quickly is a claim settled").value == "speed"
    # not degrees: a price, a manner, a cause, a yes/no question
    assert parse("how much do pilots get paid").value == "price"
    assert not parse("how exactly does a pilot board a ship").degree
    assert not parse("how does the tide turn").degree
    assert not parse("why is the tide so high").degree
    assert not parse("is the tide high in Brest").degree

