"""Readers for notes kept as documents (PDF, HTML): their text as lines, with the structure each format has.

A reader returns the text a person reads (line numbers of *that* text are what citations name) plus, for
PDFs, the first line of every page so that a citation can say "page 2, line 5". Plain-text notes
(.md, .txt) do not come through here: rag/ingest.py reads them byte for byte.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..errors import CorpusError

DOCUMENT_SUFFIXES = (".pdf", ".html", ".htm")


@dataclass
class Document:
    text: str
    pages: list[int] = field(default_factory=list)  # 1-based first line of each page (PDF only)
    warnings: list[str] = field(default_factory=list)


def read_document(suffix: str, raw: bytes, name: str) -> Document:
    """Text of a PDF or HTML file; CorpusError (naming the file and the fix) when it has none we can read."""
    suffix = suffix.lower()
    if suffix == ".pdf":
        from .pdf import read_pdf

        return read_pdf(raw, name)
    if suffix in (".html", ".htm"):
        from .html import read_html

        return read_html(raw, name)
    raise CorpusError(f"{name}: {suffix} files are not a note format notesqa reads")


def page_of(pages: list[int], line: int) -> tuple[int, int]:
    """(page, line on that page), both 1-based, of a document line; (0, line) when there are no pages."""
    if not pages:
        return 0, line
    index = max(0, bisect_right(pages, line) - 1)
    return index + 1, line - pages[index] + 1


def where(pages: list[int] | None, start: int, end: int) -> str:
    """"lines 3–5", or for a PDF "page 2, lines 3–5" (lines counted from the top of the page)."""
    page, first = page_of(pages or [], start)
    last = end - start + first
    lines = f"line {first}" if first == last else f"lines {first}–{last}"
    return f"page {page}, {lines}" if page else lines
