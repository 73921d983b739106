"""Evidence units: the sentences of a retrieved chunk, each with its exact line, what it sits under (heading,
parent outline lines, a table's header and lead-in, an HTML table's column), cited as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..chunk import Chunk
from ..ingest import looks_like_instruction
from ..inline_html import pieces
from ..markup import FENCE, HEADING_ANY_DASHES, ITEM_WITH_TEXT, LEAD_MARK, depth
from ..tables import find_tables, header_text, lead_in, reading
from ..text import strip_markup, terms
from .keys import line_setting
from .above import fenced_before, label_before
from .across import read_back, sibling_items
from .wrapped import defines_above, join_wrapped
from .listlabel import item_leads, step as label_step, under as label_over
from .sentences import sentences
from .policy import notes as N, questions as Q

_WORDS = re.compile(r"[A-Za-z0-9]{2,}")
# the lead mark stripped off a line to read its text: unlike rag.markup.LEAD_MARK it may be missing, a bullet may be
# repeated and needs no blank after it ("**Term**: ..." loses its leading "**", "-x" its dash)
_LEAD = re.compile(r"^\s*(?:[-*+•]+\s*|\d+[.)]\s*|#{1,6}\s+)?")
# A line that only shows a picture ("![](assets/cell.png)", "<img src=...>", "<p align=center>") states
# nothing: its file name's words are no evidence.
_PICTURE_ONLY = re.compile(r"(?:\s*(?:!\[[^\]]*\]\([^)]*\)|</?[A-Za-z][^<>]*>))+\s*")
# how a line that opens a block of its own begins (:func:`opens_block`)
_OWN_BLOCK = re.compile(r"^\s*(?:[-*+•>|<]|\d+[.)]|#{1,6}\s|```|~~~)")


@dataclass
class Unit:
    """One sentence of a note. ``quote`` is an exact substring of line ``line`` (after ingestion repair)."""

    file: str
    line: int
    quote: str
    context: str  # heading path and parent outline lines: what the sentence is about
    chunk_id: int
    score: float = 0.0
    sim: float = 0.0  # embedding similarity to the question
    coverage: float = 0.0  # share of the question's key terms in the sentence and its context
    heading: str = ""  # the heading path the sentence sits under (shown with its citation)
    pointer: bool = False  # an item of a table of contents (rag.answer.contents): names a section, states nothing
    summary: bool = False  # sits under a summary label ("tldr", "Summary"): restates what the note says below
    # A table row: ``quote`` is the row read with its header ("Number of sets 2, Total satisfaction $30"),
    # which is what scoring and matching see; ``row`` is the row as written at its line (what a citation
    # quotes) and ``header`` the column names (shown with the citation).
    row: str = ""
    header: str = ""
    joined: bool = False  # a sentence read with the one before it (:func:`with_antecedents`)
    # a code block's line: the line right above its opening fence, which says what the block works out
    # (:func:`_fence_lead`); the gate reads the line under it (rag.answer.evidence.spoken_terms), ranking does not
    lead_in: str = ""
    fenced: bool = False  # a line of a code block (a command, a setting, a comment)
    setting: str = ""  # a code block's line setting a key ("soilType: Loam"): the key (rag.answer.keys)
    end: int = 0  # a sentence wrapped over lines (rag.answer.wrapped): its last line, its quote spans them all
    named: str = ""  # a row: the question's tokens writing two of its cells as one ("C4"; rag.answer.cells)

    @property
    def last(self) -> int:
        return self.end or self.line

    @property
    def display(self) -> str:
        return strip_markup(" ".join(" ".join(LEAD_MARK.sub("", ln, count=1) for ln in self.quote.split("\n")).split())
                            if self.end else self.quote)  # a sibling item read with the one above: no marker shown

    @property
    def cited(self) -> str:
        """The text a citation of this unit quotes: exactly as written at its line."""
        return self.row or self.quote


def units_of(chunk: Chunk, note_lines: Callable[[str], list[str]] | None = None, wrapped: bool = True,
             back: bool = True) -> list[Unit]:
    """Split a chunk into sentence units, each remembering its parent outline lines for context.
    ``note_lines(file)``: the note's lines, asked only for a line written in HTML (see :func:`_whole_line`).
    ``wrapped``: a sentence wrapped over lines of one paragraph is one unit (rag.answer.wrapped); ``back``: so is a
    line's first sentence pointing back, read with the line above's last (rag.answer.across)."""
    units: list[Unit] = []
    made: dict[int, list[Unit]] = {}  # a plain line's offset -> its sentence units (what wrapping may join)
    parents: list[tuple[int, str]] = []  # (indent, text) stack
    lines = chunk.text.split("\n")
    # a table's header and separator rows answer nothing; each row is one unit, read with its header
    skip, row_of, lead_of = set(), {}, {}
    numbered = len(chunk.line_numbers) == len(lines)
    for table in find_tables(lines, chunk.line_numbers if numbered else None):
        skip |= {table.header, table.separator}
        row_of.update(dict.fromkeys(table.rows, table))
        # the line introducing the table says what its rows are ("Fill in the chart on the exchange of crops")
        lead = lead_in(list(zip(chunk.line_numbers, lines)), table.header) if numbered else []
        lead_of[table] = strip_markup(lead[0][1]) if lead else ""
    # (indent, first line) of the paragraph the line above belongs to; a chunk may start inside a paragraph
    paragraph = _paragraph_above(chunk, lines, note_lines)
    fenced = _fenced_lines(chunk, lines, note_lines)
    fence: str | None = None  # inside a code block: the line right above its opening fence ("" for none)
    label = label_before(chunk.line_numbers[0], chunk.file, note_lines) if numbered and lines else None  # "Stage 2:"
    for offset, raw in enumerate(lines):
        if is_fence := bool(FENCE.match(raw)):  # opening a block (its next line is inside), or closing one
            fence = _fence_lead(chunk, lines, offset, numbered) if offset + 1 in fenced else None
        label = None if offset in fenced or is_fence else label_step(label, raw)
        if not raw.strip() or offset in skip or (numbered and offset and  # a chunk's text leaves blank lines out
                                                 chunk.line_numbers[offset] != chunk.line_numbers[offset - 1] + 1):
            paragraph = None
        if not raw.strip() or offset in skip:
            continue
        indent = depth(raw)  # tree diagrams ("│   ├── x") nest like indented lists
        while parents and parents[-1][0] >= indent:
            parents.pop()
        lead, paragraph = _paragraph_lead(raw, indent, paragraph)
        if offset in row_of:
            above = [p for _, p in parents[-2:]] + [lead_of[row_of[offset]]] * bool(lead_of[row_of[offset]])
            unit = _row_unit(chunk, offset, raw, row_of[offset].columns, list(dict.fromkeys(above)))
            units.extend([unit] if unit else [])
            continue
        if "<" in raw and (parts := pieces(raw)):
            line, parts = _whole_line(chunk, offset, raw, parts, note_lines)
            units.extend(_piece_units(chunk, offset, line, parts, [p for _, p in parents[-2:]]))
            parents.append((indent, strip_markup(raw)[:120]))
            continue
        body = raw[_LEAD.match(raw).end():].strip()
        # A line that reads like an order to the assistant is note text, never evidence for an answer.
        # a list item of one word ("- Velouté" under "Mother sauces") names one member of its list; other
        # lines of one word are labels, and state nothing, as do items like "- ok"
        least = 1 if (ITEM_WITH_TEXT.match(raw) or defines_above(lines, offset)) and any(len(w) > 2 for w in _WORDS.findall(body)) and terms(body) else 2
        if ((offset in fenced or not HEADING_ANY_DASHES.match(raw)) and len(_WORDS.findall(body)) >= least
                and not looks_like_instruction(body)
                and not _PICTURE_ONLY.fullmatch(body)):
            above = [p for _, p in parents[-2:]]
            listed = [t for t in [label_over(label, raw)] if t and t not in above]
            context = " ".join([chunk.heading] + listed + above + [lead] * bool(lead))
            summary = any(_summary_label(p) for _, p in parents) or _summary_label(chunk.heading.split(" > ")[-1])
            plain = sentences(body)
            code = offset in fenced
            setting = line_setting(raw, parents[-1][1] if parents else "") if code else ""
            read = with_antecedents(body)  # a list item's later sentence reads under its first (rag.answer.listlabel)
            made[offset] = [Unit(chunk.file, chunk.line_numbers[offset], sentence, context + f" {first}" * bool(first),
                                 chunk.id, heading=chunk.heading, summary=summary, joined=sentence not in plain,
                                 lead_in=fence or "", fenced=code, setting=setting)
                            for sentence, first in zip(read, item_leads(raw, read, plain, code or bool(lead)))]
            units.extend(made[offset])
        parents.append((indent, strip_markup(raw)[:120]))
    if goes := (_goes_on_lines(chunk, lines, made, fenced) if wrapped and made else set()):
        plain = {id(u) for line in made.values() for u in line}
        units = sorted([u for u in units if id(u) not in plain] + join_wrapped(dict(enumerate(lines)), made, goes),
                       key=lambda u: u.line)
    if wrapped and back and numbered and made and (goes := goes | sibling_items(lines, made)):
        units = read_back(units, dict(enumerate(lines)), made, goes, chunk.line_numbers)
    return units


def _goes_on_lines(chunk: Chunk, lines: list[str], made: dict[int, list[Unit]], fenced: set[int]) -> set[int]:
    """Offsets of plain lines that go on the line right above them: the same paragraph (same indent, nothing
    opening a block), or a list item's text wrapped onto a line indented under its marker."""
    numbered = len(chunk.line_numbers) == len(lines)
    out = set()
    for offset in made:
        above = offset - 1
        if above not in made or offset in fenced or above in fenced or (
                numbered and chunk.line_numbers[offset] != chunk.line_numbers[above] + 1) or opens_block(lines[offset]):
            continue
        mine, theirs = depth(lines[offset]), depth(lines[above])
        item = ITEM_WITH_TEXT.match(lines[above])
        if mine == theirs and not item or mine > theirs and item or N.LAZY_ITEM_CONTINUATION and item and mine <= theirs:
            out.add(offset)
    return out


