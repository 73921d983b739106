"""A level asked by name ("what noise level does the pump make") asks a number, as a rate or a score does
(policy.values.VALUE_QUESTIONS): notes saying the pump is quiet give none. Notes on a swimming pool, a field far
from the eval sets; fake embedder and model."""

from __future__ import annotations

import re

import pytest
from test_compose import _ask_notes

from rag.answer.intent import parse
from rag.answer.policy import values as V

POOL = {
    "pool.md": """# Pool

## Water
- keep the chlorine level of the water between 1 and 3 ppm
- test the water twice a week

## Pump
- the pump runs quietly at night
- clean the pump basket every week
""",
}


@pytest.fixture
def level_unasked(monkeypatch):
    """The mechanism off: "level" is no value word; the question asks no number."""
    table = [(re.compile(p.pattern.replace("|level)", ")"), p.flags), kind) for p, kind in V.VALUE_QUESTIONS]
    monkeypatch.setattr(V, "VALUE_QUESTIONS", table)
    parse.cache_clear()
    yield
    parse.cache_clear()


def test_a_level_the_notes_never_give_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, POOL, "what noise level does the pump make at night")
    assert answer.refused, answer.answer


def test_with_level_unasked_it_is_answered(tmp_path, level_unasked):
    answer = _ask_notes(tmp_path, POOL, "what noise level does the pump make at night")
    assert not answer.refused, answer.reason


def test_a_level_the_notes_give_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, POOL, "what chlorine level does the water need")
    assert not answer.refused, answer.reason
    assert "1 and 3 ppm" in answer.answer


def test_the_parse():
    assert parse("what noise level does the pump make").value == "number"
    assert parse("what option puts it under one top level folder").value is None  # "level" qualifies "folder"
