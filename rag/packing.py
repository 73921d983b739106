"""Packing a chunk's lines into pieces within a token budget (rag.chunk): whole lines, greedily, a few tail lines
carried over as overlap, a table's header carried into a piece starting inside the table, and a line longer than
the budget cut into exact slices of itself (so every quote from a piece is still a substring of the note).
"""

from __future__ import annotations

import re

from .tables import rows_with
from .tokens import count_tokens

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[*A-Z0-9])")


def _split_long_line(number: int, text: str, budget: int) -> list[tuple[int, str]]:
    """Split one over-long line at sentence ends, then at spaces, then inside a word, keeping its line number.

    The pieces are exact slices of the line (whitespace kept), so they rejoin to the line and every
    quote taken from a piece is a substring of the note.
    """
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]
    sentences = [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    out: list[str] = []
    for piece in sentences:
        if count_tokens(piece) <= budget:
            out.append(piece)
            continue
        buf = ""
        for word in re.findall(r"\S+\s*|\s+", piece):
            if count_tokens(word) > budget:  # a URL or a blob: cut it by characters
                if buf:
                    out.append(buf)
                buf = ""
                for char in word:
                    if buf and count_tokens(buf + char) > budget:
                        out.append(buf)
                        buf = ""
                    buf += char
            elif buf and count_tokens(buf + word) > budget:
                out.append(buf)
                buf = word
            else:
                buf += word
        if buf:
            out.append(buf)
    merged: list[str] = []
    for piece in out:
        if merged and count_tokens(merged[-1] + piece) <= budget:
            merged[-1] += piece
        else:
            merged.append(piece)
    return [(number, piece) for piece in merged]


def pack(items: list[tuple[int, str]], budget: int, overlap: int) -> list[list[tuple[int, str]]]:
    """Greedy line packing under ``budget`` tokens, carrying up to ``overlap`` tokens of tail lines forward."""
    units: list[tuple[int, str]] = []
    for number, text in items:
        units.extend(_split_long_line(number, text, budget) if count_tokens(text) > budget else [(number, text)])
    pieces: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    size = 0
    headers = rows_with(units)
    for index, unit in enumerate(units):
        cost = count_tokens(unit[1]) + 1
        if current and size + cost > budget:
            pieces.append(current)
            carried: list[tuple[int, str]] = []
            carried_size = 0
            for prev in reversed(current):
                prev_cost = count_tokens(prev[1]) + 1
                if carried_size + prev_cost > overlap or carried_size + prev_cost + cost > budget:
                    break
                carried.insert(0, prev)
                carried_size += prev_cost
            # a piece starting inside a table starts with the table's header: a row means nothing without it
            # (and its lead-in line, which says what the table is, when that fits too)
            wanted = headers.get(index, [])
            for header in (wanted, wanted[-2:]):
                header = [h for h in header if h not in carried]
                if not header:
                    break
                kept = [c for c in carried if c[0] > header[-1][0]]
                total = sum(count_tokens(x[1]) + 1 for x in header + kept)
                while kept and total + cost > budget:
                    total -= count_tokens(kept.pop(0)[1]) + 1
                if total + cost <= budget:
                    carried, carried_size = header + kept, total
                    break
            current, size = carried, carried_size
        current.append(unit)
        size += cost
    if current:
        pieces.append(current)
    return pieces
