"""Saved eval runs (``eval-runs/<set>.jsonl`` beside the index) and the comparison of a run with the previous one.

A run keeps the figures exactly as ``rag eval --json`` prints them (``metrics``), the figures by question kind,
and per item what is needed to show it again later: the answer with its citations, the nearest notes of a
refusal, which expected facts were missing, and whether it passed. An item fails for the reasons
:func:`rag.evaluate.summarise` gives (refused an answerable question, answered an unanswerable one, a missing
key fact, a citation not found in its note), so the table, the report and the comparison agree.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
import uuid
from pathlib import Path

from .errors import RagError
from .jsonl import append_jsonl

log = logging.getLogger("rag")

MAX_RUNS_READ = 50  # only the newest runs of a set are read back (a run of 100 items is about 200 KB)


def runs_dir(settings) -> Path:
    return Path(settings.index) / "eval-runs"


def _extras(answer) -> dict:
    """What an item's row lacks to show the answer as the chat does (an ``rag.answer.Answer``, or None)."""
    if answer is None:
        return {}
    return {
        "standalone": getattr(answer, "standalone", ""),
        "nearest": list(getattr(answer, "nearest", None) or [])[:4],
        "conflict": bool(getattr(answer, "conflict", False)),
        "unverified": list(getattr(answer, "unverified", None) or []),
        "model": getattr(answer, "model", ""),
        "headings": [getattr(c, "heading", "") for c in getattr(answer, "citations", [])],
    }


def item_record(row: dict, item: dict, answer=None, why: str = "") -> dict:
    """One item of a saved run: the runner's row, the expected facts (and which are missing), pass/fail."""
    must = list(item.get("must_include") or [])
    facts = list(row.get("facts") or [])
    record = {k: row.get(k) for k in ("id", "kind", "question", "answerable", "answer", "refused", "mode", "citations",
                                      "timings", "rank", "evidence_hit", "markers", "markers_ok")}
    record.update(must_include=must, missing=[m for m, ok in zip(must, facts) if not ok], sources=item.get("sources") or [],
                  seconds=round(float(row.get("seconds") or 0.0), 3), passed=not why, why=why)
    record.update(_extras(answer))
    return record


def build_run(eval_set, items: list[dict], result: dict, answers: dict, started: float, seconds: float,
              index_version: str = "", status: str = "complete") -> dict:
    """A run record from :func:`rag.evaluate.run_eval`'s result; ``answers`` maps item id to its Answer."""
    why = {f["id"]: f["why"] for f in result.get("failures", [])}
    by_id = {it["id"]: it for it in items}
    rows = [item_record(r, by_id.get(r["id"], {}), answers.get(r["id"]), why.get(r["id"], "")) for r in result["items"]]
    return {
        "run_id": time.strftime("%Y%m%dT%H%M%S", time.gmtime(started)) + "-" + uuid.uuid4().hex[:6],
        "set": eval_set.key,
        "set_name": eval_set.name,
        "set_path": str(eval_set.path),
        "started_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(started)),
        "seconds": round(seconds, 2),
        "status": status,
        "model": result["metrics"].get("model"),
        "index_version": index_version,
        "metrics": result["metrics"],
        "by_kind": result["by_kind"],
        "items": rows,
    }


class RunStore:
    """One append-only JSONL file of runs per eval set."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    def file_for(self, set_key: str) -> Path:
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "_", set_key).strip("._")[:60] or "set"
        digest = hashlib.sha1(set_key.encode("utf-8")).hexdigest()[:8]  # two paths that slug alike stay apart
        return self.folder / f"{slug}-{digest}.jsonl"

    def save(self, run: dict) -> Path:
        path = self.file_for(run["set"])
        try:
            append_jsonl(path, run)
        except OSError as err:
            raise RagError(f"cannot save the eval run to {path} ({err.strerror}); check that folder is writable") from None
        return path

    def runs(self, set_key: str) -> list[dict]:
        """The saved runs of a set, oldest first (the newest MAX_RUNS_READ); damaged lines are skipped."""
        path = self.file_for(set_key)
        if not path.exists():
            return []
        runs = []
        with path.open(encoding="utf-8", errors="replace") as fh:
            lines = fh.readlines()[-MAX_RUNS_READ:]
        for line in lines:
            try:
                run = json.loads(line)
            except ValueError:
                log.warning("a damaged line in %s was skipped", path)
                continue
            if isinstance(run, dict) and run.get("set") == set_key and isinstance(run.get("items"), list):
                runs.append(run)
        return runs

    def latest(self, set_key: str) -> dict | None:
        runs = self.runs(set_key)
        return runs[-1] if runs else None


def compare(previous: dict | None, current: dict) -> dict:
    """Items that passed before and fail now (regressions) and the reverse (fixes), matched by id and question.

    An item whose question changed since the previous run counts as new, not as a regression or a fix.
    """
    before = {(i["id"], i["question"]): i for i in (previous or {}).get("items", [])}
    out = {"previous_run": (previous or {}).get("run_id"), "previous_at": (previous or {}).get("started_at"),
           "regressions": [], "fixes": [], "new": [], "still_failing": []}
    for item in current.get("items", []):
        old = before.get((item["id"], item["question"]))
        if old is None:
            out["new"].append(item["id"])
        elif old["passed"] and not item["passed"]:
            out["regressions"].append(item["id"])
        elif not old["passed"] and item["passed"]:
            out["fixes"].append(item["id"])
        elif not item["passed"]:
            out["still_failing"].append(item["id"])
    return out


def ordered_items(run: dict, comparison: dict | None = None) -> list[dict]:
    """Items with a ``change`` label ('regression', 'fixed', ''), regressions first, then fixes, failures, passes."""
    comparison = comparison or {}
    regressions, fixes = set(comparison.get("regressions", [])), set(comparison.get("fixes", []))

    def label(item):
        return "regression" if item["id"] in regressions else "fixed" if item["id"] in fixes else ""

    items = [{**item, "change": label(item)} for item in run.get("items", [])]
    rank = {"regression": 0, "fixed": 1}
    return sorted(items, key=lambda i: (rank.get(i["change"], 2 if not i["passed"] else 3)))


def save_and_compare(settings, eval_set, items: list[dict], result: dict, started: float, seconds: float,
                     index_version: str = "") -> list[str]:
    """Save a finished ``rag eval`` run beside the index; lines saying where, and what changed since the last."""
    store = RunStore(runs_dir(settings))
    run = build_run(eval_set, items, result, {}, started, seconds, index_version)
    comparison = compare(store.latest(eval_set.key), run)
    lines = [f"run saved to {store.save(run)}"]
    if comparison["previous_run"]:
        lines.append(f"against the run of {comparison['previous_at']}: "
                     f"regressions {', '.join(comparison['regressions']) or 'none'}; "
                     f"fixes {', '.join(comparison['fixes']) or 'none'}")
    return lines
