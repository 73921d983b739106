"""A "%" inside a word or a code token ("{BOAT%short}") is notation, and "percent" opening a hyphened compound
("percent-encoded") says how a thing is written: neither asks a percentage (policy.values.PERCENT_ASKED), so the
gate does not refuse for want of a line stating one. Invented sailing-log and law-office notes, fake embedder, a
model that never answers; with the former pattern (any "%", any "percent") both questions are refused."""

from __future__ import annotations

import re

import pytest

from test_compose import _answerer, write_notes

from rag.answer.intent import parse
from rag.answer.policy import values as V

NOTES = {
    "logbook.md": """# Logbook template

## Boat names

| Field | What it prints |
| ----- | -------------- |
| `{BOAT%short}` | The boat's short name, as painted on the transom. |
| `{BOAT%%long}` | The boat's registered name, with its port of registry. |
| `{CREW}` | The names of everyone aboard. |
""",
    "filing.md": """# Court filing

## Case references online

Case references are percent-encoded before they are filed online: each space becomes %20.
Paper filings keep the reference as the clerk wrote it.

## Fees

A small claims filing fee is 35 pounds; 5% of it is refunded if the claim settles.
""",
}

FORMER = re.compile(r"(?i)\b(percent|percentage|what share|what proportion)\b|%")


@pytest.fixture()
def former(monkeypatch):
    monkeypatch.setattr(V, "VALUE_QUESTIONS", [(FORMER, kind) if kind == "percent" else (pattern, kind)
                                               for pattern, kind in V.VALUE_QUESTIONS])
    parse.cache_clear()  # parse remembers questions read with the pattern in force
    yield
    parse.cache_clear()


def _ask(tmp_path, question):
    answerer = _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index", "I can't find that in your notes.")
    return answerer.ask(question)


def test_notation_and_a_compound_ask_no_percentage():
    assert parse("what does {BOAT%short} print").value is None
    assert parse("difference between {BOAT%short} and {BOAT%%long}").value is None
    assert parse("how are percent-encoded case references filed").value is None


def test_a_percentage_is_still_asked_by_its_words_and_sign():
    assert parse("what % of the crew stands watch").value == "percent"
    assert parse("what percent of the boats are registered").value == "percent"
    assert parse("what share of the crew stands watch").value == "percent"


def test_with_the_former_pattern_notation_asks_a_percentage(former):
    assert parse("what does {BOAT%short} print").value == "percent"
    assert parse("how are percent-encoded case references filed").value == "percent"


def _cited(answer) -> str:
    return " ".join(c.quote for c in answer.citations)


def test_notation_questions_are_answered_from_their_lines(tmp_path):
    answer = _ask(tmp_path, "difference between {BOAT%short} and {BOAT%%long}")
    assert not answer.refused, answer.reason
    assert "short name" in _cited(answer)
    answer = _ask(tmp_path, "what does {BOAT%%long} print")
    assert not answer.refused, answer.reason
    assert "registered name" in _cited(answer)
    answer = _ask(tmp_path, "how are percent-encoded case references filed online")
    assert not answer.refused, answer.reason
    assert "each space becomes %20" in _cited(answer)


def test_with_the_former_pattern_they_are_refused(tmp_path, former):
    for question in ("difference between {BOAT%short} and {BOAT%%long}", "what does {BOAT%%long} print",
                     "how are percent-encoded case references filed online"):
        answer = _ask(tmp_path, question)
        assert answer.refused, question
