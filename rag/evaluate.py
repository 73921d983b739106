"""The eval runner: answers every item of the golden set through the same pipeline as the UI and scores it."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

from .config import PROJECT_ROOT
from .errors import RagError
from .ingest import read_note
from .markup import CITE_MARK

DEFAULT_DATASET = PROJECT_ROOT / "evals" / "qa.jsonl"
SPLITS_FILE = PROJECT_ROOT / "evals" / "splits.json"
KINDS = ("fact", "list", "compare", "multi", "conflict", "unanswerable")
# The eval sets `rag eval --all-sets` runs: name -> (questions, notes folder or None for the configured corpus).
EVAL_SETS = {
    "aws": (DEFAULT_DATASET, None),
    "govnotes": (PROJECT_ROOT / "evals" / "govnotes" / "qa.jsonl", PROJECT_ROOT / "evals" / "govnotes" / "notes"),
    "econnotes": (PROJECT_ROOT / "evals" / "econnotes" / "qa.jsonl", PROJECT_ROOT / "evals" / "econnotes" / "notes"),
}


def split_of(dataset: Path, item_id: str) -> str:
    """The fixed half ("dev" or "test") an item belongs to: frozen in evals/splits.json, else sha256 parity.

    Tune only on dev; report test (evals/SOURCES.md explains how the halves were drawn).
    """
    import hashlib

    frozen = _splits().get(_dataset_key(Path(dataset)), {})
    for half, ids in frozen.items():
        if item_id in ids:
            return half
    return "dev" if int(hashlib.sha256(item_id.encode()).hexdigest(), 16) % 2 == 0 else "test"


def _dataset_key(dataset: Path) -> str:
    try:
        return Path(dataset).resolve().relative_to((PROJECT_ROOT / "evals").resolve()).as_posix()
    except ValueError:
        return Path(dataset).name


_SPLIT_CACHE: dict = {}


def _splits() -> dict:
    if not _SPLIT_CACHE and SPLITS_FILE.exists():
        _SPLIT_CACHE.update({k: {h: set(ids) for h, ids in v.items()} for k, v in json.loads(SPLITS_FILE.read_text()).items()})
    return _SPLIT_CACHE


def load_dataset(path: Path | None = None) -> list[dict]:
    path = Path(path or DEFAULT_DATASET)
    if not path.exists():
        raise RagError(f"eval set {path} does not exist; pass --dataset evals/qa.jsonl")
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):  # as grep -n counts
        if not line.strip():
            continue
        try:
            items.append(json.loads(line))
        except ValueError as err:
            raise RagError(f"{path}:{number} is not valid JSON ({err}); fix that line") from None
    return items


def _squash(text: str) -> str:
    """Lowercase without whitespace, quotes or emphasis, so '4 KB' matches '4KB'."""
    return re.sub(r"[\s*`\"“”‘’']", "", text.lower())


def fact_present(answer: str, item: str) -> bool:
    """A must_include item ("14 days|14 day") is present when any alternative occurs in the answer."""
    squashed = _squash(answer)
    return any(alt.strip() and _squash(alt) in squashed for alt in item.split("|"))


def quote_in_lines(citation: dict, notes: dict[str, list[str]]) -> bool:
    """The citation's quote occurs in its file within start_line..end_line (after ingestion's repair)."""
    lines = notes.get(citation["file"])
    if lines is None:
        return False
    span = "\n".join(lines[citation["start_line"] - 1 : citation["end_line"]])
    return bool(citation["quote"]) and citation["quote"] in span


def _percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    values = sorted(values)
    idx = min(len(values) - 1, max(0, round(q * (len(values) - 1))))
    return round(values[idx], 1)


def faithful_sentences(answer, question: str) -> tuple[int, int]:
    """(faithful, total) over the answer's shown model sentences: a sentence is faithful when every word and
    number it adds beyond the question stands in the lines it cites (or the heading shown with them)."""
    from .answer.verify import faithful

    by_n = {c.n: c for c in answer.citations}
    model = [s for s in getattr(answer, "shown", []) if s.origin == "model"]
    ok = 0
    for sentence in model:
        text = re.sub(r"\s*" + CITE_MARK.pattern, "", sentence.text)
        cited = " ".join(f"{by_n[n].heading} {by_n[n].quote}" for n in sentence.cites if n in by_n)
        ok += bool(cited) and faithful(text, cited, question)
    return ok, len(model)


def run_eval(pipeline, items: list[dict], progress: bool = True, on_row=None, dataset: Path | None = None) -> dict:
    """Run every item; return {"metrics": {...}, "by_split": {...}, "by_kind": {...}, "items": [...]}.

    ``on_row(row)`` is called as each item is scored (the web UI's live progress); ``dataset`` names the set,
    for the fixed dev/test half of each item.
    """
    from tqdm import tqdm

    settings = pipeline.settings
    retriever = pipeline.retriever(progress=progress)
    pipeline.answerer()  # load the model before timing anything
    notes: dict[str, list[str]] = {}
    corpus = Path(settings.corpus)
    for chunk in retriever.store.chunks:
        if chunk.file not in notes:
            notes[chunk.file] = read_note(corpus / chunk.file, corpus).lines

    rows = []
    bar = tqdm(items, desc="eval", unit="q", disable=not progress)
    for item in bar:
        row = {"id": item["id"], "kind": item["kind"], "question": item["question"], "answerable": item["answerable"],
               "split": item.get("split") or split_of(dataset or DEFAULT_DATASET, item["id"])}
        hits = retriever.retrieve(item["question"], 5)
        sources = set(item.get("sources") or [])
        ranks = [h.rank for h in hits if h.chunk.file in sources]
        row["rank"] = ranks[0] if ranks else None
        evidence = " ".join(item.get("evidence", "").split())
        row["evidence_hit"] = bool(evidence) and any(evidence in " ".join(h.chunk.text.split()) for h in hits)
        started = time.perf_counter()
        answer = pipeline.ask(item["question"])
        row["seconds"] = time.perf_counter() - started
        data = answer.to_json()
        row.update(answer=data["answer"], refused=data["refused"], mode=answer.mode, timings=data["timings"])
        row["citations"] = data["citations"]
        markers = [int(m) for m in CITE_MARK.findall(data["answer"])]
        by_n = {c["n"]: c for c in data["citations"]}
        row["markers"] = len(markers)
        row["markers_ok"] = sum(1 for m in markers if m in by_n and quote_in_lines(by_n[m], notes))
        sentences = [s for s in re.split(r"(?<=[.!?”])\s+(?=[“A-Z0-9])", data["answer"]) if s.strip()]
        row["sentences"] = 0 if data["refused"] else len(sentences)
        row["cited_sentences"] = 0 if data["refused"] else sum(1 for s in sentences if CITE_MARK.search(s))
        stated = [s for s in getattr(answer, "shown", []) if s.origin != "missing"]
        if stated and not data["refused"]:
            # "your notes don't say X" (one part of a two-part question) states an absence: nothing to cite
            row["sentences"], row["cited_sentences"] = len(stated), sum(1 for s in stated if s.cites)
        must = item.get("must_include") or []
        row["facts"] = [fact_present(data["answer"], m) for m in must]
        row["cited_right_file"] = any(c["file"] in sources for c in data["citations"])
        row["faithful"], row["model_sentences"] = faithful_sentences(answer, answer.standalone or item["question"])
        row["reason"] = getattr(answer, "reason", "")
        rows.append(row)
        if on_row is not None:
            on_row(row)
    result = summarise(rows, settings)
    if getattr(settings, "llm_url", None) or getattr(settings, "backend", "auto") not in ("auto", "gguf"):
        result["metrics"]["model"] = pipeline.generator.name  # "smollm2 @ http://...": which backend answered
    return result


def run_sets(settings, split: str = "all", limit: int | None = None, progress: bool = True,
             index_root: Path | None = None, pipeline_factory=None) -> dict[str, dict]:
    """Run every eval set in EVAL_SETS, each over its own notes, and return {name: result}.

    The AWS set uses the configured corpus and index; another set's index is built under ``index_root``
    (a temporary folder by default: a few notes index in seconds). ``pipeline_factory(settings)`` lets
    tests pass fakes or share loaded models.
    """
    import dataclasses
    import tempfile

    from .pipeline import Pipeline

    factory = pipeline_factory or Pipeline
    root = Path(index_root or tempfile.mkdtemp(prefix="notesqa-eval-"))
    results = {}
    for name, (dataset, notes) in EVAL_SETS.items():
        set_settings = settings if notes is None else dataclasses.replace(settings, corpus=notes, index=root / name)
        items = load_dataset(dataset)
        if split != "all":
            items = [it for it in items if split_of(dataset, it["id"]) == split]
        if limit:
            items = items[:limit]
        results[name] = run_eval(factory(set_settings), items, progress=progress, dataset=dataset)
    return results


def summarise(rows: list[dict], settings=None) -> dict:
    def metrics(subset: list[dict]) -> dict:
        answerable = [r for r in subset if r["answerable"]]
        unanswerable = [r for r in subset if not r["answerable"]]
        ranked = [r for r in answerable]
        facts = [f for r in answerable for f in r["facts"]]
        totals = [r["timings"]["total_ms"] for r in subset if r["timings"].get("total_ms") is not None]
        firsts = [r["timings"]["first_token_ms"] for r in subset if r["timings"].get("first_token_ms") is not None]
        markers = sum(r["markers"] for r in subset)
        sentences = sum(r["sentences"] for r in subset)
        out = {
            "items": len(subset),
            "hit_at_1": _share([r["rank"] == 1 for r in ranked]),
            "hit_at_5": _share([r["rank"] is not None for r in ranked]),
            "mrr": round(sum(1 / r["rank"] for r in ranked if r["rank"]) / len(ranked), 3) if ranked else None,
            "evidence_recall_at_5": _share([r["evidence_hit"] for r in ranked]),
            "key_fact_recall": _share(facts),
            "all_facts_share": _share([all(r["facts"]) for r in answerable if r["facts"]]),
            "refusal_recall": _share([r["refused"] for r in unanswerable]),
            "false_refusal_rate": _share([r["refused"] for r in answerable]),
            "citation_validity": round(sum(r["markers_ok"] for r in subset) / markers, 3) if markers else None,
            "right_note_cited": _share([r["cited_right_file"] for r in answerable if not r["refused"]]),
            "faithfulness": (round(sum(r.get("faithful", 0) for r in subset) / model_sentences, 3)
                             if (model_sentences := sum(r.get("model_sentences", 0) for r in subset)) else 1.0),
            "cited_sentence_share": round(sum(r["cited_sentences"] for r in subset) / sentences, 3) if sentences else None,
            "latency_p50_ms": _percentile(totals, 0.5),
            "latency_p95_ms": _percentile(totals, 0.95),
            "first_token_p50_ms": _percentile(firsts, 0.5),
            "first_token_p95_ms": _percentile(firsts, 0.95),
        }
        return out

    overall = metrics(rows)
    by_split = {half: metrics([r for r in rows if r.get("split") == half]) for half in ("dev", "test")
                if any(r.get("split") == half for r in rows)}
    by_kind = {kind: metrics([r for r in rows if r["kind"] == kind]) for kind in KINDS if any(r["kind"] == kind for r in rows)}
    failures = []
    for r in rows:
        why = []
        if r["answerable"] and r["refused"]:
            why.append("refused an answerable question")
        if not r["answerable"] and not r["refused"]:
            why.append("answered an unanswerable question")
        if r["answerable"] and not r["refused"] and not all(r["facts"]):
            why.append("missing key fact")
        if r["markers"] != r["markers_ok"]:
            why.append("citation not found in note")
        if r.get("faithful", 0) < r.get("model_sentences", 0):
            why.append("a shown model sentence adds words its cited line lacks")
        if why:
            failures.append({"id": r["id"], "kind": r["kind"], "split": r.get("split"), "question": r["question"], "why": "; ".join(why), "answer": r["answer"]})
    overall["model"] = getattr(settings, "model", None) if settings else None
    return {"metrics": overall, "by_split": by_split, "by_kind": by_kind, "failures": failures, "items": rows}


def _share(flags: list[bool]) -> float | None:
    return round(sum(1 for f in flags if f) / len(flags), 3) if flags else None


__all__ = ["load_dataset", "run_eval", "summarise", "fact_present"]
