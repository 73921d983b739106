"""HTML for the web UI: answers, sources, status line and index panel.

Everything that comes from a note, the model or the user goes through :func:`esc` before it is put into
HTML: notes may contain ``<script>`` or ``<img onerror=...>`` and must show as text, never run. Note text
is read through :class:`rag.web.notes.NoteReader` (mojibake repaired, secrets redacted, only from files
inside the notes folder).
"""

from __future__ import annotations

import html
import re

from ..errors import CorpusError
from ..readers import where
from ..redact import redact_text
from .notes import NoteReader

CONTEXT_RADIUS = 6  # lines shown either side of a cited line when a source is expanded
MAX_NEAREST = 4
MAX_CHUNK_LINES = 24  # lines shown when a nearest note (refusal) is expanded
_CITE_MARK = re.compile(r"\[(\d+)\]")


# -- escaping ----------------------------------------------------------------------------------
def esc(text) -> str:
    """HTML-escape text for insertion anywhere (element text or attribute value).

    Besides ``& < > " '`` this also escapes ``$ { }`` so that no front-end template syntax
    (``${...}``, ``{{...}}``) in a note can ever be evaluated.
    """
    out = html.escape("" if text is None else str(text), quote=True)
    return out.replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;")


def one_line(html_text: str) -> str:
    """Chat messages are rendered as markdown; an HTML block must not contain blank lines."""
    return re.sub(r"\s*\n\s*", " ", html_text)


# -- sources -------------------------------------------------------------------------------------
_LEAD_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+•]\s+|\d+[.)]\s+)")


def display_text(text: str) -> str:
    """Note text as a reader sees it: no **bold**/`code` markers, bullets or heading hashes.

    Like :func:`rag.text.strip_markup` but keeps ``__`` (``__init__``, ``window.__x``): notes are
    full of identifiers, and a passage must show them as written.
    """
    text = (text or "").replace("**", "").replace("`", "")
    text = _LEAD_MARK.sub("", text)
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
    """A raw note line, escaped, with the quote (an exact substring after ingestion) marked."""
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
        body = _mark_raw(text, quote) if cited else esc(text)
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


# -- chat messages ------------------------------------------------------------------------------
_MARKDOWN = set("\\`*_[]()!#|~<>&\"'$:{}=+-.")


def render_question(text: str) -> str:
    """The user's own question as plain text: markdown in it (images, links, emphasis) and HTML never render.

    Inside an HTML block the chat does not read markdown, and every markdown character is written as an
    entity besides, so ``![x](http://...)`` fetches nothing and ``[here](http://...)`` is no link.
    """
    body = "".join(f"&#{ord(c)};" if c in _MARKDOWN else c for c in str(text or ""))
    return one_line(f'<div class="nq-msg nq-user">{body}</div>').replace("\n", " ")


def render_draft(raw: str) -> str:
    """The raw model tokens while it writes (not yet verified; credential-shaped text masked, as in answers)."""
    body = esc(redact_text(raw or "")[0]).replace("\n", "<br>")
    return one_line(
        f'<div class="nq-msg nq-draft"><div class="nq-draft-text">{body}<span class="nq-caret">▍</span></div>'
        '<div class="nq-draft-note">drafting… every sentence is checked against your notes before it is shown</div></div>'
    )


def render_answer(answer, show_unverified: bool = False) -> str:
    """The settled answer: verified sentences with [n] markers, or a distinct refusal."""
    if answer.refused:
        body = (
            '<div class="nq-msg nq-refusal"><span class="nq-badge nq-badge-info">Not in your notes</span>'
            f'<div class="nq-refusal-text">{esc(answer.answer)}</div>'
            '<div class="nq-hint">The nearest notes are listed under Sources.</div></div>'
        )
        return one_line(body)
    text = esc(answer.answer.replace("**", ""))
    text = _CITE_MARK.sub(r'<a class="nq-cite" href="#nq-src-\1">[\1]</a>', text)
    badges = []
    if answer.mode == "extractive":
        badges.append('<span class="nq-badge">quoted from your notes</span>')
    if getattr(answer, "conflict", False):
        badges.append('<span class="nq-badge nq-badge-warn">your notes disagree</span>')
    extra = ""
    if show_unverified and answer.unverified:
        items = "".join(
            f'<li><span class="nq-badge nq-badge-warn">unverified</span> {esc(u.get("sentence", ""))}'
            f' <span class="nq-reason">({esc(u.get("reason", ""))})</span></li>'
            for u in answer.unverified
        )
        extra = (
            '<div class="nq-unverified"><div class="nq-unverified-title">Unverified sentences the model also wrote '
            f"(not supported by your notes, not part of the answer):</div><ul>{items}</ul></div>"
        )
    badge_html = f'<div class="nq-badges">{"".join(badges)}</div>' if badges else ""
    return one_line(f'<div class="nq-msg nq-answer"><div class="nq-answer-text">{text}</div>{badge_html}{extra}</div>')


