"""A year with an era marker is a date whatever its size ("333 B.C.", "AD 79", "c. 1200 BCE"), and so are a decade and
a numbered century (policy.values ERA_YEAR, CENTURY); "in charge of" asks no price (IN_CHARGE). Notes of a
geology student on stone tools and sites, a field far from the eval sets; fake embedder, silent model."""

from __future__ import annotations

import re

import pytest
from test_compose import _ask_notes

from rag.answer.intent import parse
from rag.answer.policy import values as V

STONES = {
    "stones.md": """# Stone tools and monuments

## Obsidian
- Traded across the Aegean from 7000 BC
- Blades were knapped by hand

## Stonehenge
- The first ditch was dug around 3000 B.C.
- The sarsens were raised by farming communities

## Pompeii
- Buried by the eruption of Vesuvius in AD 79
- Its plaster casts are still studied

## Lisbon
- Destroyed by an earthquake in the 18th century
- Rebuilt on a grid plan
""",
}

OLD_YEARS = re.compile(r"(?i)\b(?:1\d{3}|20\d{2})s?\b")


@pytest.fixture
def no_eras(monkeypatch):
    """The mechanism off: only 1000-2099 are years, as before."""
    patterns = dict(V.VALUE_PATTERNS)
    patterns["date"] = OLD_YEARS
    patterns["time"] = re.compile(OLD_YEARS.pattern + r"|\b(?:after|before|during|since|until)\b")
    monkeypatch.setattr(V, "VALUE_PATTERNS", patterns)


ERA_QUESTIONS = [
    ("what year was the first ditch at stonehenge dug", "3000 B.C."),
    ("in what year was obsidian traded across the aegean", "7000 BC"),
    ("in what year was pompeii buried", "AD 79"),
    ("when was lisbon destroyed", "18th century"),
]


@pytest.mark.parametrize("question, shown", ERA_QUESTIONS)
def test_a_year_with_an_era_marker_answers_a_date_question(tmp_path, question, shown):
    answer = _ask_notes(tmp_path, STONES, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


@pytest.mark.parametrize("question, _shown", ERA_QUESTIONS[:3])
def test_with_the_mechanism_off_they_are_refused(tmp_path, no_eras, question, _shown):
    answer = _ask_notes(tmp_path, STONES, question)
    assert answer.refused
    assert "date" in answer.reason


def test_a_line_without_a_date_still_refuses(tmp_path):
    answer = _ask_notes(tmp_path, STONES, "what year were the sarsens at stonehenge raised")
    assert answer.refused and "date" in answer.reason


def test_what_the_patterns_read_as_dates():
    date = V.VALUE_PATTERNS["date"]
    for text in ("in 333 B.C.", "3500 B.C. to 2350 B.C.", "AD 79", "200 BCE", "c. 1200 BC", "10,000 BC",
                 "the 1920's", "1920s", "the 5th century", "the third century BC", "the second millennium"):
        assert date.search(text), text
    # "bc" in lower case is shorthand for "because"; "AD" alone is no year, nor "CEOs"
    for text in ("bc it rained", "12 CEOs hired", "Managed AD domains", "a century of records"):
        assert not date.search(text), text


def test_in_charge_asks_no_price():
    assert parse("what years were the bakers in charge of the mill").value == "date"
    assert parse("who took charge of the mill").value is None
    assert parse("what does the miller charge").value == "price"
