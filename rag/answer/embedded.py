"""The texts the index embeds for a chunk: its units as the scorer reads them, and each line's sentences as
written, which calibration samples. Kept apart from rag.answer.units, which makes the units."""

from __future__ import annotations

from ..chunk import Chunk
from .units import units_of


def line_texts(chunk: Chunk) -> list[str]:
    """The chunk's sentences as written, one by one, line by line: what calibration samples
    (rag.answer.calibrate), so that reading a sentence with the one before it, or joining a sentence wrapped
    over two lines, leaves "unrelated" as it was."""
    return [unit.display for unit in units_of(chunk, wrapped=False) if not unit.joined]


def sentence_texts(chunk: Chunk) -> list[str]:
    """The texts of a chunk's units as the scorer embeds them (and each line's own, which calibration reads):
    the index stores their vectors."""
    return list(dict.fromkeys([u.display for u in units_of(chunk, wrapped=False)] + [u.display for u in units_of(chunk)]))
