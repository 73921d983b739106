"""Pipe tables (GitHub-flavoured markdown) in a note: which lines form a table, its header, its rows.

A table is a header row, a separator row ("|---|:--:|") right under it, and the rows that follow while
lines hold a pipe. A row means nothing without its header ("|2|$30||" is "Number of sets 2, Total
satisfaction $30"), so chunking keeps a table's header with its rows and the answer stage reads each row
with the column names (rag.answer.evidence). Pipes in ASCII art, with no separator row, make no table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .inline_html import readable
from .markup import HEADING_ANY_DASHES

_SEPARATOR_CELL = re.compile(r"^\s*:?-{1,}:?\s*$")
# the bar between two cells: a pipe, not an escaped one ("\|" is a pipe inside a cell)
CELL_BAR = re.compile(r"(?<!\\)\|")


def cells(line: str) -> list[str]:
    """The cells of a table line, stripped; the outer pipes ("|a|b|") open and close no cell."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    return [c.strip().replace("\\|", "|") for c in CELL_BAR.split(text)]


def is_separator(line: str) -> bool:
    """ "|---|:---:|" or "--- | ---": the line under a table's header (a rule "---" has no pipe)."""
    if "|" not in line or "-" not in line:
        return False
    return all(_SEPARATOR_CELL.match(c) for c in cells(line))


def _is_row(line: str) -> bool:
    return "|" in line and bool(line.strip())


@dataclass(frozen=True)
class Table:
    """Where one table lies in a list of lines (0-based indexes) and its column names."""

    header: int
    separator: int
    rows: tuple[int, ...]
    columns: tuple[str, ...]

    @property
    def last(self) -> int:
        return self.rows[-1] if self.rows else self.separator


def find_tables(lines: list[str], numbers: list[int] | None = None) -> list[Table]:
    """Every table in ``lines``: a header row with a separator row right under it, and the rows below.

    ``numbers`` (each line's line number in its note) tells where lines were left out between two lines
    (a chunk drops blank lines): a row must follow the row before it in the note, while rows may lie away
    from the header and separator (a chunk continuing a long table carries its header along).
    """
    found: list[Table] = []
    i = 0
    while i + 1 < len(lines):
        head, under = lines[i], lines[i + 1]
        if (_is_row(head) and is_separator(under) and len(cells(under)) == len(cells(head))
                and (numbers is None or numbers[i + 1] == numbers[i] + 1)):
            rows: list[int] = []
            j = i + 2
            while (j < len(lines) and _is_row(lines[j]) and not is_separator(lines[j])
                   and not (j + 1 < len(lines) and is_separator(lines[j + 1]))  # the next table's header
                   and not (rows and numbers is not None and numbers[j] != numbers[j - 1] + 1)):
                rows.append(j)
                j += 1
            found.append(Table(i, i + 1, tuple(rows), tuple(_plain(c) for c in cells(head))))
            i = j
            continue
        i += 1
    return found


def before_cut_table(lines: list[str], start: int, last: int) -> int:
    """The last line of the block of lines ``start``..``last`` (1-based) with a table it cuts off (its rows go on
    past ``last``) left out whole, with the blank lines before it: a quoted block ends where such a table begins."""
    cut = next((t.header for t in find_tables(lines[start - 1:]) if t.header < last - start + 1 < t.last + 1), None)
    if not cut:
        return last
    last = start + cut - 1
    while last > start and not lines[last - 1].strip():
        last -= 1
    return last


def table_at(lines: list[str], index: int) -> Table | None:
    """The table whose header, separator or rows hold line ``index`` (0-based), if any."""
    return next((t for t in find_tables(lines) if t.header <= index <= t.last), None)


def reading(columns: tuple[str, ...], line: str) -> str:
    """A row read with its header: "Number of sets 2, Total satisfaction $30" (empty cells left out; a cell
    under an unnamed column stands alone). What the answer stage scores and matches a row as."""
    parts = []
    for n, cell in enumerate(cells(line)):
        value = _plain(cell)
        if not value:
            continue
        name = columns[n] if n < len(columns) else ""
        parts.append(f"{name} {value}" if name else value)
    return ", ".join(parts)


def header_text(columns: tuple[str, ...]) -> str:
    """A table's column names as one line ("Number of sets | Total satisfaction"): a row's context."""
    return " | ".join(c for c in columns if c)


def rows_with(units: list[tuple[int, str]]) -> dict[int, list[tuple[int, str]]]:
    """For each table row among ``units`` (by index), the lines it is read with: the table's lead-in line, if
    any ("Fill in the chart on the exchange of crops:", which says what the table is), then its header and
    separator rows (``units``: (line number, text) pairs)."""
    out: dict[int, list[tuple[int, str]]] = {}
    for table in find_tables([t for _, t in units], [n for n, _ in units]):
        lead = lead_in(units, table.header)
        for row in table.rows:
            out[row] = [*lead, units[table.header], units[table.separator]]
    return out


def lead_in(units: list[tuple[int, str]], header: int) -> list[tuple[int, str]]:
    """The line right above a table's header (a blank line between at most), when it is a line of text: not a
    heading (the heading path names it already), a rule, another table's row or a note's front matter."""
    for index in range(header - 1, max(-1, header - 3), -1):
        number, text = units[index]
        if number < units[header][0] - 2:
            return []
        if text.strip():
            plain = text.strip()
            if HEADING_ANY_DASHES.match(text) or "|" in plain or plain.startswith(("<", "---")):
                return []
            return [units[index]]
    return []


def _plain(cell: str) -> str:
    text = readable(cell)  # a cell may hold HTML: "<ul><li>a</li><li>b</li></ul>" reads "a; b"
    text = text.replace("**", "").replace("__", "").replace("`", "")
    return re.sub(r"\s+", " ", text).strip()
