"""HTML written inside a markdown note's lines ("<ul><li>..</li></ul>", a one-line "<table>", "<br/>", "&ldquo;").

A markdown viewer renders it, so the reader sees a list, a table, curly quotes; read as plain text its tag
names become words ("li", "td") and a whole table one sentence. Here a line's text is read in pieces between
its block tags (each list item, each cell: an exact span of the line, so a quote of it is found at its line),
with the table column a cell sits in, and shown without tags, entities decoded. Tags inside code spans
(`<li>` in a note about HTML) are text, as a viewer shows them. No import from the rest of the package.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Tags that break a line's text into pieces as a browser breaks it into blocks, and tags that style a word.
BLOCK_TAGS = frozenset("""p div section article header footer aside nav ul ol li dl dt dd table thead tbody tfoot
    tr td th caption blockquote figure figcaption hr br details summary center pre h1 h2 h3 h4 h5 h6""".split())
INLINE_TAGS = frozenset("""b i u s em strong small big mark span a code kbd samp var sup sub abbr cite q font del
    ins tt img""".split())
_LISTS = frozenset({"ul", "ol"})
_CELLS = frozenset({"td", "th"})
# an attribute value may hold '>' inside quotes or MDX braces ("style={{textAlign: 'left'}}")
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b(?:\"[^\"]*\"|'[^']*'|\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|[^<>\"'{}])*?/?>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1")
_WORD = re.compile(r"[^\W_]")
# a tag cut in two where a long line was split into chunk pieces: its tail opens a piece, its head ends one
_TAIL = re.compile(r"^\s*/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_HEAD = re.compile(r"<(?:/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?)?$")


@dataclass(frozen=True)
class Piece:
    """A run of a line's text between two block tags: ``line[start:end]``. ``column``: the name of the table
    column its cell sits in ("" outside a table or in the header row); ``items``: the span of the list
    (``<ul>`` to ``</ul>``) it is an item of, or None."""

    start: int
    end: int
    column: str = ""
    items: tuple[int, int] | None = None


def _tags(line: str) -> list[re.Match]:
    """The HTML tags of a line outside its code spans, of known tag names only ("List<T>" holds no tag)."""
    code = [m.span() for m in _CODE.finditer(line)] if "`" in line else []
    return [m for m in _TAG.finditer(line) if m.group(2).lower() in BLOCK_TAGS | INLINE_TAGS
            and not any(a <= m.start() < b for a, b in code)]


def has_blocks(line: str) -> bool:
    """Whether a line holds a block tag (a list item, a cell, a break) outside code spans."""
    return "<" in line and any(m.group(2).lower() in BLOCK_TAGS for m in _tags(line))


def pieces(line: str) -> list[Piece]:
    """The pieces of a line holding block tags, in order; [] for a line without any (read it as it is)."""
    tags = [m for m in _tags(line) if m.group(2).lower() in BLOCK_TAGS] if "<" in line else []
    if not tags:
        return []
    lists: list[int] = []  # start offsets of the open <ul>/<ol>
    spans: dict[int, int] = {}  # list start -> list end
    row, cell, table_rows = -1, -1, 0
    header_row = False
    columns: list[str] = []
    runs: list[tuple[int, int, int | None, int, int, bool]] = []  # start, end, list start, row, cell, header
    cursor = 0
    for tag in [*tags, None]:
        stop = tag.start() if tag else len(line)
        runs.append((cursor, stop, lists[-1] if lists else None, row, cell, header_row))
        if tag is None:
            break
        closing, name = tag.group(1) == "/", tag.group(2).lower()
        if name in _LISTS:
            if closing and lists:
                spans[lists.pop()] = tag.end()
            elif not closing:
                lists.append(tag.start())
        elif name == "tr" and not closing:
            row, cell, table_rows = row + 1, -1, table_rows + 1
            header_row = row == 0
        elif name in _CELLS and not closing:
            cell += 1
            header_row = header_row or name == "th"
        elif name == "table" and not closing:
            row, cell, table_rows, header_row = -1, -1, 0, False
        cursor = tag.end()
    for start in lists:
        spans[start] = len(line)  # a list the line (or its chunk piece) does not close runs to its end
    names: dict[int, str] = {}
    for start, end, _, r, c, head in runs:
        if head and c >= 0 and (text := readable(line[start:end], " ")):
            names[c] = f"{names[c]} {text}" if c in names else text
    out: list[Piece] = []
    for start, end, in_list, r, c, head in runs:
        if start == 0 and (tail := _TAIL.match(line, 0, end)) and ">" in line[:end] and "<" not in line[:tail.end()]:
            start = tail.end()
        if end == len(line) and (cut := _HEAD.search(line, start, end)):
            end = cut.start()
        while start < end and line[start].isspace():
            start += 1
        while end > start and line[end - 1].isspace():
            end -= 1
        if not _WORD.search(readable(line[start:end], " ")):
            continue
        column = names.get(c, "") if c >= 0 and not head else ""
        out.append(Piece(start, end, column, (in_list, spans[in_list]) if in_list is not None else None))
    return out


def readable(text: str, sep: str = "; ") -> str:
    """A text as a viewer shows it: block tags end a piece (pieces joined with ``sep``), style tags dropped,
    entities ("&gt;", "&ldquo;") decoded; code spans kept as written."""
    if "<" not in text and "&" not in text:
        return text
    tags = _tags(text) if "<" in text else []
    code = [m.span() for m in _CODE.finditer(text)] if "`" in text else []
    parts, current, cursor = [], [], 0
    for tag in [*tags, None]:
        stop = tag.start() if tag else len(text)
        current.append(_decode(text[cursor:stop], code, cursor))
        if tag is None:
            break
        if tag.group(2).lower() in BLOCK_TAGS:
            parts.append("".join(current))
            current = []
        cursor = tag.end()
    parts.append("".join(current))
    if len(parts) == 1:
        return parts[0]
    return sep.join(p.strip() for p in parts if _WORD.search(p))  # "**" left of a "<br/>**" is no piece


def _decode(text: str, code: list[tuple[int, int]], offset: int) -> str:
    """Entities decoded outside code spans (``offset``: where ``text`` starts in the text ``code`` spans)."""
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: m.group(0) if any(a <= offset + m.start() < b for a, b in code)
                       else html.unescape(m.group(0)), text)
