"""Feedback on answers (Like / Dislike and a note), kept append-only in ``feedback.jsonl`` beside the index.

Each line is one event. A rating and a later note on the same answer share an ``id``; reading merges them
(the latest value of each field wins), so nothing is ever rewritten in place and a crash mid-write can cost at
most the line being written. Every record holds what is needed to judge the answer later without the chat:
the question, the answer, its citations, the model and the index version.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
import time
import uuid
from pathlib import Path

from .errors import RagError
from .jsonl import append_jsonl

log = logging.getLogger("rag")

RATINGS = ("like", "dislike")
CSV_FIELDS = ("id", "at", "rating", "note", "question", "answer", "refused", "citations", "model", "index_version")
MAX_NOTE_CHARS = 2000


def feedback_path(settings) -> Path:
    return Path(settings.index) / "feedback.jsonl"


def index_version(pipeline) -> str:
    """The live index build (its folder name, which changes with every build), or '' when none is loaded."""
    try:
        store = pipeline.retriever(progress=False).store
    except Exception:  # no index yet, or a fake pipeline: feedback is still worth keeping
        return ""
    path = getattr(store, "path", None)
    if path is not None:
        return Path(path).name
    return str((getattr(store, "manifest", None) or {}).get("built_at", ""))


def answer_record(answer, model: str = "", version: str = "") -> dict:
    """What feedback keeps of one answer (an ``rag.answer.Answer``)."""
    return {
        "question": answer.question,
        "standalone": getattr(answer, "standalone", "") or answer.question,
        "answer": answer.answer,
        "refused": bool(answer.refused),
        "mode": getattr(answer, "mode", ""),
        "citations": [{**c.to_dict(), "heading": getattr(c, "heading", "")} for c in answer.citations],
        "model": getattr(answer, "model", "") or model,
        "index_version": version,
    }


class FeedbackStore:
    """Append-only JSONL of feedback events; :meth:`entries` gives one merged entry per answer."""

    def __init__(self, path: Path):
        self.path = Path(path)

    def _append(self, event: dict) -> None:
        try:
            append_jsonl(self.path, event)
        except OSError as err:
            raise RagError(f"cannot save feedback to {self.path} ({err.strerror}); check that folder is writable") from None

    def rate(self, record: dict, rating: str | None, note: str = "", feedback_id: str | None = None) -> str:
        """Store a rating ('like', 'dislike', or None to take it back) of the answer in ``record``; returns its id."""
        if rating is not None and rating not in RATINGS:
            raise RagError(f"rating {rating!r} must be one of {RATINGS}")
        feedback_id = feedback_id or uuid.uuid4().hex[:12]
        self._append({"id": feedback_id, "at": _now(), "rating": rating, "note": _clean_note(note), **record})
        return feedback_id

    def add_note(self, feedback_id: str, note: str) -> None:
        """Add (or replace) the note of an earlier rating."""
        if not feedback_id:
            raise RagError("rate the answer (Like or Dislike) before adding a note")
        self._append({"id": feedback_id, "at": _now(), "note": _clean_note(note)})

    def mark_added(self, feedback_id: str, eval_id: str) -> None:
        """Remember that this answer became item ``eval_id`` of the user's eval set."""
        self._append({"id": feedback_id, "at": _now(), "eval_item": eval_id})

    def events(self) -> list[dict]:
        if not self.path.exists():
            return []
        events = []
        with self.path.open(encoding="utf-8", errors="replace") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    event = json.loads(line)
                except ValueError:  # a line cut short by a crash: skip it, keep the rest
                    log.warning("%s:%d is not valid JSON; skipped", self.path, number)
                    continue
                if isinstance(event, dict) and event.get("id"):
                    events.append(event)
        return events

    def entries(self, rating: str | None = None) -> list[dict]:
        """One entry per answer, oldest first, each field at its latest value; optionally only one rating."""
        merged: dict[str, dict] = {}
        for event in self.events():
            entry = merged.setdefault(event["id"], {"first_at": event.get("at")})
            entry.update(event)
        out = list(merged.values())
        if rating is not None:
            out = [e for e in out if e.get("rating") == rating]
        return out

    def get(self, feedback_id: str) -> dict | None:
        return next((e for e in self.entries() if e["id"] == feedback_id), None)


def export(entries: list[dict], fmt: str) -> str:
    """Entries as JSONL or CSV text (CSV: citations as ``file:start-end`` joined by '; ')."""
    if fmt == "jsonl":
        return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries)
    if fmt != "csv":
        raise RagError(f"export format {fmt!r} is not supported; use jsonl or csv")
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for e in entries:
        row = dict(e)
        row["citations"] = "; ".join(f"{c.get('file')}:{c.get('start_line')}-{c.get('end_line')}" for c in e.get("citations") or [])
        row["rating"] = e.get("rating") or ""
        writer.writerow(row)
    return out.getvalue()


def listing(entries: list[dict]) -> list[str]:
    """Entries as lines for a terminal: '+'/'-' for like/dislike, time, id, question; then note and eval item."""
    def plain(value, limit=None) -> str:  # one line, no control characters (a stored text cannot forge output)
        return " ".join(re.sub(r"[\x00-\x1f\x7f-\x9f]", " ", str(value or "")).split())[:limit]

    lines = []
    for e in entries:
        mark = {"like": "+", "dislike": "-"}.get(e.get("rating"), " ")
        lines.append(f"{mark} {plain(e.get('at'))}  {plain(e['id'])}  {plain(e.get('question'), 90)}")
        if e.get("note"):
            lines.append(f"    note: {plain(e['note'])}")
        if e.get("eval_item"):
            lines.append(f"    added to your eval set as {plain(e['eval_item'])}")
    return lines


def _clean_note(note) -> str:
    return " ".join(str(note or "").split())[:MAX_NOTE_CHARS]


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
