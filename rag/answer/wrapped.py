"""Hard-wrapped prose: a sentence a note wraps over consecutive lines of one paragraph is one evidence unit,
cited as written across those lines, so its fact and its subject are scored, quoted and shown together."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..markup import LEAD_MARK as _ITEM, depth
from .policy import notes as N

if TYPE_CHECKING:  # units reads lines through this module: no import back at run time
    from .units import Unit


def goes_on(unit: Unit, raw: str) -> bool:
    """Whether ``unit``, the last sentence of its line ``raw`` (nothing written after it), stops unfinished."""
    at = raw.rfind(unit.quote)
    return at >= 0 and not raw[at + len(unit.quote):].strip() and not N.SENTENCE_END.search(unit.quote)


def defines_term(chain: list[tuple[int, Unit]]) -> bool:
    """A term line ("**Bosun** -") and the one line under it, its definition ("_Keeps the deck in order_"): one
    unit though no full stop ends it (policy.notes.TERM_LINE), so the term speaks for what defines it."""
    term = chain[0][1].quote
    return (N.TERM_LINE_JOINS_DEFINITION and len(chain) == 2 and bool(N.TERM_LINE.match(term))
            and len(term.split()) <= N.TERM_LINE_MAX_WORDS + 1)


def defines_above(lines: list[str], offset: int) -> bool:
    """The line at ``offset`` is indented under a term line ("**Bosun** -" over "_Rigging_"): its definition, which
    may be one word, and is still a statement of its own (policy.notes.TERM_LINE)."""
    if not (N.TERM_LINE_JOINS_DEFINITION and offset and lines[offset].strip()):
        return False
    above = _ITEM.sub("", lines[offset - 1], count=1).strip()
    return bool(N.TERM_LINE.match(above)) and depth(lines[offset]) > depth(lines[offset - 1])


def defined_term(unit: Unit) -> str:
    """The term a unit joined from a term line and its definition defines ("**Bosun** -"); "" for other units."""
    first = unit.quote.split("\n", 1)[0]
    return first if unit.end and N.TERM_LINE_JOINS_DEFINITION and N.TERM_LINE.match(first) else ""


def join_wrapped(lines: dict[int, str], made: dict[int, list[Unit]], continues: set[int]) -> list[Unit]:
    """The units of a chunk's plain lines (``made``: offset -> that line's units in order; ``lines``: offset ->
    the line as written), each sentence that runs on from a line into the next (``continues``: offsets of lines
    going on the paragraph above them) joined into one unit: its quote the exact text across those lines
    (joined by "\\n"), ``line`` the first, ``end`` the last. Only a run that ends a sentence (".", "!", "?",
    ":", ";") is joined, or a term line with its definition (:func:`defines_term`): outline notes put one
    unpunctuated statement per line, each a unit of its own."""
    out: list[Unit] = []
    chain: list[tuple[int, Unit]] = []  # (offset, fragment) of one sentence running over lines

    def flush():
        if len(chain) > 1 and (N.SENTENCE_END.search(chain[-1][1].quote) or defines_term(chain)):
            out.append(_joined(chain, lines))
        else:
            out.extend(u for _, u in chain)
        chain.clear()

    for offset in sorted(made):
        units, raw = list(made[offset]), lines[offset]
        if chain and units and offset in continues and N.WRAP_GOES_ON.match(raw) and units[0].quote in raw:
            chain.append((offset, units.pop(0)))
            if not units and offset + 1 in continues and goes_on(chain[-1][1], raw):
                continue  # the sentence runs on into the next line as well
        flush()
        if units and offset + 1 in continues and goes_on(units[-1], raw):
            chain.append((offset, units.pop()))
        out.extend(units)
    flush()
    return out


def _joined(chain: list[tuple[int, Unit]], lines: dict[int, str]) -> Unit:
    """One unit for a sentence's fragments: from where it starts on its first line to where it ends on its last."""
    parts = []
    for n, (offset, unit) in enumerate(chain):
        raw = lines[offset]
        start = raw.rfind(unit.quote) if n == 0 else 0
        stop = raw.find(unit.quote) + len(unit.quote) if n == len(chain) - 1 else len(raw)
        parts.append(raw[start:stop])
    # a pair read together (rag.answer.units.with_antecedents) wrapped over lines is still that pair
    return replace(chain[0][1], quote="\n".join(parts), end=chain[-1][1].line,
                   joined=chain[0][1].joined and N.WRAPPED_PAIR_STAYS_PAIR)
