"""What the page says about the notes in use: header, topics and example questions drawn from the notes'
own headings, the always-visible notes-folder/model line, the Notes panel's file table and refresh state."""

from __future__ import annotations

import calendar
import time
from collections import Counter
from pathlib import Path

from ..info import age, list_files
from .render import esc

MAX_EXAMPLES = 3
MAX_TOPICS = 5
MAX_HEADING_CHARS = 60


def _parts(heading: str) -> list[str]:
    return [p.strip() for p in (heading or "").split(" > ") if p.strip()]


def topics(chunks) -> list[str]:
    """The notes' top-level headings, most covered first (by chunks under them)."""
    counts = Counter(parts[0] for c in chunks if (parts := _parts(c.heading)) and len(parts[0]) <= MAX_HEADING_CHARS)
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].lower()))][:MAX_TOPICS]


def examples(chunks) -> list[str]:
    """Example questions about the notes in use: their most specific headings, from different notes."""
    seen_files: set[str] = set()
    seen: set[str] = set()
    candidates = Counter()
    where: dict[str, str] = {}
    for c in chunks:
        parts = _parts(c.heading)
        if not parts:
            continue
        leaf = parts[-1]
        if len(leaf) > MAX_HEADING_CHARS or len(leaf.split()) < 1 or leaf.isdigit():
            continue
        candidates[leaf] += 1
        where.setdefault(leaf, c.file)
    out: list[str] = []
    for leaf, _ in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0].lower())):
        if where[leaf] in seen_files or leaf.lower() in seen:
            continue
        seen_files.add(where[leaf])
        seen.add(leaf.lower())
        out.append(f"What do my notes say about {leaf}?")
        if len(out) == MAX_EXAMPLES:
            break
    if not out:  # notes without headings: ask about the notes themselves
        files = sorted({c.file for c in chunks})[:MAX_EXAMPLES]
        out = [f"What is in {Path(name).stem.replace('_', ' ')}?" for name in files]
    return out


def header_markdown(settings, chunks, manifest: dict | None) -> str:
    """"# notesqa — <folder>" and one line about what the notes cover."""
    name = Path(settings.corpus).name or str(settings.corpus)
    notes = len((manifest or {}).get("files", {}) or {})
    covered = topics(chunks)
    about = f" They cover {', '.join(covered)}." if covered else ""
    return (f"# notesqa — {name}\nAnswers only from the {notes} notes in this folder, each sentence checked against "
            f"the note it cites. Runs entirely on this machine.{about}")


def context_line(settings, model_name: str, manifest: dict | None) -> str:
    """The line that is always visible: which notes folder and which model answer."""
    files = (manifest or {}).get("files", {}) or {}
    chunks = sum(int(f.get("chunks", 0)) for f in files.values())
    return (f'<div class="nq-context-line"><span>Notes folder <code id="nq-folder-in-use">{esc(settings.corpus)}</code>'
            f"</span> · <span>{len(files)} notes, {chunks:,} chunks</span> · "
            f'<span>model <code id="nq-model-in-use">{esc(model_name)}</code></span></div>')


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n:,.0f} {unit}" if unit == "B" else f"{n:,.1f} {unit}"
        n /= 1024
    return f"{n} B"


def _chunks(n: int) -> str:
    return f"{int(n)} chunk{'s' if int(n) != 1 else ''}"


def render_folder(settings, manifest: dict | None, skipped: dict[str, str], now: float | None = None,
                  error: str = "") -> str:
    """Files of the notes folder: count, size, chunks, last indexed; skipped files with the reason; and why the
    folder cannot be indexed, when it cannot."""
    files = list_files(settings, manifest, skipped)
    built = str((manifest or {}).get("built_at") or "")
    try:
        built_at = calendar.timegm(time.strptime(built, "%Y-%m-%dT%H:%M:%SZ")) if built else None
    except ValueError:
        built_at = None
    indexed = [f for f in files if f.chunks is not None]
    total = sum(f.size for f in files)
    summary = (f"{len(files)} files · {_size(total)} · {len(indexed)} notes indexed"
               + (f" · last indexed {age(built_at, now)} ({esc(built.replace('T', ' ').replace('Z', ' UTC'))})"
                  if built_at else " · not indexed yet"))
    rows = []
    for f in files:
        if f.skipped or (f.name in skipped):
            state = f'<td class="nq-skip">skipped: {esc(f.skipped or skipped[f.name])}</td>'
        elif f.chunks is None:
            state = "<td>not indexed yet</td>"
        elif built_at and f.modified > built_at + 1:
            state = f"<td>{_chunks(f.chunks)} · changed since</td>"
        else:
            state = f"<td>{_chunks(f.chunks)}</td>"
        rows.append(f'<tr><td class="nq-file">{esc(f.name)}</td><td>{_size(f.size)}</td>{state}</tr>')
    listed = {f.name for f in files}
    for name, reason in sorted(skipped.items()):  # skipped before listing (e.g. a link out of the folder)
        if name not in listed:
            rows.append(f'<tr><td class="nq-file">{esc(name)}</td><td></td><td class="nq-skip">skipped: {esc(reason)}</td></tr>')
    table = ('<table class="nq-index-table"><thead><tr><th>File</th><th>Size</th><th>Index</th></tr></thead>'
             f'<tbody>{"".join(rows)}</tbody></table>') if rows else '<div class="nq-empty">No notes in this folder yet: upload some.</div>'
    problem = f'<div class="nq-src-warn">{esc(error)}</div>' if error else ""
    return (f'<div class="nq-index">{problem}<div class="nq-index-summary" id="nq-folder-summary">{summary}</div>'
            f"{table}</div>")


def render_watch(state, watching: bool) -> str:
    """Whether the index is being refreshed, and what the last refresh did."""
    if state.refreshing:
        return f'<div class="nq-watch nq-refreshing" data-gen="{state.generation}">Refreshing the index… ({esc(state.reason)})</div>'
    parts = ["Watching the folder: edits are picked up on their own" if watching
             else "Not watching the folder (pip install 'notesqa[ui]'); use Refresh after editing notes"]
    if state.last_error:
        parts.append(f'<span class="nq-build-warn">last refresh failed: {esc(state.last_error)}</span>')
    elif state.last_stats is not None:
        parts.append(f"last refresh {time.strftime('%H:%M:%S', time.localtime(state.last_finished))}"
                     f" ({esc(state.reason)}): {esc(state.last_stats.summary())}")
    return f'<div class="nq-watch nq-idle" data-gen="{state.generation}">{" · ".join(parts)}</div>'
