"""The web UI's sources panel: each cited passage with its note's lines, or the nearest notes of a refusal.

Note text is shown as a reader of the note sees it: HTML written in a markdown line ("<ul><li>", "&amp;") is
read through :func:`rag.inline_html.readable`, one note line to one shown line so the line numbers stay exact,
and everything is escaped with :func:`rag.web.render.esc` after that, so a note's markup never runs. Note
text is read through :class:`rag.web.notes.NoteReader` (mojibake repaired, secrets redacted, only from files
inside the notes folder).
"""

from __future__ import annotations

import re

from ..errors import CorpusError
from ..inline_html import readable
from ..markup import LEAD_MARK
from ..readers import where
from .notes import NoteReader
from .render import esc

CONTEXT_RADIUS = 6  # lines shown either side of a cited line when a source is expanded
MAX_NEAREST = 4
MAX_CHUNK_LINES = 24  # lines shown when a nearest note (refusal) is expanded


def display_text(text: str) -> str:
    """Note text as a reader sees it: no **bold**/`code` markers, bullets or heading hashes.

    Like :func:`rag.text.strip_markup` but keeps ``__`` (``__init__``, ``window.__x``): notes are
    full of identifiers, and a passage must show them as written.
    """
    text = readable(text or "").replace("**", "").replace("`", "")
    text = LEAD_MARK.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def highlight(text: str, quote: str) -> str:
    """``text`` (markup stripped) with ``quote`` wrapped in <mark>; both escaped."""
    shown, q = display_text(text), display_text(quote)
    if not q:
        return esc(shown)
    i = shown.find(q)
    if i < 0:
        i = shown.lower().find(q.lower())
    if i < 0:
        return f"<mark>{esc(q)}</mark>"
    return f"{esc(shown[:i])}<mark>{esc(shown[i:i + len(q)])}</mark>{esc(shown[i + len(q):])}"


def _mark_raw(line: str, quote: str) -> str:
    """A note line as a reader sees it (no HTML tags, entities decoded), escaped, with the quote (an exact
    substring after ingestion, read the same way) marked."""
    line, quote = readable(line), readable(quote)
    i = line.find(quote) if quote else -1
    if i < 0:
        return esc(line)
    return f"{esc(line[:i])}<mark>{esc(quote)}</mark>{esc(line[i + len(quote):])}"


def render_context(lines: list[str], start: int, end: int, quote: str = "", radius: int = CONTEXT_RADIUS) -> str:
    """Numbered lines ``start - radius`` .. ``end + radius`` of a note; the cited lines stand out."""
    first, last = max(1, start - radius), min(len(lines), end + radius)
    rows = []
    for number in range(first, last + 1):
        text = lines[number - 1]
        cited = start <= number <= end
        body = _mark_raw(text, quote) if cited else esc(readable(text))
        cls = "nq-line nq-hit" if cited else "nq-line"
        rows.append(f'<span class="{cls}"><span class="nq-ln">{number}</span><span class="nq-tx">{body or " "}</span></span>')
    return f'<pre class="nq-context">{"".join(rows)}</pre>'


def _lines_label(start: int, end: int) -> str:
    return f"line {start}" if start == end else f"lines {start}–{end}"


def _where(reader: NoteReader, name: str, start: int, end: int) -> str:
    """"lines 3–5", or "page 2, lines 3–5" for a PDF note."""
    try:
        pages = reader.pages(name)
    except CorpusError:
        pages = []
    return where(pages, start, end)


def render_citation(citation, reader: NoteReader) -> str:
    heading = f'<div class="nq-src-heading">{esc(citation.heading)}</div>' if citation.heading else ""
    head = (
        f'<div class="nq-src-head"><span class="nq-src-n">[{int(citation.n)}]</span>'
        f'<span class="nq-src-file">{esc(citation.file)}</span>'
        f'<span class="nq-src-lines">{esc(_where(reader, citation.file, citation.start_line, citation.end_line))}</span></div>'
    )
    try:
        lines = reader.lines(citation.file)
        if citation.end_line > len(lines):
            raise CorpusError(f"{citation.file} changed since it was indexed; refresh the index")
        passage_text = " ".join(lines[citation.start_line - 1: citation.end_line])
        passage = f'<div class="nq-passage">{highlight(passage_text, citation.quote)}</div>'
        context = (
            '<details class="nq-more"><summary>Show surrounding lines</summary>'
            f"{render_context(lines, citation.start_line, citation.end_line, citation.quote)}</details>"
        )
    except CorpusError as err:
        passage = f'<div class="nq-passage"><mark>{esc(display_text(citation.quote))}</mark></div>'
        context = f'<div class="nq-src-warn">{esc(err)}</div>'
    return f'<div class="nq-src" id="nq-src-{int(citation.n)}">{head}{heading}{passage}{context}</div>'


def render_nearest(nearest: list[dict], reader: NoteReader) -> str:
    cards, seen = [], set()
    for item in nearest:
        key = (item.get("file"), item.get("start_line"))
        if key in seen:
            continue
        seen.add(key)
        if len(cards) == MAX_NEAREST:
            break
        start, end = int(item.get("start_line", 1)), int(item.get("end_line", 1))
        heading = f'<div class="nq-src-heading">{esc(item.get("heading"))}</div>' if item.get("heading") else ""
        score = item.get("score")
        score_html = f'<span class="nq-score">similarity {float(score):.2f}</span>' if score is not None else ""
        head = (
            f'<div class="nq-src-head"><span class="nq-src-file">{esc(item.get("file"))}</span>'
            f'<span class="nq-src-lines">{esc(_lines_label(start, end))}</span>{score_html}</div>'
        )
        try:
            lines = reader.lines(item.get("file"))
            body = [display_text(line) for line in lines[start - 1: end] if display_text(line)]
            preview = " · ".join(body)[:220]
            shown_end = min(end, start + MAX_CHUNK_LINES - 1)
            more = (
                '<details class="nq-more"><summary>Show the note</summary>'
                f"{render_context(lines, start, shown_end, radius=0)}</details>"
            )
            passage = f'<div class="nq-passage nq-preview">{esc(preview)}{"…" if len(" · ".join(body)) > 220 else ""}</div>'
        except CorpusError as err:
            passage, more = "", f'<div class="nq-src-warn">{esc(err)}</div>'
        cards.append(f'<div class="nq-src nq-near">{head}{heading}{passage}{more}</div>')
    return "".join(cards)


def render_sources(answer, reader: NoteReader) -> str:
    """The sources panel for one answer: its citations, or the nearest notes for a refusal."""
    if answer.citations:
        cards = "".join(render_citation(c, reader) for c in answer.citations)
        n = len(answer.citations)
        title = f"{n} source{'s' if n != 1 else ''} for this answer"
        return f'<div class="nq-sources"><div class="nq-panel-title">{title}</div>{cards}</div>'
    nearest = render_nearest(answer.nearest or [], reader)
    if not nearest:
        return sources_placeholder("No notes came close to this question.")
    return (
        '<div class="nq-sources nq-sources-refused"><div class="nq-panel-title">Not in your notes — '
        f'the nearest notes were</div>{nearest}</div>'
    )


def sources_placeholder(text: str = "Sources for the current answer appear here.") -> str:
    return f'<div class="nq-sources nq-empty">{esc(text)}</div>'
