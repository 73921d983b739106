"""Sentences read together across note structure (rag/answer/units.py, rag/answer/wrapped.py): a plain line right
under a list item goes on that item (markdown's lazy continuation), and a sentence read with the one that points
back at it stays that pair when it wraps onto the next lines. Notes invented from sailing and knitting."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.chunk import Chunk
from rag.answer.policy import notes as N
from rag.answer.units import units_of

ROPES = {
    "ropes.md": """# Rope work

## Heaving line
1. Flake the line on deck before you throw it.
2. Coil the rest clockwise in loose loops of an arm's length.
This lets the line run out without kinking when it is thrown.
3. Throw underarm and let go of the coil at the top of the swing.

## Whipping
A whipping keeps the end of a rope from fraying. Use waxed twine
and bind at least one and a half times the rope's width.
""",
}


def _chunk(text: str, heading: str = "Rope work > Heaving line") -> Chunk:
    lines = text.split("\n")
    return Chunk(1, "ropes.md", 1, len(lines), heading, text, "h", list(range(1, len(lines) + 1)))


ITEMS = "1. Coil the rest clockwise in loose loops.\nThis lets the line run out without kinking.\n2. Throw underarm."
PAIR = "Purl stitches sit on the back of the work.  This means the\nfront shows a row of bumps where they are knitted."


def test_a_plain_line_under_a_list_item_goes_on_the_item(monkeypatch):
    pair = [u for u in units_of(_chunk(ITEMS)) if "clockwise" in u.quote and "kinking" in u.quote]
    assert pair and (pair[0].line, pair[0].end) == (1, 2), units_of(_chunk(ITEMS))
    monkeypatch.setattr(N, "LAZY_ITEM_CONTINUATION", False)
    assert not [u for u in units_of(_chunk(ITEMS)) if "clockwise" in u.quote and "kinking" in u.quote]


def test_the_next_item_still_opens_a_sentence_of_its_own():
    units = units_of(_chunk(ITEMS))
    assert any(u.quote == "Throw underarm." and u.line == 3 for u in units)
    assert not any("kinking" in u.quote and "Throw" in u.quote for u in units)


def test_the_reason_under_a_list_item_is_quoted_with_it(tmp_path, monkeypatch):
    answer = _ask_notes(tmp_path, ROPES, "why coil the heaving line clockwise")
    assert not answer.refused, answer.reason
    assert "without kinking" in answer.answer, answer.answer
    _grounded(answer, ROPES)


def test_a_wrapped_pair_stays_a_pair(monkeypatch):
    chunk = _chunk(PAIR, "Knitting > Purl")
    wrapped = [u for u in units_of(chunk) if u.end == 2 and u.quote.startswith("Purl stitches")]
    assert wrapped and wrapped[0].joined, units_of(chunk)
    monkeypatch.setattr(N, "WRAPPED_PAIR_STAYS_PAIR", False)
    wrapped = [u for u in units_of(chunk) if u.end == 2 and u.quote.startswith("Purl stitches")]
    assert wrapped and not wrapped[0].joined
