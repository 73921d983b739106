"""Table cells a question names: a row whose cell the question holds whole ("vi", "V/V", "Lydian", "I / V / vi /
IV") is the row asked about, over rows of the same table that only share its column names.

A table row is read with its header ("Key C, m2 Db, M2 D, ..."), so every row of a table shares the header's
words with a question naming a column, and the row the question picks out by its key cell ("in the key of C") or
by a value ("which ones are Common") differs from its neighbours only by that one short cell. Cells are matched
whole, as a run of the question's tokens: short symbols ("E", "vi", "IV") only as written (case tells "vi" from
"VI"), words of several letters in any case; an aside in parentheses ("Common (identified by m7)") is left out of
the cell, and two adjacent cells may be written as one token ("C" and "4" as "C4": a note and its octave, a row
and its seat "12A").
"""

from __future__ import annotations

import re

from ..tables import cells
from ..text import strip_markup
from .policy import DEFAULT, Policy
from .policy import notes as N

_TOKEN = re.compile(r"[^\s|,;:()\[\]{}?!\"“”]+")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARK = re.compile(r"<sup>.*?</sup>", re.I)  # a mark written above a symbol ("vii<sup>o</sup>"), as an aside


def tokens(text: str) -> list[str]:
    """A text's tokens as a cell is matched on: runs of characters between spaces and separators (",", ";",
    brackets), a sentence's closing full stop or apostrophe dropped; "F#", "V/V", "bVII", "12.5" stay whole, and
    a slash between spaces ("F# / Gb", "I / V / vi") separates as a space does."""
    out = []
    for tok in _TOKEN.findall(text):
        tok = tok.strip(".'’")
        if tok and tok.strip("/"):
            out.append(tok)
    return out


def cell_tokens(cell: str) -> list[str]:
    """A cell's tokens as read: links read as their text, emphasis and HTML left out, an aside in parentheses
    dropped, as is a mark written above a symbol (the "o" of "vii<sup>o</sup>"), unless the cell is nothing else."""
    text = strip_markup(_LINK.sub(r"\1", cell))
    bare = _ASIDE.sub("", strip_markup(_MARK.sub("", _LINK.sub(r"\1", cell)))).strip()
    return tokens(bare or text)


def _same(cell_tok: str, question_tok: str, p: Policy) -> bool:
    """A cell token and a question token are one: as written, or in any case for a word of letters at least
    ``p.cell_any_case_min`` long (a word, not a symbol whose case means something: "vi" is not "VI")."""
    if cell_tok == question_tok:
        return True
    return (len(cell_tok) >= p.cell_any_case_min and cell_tok.isalpha()
            and cell_tok.lower() == question_tok.lower())


def _holds(run: list[str], asked: list[str], p: Policy) -> bool:
    """Whether ``asked`` (the question's tokens) holds ``run`` (a cell's tokens) as a contiguous run."""
    n = len(run)
    return any(all(_same(c, q, p) for c, q in zip(run, asked[i:i + n])) for i in range(len(asked) - n + 1))


def named_cells(question: str, row: str, p: Policy = DEFAULT) -> list[int]:
    """The columns (0-based) of the cells of a table ``row`` (as written, "| C | 4 | 261.6 |") that ``question``
    holds whole; a question token joining two adjacent cells ("C4") names both. A lone cell that is a word of a
    question's grammar (policy.notes.CELL_GRAMMAR_WORDS: the pronoun "I") is not named by that word."""
    asked = tokens(question)
    if not asked:
        return []
    said = [cell_tokens(c) for c in cells(row)]
    named = []
    for n, run in enumerate(said):
        if not run or (len(run) == 1 and run[0] in N.CELL_GRAMMAR_WORDS):
            continue
        if _holds(run, asked, p):
            named.append(n)
    for n in range(len(said) - 1):  # two adjacent one-token cells written as one token: "C" "4" -> "C4"
        a, b = said[n], said[n + 1]
        if len(a) == 1 and len(b) == 1 and a[0] + b[0] in asked:
            named.extend(m for m in (n, n + 1) if m not in named)
    return sorted(named)


def cell_bonus(question: str, row: str, p: Policy = DEFAULT) -> float:
    """The score a table row gains for the cells a question names (:func:`named_cells`): its key (first
    non-empty) cell weighs ``p.bonus_row_key``, each other named cell ``p.bonus_row_cell``, up to
    ``p.row_cells_counted`` of them."""
    if not p.table_cell_lookup or not row:
        return 0.0
    named = named_cells(question, row, p)
    if not named:
        return 0.0
    filled = [n for n, c in enumerate(cells(row)) if cell_tokens(c)]
    key = filled[0] if filled else 0
    others = [n for n in named if n != key][: p.row_cells_counted]
    return (p.bonus_row_key if key in named else 0.0) + p.bonus_row_cell * len(others)


def table_of(unit) -> tuple[str, str]:
    """Which table a row unit belongs to: its note and its column names (tables alike in one note read as one)."""
    return unit.file, unit.header


def pick_named_rows(units: list, bonus: list[float], p: Policy = DEFAULT) -> list[float]:
    """Each unit's score factor: in a table some of whose rows the question names (a ``bonus`` > 0), the rows it
    does not name are not what is asked, however many of the question's words their cells share ("Moody" for
    "what mood does the vi chord have"): weighed by ``p.row_unnamed_factor``. Other units: 1."""
    named = {table_of(u) for u, b in zip(units, bonus) if u.row and b > 0}
    return [p.row_unnamed_factor if u.row and b <= 0 and table_of(u) in named else 1.0 for u, b in zip(units, bonus)]
