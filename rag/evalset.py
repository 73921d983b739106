"""Eval sets: the item schema, one validator for the shipped sets and the user's own, and where sets live.

An item asks one question and says what a right answer holds: ``{"id", "question", "answerable", "sources",
"evidence", "must_include", "kind"}`` (see evals/qa.jsonl). The same checks run in the tests (shipped set),
in ``rag eval`` (any set) and in the web UI (an item added from the chat), so a set that passes one passes all.
The user's own set is a separate JSONL file beside the index, never the shipped ``evals/`` files.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass
from pathlib import Path

from .config import PROJECT_ROOT
from .errors import EvalSetError
from .jsonl import append_jsonl
from .redact import redact_text

REQUIRED_KEYS = ("id", "question", "answerable", "sources", "evidence", "must_include", "kind")
# Optional keys: a dev/test split, and where a user's item came from (the chat answer it was made from).
OPTIONAL_KEYS = ("split", "note", "added_at", "from_feedback")
KINDS = ("fact", "list", "compare", "multi", "conflict", "unanswerable")
MULTI_SOURCE_KINDS = ("multi", "conflict")
# Characters that only show up in notes as mojibake (UTF-8 read as cp1252 / MacRoman); evidence must be
# quoted from the repaired text.
MOJIBAKE_MARKERS = ("\u00f0\u0178", "\u00e2\u20ac", "\u00fc\u00fc", "\u00fc\u00ec", "\u201a\u00ee", "\u201a\u00c4", "\u00c3")
SHIPPED_DIR = PROJECT_ROOT / "evals"
USER_SET_NAME = "mine"  # `rag eval --dataset mine` and the Evals tab's name for the user's own set
USER_ID_PREFIX = "u"
MAX_PROBLEMS_SHOWN = 5


def user_set_path(settings) -> Path:
    """The user's own eval file: RAG_USER_EVALS, else ``my-evals.jsonl`` beside the index."""
    explicit = getattr(settings, "user_evals", None)
    return Path(explicit) if explicit else Path(settings.index) / "my-evals.jsonl"


# -- reading -------------------------------------------------------------------------------------------
def read_items(path: Path) -> list[dict]:
    """Every JSON object in a JSONL file (blank lines skipped); EvalSetError names the bad line."""
    path = Path(path)
    if not path.exists():
        raise EvalSetError(f"eval set {path} does not exist; pass --dataset evals/qa.jsonl or the path of your own set")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise EvalSetError(f"cannot read eval set {path} ({err}); is it a UTF-8 JSONL file?") from None
    items = []
    for number, line in enumerate(text.split("\n"), start=1):  # as grep -n counts (a lone CR is not a line end)
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError as err:
            raise EvalSetError(f"{path}:{number} is not valid JSON ({err}); fix or remove that line") from None
        if not isinstance(item, dict):
            raise EvalSetError(f"{path}:{number} is not a JSON object; each line must be one eval item")
        items.append(item)
    return items


class _Notes:
    """Raw bytes and repaired text of notes, read once per validation run."""

    def __init__(self, corpus: Path | None):
        self.corpus = Path(corpus) if corpus else None
        self._raw: dict[str, bytes | None] = {}
        self._text: dict[str, str] = {}

    def path(self, name: str) -> Path | None:
        if self.corpus is None or not name or "\x00" in name or name.startswith(("/", "\\", "~")) or ".." in re.split(r"[\\/]", name):
            return None
        return self.corpus / name

    def raw(self, name: str) -> bytes | None:
        if name not in self._raw:
            path = self.path(name)
            try:
                self._raw[name] = path.read_bytes() if path is not None and path.is_file() else None
            except OSError:
                self._raw[name] = None
        return self._raw[name]

    def text(self, name: str) -> str:
        """The note as notesqa reads it (mojibake repaired, secrets masked); raw text if it cannot be read so."""
        if name not in self._text:
            raw = self.raw(name) or b""
            try:
                from .ingest import read_note

                self._text[name] = "\n".join(read_note(self.path(name), self.corpus).lines)
            except Exception:  # a note the reader refuses is checked against its raw bytes only
                self._text[name] = raw.decode("utf-8", errors="replace")
        return self._text[name]


