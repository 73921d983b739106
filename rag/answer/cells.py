"""Table cells a question names: a row whose cell the question holds whole ("km", "N/S", "Beaufort", "N / NE / E /
SE") is the row asked about, over rows of the same table that only share its column names.

A table row is read with its header ("Knot Bowline, Use loop, Holds well, ..."), so every row of a table shares the header's
words with a question naming a column, and the row the question picks out by its key cell ("for the Bowline") or
by a value ("which ones are Secure") differs from its neighbours only by that one short cell. Cells are matched
whole, as a run of the question's tokens: short symbols ("E", "vi", "IV") only as written (case tells "vi" from
"VI"), words of several letters in any case; an aside in parentheses ("Common (identified by m7)") is left out of
the cell, and two adjacent cells may be written as one token ("C" and "4" as "C4": a note and its octave, a row
and its seat "12A").
"""

from __future__ import annotations

import re

from ..tables import cells, find_tables
from ..text import strip_markup
from .policy import DEFAULT, Policy
from .policy import notes as N

_TOKEN = re.compile(r"[^\s|,;:()\[\]{}?!\"“”]+")
_ASIDE = re.compile(r"\s*\([^()]*\)")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARK = re.compile(r"<sup>.*?</sup>", re.I)  # a mark written above a symbol ("vii<sup>o</sup>"), as an aside


def tokens(text: str) -> list[str]:
    """A text's tokens as a cell is matched on: runs of characters between spaces and separators (",", ";",
    brackets), a sentence's closing full stop or apostrophe dropped; "C#", "N/S", "NNE", "12.5" stay whole, and
    a slash between spaces ("tsp / ml", "N / NE / E") separates as a space does."""
    out = []
    for tok in _TOKEN.findall(text):
        tok = tok.strip(".'’")
        if tok and tok.strip("/"):
            out.append(tok)
    return out


def cell_tokens(cell: str) -> list[str]:
    """A cell's tokens as read: links read as their text, emphasis and HTML left out, an aside in parentheses
    dropped, as is a mark written above a symbol (the "o" of "vii<sup>o</sup>"), unless the cell is nothing else."""
    text = _read(_LINK.sub(r"\1", cell))
    bare = _ASIDE.sub("", _read(_MARK.sub("", _LINK.sub(r"\1", cell)))).strip()
    return tokens(bare or text)


def _read(cell: str) -> str:
    """A cell's text without markup; a cell that is an option flag ("`-s`", policy.notes.OPTION_FLAG) keeps its
    dash, which a line would lose as its bullet: a cell is no list line, and "-s" is not "s" nor "-S"."""
    kept = strip_markup(cell, lead=False)
    return kept if N.OPTION_FLAG is not None and N.OPTION_FLAG.fullmatch(kept) else strip_markup(cell)


def _same(cell_tok: str, question_tok: str, p: Policy) -> bool:
    """A cell token and a question token are one: as written, or in any case for a word of letters at least
    ``p.cell_any_case_min`` long (a word, not a symbol whose case means something: "ml" is not "ML")."""
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
    for n, token in joined_cells(asked, said):
        named.extend(m for m in (n, n + 1) if m not in named)
    return sorted(named)


def joined_cells(asked: list[str], said: list[list[str]]) -> list[tuple[int, str]]:
    """(column, question token) for each two adjacent one-token cells the question writes as one token: "C"
    and "4" as "C4", "12" and "A" as "12A"."""
    out = []
    for n in range(len(said) - 1):
        a, b = said[n], said[n + 1]
        if len(a) == 1 and len(b) == 1 and a[0] + b[0] in asked:
            out.append((n, a[0] + b[0]))
    return out


def joined_names(question: str, row: str) -> str:
    """The question's tokens that write two adjacent cells of ``row`` as one ("C4"): words the row speaks of,
    though it never writes them (the gate reads them as the row's, rag.answer.evidence.spoken_terms)."""
    return " ".join(t for _, t in joined_cells(tokens(question), [cell_tokens(c) for c in cells(row)]))


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
    does not name are not what is asked, however many of the question's words their cells share ("Slippery" for
    "what strength does the reef knot have"): weighed by ``p.row_unnamed_factor``. Other units: 1."""
    named = {table_of(u) for u, b in zip(units, bonus) if u.row and b > 0}
    return [p.row_unnamed_factor if u.row and b <= 0 and table_of(u) in named else 1.0 for u, b in zip(units, bonus)]


def _tables(chunk) -> list[tuple[tuple[str, ...], list[str]]]:
    """(column names, row lines) of each table in a chunk's text."""
    lines = chunk.text.split("\n")
    numbered = chunk.line_numbers if len(chunk.line_numbers) == len(lines) else None
    return [(t.columns, [lines[i] for i in t.rows]) for t in find_tables(lines, numbered)]


def keyed_rows_elsewhere(question: str, have: list, chunks: list, p: Policy = DEFAULT) -> list:
    """Chunks, beyond the retrieved ones (``have``), holding a row of a table the retrieved ones hold rows of,
    whose key cell the question names: a long table is chunked in pieces that share its header and little else,
    and the row asked about ("C" "4" for "C4") may sit in a piece retrieval ranked low. At most ``p.table_chunks``,
    those whose keyed row has most cells named first, then in the notes' order."""
    if not p.table_cell_lookup or not p.table_chunks:
        return []
    seen = {c.id for c in have}
    headers = {(c.file, cols) for c in have if "|" in c.text for cols, _ in _tables(c)}
    files = {f for f, _ in headers}
    found = []  # (most cells named in one keyed row, notes' order, chunk)
    for order, chunk in enumerate(chunks):
        if chunk.id in seen or chunk.file not in files or "|" not in chunk.text:
            continue
        most = max((_key_named(question, row, p) for cols, rows in _tables(chunk) if (chunk.file, cols) in headers
                    for row in rows), default=0)
        if most:
            found.append((-most, order, chunk))
    return [chunk for *_, chunk in sorted(found, key=lambda f: f[:2])[: p.table_chunks]]


def _key_named(question: str, row: str, p: Policy) -> int:
    """How many cells of ``row`` the question names, when its key cell is one of them; else 0."""
    filled = [n for n, c in enumerate(cells(row)) if cell_tokens(c)]
    named = named_cells(question, row, p)
    return len(named) if filled and filled[0] in named else 0
