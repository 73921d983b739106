"""A value line names a thing by a phrase ("**MAST STEPPING (2 days)**"); the question adds a word the notes tie to
that very phrase in another line: the head of an activity's occasion ("mast stepping shift", where a line of
the notes opens "Mast stepping shift ...") or a word of the phrase's own term line ("**Mast Stepping** -
_Rigging_" for "... for the rigging"). Such a word asks nothing apart: the value line answers. A word tied only by
sharing a line ("kayak trailers ...", no term line, no activity) stays asked (a near miss on another thing)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import stem

if TYPE_CHECKING:
    from .evidence import Unit

_WORD = re.compile(r"[A-Za-z][\w'-]*")
_TERM_LINE = re.compile(r"^\W*\*\*")


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text.replace("_", " "))]


def named_alike(unit: Unit, left_out: list[str], asked: list[str], ranked: list[Unit]) -> bool:
    """Whether ``left_out`` is one word and ``unit``'s phrase for the asked thing (a run of two or more words holding every asked stem but
    ``missing``) opens another ranked line that speaks ``missing``: right after the phrase when it ends in an
    activity ("-ing"), or anywhere in a term line ("**Phrase** - ...")."""
    if len(left_out) != 1:
        return False
    missing = left_out[0]
    others = [t for t in asked if t != missing]
    run = _run(_words(unit.quote), set(others))
    if len(run) < 2 or not set(others) <= {stem(w) for w in run}:
        return False
    for other in ranked:
        said = _words(other.quote)
        if other is unit or [stem(w) for w in said[: len(run)]] != [stem(w) for w in run]:
            continue
        rest = [stem(w) for w in said[len(run):]]
        if run[-1].endswith("ing") and rest[:1] == [missing] or _TERM_LINE.match(other.quote) and missing in rest:
            return True
    return False


def _run(words: list[str], stems: set[str]) -> list[str]:
    """The longest run of consecutive ``words`` whose stems are all in ``stems``."""
    best: list[str] = []
    current: list[str] = []
    for w in words + [""]:
        if w and stem(w) in stems:
            current.append(w)
            continue
        best, current = (current if len(current) > len(best) else best), []
    return best
