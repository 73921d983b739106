"""A comparison side's vague or light word ("a specific jib") names nothing of that side:
the side is named by its other words, and a side made only of such words is no side. Invented sailing notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer import versus
from rag.answer.intent import _parse
from rag.answer.policy import questions as Q
from rag.answer.versus import side_heads_of, side_terms

NOTES = {
    "rigging.md": """# Rigging

## Mainsail

Reef the mainsail once the wind holds above 20 knots.

## Headsails

The storm jib is hanked on the inner forestay before a gale.
""",
}
QUESTION = "when to reef the mainsail vs a specific jib"


def test_a_vague_word_names_no_side():
    assert side_heads_of(QUESTION)[0] == ("mainsail", "jib")
    assert "specif" not in side_heads_of(QUESTION)[1]
    assert side_terms("the mainsail vs a particular one") is None  # a side of vague words only is no side


def test_the_side_is_answered_by_its_named_line(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, QUESTION)
    assert not answer.refused, answer.reason
    assert "inner forestay" in answer.answer and "specific" not in answer.answer


def test_with_vague_words_off_the_side_is_the_vague_word(tmp_path, monkeypatch):
    monkeypatch.setattr(Q, "VAGUE_SIDE_WORDS", frozenset())  # the mechanism off
    versus._vague_stems.cache_clear()
    _parse.cache_clear()  # questions are read once per process: read again with the mechanism off
    try:
        assert side_heads_of(QUESTION)[0] == ("mainsail", "specif")
        answer = _ask_notes(tmp_path, NOTES, QUESTION)
        assert answer.refused or "inner forestay" not in answer.answer or "specific" in answer.answer
    finally:
        versus._vague_stems.cache_clear()
        _parse.cache_clear()
