"""Split a note along its own structure (headings, underlines, outline) into chunks within a token budget
(packed into pieces by rag.packing)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from .frontmatter import front_matter, title_path
from .ingest import Note
from .markup import ITEM_MARK, UNDERLINE
from .packing import pack
from .tables import rows_with
from .tokens import count_tokens

_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$")
_MARKUP = re.compile(r"[*_`#>]+|!?\[([^\]]*)\]\([^)]*\)|<[^>]+>")


@dataclass
class Chunk:
    """A passage of one note with where it came from."""

    id: int
    file: str
    start_line: int  # 1-based, inclusive
    end_line: int
    heading: str  # e.g. "Knots > Bowline Strength"
    text: str
    hash: str
    line_numbers: list[int] = field(default_factory=list)  # original line of each line of ``text``

    def embed_text(self) -> str:
        return f"{self.heading}\n{self.text}" if self.heading else self.text

    def to_dict(self) -> dict:
        # not dataclasses.asdict: its deep copy was half of writing chunks.jsonl (0.17 s of a refresh)
        return {**vars(self), "line_numbers": list(self.line_numbers)}


@dataclass
class _Block:
    lines: list[tuple[int, str]]  # (line number, text)
    path: list[str]
    label: str | None = None
    heading_only: bool = False
    page: int = 0  # PDF page (a chunk never spans two pages, so a citation names one page)

    def tokens(self) -> int:
        return count_tokens("\n".join(text for _, text in self.lines))


def clean_heading(text: str) -> str:
    """Heading text without markdown emphasis, links or emoji clutter."""
    text = _MARKUP.sub(lambda m: m.group(1) or "", text)
    text = re.sub(r"[^\w\s()/&+.,:'’-]", "", text).strip(" :-")
    return re.sub(r"\s+", " ", text)[:80]


def markdown_heading(line: str) -> tuple[int, str] | None:
    """A markdown heading line's level and its name as a chunk's heading path writes it ("## **Tools**" ->
    (2, "Tools")); None for any other line."""
    md = _MD_HEADING.match(line)
    return (len(md.group(1)), clean_heading(md.group(2)) or md.group(2).strip()) if md else None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _label(line: str) -> str | None:
    """The topic an outline line names ("Bowline Strength", "Tenancy Law : ..." -> "Tenancy Law"), if any."""
    text = ITEM_MARK.sub("", line).strip()
    head, colon, _ = text.partition(":")
    if colon and 0 < len(head.strip()) <= 40:
        return clean_heading(head) or None
    if text and len(text) <= 60 and not re.search(r"[.!?]$", text) and len(text.split()) <= 6:
        return clean_heading(text) or None
    return None


def _blocks(note: Note) -> list[_Block]:
    """Sections by headings, then top-level outline items within each section."""
    lines = note.lines
    matter_end, title = front_matter(lines)  # a front matter's closing "---" underlines nothing; its title heads all
    path: list[tuple[int, str]] = title_path(title)  # (level, title)
    sections: list[tuple[list[str], list[tuple[int, str]], int]] = []
    current: list[tuple[int, str]] = []
    heading_nums: set[int] = set()  # line numbers of heading text and underlines
    in_fence = False
    page_starts = set(getattr(note, "pages", None) or [])
    page = 0

    def close():
        if current:
            sections.append(([t for _, t in path], list(current), page))
            current.clear()

    i = 0
    while i < len(lines):
        line = lines[i]
        if i + 1 in page_starts:  # a new PDF page closes the section
            close()
            page += 1
        if line.lstrip().startswith("```"):  # only a backtick fence (rag.markup.FENCE also takes "~~~")
            in_fence = not in_fence
        md = None if in_fence else _MD_HEADING.match(line)
        underlined = (
            not in_fence
            and i + 1 >= matter_end
            and i + 1 < len(lines)
            and line.strip()
            and not ITEM_MARK.match(line)
            and _indent(line) == 0
            and len(line.strip()) <= 80
            and UNDERLINE.match(lines[i + 1])
            and len(lines[i + 1].strip()) >= 3
        )
        if md or underlined:
            close()
            if md:
                level, title = len(md.group(1)), md.group(2)
            else:
                level, title = (1 if "=" in lines[i + 1] else 2), line.strip()
            while path and path[-1][0] >= level:
                path.pop()
            path.append((level, clean_heading(title) or title.strip()))
            current.append((i + 1, line))
            heading_nums.add(i + 1)
            if underlined:
                current.append((i + 2, lines[i + 1]))
                heading_nums.add(i + 2)
                i += 1
            i += 1
            continue
        current.append((i + 1, line))
        i += 1
    close()

    blocks: list[_Block] = []
    for titles, body, page in sections:
        content = [(n, t) for n, t in body if t.strip()]
        if not content:
            continue
        heading_lines = {n for n, _ in body if n in heading_nums}
        # rules ("---" after a blank line), separators and empty bullets carry no content
        content = [(n, t) for n, t in content if n in heading_lines or not UNDERLINE.match(t)]
        rest = [(n, t) for n, t in content if n not in heading_lines]
        head = [(n, t) for n, t in content if n in heading_lines]
        if not rest:
            blocks.append(_Block(head, titles, heading_only=True, page=page))
            continue
        base = min(_indent(t) for _, t in rest)
        groups: list[list[tuple[int, str]]] = []
        for item in rest:
            if not groups or _indent(item[1]) <= base:
                groups.append([item])
            else:
                groups[-1].append(item)
        for gi, group in enumerate(groups):
            label = _label(group[0][1]) if len(group) > 1 else None
            lines_ = (head + group) if gi == 0 else group
            blocks.append(_Block(lines_, titles, label, page=page))
    return blocks


def chunk_note(note: Note, max_tokens: int = 200, overlap: int = 30, start_id: int = 0) -> list[Chunk]:
    """Chunks of one note, each at most ``max_tokens`` tiktoken tokens of text."""
    blocks = _blocks(note)
    if any(not b.heading_only for b in blocks):
        blocks = [b for b in blocks if not b.heading_only]  # bare headings live on in the heading path

    groups: list[list[_Block]] = []
    group_tokens = 0  # of the last group: a running sum (summing the group again for every block was O(n^2):
    for block in blocks:  # 14 of 18 s chunking 1 MB of notes under load)
        last = groups[-1] if groups else None
        size = block.tokens()
        if (
            last
            and last[0].path == block.path
            and last[0].page == block.page
            and group_tokens + size + len(last) <= max_tokens
        ):
            last.append(block)
            group_tokens += size
        else:
            groups.append([block])
            group_tokens = size

    chunks: list[Chunk] = []
    headers = rows_with(list(enumerate(note.lines, start=1)))
    for group in groups:
        labels = [b.label for b in group if b.label]
        heading_parts = list(group[0].path) + (labels[:1] if len(group) == 1 and labels else [])
        heading = " > ".join(p for p in heading_parts if p)
        items = [item for b in group for item in b.lines]
        # a chunk continuing a long table starts with the table's header: a row means nothing without it
        header = headers.get(items[0][0] - 1, []) if items else []
        items = header + items if header and header[0] not in items else items
        for piece in pack(items, max_tokens, overlap):
            text, numbers = _join(piece)
            digest = hashlib.sha256(f"{note.path}\n{heading}\n{text}".encode()).hexdigest()[:16]
            chunks.append(
                Chunk(start_id + len(chunks), note.path, piece[0][0], piece[-1][0], heading, text, digest, numbers)
            )
    return chunks


def _join(piece: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """Text of a piece and the line number of each of its lines (pieces of one split line rejoin)."""
    out: list[str] = []
    nums: list[int] = []
    for number, text in piece:
        if nums and number == nums[-1]:
            out[-1] += text  # consecutive slices of one split line
        else:
            out.append(text)
            nums.append(number)
    return "\n".join(line.rstrip() for line in out), nums
