"""PDF notes with pypdf: text page by page; a page is a section (a chunk never spans two pages)."""

from __future__ import annotations

import io
import logging

from ..errors import CorpusError
from . import Document

# pypdf logs every odd object of a damaged file; the file-level warning below is what a user needs.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(raw: bytes, name: str) -> Document:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise CorpusError(f"{name}: reading PDF notes needs pypdf; run: pip install 'notesqa[pdf]'") from None
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise CorpusError(f"{name}: the PDF is password-protected; save an unprotected copy to index it")
        texts = [page.extract_text() or "" for page in reader.pages]
    except CorpusError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as err:
        raise CorpusError(f"{name}: not a readable PDF ({type(err).__name__}: {str(err)[:80]})") from None
    if not any(text.strip() for text in texts):
        raise CorpusError(
            f"{name}: no text layer in its {len(texts)} page{'s' if len(texts) != 1 else ''} (a scanned PDF?); "
            "run OCR on it (e.g. ocrmypdf) to index it"
        )
    lines: list[str] = []
    pages: list[int] = []
    for text in texts:
        pages.append(len(lines) + 1)
        page_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        while page_lines and not page_lines[-1].strip():
            page_lines.pop()
        lines.extend(page_lines or [""])  # an empty page still has its line, so page numbers stay true
    return Document("\n".join(lines), pages)