def render_error(err) -> str:
    return one_line(f'<div class="nq-msg nq-error"><span class="nq-badge nq-badge-error">Problem</span> {esc(err)}</div>')


# -- status line ---------------------------------------------------------------------------------
def _ms(value) -> str:
    if value is None:
        return "–"
    return f"{value / 1000:.2f} s" if value >= 10_000 else f"{value:,.0f} ms"


def status_html(text: str, state: str = "working", turn: int = 0) -> str:
    return f'<div class="nq-status nq-{esc(state)}" data-turn="{int(turn)}">{text}</div>'


def render_status(answer, typed: str, turn: int = 0) -> str:
    t = answer.timings or {}
    parts = [f"retrieval {_ms(t.get('retrieve_ms'))}"]
    tokens = t.get("completion_tokens") or 0
    if tokens and t.get("generate_ms"):
        parts.append(f"generation {_ms(t['generate_ms'])} ({tokens} tokens, {tokens_per_second(t):.1f} tok/s)")
        if t.get("first_token_ms") is not None:
            parts.append(f"first token {_ms(t['first_token_ms'])}")
    elif answer.refused:
        parts.append("no generation (not in your notes)")
    parts.append(f"total {_ms(t.get('total_ms'))}")
    if answer.model:
        parts.append(f"model {esc(answer.model)}")
    text = " · ".join(f"<span>{p}</span>" for p in parts)
    if answer.standalone and _norm(answer.standalone) != _norm(typed):
        text += f' <div class="nq-standalone">understood as: “{esc(answer.standalone)}”</div>'
    return status_html(text, "done", turn)


def tokens_per_second(timings: dict) -> float:
    """Writing speed: tokens after the first over the time after the first (prompt reading excluded)."""
    tokens, total = timings.get("completion_tokens") or 0, timings.get("generate_ms") or 0.0
    first, retrieve = timings.get("first_token_ms"), timings.get("retrieve_ms") or 0.0
    if first is not None and tokens > 1:
        writing = total - (first - retrieve)
        if writing > 0:
            return (tokens - 1) / (writing / 1000)
    return tokens / (total / 1000) if total else 0.0


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip()).lower()


# -- index panel ---------------------------------------------------------------------------------
def render_index(manifest: dict) -> str:
    files = manifest.get("files", {}) or {}
    rows = "".join(
        f"<tr><td class=\"nq-file\">{esc(name)}</td><td>{int(info.get('lines', 0)):,}</td>"
        f"<td>{int(info.get('chunks', 0)):,}</td></tr>"
        for name, info in sorted(files.items())
    )
    chunks = sum(int(info.get("chunks", 0)) for info in files.values())
    built = esc(str(manifest.get("built_at", "unknown")).replace("T", " ").replace("Z", " UTC"))
    return (
        f'<div class="nq-index"><div class="nq-index-summary">{len(files)} notes · {chunks:,} chunks · built {built}</div>'
        '<table class="nq-index-table"><thead><tr><th>Note</th><th>Lines</th><th>Chunks</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></div>"
    )


def render_build(stats) -> str:
    lines = [f'<div class="nq-build-summary">{esc(stats.summary())}</div>']
    changed = getattr(stats, "changed_files", None) or []
    removed = getattr(stats, "removed_files", None) or []
    if changed:
        lines.append(f'<div class="nq-build-detail">changed: {esc(", ".join(changed))}</div>')
    if removed:
        lines.append(f'<div class="nq-build-detail">removed: {esc(", ".join(removed))}</div>')
    for warning in (getattr(stats, "warnings", None) or [])[:10]:
        lines.append(f'<div class="nq-build-warn">warning: {esc(warning)}</div>')
    return "".join(lines)