def _fenced_lines(chunk: Chunk, lines: list[str], note_lines) -> set[int]:
    """Offsets of the chunk's lines inside a code fence, where "# ..." is a comment ("# will show as 'Bound'",
    "# Tip: --timeout ... helps"), which states something, not a heading. A chunk cut inside a fence is read
    against the whole note (``note_lines``) to know it starts inside one."""
    number = chunk.line_numbers[0] if chunk.line_numbers and len(chunk.line_numbers) == len(lines) else 0
    inside, fenced = fenced_before(number, chunk.file, note_lines), set()
    for offset, raw in enumerate(lines):
        if FENCE.match(raw):
            inside = not inside
        elif inside:
            fenced.add(offset)
    return fenced


def _fence_lead(chunk: Chunk, lines: list[str], offset: int, numbered: bool) -> str:
    """The line right above a code block's opening fence, with no blank line between, says what the block holds
    ("This recipe serves 4 people" over "(250 g)/(4) = 62.5 g each"): its lines read under it, as a
    table's rows read under its lead-in. "" when a blank line, a heading or the chunk's start comes first."""
    if offset == 0 or (numbered and chunk.line_numbers[offset] != chunk.line_numbers[offset - 1] + 1):
        return ""
    above = lines[offset - 1]
    if not above.strip() or HEADING_ANY_DASHES.match(above) or FENCE.match(above):
        return ""
    return strip_markup(above[_LEAD.match(above).end():]).strip()[:120]


