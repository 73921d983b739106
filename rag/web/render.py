"""HTML for the web UI: escaping, chat messages, status line and index panel (sources: rag.web.sources).

Everything that comes from a note, the model or the user goes through :func:`esc` before it is put into
HTML: notes may contain ``<script>`` or ``<img onerror=...>`` and must show as text, never run.
"""

from __future__ import annotations

import html
import re

from ..markup import CITE_MARK
from ..redact import redact_text


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
    text = CITE_MARK.sub(r'<a class="nq-cite" href="#nq-src-\1">[\1]</a>', text)
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
