"""A line's first sentence that points back ("This happens on about every 20th regatta") read with the last sentence
of the line above it in one paragraph (or the list item above it, :func:`sibling_items`), which names what it
speaks of: notes written one sentence per line."""

from __future__ import annotations

from dataclasses import replace

from typing import TYPE_CHECKING

from ..markup import ITEM_WITH_TEXT, depth
from .policy import notes as N, questions as Q

if TYPE_CHECKING:
    from .units import Unit


def read_back(units: list[Unit], lines: dict[int, str], made: dict[int, list[Unit]], goes: set[int],
              numbers: list[int]) -> list[Unit]:
    """``units`` with each line's first sentence that points back (questions.POINTS_BACK_LEAD) and goes on the
    paragraph above it (``goes``: offsets of such lines) replaced by one unit quoting, as written, the last
    sentence of the line above (a finished one; one wrapped over lines included) through it. ``made``: a plain
    line's offset -> its units as first made; ``numbers``: each offset's line number in the note."""
    present = {id(u): n for n, u in enumerate(units)}
    out = list(units)
    for offset in sorted(goes):
        first = made[offset][0] if made.get(offset) else None
        if first is None or id(first) not in present or first.joined or first.end:
            continue
        raw = lines[offset]
        if not Q.POINTS_BACK_LEAD.match(first.quote) or raw.find(first.quote) < 0:
            continue
        above = next((u for u in reversed(out) if u.file == first.file and u.last == numbers[offset - 1]
                      and not u.row and u is not first), None)
        if above is None or not N.SENTENCE_END.search(above.quote) or above.quote[:1].islower():
            continue
        top = lines[offset - 1 - (above.last - above.line)] if above.end else lines[offset - 1]
        last = lines[offset - 1]
        start = last.rfind(above.quote.split("\n")[-1])
        if start < 0 or top.find(above.quote.split("\n")[0]) < 0 or last[start + len(above.quote.split("\n")[-1]):].strip():
            continue  # the sentence above does not end its line: something stands between
        head = above.quote.rsplit("\n", 1)[0] + "\n" if above.end else ""
        quote = head + last[start:] + "\n" + raw[: raw.find(first.quote) + len(first.quote)]
        out[present[id(first)]] = replace(first, quote=quote, line=above.line, end=first.line, joined=True)
    return out


def sibling_items(lines: dict[int, str] | list[str], made: dict[int, list[Unit]]) -> set[int]:
    """Offsets of list items right under a sibling item of the same indent ("- 2nd pass, 3rd pass, etc." / "- These
    are only for feedback"): an outline's item pointing back speaks of the item above it, as a paragraph's line does
    of the line above (policy.notes.SIBLING_ITEM_POINTS_BACK; off: none)."""
    if not N.SIBLING_ITEM_POINTS_BACK:
        return set()
    return {o for o in made if o - 1 in made and ITEM_WITH_TEXT.match(lines[o]) and ITEM_WITH_TEXT.match(lines[o - 1])
            and depth(lines[o]) == depth(lines[o - 1])}
