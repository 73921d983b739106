"""A code block written right under a line, with no blank line between, reads under that line when the gate
asks what a line speaks of (rag.answer.units, rag.answer.evidence.spoken_terms): the line says what the block works
out ("This bottle holds 2 ml of dye in a 10 litre bath" over "2 / 10000 = 0.02% = 200 ppm"), as a table's rows
read under its lead-in. Invented dyeing notes."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer.units import units_of
from rag.chunk import Chunk

DYEING = {
    "dye.md": """# Dyeing

## Concentration
This bottle holds 2 ml of dye in a 10 litre bath
```
2 / 10000 = 0.02% = 200 ppm
```

## Mordant
Alum is weighed against the dry fibre

```
8 / 100 = 8% of fibre weight in grams
```
""",
}


def _chunk(text: str) -> Chunk:
    lines = text.split("\n")
    return Chunk(id=0, file="n.md", start_line=1, end_line=len(lines), heading="Dyeing", text=text, hash="h",
                 line_numbers=list(range(1, len(lines) + 1)))


def test_a_code_blocks_lines_read_under_the_line_above_its_fence():
    units = {u.quote: u for u in units_of(_chunk(DYEING["dye.md"]))}
    assert "10 litre bath" in units["2 / 10000 = 0.02% = 200 ppm"].lead_in
    # a blank line before the fence: the block stands alone
    assert not units["8 / 100 = 8% of fibre weight in grams"].lead_in
    # the line after the closing fence is no part of the block, nor is the line introducing it
    assert not units["Alum is weighed against the dry fibre"].lead_in
    assert not units["This bottle holds 2 ml of dye in a 10 litre bath"].lead_in
    # ranking reads the block's line as written: its context is its heading, as before
    assert "10 litre" not in units["2 / 10000 = 0.02% = 200 ppm"].context


def test_the_block_answers_what_its_lead_in_line_speaks_of(tmp_path):
    answer = _ask_notes(tmp_path, DYEING, "what's the concentration of dye in a 10 litre bath in ppm")
    assert not answer.refused, answer.reason
    assert "200 ppm" in answer.answer


def test_with_the_lead_in_off_the_block_refuses(tmp_path, monkeypatch):
    monkeypatch.setattr("rag.answer.units._fence_lead", lambda chunk, lines, offset, numbered: "")
    assert _ask_notes(tmp_path, DYEING, "what's the concentration of dye in a 10 litre bath in ppm").refused


@pytest.mark.parametrize("question", ["what's the concentration of dye in a 20 litre bath in ppm"])
def test_a_near_miss_stays_refused(tmp_path, question):
    assert _ask_notes(tmp_path, DYEING, question).refused