def opens_block(raw: str) -> bool:
    """A line that starts a block of its own, so never continues the paragraph above it: a list item (with or
    without a space after its marker), a heading, a quote, a table row, a code fence, HTML, a picture."""
    return bool(_OWN_BLOCK.match(raw) or HEADING_ANY_DASHES.match(raw) or _PICTURE_ONLY.fullmatch(raw))


def _paragraph_lead(raw: str, indent: int, paragraph: tuple[int, str] | None) -> tuple[str, tuple[int, str] | None]:
    """(lead, paragraph): a plain line written right below another plain line, at its indent and with no blank
    line between, continues that paragraph, and reads under the paragraph's first line, which names what it
    speaks of ("LOA (Length over all)" / "Usually 8-12 m"; "**What is a bight?**" / "A loop of
    rope that..."), as a list item reads under its parent line. ``lead`` is "" for a line that starts a block."""
    if opens_block(raw):
        return "", None
    if paragraph is not None and paragraph[0] == indent:
        return paragraph[1], paragraph
    return "", (indent, strip_markup(raw).strip()[:120])


def _paragraph_above(chunk: Chunk, lines: list[str], note_lines) -> tuple[int, str] | None:
    """The paragraph a chunk's first line continues, when the chunk was cut inside one: its first line, read in
    the whole note (``note_lines``; None without it, or when the chunk starts a block)."""
    number = chunk.line_numbers[0] if chunk.line_numbers and len(chunk.line_numbers) == len(lines) else 0
    whole = note_lines(chunk.file) if note_lines is not None and number > 1 and lines and lines[0].strip() else []
    if not whole or number > len(whole):
        return None
    indent, paragraph = depth(lines[0]), None
    for raw in reversed(whole[: number - 1]):  # up to the blank line or block start above
        if not raw.strip() or depth(raw) != indent:
            break
        _, start = _paragraph_lead(raw, indent, None)
        if start is None:
            break
        paragraph = start
    return paragraph


