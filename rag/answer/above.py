"""What a note's lines above a chunk leave in force at its first line: inside a code fence or not (a "# ..." line is
a comment there, rag.answer.units), and the label line heading the list it is cut inside (rag.answer.listlabel).

A chunk cut inside a code block or a labelled list reads on as the whole note does. The note is read once, in one
pass, for all its chunks and questions (rag.pernote), not again up to each chunk's first line.
"""

from __future__ import annotations

from typing import Callable

from ..markup import FENCE
from ..pernote import PerNote
from .listlabel import step
from .policy import notes as N


def _scan(lines: list[str]) -> tuple[list[bool], list[tuple[int, str] | None]]:
    """(inside a fence, the label in force) after each prefix of ``lines``: entry k is the state after lines[:k]."""
    fenced, label = False, None
    inside: list[bool] = [False]
    labels: list[tuple[int, str] | None] = [None]
    for raw in lines:
        fence = bool(FENCE.match(raw))  # opening a block or closing one: no label reads over it
        fenced ^= fence
        label = None if fenced or fence else step(label, raw)
        inside.append(fenced)
        labels.append(label)
    return inside, labels


_STATE = PerNote(_scan, lambda: (N.LIST_LABEL_READS_OVER_LIST, N.LIST_LABEL_MAX_WORDS))


def fenced_before(first_line: int, file: str, note_lines: Callable[[str], list[str]] | None) -> bool:
    """Whether a chunk's first line (numbered from 1) sits inside a code fence opened above it in the whole note."""
    if note_lines is None or first_line <= 1:
        return False
    lines = note_lines(file)
    return _STATE(lines)[0][min(first_line - 1, len(lines))]


def label_before(first_line: int, file: str, note_lines: Callable[[str], list[str]] | None) -> tuple[int, str] | None:
    """The label in force at a chunk's first line (numbered from 1), read in the whole note: a chunk cut inside a
    labelled list still reads under its label. None without the note's lines or when no label heads the list."""
    if note_lines is None or first_line <= 1 or not N.LIST_LABEL_READS_OVER_LIST:
        return None
    lines = note_lines(file)
    return _STATE(lines)[1][min(first_line - 1, len(lines))]