# -- checks --------------------------------------------------------------------------------------------
def item_problems(item, corpus: Path | None = None, notes: _Notes | None = None) -> list[str]:
    """What is wrong with one item (empty when nothing). With ``corpus``, also checks it is grounded there."""
    if not isinstance(item, dict):
        return ["an item must be a JSON object"]
    problems = []
    missing = [k for k in REQUIRED_KEYS if k not in item]
    unknown = sorted(set(item) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if missing:
        problems.append(f"missing keys {missing}")
    if unknown:
        problems.append(f"unknown keys {unknown} (allowed: {list(REQUIRED_KEYS + OPTIONAL_KEYS)})")
    if missing:
        return problems
    types = {"id": str, "question": str, "answerable": bool, "sources": list, "evidence": str, "must_include": list, "kind": str}
    bad = [k for k, t in types.items() if not isinstance(item[k], t)]
    bad += [k for k in ("sources", "must_include") if k not in bad and not all(isinstance(s, str) for s in item[k])]
    if bad:
        return problems + [f"wrong type for {bad} (id and question are text, answerable true/false, sources and "
                           "must_include lists of text)"]
    if not item["id"].strip():
        problems.append("empty id")
    if not item["question"].strip():
        problems.append("empty question")
    kind = item["kind"]
    if kind not in KINDS:
        problems.append(f"kind {kind!r} is not one of {list(KINDS)}")
    sources, evidence, must = item["sources"], item["evidence"], item["must_include"]
    if kind == "unanswerable" or item["answerable"] is False:
        if kind != "unanswerable" or item["answerable"] is not False:
            problems.append("an item that should be refused has kind 'unanswerable' and answerable false")
        if sources or evidence or must:
            problems.append("an unanswerable item has no sources, evidence or must_include")
    else:
        if not sources:
            problems.append("an answerable item needs sources (the note that holds the answer)")
        if not evidence:
            problems.append("an answerable item needs evidence (a line quoted from its first source)")
        if not must:
            problems.append("an answerable item needs must_include (facts a right answer contains)")
    if len(set(sources)) != len(sources):
        problems.append("duplicate sources")
    if kind in MULTI_SOURCE_KINDS and len(sources) < 2:
        problems.append(f"a {kind} item needs 2 or more sources")
    if "\n" in evidence or "\r" in evidence:
        problems.append("evidence must be one line")
    if evidence.startswith((" ", "\t")):
        problems.append("evidence must not start with whitespace")
    if "\ufffd" in evidence or any(m in evidence for m in MOJIBAKE_MARKERS):
        problems.append("evidence contains mojibake; quote the repaired text")
    for entry in must:
        if not all(alt.strip() for alt in entry.split("|")):
            problems.append(f"empty alternative in must_include {entry!r}")
    if redact_text(" ".join([item["question"], evidence, *must]))[1]:
        problems.append("the item holds a credential (password, key or token); leave secrets out of eval sets")
    if corpus is not None and not problems:
        problems += _grounding_problems(item, notes or _Notes(corpus))
    return problems


def _grounding_problems(item: dict, notes: _Notes) -> list[str]:
    problems = []
    missing = [s for s in item["sources"] if notes.raw(s) is None]
    if missing:
        return [f"source {missing[0]!r} is not a note in {notes.corpus}"]
    if item["evidence"]:
        first = item["sources"][0]
        if item["evidence"].encode("utf-8") not in notes.raw(first) and item["evidence"] not in notes.text(first):
            problems.append(f"evidence {item['evidence'][:80]!r} is not in {first}")
    if item["must_include"]:
        text = "\n".join(notes.text(s) + "\n" + notes.raw(s).decode("utf-8", "replace") for s in item["sources"]).lower()
        for entry in item["must_include"]:
            if not any(alt.strip().lower() in text for alt in entry.split("|")):
                problems.append(f"must_include {entry!r} does not occur in its sources")
    return problems


def set_problems(items: list[dict], corpus: Path | None = None) -> list[str]:
    """Problems of a whole set, each prefixed with the item's id: item checks, unique ids and questions."""
    notes = _Notes(corpus) if corpus is not None else None
    problems, ids, questions = [], set(), set()
    for number, item in enumerate(items, start=1):
        label = str(item.get("id")) if isinstance(item, dict) and item.get("id") else f"item {number}"
        problems += [f"{label}: {p}" for p in item_problems(item, corpus, notes)]
        if isinstance(item, dict):
            if item.get("id") in ids:
                problems.append(f"{label}: duplicate id")
            ids.add(item.get("id"))
            question = str(item.get("question", "")).strip().lower()
            if question and question in questions:
                problems.append(f"{label}: duplicate question {item.get('question')!r}")
            questions.add(question)
    return problems


def load_set(path: Path, corpus: Path | None = None) -> list[dict]:
    """Read and validate a set; EvalSetError lists the first problems and how to fix them."""
    items = read_items(path)
    if not items:
        raise EvalSetError(f"eval set {path} has no items yet; add some (in the web UI: Dislike an answer, "
                           "then 'Add to my eval set')")
    problems = set_problems(items, corpus)
    if problems:
        more = f" (and {len(problems) - MAX_PROBLEMS_SHOWN} more)" if len(problems) > MAX_PROBLEMS_SHOWN else ""
        raise EvalSetError(f"eval set {path} has problems: {'; '.join(problems[:MAX_PROBLEMS_SHOWN])}{more}; "
                           "fix or remove those items")
    return items


# -- the user's own set ----------------------------------------------------------------------------------
_append_lock = threading.Lock()


def next_user_id(items: list[dict]) -> str:
    numbers = [int(m.group(1)) for it in items if (m := re.fullmatch(rf"{USER_ID_PREFIX}(\d+)", str(it.get("id", ""))))]
    return f"{USER_ID_PREFIX}{max(numbers, default=0) + 1:03d}"


def add_user_item(path: Path, item: dict, corpus: Path | None) -> dict:
    """Give ``item`` the next id, validate it against the set and the notes, append it; returns it.

    EvalSetError (with every problem named) leaves the file untouched.
    """
    path = Path(path)
    with _append_lock:
        items = read_items(path) if path.exists() else []
        item = {"id": next_user_id(items), **{k: v for k, v in item.items() if k != "id"}}
        problems = set_problems(items + [item], corpus)
        problems = [p for p in problems if p.startswith(f"{item['id']}:")]
        if problems:
            raise EvalSetError("cannot add this item: " + "; ".join(p.split(": ", 1)[1] for p in problems))
        try:
            append_jsonl(path, item)
        except OSError as err:
            raise EvalSetError(f"cannot add to your eval set {path} ({err.strerror}); check that folder is writable") from None
    return item


# -- which sets there are ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class EvalSet:
    """A set the user can run: its name in menus and `--dataset`, its file, and whether it is the user's own."""

    name: str
    path: Path
    own: bool = False

    @property
    def key(self) -> str:
        """Identifies the set in saved runs (the user's own set keeps its name when RAG_USER_EVALS moves it)."""
        return USER_SET_NAME if self.own else self.name


def shipped_sets(corpus: Path, folder: Path = SHIPPED_DIR) -> list[EvalSet]:
    """The shipped sets that fit ``corpus``: every JSONL under evals/ whose sources are all notes there.

    Sets written for another notes folder (a second eval corpus) are left out, since their questions cannot
    be answered from this one.
    """
    found = []
    for path in sorted(Path(folder).rglob("*.jsonl")):
        try:
            items = read_items(path)
        except EvalSetError:
            continue
        sources = {s for it in items for s in (it.get("sources") or []) if isinstance(s, str)}
        if items and sources and all((Path(corpus) / s).is_file() for s in sources):
            found.append(EvalSet(path.relative_to(folder).as_posix(), path))
    return found


def resolve(name_or_path, settings) -> EvalSet:
    """`--dataset` value to a set: 'mine' (the user's own), a shipped set's name, or a path."""
    if name_or_path in (None, ""):
        return EvalSet("qa.jsonl", SHIPPED_DIR / "qa.jsonl")
    text = str(name_or_path)
    if text == USER_SET_NAME:
        return EvalSet(USER_SET_NAME, user_set_path(settings), own=True)
    path = Path(text).expanduser()
    if not path.exists() and (SHIPPED_DIR / text).is_file():
        path = SHIPPED_DIR / text
    if path.resolve() == user_set_path(settings).resolve():
        return EvalSet(USER_SET_NAME, path, own=True)
    try:
        name = path.resolve().relative_to(SHIPPED_DIR.resolve()).as_posix()
    except ValueError:
        name = str(path)
    return EvalSet(name, path)