def with_antecedents(body: str) -> list[str]:
    """A line's sentences, each that opens by pointing back ("It is stored in the cellar", "This mix is
    called ...") read together with the sentence before it, which names what it speaks of: "Brine is a
    salt solution. It is stored in the cellar." Each is an exact span of ``body``, so it is cited as written."""
    out, start = [], 0
    spans = []
    for sentence in sentences(body):
        at = body.find(sentence, start)
        spans.append((at, at + len(sentence)))
        start = at + len(sentence) if at >= 0 else start
    for n, (begin, end) in enumerate(spans):
        if begin < 0:
            return sentences(body)  # a sentence not found as written: no spans to join
        before = spans[n - 1][0] if n else -1
        out.append(body[before:end] if before >= 0 and Q.POINTS_BACK_LEAD.match(body[begin:end]) else body[begin:end])
    return out


def _whole_line(chunk: Chunk, offset: int, raw: str, parts: list, note_lines) -> tuple[str, list]:
    """(line, pieces) for an HTML-written line of a chunk: a long line is chunked in slices, and a slice may
    hold a table's cells without the header row naming their columns; read against the whole line, each piece
    whose text starts in this slice keeps its column."""
    number = chunk.line_numbers[offset] if offset < len(chunk.line_numbers) else 0
    whole = note_lines(chunk.file) if note_lines is not None else []
    line = whole[number - 1] if 0 < number <= len(whole) else ""
    text = raw.strip()
    at = line.find(text) if text and len(line) > len(raw) else -1
    if at < 0:
        return raw, parts
    return line, [p for p in pieces(line) if at <= p.start < at + len(text)]


def _piece_units(chunk: Chunk, offset: int, raw: str, parts: list, parents: list[str]) -> list[Unit]:
    """The sentences of a line written in HTML ("<ul><li>..</li>..", a one-line "<table>"), read piece by
    piece (rag.inline_html): each list item or cell states its own thing, read under the column it sits in,
    and is cited as written, an exact span of its line."""
    out: list[Unit] = []
    summary = _summary_label(chunk.heading.split(" > ")[-1])
    for part in parts:
        text = raw[part.start:part.end]
        shown = strip_markup(text)
        least = 1 if part.items and terms(shown) else 2  # one item of a list names one member of it
        if len(_WORDS.findall(shown)) < least or looks_like_instruction(shown):
            continue
        context = " ".join([chunk.heading, *parents, part.column]).strip()
        plain = sentences(text)
        for sentence in with_antecedents(text):
            out.append(Unit(chunk.file, chunk.line_numbers[offset], sentence, context, chunk.id, heading=chunk.heading,
                            summary=summary, header=part.column, joined=sentence not in plain))
    return out


def _row_unit(chunk: Chunk, offset: int, raw: str, columns: tuple[str, ...], parents: list[str]) -> Unit | None:
    """A table row as one unit: matched as read with its header, cited as written."""
    text = reading(columns, raw)
    if len(_WORDS.findall(text)) < 2 or looks_like_instruction(text):
        return None
    # the context is the heading and parent lines, not the whole header: a row speaks of the columns it fills
    # ("Marginal satisfaction $2" says nothing of "Total satisfaction"), and its reading names those already
    return Unit(chunk.file, chunk.line_numbers[offset], text, " ".join([chunk.heading, *parents]), chunk.id,
                heading=chunk.heading, row=raw.strip(), header=header_text(columns))


def _summary_label(line: str) -> bool:
    return bool(N.SUMMARY_LABEL.fullmatch(strip_markup(line).strip(" :#-*\t")))
