#!/usr/bin/env python
"""notesqa benchmarks: ``make bench`` or ``python benchmarks/bench.py [--quick | --full]``.

Prints a table and writes ``benchmarks/results.json`` (``--quick``: ``benchmarks/results-quick.json``).
Sections (see benchmarks/README.md for what each figure means):

* ``build``   index build from scratch, chunks/s, refresh after one note changes (only that note re-embedded)
* ``scale``   retrieval over synthetic 10k / 100k (/ 1M with --full) chunks: exact, HNSW and IVF FAISS
              indexes (build time, memory, query p50/p95, recall@10 against exact), BM25, fused hybrid
              retrieval as :class:`rag.retrieve.Retriever` does it, and the exact-search crossover
* ``answer``  model load, first-token latency, tokens/s, end-to-end answer p50/p95 through Pipeline.ask_stream
* ``engine``  the same prompts through bare llama-cpp-python, for our overhead as a ratio
* ``cold``    ``python app.py`` as a subprocess: time to ready, to the first answer, and peak RSS

Machines are shared and noisy: compare figures as ratios within one run. The load average at the start
and the end is recorded in the results so readers can judge.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import numpy as np  # noqa: E402

DIM = 384
# The synthetic vectors copy the shape of the corpus' all-MiniLM-L6-v2 vectors (fitted once on the 452
# chunks of corpus/): a common direction of norm 0.595 (mean of the unit vectors) and a covariance whose
# eigenvalues fall off as i^-1.35. Isotropic random vectors (every point about equally far from every
# other) would make any approximate index look broken: nearest neighbours mean little there.
SPECTRUM_POWER = 1.35
MEAN_NORM = 0.595
QUERY_NOISE = 0.6  # a query is a data point plus noise: cosine 1/sqrt(1 + 0.6^2) = 0.86 to its source
WORDS_PER_DOC = 30
QUERY_WORDS = 6
RECALL_TARGET = 0.95
DENSE_BUDGET_MS = 10.0  # exact search p95 allowed before an approximate index pays (a fifth of the 50 ms target)
HNSW_BUILD_BUDGET_S = 60.0  # HNSW build time above which IVF (fast to build) is the better approximate index
PROMPT_TEMPLATE_TOKENS = 32

TARGETS = {  # issue 14's targets (first token 0.5 -> 0.35 s, answer 2 -> 1 s, refresh 2 -> 1 s, app 10 -> 5 s)
    "first_token_s": 0.35,
    "answer_p50_s": 1.0,
    "refresh_s": 1.0,
    "app_ready_s": 5.0,
    "build_s": 10.0,
    "retrieval_p95_ms_1m": 50.0,
    "recall_at_10_1m": 0.95,
    "engine_overhead": 0.05,
}

_T0 = time.perf_counter()


def log(message: str) -> None:
    print(f"[{time.perf_counter() - _T0:7.1f}s] {message}", file=sys.stderr, flush=True)


def ms(seconds: float) -> float:
    return seconds * 1000.0


def pct(values, q: float, digits: int = 3) -> float | None:
    """The q-th percentile (0..100) of ``values``, rounded; None when there are none."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return round(float(np.percentile(values, q)), digits)


def rss_mb(pid: int | None = None, children: bool = False) -> float:
    import psutil

    proc = psutil.Process(pid or os.getpid())
    total = proc.memory_info().rss
    if children:
        for child in proc.children(recursive=True):
            try:
                total += child.memory_info().rss
            except psutil.Error:
                pass
    return total / 2**20


def load_avg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# -- machine -----------------------------------------------------------------------------------------


def machine_info() -> dict:
    import psutil

    model = platform.processor() or ""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
        for line in out.splitlines():
            if line.startswith("Model name:"):
                model = line.split(":", 1)[1].strip()
    except (OSError, subprocess.SubprocessError):
        pass
    info = {
        "cpu": model,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_avg_start": load_avg(),
    }
    from importlib import metadata

    versions = {}
    for name in ("faiss-cpu", "bm25s", "torch", "sentence-transformers", "llama_cpp_python", "gradio", "numpy"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    info["versions"] = versions
    try:
        import llama_cpp

        flags = llama_cpp.llama_print_system_info().decode()
        info["llama_cpp_cpu"] = " ".join(p.strip() for p in flags.split("|") if "= 1" in p)
    except Exception:
        info["llama_cpp_cpu"] = None
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
        info["git"] = rev + ("+uncommitted" if dirty else "")
    except OSError:
        info["git"] = None
    return info


# -- synthetic data ----------------------------------------------------------------------------------


def synthetic_vectors(n: int, dim: int = DIM, seed: int = 0, block: int = 100_000) -> np.ndarray:
    """``n`` unit float32 vectors shaped like sentence embeddings (see SPECTRUM_POWER), deterministic."""
    rng = np.random.default_rng(seed)
    scale = np.arange(1, dim + 1, dtype=np.float64) ** (-SPECTRUM_POWER / 2)
    scale *= math.sqrt((1 - MEAN_NORM**2) / float((scale**2).sum()))
    mean = rng.standard_normal(dim)
    mean *= MEAN_NORM / np.linalg.norm(mean)
    scale32, mean32 = scale.astype(np.float32), mean.astype(np.float32)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, block):
        stop = min(n, start + block)
        x = rng.standard_normal((stop - start, dim), dtype=np.float32)
        x *= scale32
        x += mean32
        x /= np.linalg.norm(x, axis=1, keepdims=True)
        out[start:stop] = x
    return out


def nearby_queries(x: np.ndarray, count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """(source row ids, queries): each query is a data point plus noise, unit length."""
    ids = rng.choice(len(x), count, replace=count > len(x))
    noise = rng.standard_normal((count, x.shape[1]), dtype=np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    q = x[ids] + QUERY_NOISE * noise
    q /= np.linalg.norm(q, axis=1, keepdims=True)
    return ids, np.ascontiguousarray(q, dtype=np.float32)


def corpus_vocabulary(corpus: Path = ROOT / "corpus") -> list[str]:
    """The corpus' words, most frequent first (a fixed fallback list when there is no corpus)."""
    from collections import Counter

    from rag.text import words

    counts: Counter = Counter()
    if corpus.is_dir():
        for path in sorted(corpus.rglob("*")):
            if path.is_file() and path.suffix.lower() in (".md", ".txt", ".markdown"):
                counts.update(words(path.read_text(encoding="utf-8", errors="replace")))
    if len(counts) < 50:
        counts.update(
            "queue message lambda function bucket object table stream topic subscription retention timeout "
            "visibility memory region zone instance volume snapshot policy role user group key encryption "
            "replica cluster node partition shard cache latency throughput request limit default maximum "
            "minimum seconds minutes hours days storage class archive glacier version event trigger api".split()
        )
    return [w for w, _ in counts.most_common()]


def synthetic_texts(n: int, vocab: list[str], rng: np.random.Generator, words_per_doc: int = WORDS_PER_DOC,
                    block: int = 100_000) -> list[str]:
    """``n`` documents of words drawn from ``vocab`` with Zipf weights (rank r has weight 1/r)."""
    weights = 1.0 / np.arange(1, len(vocab) + 1)
    weights /= weights.sum()
    table = np.array(vocab, dtype=object)
    texts: list[str] = []
    for start in range(0, n, block):
        ids = rng.choice(len(vocab), size=(min(block, n - start), words_per_doc), p=weights)
        texts.extend(" ".join(row) for row in table[ids])
    return texts


# -- retrieval at scale ------------------------------------------------------------------------------


def _latencies(search, queries: np.ndarray, k: int = 10) -> tuple[list[float], np.ndarray]:
    """Time one ``search(query[None], k)`` per query; returns (ms list, ids)."""
    times, ids = [], np.empty((len(queries), k), dtype=np.int64)
    for i in range(len(queries)):
        started = time.perf_counter()
        _, found = search(queries[i : i + 1], k)
        times.append(ms(time.perf_counter() - started))
        ids[i] = found[0]
    return times, ids


def recall_at(found: np.ndarray, truth: np.ndarray) -> float:
    k = truth.shape[1]
    hits = [len(set(a.tolist()) & set(b.tolist())) for a, b in zip(found[:, :k], truth)]
    return round(sum(hits) / (k * len(truth)), 4)


def _set_param(index, kind: str, value: int) -> None:
    if kind == "hnsw":
        index.hnsw.efSearch = int(value)
    elif kind == "ivf":
        index.nprobe = int(value)


def _get_param(index, kind: str):
    return index.hnsw.efSearch if kind == "hnsw" else index.nprobe if kind == "ivf" else None


def _tune(index, kind: str, tune_q: np.ndarray, tune_truth: np.ndarray) -> tuple[int | None, list]:
    """The smallest efSearch / nprobe whose recall@10 on the tuning queries reaches RECALL_TARGET."""
    if kind == "hnsw":
        grid = [16, 32, 64, 128, 256, 512]
    else:
        grid = [2**i for i in range(0, int(math.log2(index.nlist)) + 1)]
    original, sweep, chosen = _get_param(index, kind), [], None
    for value in grid:
        _set_param(index, kind, value)
        _, found = index.search(tune_q, 10)
        rec = recall_at(found, tune_truth)
        sweep.append([value, rec])
        if rec >= RECALL_TARGET:
            chosen = value
            break
    _set_param(index, kind, original)
    return chosen, sweep


def retrieval_at_scale(
    n: int,
    queries: int = 200,
    tune_queries: int = 100,
    kinds: tuple[str, ...] = ("flat", "hnsw", "ivf"),
    seed: int = 0,
    embedder=None,
    vocab: list[str] | None = None,
    hnsw_budget_s: float | None = None,
    hnsw_reference: list[tuple[int, float]] | None = None,
    before_queries: int = 50,
    agreement_queries: int = 50,
    x: np.ndarray | None = None,
    workdir: Path | None = None,
) -> dict:
    """Build FAISS indexes, BM25 and the fused retriever over ``n`` synthetic chunks and time queries.

    ``embedder``: a real Embedder to pay the query-embedding cost inside the hybrid timing (its vector is
    not used: the query vector is synthetic, so that recall means something). ``hnsw_budget_s`` with
    ``hnsw_reference`` [(n, seconds), ...] skips an HNSW build whose extrapolated time exceeds the budget.
    Returns a dict with keys n, dim, queries, data_s, auto_kind, indexes, auto, bm25, hybrid.
    """
    import faiss

    from rag import vector_index
    from rag.retrieve import BM25, Retriever, dense_search

    rng = np.random.default_rng(seed + 1)
    started = time.perf_counter()
    if x is None:
        x = synthetic_vectors(n, seed=seed)
    vocab = vocab or corpus_vocabulary()
    texts = synthetic_texts(n, vocab, rng)
    src, q = nearby_queries(x, queries, rng)
    _, tune_q = nearby_queries(x, tune_queries, rng)
    data_s = time.perf_counter() - started
    out: dict = {"n": n, "dim": int(x.shape[1]), "queries": queries, "data_s": round(data_s, 2), "indexes": {}}

    auto_kind = vector_index.index_kind(n)
    out["auto_kind"] = auto_kind
    built: dict = {}
    truth = tune_truth = None
    order = ["flat"] + [k for k in kinds if k != "flat"]  # exact first: it is the ground truth
    for kind in order:
        entry: dict = {}
        out["indexes"][kind] = entry
        if kind == "hnsw" and hnsw_budget_s is not None and hnsw_reference is not None:
            estimate = hnsw_build_estimate(hnsw_reference, n)
            if estimate > hnsw_budget_s:
                entry.update(skipped=f"estimated build {estimate:.0f}s > budget {hnsw_budget_s:.0f}s",
                             build_s_estimate=round(estimate, 1))
                log(f"  {n}: hnsw skipped ({entry['skipped']})")
                continue
        gc.collect()
        before_rss = rss_mb()
        t = time.perf_counter()
        index = vector_index.make_faiss_index(x, kind)
        entry["build_s"] = round(time.perf_counter() - t, 3)
        entry["rss_mb"] = round(rss_mb() - before_rss, 1)
        if kind == "ivf":
            entry["nlist"] = int(index.nlist)
        log(f"  {n}: {kind} built in {entry['build_s']}s")
        if kind == "flat":
            t = time.perf_counter()
            _, truth = index.search(q, 10)
            _, tune_truth = index.search(tune_q, 10)
            entry["truth_batch_s"] = round(time.perf_counter() - t, 3)
        if kind == auto_kind and workdir is not None:
            path = Path(workdir) / f"auto-{n}.index"
            t = time.perf_counter()
            faiss.write_index(index, str(path))
            entry["write_s"] = round(time.perf_counter() - t, 3)
            entry["file_mb"] = round(path.stat().st_size / 2**20, 1)
            del index
            gc.collect()
            t = time.perf_counter()
            index = vector_index.read_faiss_index(path)  # as Store.load does: memory-mapped, search settings restored
            entry["load_s"] = round(time.perf_counter() - t, 3)
            entry["as_loaded"] = True
        chosen = None
        if kind != "flat":
            entry["param"] = {"hnsw": "efSearch", "ivf": "nprobe"}[kind]
            entry["value"] = int(_get_param(index, kind))
            chosen, entry["tuning"] = _tune(index, kind, tune_q, tune_truth)  # batched: also warms the index
        times, found = _latencies(lambda qq, k, ix=index: dense_search(ix, qq, k), q)
        entry.update(p50_ms=pct(times, 50), p95_ms=pct(times, 95), recall_at_10=recall_at(found, truth))
        if kind == "flat" and before_queries:
            # before rag.retrieve.dense_search: FAISS's own OpenMP threads for one query
            times2, _ = _latencies(index.search, q[:before_queries])
            entry.update(p50_ms_all_threads=pct(times2, 50), p95_ms_all_threads=pct(times2, 95))
        if entry.get("as_loaded") and before_queries:
            # before rag.vector_index.read_faiss_index read the index into memory: searched through a memory map
            mapped = faiss.read_index(str(path), faiss.IO_FLAG_MMAP)
            _set_param(mapped, kind, _get_param(index, kind))
            mapped.search(tune_q, 10)  # warm, as the tuning warmed the other
            times2, _ = _latencies(lambda qq, k, ix=mapped: dense_search(ix, qq, k), q[: max(before_queries, 100)])
            entry.update(p50_ms_mmap=pct(times2, 50), p95_ms_mmap=pct(times2, 95))
            del mapped
        if kind != "flat":
            if chosen is not None and chosen != entry["value"]:
                original = _get_param(index, kind)
                _set_param(index, kind, chosen)
                t_times, t_found = _latencies(lambda qq, k, ix=index: dense_search(ix, qq, k), q)
                _set_param(index, kind, original)
                entry["tuned"] = {"value": chosen, "p50_ms": pct(t_times, 50), "p95_ms": pct(t_times, 95),
                                  "recall_at_10": recall_at(t_found, truth)}
            elif chosen is not None:
                entry["tuned"] = {"value": chosen, "p50_ms": entry["p50_ms"], "p95_ms": entry["p95_ms"],
                                  "recall_at_10": entry["recall_at_10"]}
        built[kind] = index
        log(f"  {n}: {kind} p50 {entry['p50_ms']} ms p95 {entry['p95_ms']} ms recall@10 {entry['recall_at_10']}")

    auto_index = built.get(auto_kind)
    if auto_index is None:  # the app's kind was skipped: say so, fall back to the best one built
        auto_index = built.get("ivf") or built.get("hnsw") or built["flat"]
    out["auto"] = {"kind": auto_kind, **{k: v for k, v in out["indexes"].get(auto_kind, {}).items() if k != "tuning"}}

    # BM25 over the synthetic texts, exactly the class the app uses
    gc.collect()
    before_rss = rss_mb()
    t = time.perf_counter()
    bm25 = BM25(texts)
    bm25_build = time.perf_counter() - t
    words_of = [texts[i].split() for i in src]
    qtexts = [" ".join(rng.choice(w, min(QUERY_WORDS, len(w)), replace=False)) for w in words_of]
    times = []
    for text in qtexts:
        t = time.perf_counter()
        bm25.search(text, 30)
        times.append(ms(time.perf_counter() - t))
    out["bm25"] = {"build_s": round(bm25_build, 3), "rss_mb": round(rss_mb() - before_rss, 1),
                   "p50_ms": pct(times, 50), "p95_ms": pct(times, 95)}
    log(f"  {n}: bm25 built in {bm25_build:.1f}s, p95 {out['bm25']['p95_ms']} ms")

    # fused retrieval: the real Retriever.retrieve over a stand-in store (synthetic vectors and texts)
    stub = _QueryVectors(embedder)
    retriever = Retriever.__new__(Retriever)
    retriever.store = SimpleNamespace(chunks=range(n), faiss=auto_index, vectors=x)
    retriever.embedder = stub
    retriever.bm25 = bm25
    times, results = [], []
    for text, vec in zip(qtexts, q):
        stub.vector = vec
        t = time.perf_counter()
        hits = retriever.retrieve(text, k=4)
        times.append(ms(time.perf_counter() - t))
        results.append([h.chunk for h in hits])
    hybrid = {"index": _kind_of(auto_index), "p50_ms": pct(times, 50), "p95_ms": pct(times, 95)}
    if stub.times:
        no_embed = [a - b for a, b in zip(times, stub.times)]
        hybrid.update(embed_p50_ms=pct(stub.times, 50), embed_p95_ms=pct(stub.times, 95),
                      p50_ms_without_embedding=pct(no_embed, 50), p95_ms_without_embedding=pct(no_embed, 95))
    if agreement_queries and auto_index is not built["flat"]:
        stub.embedder = None
        retriever.store = SimpleNamespace(chunks=range(n), faiss=built["flat"], vectors=x)
        same = []
        for text, vec, got in list(zip(qtexts, q, results))[:agreement_queries]:
            stub.vector = vec
            exact = [h.chunk for h in retriever.retrieve(text, k=4)]
            same.append(len(set(exact) & set(got)) / max(1, len(exact)))
        hybrid["top4_agreement_with_exact"] = round(float(np.mean(same)), 4)
    out["hybrid"] = hybrid
    log(f"  {n}: hybrid p50 {hybrid['p50_ms']} ms p95 {hybrid['p95_ms']} ms")
    out["total_s"] = round(time.perf_counter() - started, 1)
    return out


HNSW_EXPONENT = 1.3  # HNSW build time grew as n^1.3 from 100k to 1M vectors here (n^1.46 from 10k to 100k)


def hnsw_build_estimate(points: list[tuple[int, float]], n: int) -> float:
    """HNSW build seconds for ``n`` vectors from the largest measured (n, seconds): a power law."""
    ref_n, ref_s = max(points)
    return ref_s * (n / ref_n) ** HNSW_EXPONENT


def _kind_of(index) -> str:
    return "hnsw" if hasattr(index, "hnsw") else "ivf" if hasattr(index, "nprobe") else "flat"


class _QueryVectors:
    """Stands in for the Embedder in the synthetic retriever: returns the current synthetic query vector,
    after running the real model on the text (when given) so that the query-embedding cost is paid."""

    def __init__(self, embedder=None):
        self.embedder = embedder
        self.vector = None
        self.times: list[float] = []

    def encode_query(self, text: str) -> np.ndarray:
        if self.embedder is not None:
            t = time.perf_counter()
            self.embedder.encode([text])  # not encode_query: its cache would hide the cost
            self.times.append(ms(time.perf_counter() - t))
        return self.vector


def crossover(x: np.ndarray, sizes: list[int], queries: int = 100, seed: int = 5) -> dict:
    """Exact-search latency by size (one thread, as the app searches) and where its p95 passes DENSE_BUDGET_MS."""
    import faiss

    from rag.retrieve import dense_search

    rng = np.random.default_rng(seed)
    rows = []
    for n in sizes:
        if n > len(x):
            continue
        index = faiss.IndexFlatIP(x.shape[1])
        index.add(x[:n])
        _, q = nearby_queries(x[:n], queries, rng)
        times, _ = _latencies(lambda qq, k, ix=index: dense_search(ix, qq, k), q)
        rows.append({"n": n, "p50_ms": pct(times, 50), "p95_ms": pct(times, 95)})
        del index
        log(f"  crossover sweep {n}: exact p50 {rows[-1]['p50_ms']} ms p95 {rows[-1]['p95_ms']} ms")
    out: dict = {"budget_ms": DENSE_BUDGET_MS, "sweep": rows}
    if len(rows) >= 2:
        ns = np.array([r["n"] for r in rows], dtype=float)
        p50 = np.array([r["p50_ms"] for r in rows], dtype=float)
        out["p50_ms_per_100k"] = round(float(np.polyfit(ns, p50, 1)[0]) * 1e5, 3)  # exact search is linear in n
    # where p95 first passes the budget, interpolated between the two sizes around it
    for below, above in zip(rows, rows[1:]):
        if below["p95_ms"] <= DENSE_BUDGET_MS < above["p95_ms"]:
            share = (DENSE_BUDGET_MS - below["p95_ms"]) / (above["p95_ms"] - below["p95_ms"])
            out["exact_budget_n"] = int(below["n"] + share * (above["n"] - below["n"]))
            break
    else:
        if rows and rows[0]["p95_ms"] > DENSE_BUDGET_MS:
            out["exact_budget_n"] = rows[0]["n"]
        elif len(rows) >= 2 and rows[-1]["p95_ms"] > rows[-2]["p95_ms"]:  # not reached: extrapolate the last step
            a, b = rows[-2], rows[-1]
            slope = (b["p95_ms"] - a["p95_ms"]) / (b["n"] - a["n"])
            out["exact_budget_n"] = int(b["n"] + (DENSE_BUDGET_MS - b["p95_ms"]) / slope)
            out["extrapolated"] = True
    return out


# -- index build -------------------------------------------------------------------------------------


def bench_build(workdir: Path, corpus: Path, settings_overrides: dict | None = None,
                thread_probe_chunks: int = 0) -> tuple[dict, object, object]:
    """Corpus build from scratch, no-change refresh, refresh after one note changes. Returns (figures, embedder, settings)."""
    from rag.config import Settings
    from rag.embed import Embedder
    from rag.pipeline import Pipeline
    from rag.store import Store

    out: dict = {}
    t = time.perf_counter()
    embedder = Embedder().load()  # the model loads lazily since issue 14: load it here, timed
    out["embedder_load_s"] = round(time.perf_counter() - t, 2)
    settings = Settings.load(corpus=corpus, index=workdir / "index", **(settings_overrides or {}))
    stats = Pipeline(settings, embedder=embedder).build(progress=False, rebuild=True)  # as `rag index --rebuild`
    out.update(notes=stats.files, chunks=stats.chunks, build_s=round(stats.seconds, 2),
               chunks_per_s=round(stats.embedded / stats.seconds, 1) if stats.seconds else None,
               sentences_embedded=stats.sentences_embedded)
    log(f"build: {stats.summary()}")
    if thread_probe_chunks:
        out["bulk_embedding_threads"] = _bulk_thread_probe(embedder, settings, thread_probe_chunks)

    # refresh on a copy of the notes with an index of its own (an index answers only for the folder it was
    # built from, so the first index cannot be copied over), built untimed; then one note edited, and only
    # that note may be re-embedded
    corpus_copy, index_copy = workdir / "corpus-copy", workdir / "index-copy"
    shutil.copytree(corpus, corpus_copy)
    copy_settings = Settings.load(corpus=corpus_copy, index=index_copy, **(settings_overrides or {}))
    pipeline = Pipeline(copy_settings, embedder=embedder)
    pipeline.build(progress=False, rebuild=True)
    pipeline.retriever(progress=False)
    t = time.perf_counter()
    unchanged = pipeline.build(progress=False)
    pipeline.retriever(progress=False)
    out["refresh_unchanged_s"] = round(time.perf_counter() - t, 3)
    out["refresh_unchanged_embedded"] = unchanged.embedded

    files = Store.load(index_copy, copy_settings, embedder.id).manifest["files"]
    by_size = sorted(files, key=lambda f: (files[f]["chunks"], f))
    note = by_size[len(by_size) // 2]  # the median note by chunk count
    path = corpus_copy / note
    with path.open("a", encoding="utf-8") as fh:
        fh.write("\n- Benchmark edit: one line added to time a refresh after a note changes.\n")
    t = time.perf_counter()
    stats = pipeline.build(progress=False)
    build_s = time.perf_counter() - t
    pipeline.retriever(progress=False)  # what the UI's Refresh does next: reload the index and BM25
    total_s = time.perf_counter() - t
    note_chunks = Store.load(index_copy, copy_settings, embedder.id).manifest["files"][note]["chunks"]
    out["refresh"] = {
        "note": note,
        "note_chunks": note_chunks,
        "embedded": stats.embedded,
        "reused": stats.reused,
        # only the chunks the edit changed are embedded again (an appended line: the note's last one or two)
        "only_changed_chunks_embedded": 0 < stats.embedded < note_chunks and stats.reused == stats.chunks - stats.embedded
        and stats.changed_files == [note],
        "build_s": round(build_s, 3),
        "with_reload_s": round(total_s, 3),
    }
    log(f"build: refresh of {note} ({note_chunks} chunks) {total_s:.2f}s, embedded {stats.embedded}")
    if not out["refresh"]["only_changed_chunks_embedded"]:
        log(f"WARNING: refresh embedded {stats.embedded} chunks of {note}'s {note_chunks}; expected only the changed ones")
    return out, embedder, settings


def _bulk_thread_probe(embedder, settings, count: int) -> dict:
    """Chunks/s embedding ``count`` chunks on all cores and on one, interleaved twice (either runtime)."""
    from rag.store import Store

    texts = [c.embed_text() for c in Store.load(settings.index, settings, embedder.id).chunks[:count]]
    model, cores = embedder.model, os.cpu_count() or 1
    rates: dict = {cores: [], 1: []}
    for threads in (cores, 1, 1, cores):
        t = time.perf_counter()
        model.encode(texts, threads, False, model.batch_size)  # the model itself: rag.embed's thread rules left out
        rates[threads].append(len(texts) / (time.perf_counter() - t))
    out = {"chunks": len(texts),
           "chunks_per_s": {str(k): round(float(np.mean(v)), 1) for k, v in rates.items()}}
    log(f"build: bulk embedding chunks/s by threads {out['chunks_per_s']}")
    return out


# -- answering ---------------------------------------------------------------------------------------


class _Recorder:
    """Wraps Generator.stream: keeps each (system, user) prompt and when each piece arrived."""

    def __init__(self, generator):
        self.generator = generator
        self.original = generator.stream
        self.calls: list[dict] = []
        generator.stream = self.stream

    def stream(self, system, user, max_tokens=None, stats=None):
        started = time.perf_counter()
        call = {"system": system, "user": user, "max_tokens": max_tokens, "times": [], "text": ""}
        self.calls.append(call)
        for piece in self.original(system, user, max_tokens=max_tokens, stats=stats):
            call["times"].append(time.perf_counter() - started)
            call["text"] += piece
            yield piece

    def restore(self):
        self.generator.stream = self.original


def _decode_rate(times: list[float]) -> float | None:
    """Tokens per second after the first token (pieces are tokens)."""
    if len(times) < 2 or times[-1] <= times[0]:
        return None
    return (len(times) - 1) / (times[-1] - times[0])


def answerable_questions(limit: int) -> list[str]:
    from rag.evaluate import load_dataset

    return [item["question"] for item in load_dataset() if item.get("answerable")][:limit]


def bench_answer(settings, embedder, questions: list[str], probe_questions: int = 30) -> tuple[dict, object, list[dict]]:
    """Model load, first token, tokens/s, end-to-end p50/p95 through Pipeline.ask_stream. Returns (figures, generator, prompts)."""
    from rag.models.gguf import GgufGenerator as Generator
    from rag.pipeline import Pipeline

    out: dict = {}
    t = time.perf_counter()
    generator = Generator(settings)
    out["model"] = generator.name
    out["model_load_s"] = round(time.perf_counter() - t, 3)
    pipeline = Pipeline(settings, embedder=embedder, generator=generator)
    t = time.perf_counter()
    pipeline.answerer()
    out["index_load_s"] = round(time.perf_counter() - t, 3)  # Store.load + BM25 + idf + speller
    out.update(n_ctx=settings.n_ctx, max_tokens=settings.max_tokens,
               threads=f"{getattr(generator, 'threads', settings.threads)}/{getattr(generator, 'threads_batch', settings.threads)}")

    recorder = _Recorder(generator)
    rows = []
    try:
        for i, question in enumerate(["What is the default SQS visibility timeout?"] + questions):
            started = time.perf_counter()
            first, answer, calls = None, None, len(recorder.calls)
            for kind, value in pipeline.ask_stream(question):
                if kind == "token" and first is None:
                    first = time.perf_counter() - started
                elif kind == "answer":
                    answer = value
            total = time.perf_counter() - started
            tm = answer.timings
            call = recorder.calls[-1] if len(recorder.calls) > calls else None
            row = {
                "question": question,
                "mode": answer.mode,
                "total_s": round(total, 3),
                "first_token_s": round(first, 3) if first is not None else None,
                "retrieve_ms": tm.get("retrieve_ms"),
                "generate_ms": tm.get("generate_ms"),
                "verify_ms": round(tm["total_ms"] - tm["retrieve_ms"] - tm["generate_ms"], 1)
                if tm.get("generate_ms") is not None else None,
                "completion_tokens": tm.get("completion_tokens"),
                "tokens_per_s": round(_decode_rate(call["times"]), 1) if call and _decode_rate(call["times"]) else None,
            }
            if i == 0:
                out["first_question_after_load"] = row  # warm-up: prompt cache empty; not in the figures
                log(f"answer: warm-up {row['total_s']}s")
                continue
            rows.append(row)
            log(f"answer {i}/{len(questions)}: {row['total_s']}s first token {row['first_token_s']} ({row['mode']})")
    finally:
        recorder.restore()
    totals = [r["total_s"] for r in rows]
    firsts = [r["first_token_s"] for r in rows if r["first_token_s"] is not None]
    rates = [r["tokens_per_s"] for r in rows if r["tokens_per_s"]]
    generated = [r for r in rows if r["generate_ms"] is not None]
    sum_total = sum(r["total_s"] * 1000 for r in generated)
    out.update(
        questions=len(rows),
        modes={m: sum(1 for r in rows if r["mode"] == m) for m in sorted({r["mode"] for r in rows})},
        answer_p50_s=pct(totals, 50), answer_p95_s=pct(totals, 95),
        first_token_p50_s=pct(firsts, 50), first_token_p95_s=pct(firsts, 95),
        tokens_per_s_p50=pct(rates, 50, 1),
        retrieve_p50_ms=pct([r["retrieve_ms"] for r in rows], 50, 1),
        verify_p50_ms=pct([r["verify_ms"] for r in generated], 50, 1),
        generate_p50_ms=pct([r["generate_ms"] for r in generated], 50, 1),
        retrieval_verification_share=round(
            sum(r["retrieve_ms"] + r["verify_ms"] for r in generated) / sum_total, 3) if sum_total else None,
        rows=rows,
    )
    out["query_embedding"] = _query_embedding(embedder, pipeline, probe_questions)
    prompts = [c for c in recorder.calls[1:]]  # the measured questions' prompts, in order
    return out, generator, prompts


def _query_embedding(embedder, pipeline, count: int = 30) -> dict:
    """Query-time embedding (a question; the candidate sentences of its chunks), before and after
    rag.embed's single-thread path: "all threads" calls the model the way rag.embed did before."""
    from rag.answer.evidence import units_of

    questions = [f"{q} ({i})" for i, q in enumerate(answerable_questions(count))]
    retriever = pipeline.retriever()
    batches = [[u.display for h in retriever.retrieve(q, 4) for u in units_of(h.chunk)] for q in questions[: max(3, count // 3)]]

    def model_encode(texts):  # before: the model on all cores (either runtime: rag.embed's TorchMiniLM or OnnxMiniLM)
        model = embedder.model
        return model.encode(texts, os.cpu_count() or 1, False, model.batch_size)

    single = {"before": [], "after": []}
    batch = {"before": [], "after": []}
    for i, q in enumerate(questions):  # interleaved, alternating which goes first
        for name in (("before", "after") if i % 2 else ("after", "before")):
            fn = model_encode if name == "before" else embedder.encode
            t = time.perf_counter()
            fn([q + " " + name])
            single[name].append(ms(time.perf_counter() - t))
    for i, texts in enumerate(batches):
        for name in (("before", "after") if i % 2 else ("after", "before")):
            fn = model_encode if name == "before" else embedder.encode
            t = time.perf_counter()
            fn(texts)
            batch[name].append(ms(time.perf_counter() - t))
    return {
        "question_p50_ms": {k: pct(v, 50, 1) for k, v in single.items()},
        "question_p95_ms": {k: pct(v, 95, 1) for k, v in single.items()},
        "sentences_per_question": round(float(np.mean([len(b) for b in batches])), 1) if batches else None,
        "sentences_p50_ms": {k: pct(v, 50, 1) for k, v in batch.items()},
        "sentences_p95_ms": {k: pct(v, 95, 1) for k, v in batch.items()},
    }


# -- overhead against the engine ---------------------------------------------------------------------


def bench_engine(generator, settings, prompts: list[dict], thread_probe: int = 8) -> dict:
    """The recorded prompts through our Generator.stream and through bare llama_cpp.Llama, interleaved."""
    from llama_cpp import Llama

    def bare_model(threads: int, threads_batch: int):
        return Llama(model_path=str(generator.path), n_ctx=settings.n_ctx, n_threads=threads,
                     n_threads_batch=threads_batch, n_batch=512, seed=settings.seed, verbose=False)

    def run_bare(llm, system, user, max_tokens):
        budget = max_tokens or settings.max_tokens
        common = dict(max_tokens=budget, temperature=settings.temperature,
                      top_k=1 if settings.temperature == 0 else 40, repeat_penalty=1.1, seed=settings.seed, stream=True)
        llm.set_seed(settings.seed)
        started, times, text = time.perf_counter(), [], ""
        if generator.chat_template:
            messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
            pieces = (p["choices"][0]["delta"].get("content") or ""
                      for p in llm.create_chat_completion(messages, stop=["\n\n"], **common))
        else:
            pieces = (p["choices"][0]["text"] for p in llm.create_completion(
                f"{system}\n\n{user}\nAnswer:", stop=["\nQuestion:", "\n\n"], **common))
        for piece in pieces:
            if piece:
                times.append(time.perf_counter() - started)
                text += piece
        return times, time.perf_counter() - started, text

    def run_ours(system, user, max_tokens):
        started, times, text = time.perf_counter(), [], ""
        for piece in generator.stream(system, user, max_tokens=max_tokens):
            times.append(time.perf_counter() - started)
            text += piece
        return times, time.perf_counter() - started, text

    if not prompts:
        return {"skipped": "no prompts (every question was refused)"}
    threads = getattr(generator, "threads", settings.threads)
    threads_batch = getattr(generator, "threads_batch", settings.threads)
    cores = os.cpu_count() or 1
    # the other setting: all cores for both (the code before), or one thread if that is what we use
    alt_threads = (cores, cores) if (threads, threads_batch) != (cores, cores) else ((1, 1) if cores > 1 else None)
    t = time.perf_counter()
    bare = bare_model(threads, threads_batch)
    out: dict = {"bare_load_s": round(time.perf_counter() - t, 3), "prompts": len(prompts),
                 "threads": f"{threads}/{threads_batch}"}
    alt = bare_model(*alt_threads) if thread_probe and alt_threads else None
    warm = prompts[0]
    run_bare(bare, warm["system"], warm["user"], warm["max_tokens"])
    run_ours(warm["system"], warm["user"], warm["max_tokens"])
    if alt is not None:
        run_bare(alt, warm["system"], warm["user"], warm["max_tokens"])
    rows = []
    for i, p in enumerate(prompts):
        names = ["ours", "bare"] + (["alt"] if alt is not None and i < thread_probe else [])
        names = names[i % len(names):] + names[: i % len(names)]  # rotate who goes first
        result = {}
        for name in names:
            if name == "ours":
                result[name] = run_ours(p["system"], p["user"], p["max_tokens"])
            else:
                result[name] = run_bare(bare if name == "bare" else alt, p["system"], p["user"], p["max_tokens"])
        rows.append(result)
    del bare, alt
    gc.collect()

    def figures(name):
        got = [r[name] for r in rows if name in r]
        firsts = [ms(a[0][0]) for a in got if a[0]]
        rates = [_decode_rate(a[0]) for a in got if _decode_rate(a[0])]
        totals = [ms(a[1]) for a in got]
        return {"prompts": len(got), "first_token_p50_ms": pct(firsts, 50, 1), "tokens_per_s_p50": pct(rates, 50, 1),
                "total_p50_ms": pct(totals, 50, 1)}

    def ratios(a, b):
        """Paired ratios a/b (same prompt, back to back), then their median: robust to the machine's drift."""
        pairs = [r for r in rows if a in r and b in r]
        first = [r[a][0][0] / r[b][0][0] for r in pairs if r[a][0] and r[b][0]]
        rate = [_decode_rate(r[a][0]) / _decode_rate(r[b][0]) for r in pairs
                if _decode_rate(r[a][0]) and _decode_rate(r[b][0])]
        total = [r[a][1] / r[b][1] for r in pairs]
        same = round(sum(r[a][2] == r[b][2] for r in pairs) / len(pairs), 3) if pairs else None
        return pct(first, 50), pct(rate, 50), pct(total, 50), same

    out["ours"], out["bare"] = figures("ours"), figures("bare")
    out["first_token_ratio"], out["tokens_per_s_ratio"], out["total_ratio"], out["same_output_share"] = ratios("ours", "bare")
    log(f"engine: first-token ratio {out['first_token_ratio']} tokens/s ratio {out['tokens_per_s_ratio']}")
    if any("alt" in r for r in rows):
        # the engine on the other thread count: on a shared 2-core machine llama.cpp's thread barriers can
        # cost more than the second core gains (why rag.models.gguf.default_threads is half the cores)
        first, rate, total, same = ratios("bare", "alt")
        out["bare_other_threads"] = {"threads": "/".join(map(str, alt_threads)), **figures("alt"), "first_token_ratio": first,
                                     "tokens_per_s_ratio": rate, "total_ratio": total, "same_output_share": same}
        log(f"engine: threads {out['threads']} vs {out['bare_other_threads']['threads']}: total-time ratio {total}")
    return out


# -- cold start --------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_cold_start(index_dir: Path, corpus: Path, question: str, workdir: Path, timeout_s: float = 240) -> dict:
    """``python app.py --port P`` with RAG_INDEX at a prebuilt index: time to serving, to the first answer, peak RSS."""
    import psutil
    from gradio_client import Client

    port = free_port()
    env = dict(os.environ, RAG_INDEX=str(index_dir), RAG_CORPUS=str(corpus), HF_HUB_OFFLINE="1",
               TRANSFORMERS_OFFLINE="1", GRADIO_ANALYTICS_ENABLED="False")
    env.pop("RAG_PORT", None)
    logfile = (workdir / "app.log").open("w")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(ROOT / "app.py"), "--port", str(port)], cwd=ROOT, env=env,
                            stdout=logfile, stderr=subprocess.STDOUT)
    peak = {"mb": 0.0}
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                peak["mb"] = max(peak["mb"], rss_mb(proc.pid, children=True))
            except psutil.Error:
                pass
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out: dict = {"port": port}
    url = f"http://127.0.0.1:{port}/"
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"app.py exited with {proc.returncode}; see {workdir / 'app.log'}")
            if time.perf_counter() - started > timeout_s:
                raise TimeoutError(f"app.py was not serving after {timeout_s}s")
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            time.sleep(0.05)
        out["ready_s"] = round(time.perf_counter() - started, 3)
        log(f"cold: serving after {out['ready_s']}s")
        client = Client(url, verbose=False)
        api = client.view_api(return_format="dict", print_info=False)
        params = api["named_endpoints"]["/ask"]["parameters"]
        args = []
        for p in params:
            name = p.get("parameter_name") or p.get("label", "")
            if name in ("question", "message", "value") or "question" in name:
                args.append(question)
            elif "chat" in name or "history" in name:
                args.append([])
            elif name == "k" or "sources" in str(p.get("label", "")).lower():
                args.append(4)
            elif p.get("parameter_has_default"):
                args.append(p.get("parameter_default"))
            else:
                args.append(False)
        out["api_parameters"] = [p.get("parameter_name") for p in params]
        t = time.perf_counter()
        result = client.predict(*args, api_name="/ask")
        out["first_answer_latency_s"] = round(time.perf_counter() - t, 3)
        out["first_answer_s"] = round(time.perf_counter() - started, 3)
        chat = result[0] if isinstance(result, (list, tuple)) else result
        last = chat[-1] if chat else {}
        content = last.get("content") if isinstance(last, dict) else str(last)
        out["answered"] = bool(content) and "nq-error" not in str(content)
        log(f"cold: first answer after {out['first_answer_s']}s")
        time.sleep(0.3)
    finally:
        stop.set()
        sampler.join(timeout=2)
        out["peak_rss_mb"] = round(peak["mb"], 1)
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        logfile.close()
    return out


# -- report ------------------------------------------------------------------------------------------


def targets(results: dict) -> list[dict]:
    rows = []

    def add(name, value, limit, ok, unit=""):
        rows.append({"target": name, "value": value, "limit": limit, "unit": unit,
                     "met": None if value is None else bool(ok)})

    a = results.get("answer", {})
    add("first token after the question (p50)", a.get("first_token_p50_s"), f"< {TARGETS['first_token_s']} s",
        a.get("first_token_p50_s") is not None and a["first_token_p50_s"] < TARGETS["first_token_s"], "s")
    add("full answer p50", a.get("answer_p50_s"), f"< {TARGETS['answer_p50_s']} s",
        a.get("answer_p50_s") is not None and a["answer_p50_s"] < TARGETS["answer_p50_s"], "s")
    r = results.get("build", {}).get("refresh", {})
    add("refresh after editing one note (with reload)", r.get("with_reload_s"), f"< {TARGETS['refresh_s']} s",
        r.get("with_reload_s") is not None and r["with_reload_s"] < TARGETS["refresh_s"], "s")
    b = results.get("build", {})
    add("corpus build from scratch", b.get("build_s"), f"< {TARGETS['build_s']} s",
        b.get("build_s") is not None and b["build_s"] < TARGETS["build_s"], "s")
    c = results.get("cold", {})
    add("app ready (serving)", c.get("ready_s"), f"< {TARGETS['app_ready_s']} s",
        c.get("ready_s") is not None and c["ready_s"] < TARGETS["app_ready_s"], "s")
    big = results.get("scale", {}).get("1000000")
    if big:
        h = big["hybrid"]["p95_ms"]
        rec = big["auto"].get("recall_at_10")
        add("retrieval p95 at 1M chunks (hybrid, query embedding included)", h,
            f"< {TARGETS['retrieval_p95_ms_1m']:.0f} ms", h is not None and h < TARGETS["retrieval_p95_ms_1m"], "ms")
        add(f"recall@10 at 1M chunks ({big['auto_kind']}, as the app loads it)", rec, f">= {TARGETS['recall_at_10_1m']}",
            rec is not None and rec >= TARGETS["recall_at_10_1m"])
    e = results.get("engine", {})
    if e.get("first_token_ratio") is not None:
        limit = 1 + TARGETS["engine_overhead"]
        add("first token vs bare llama-cpp (ratio)", e["first_token_ratio"], f"<= {limit:.2f}",
            e["first_token_ratio"] <= limit)
        add("tokens/s vs bare llama-cpp (ratio)", e.get("tokens_per_s_ratio"), f">= {1 - TARGETS['engine_overhead']:.2f}",
            e.get("tokens_per_s_ratio") is not None and e["tokens_per_s_ratio"] >= 1 - TARGETS["engine_overhead"])
    return rows


def _fmt(value, unit: str = "") -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        text = f"{value:.3g}" if abs(value) < 100 else f"{value:.0f}"
    else:
        text = str(value)
    return f"{text} {unit}".strip()


def table(results: dict) -> str:
    lines = []
    m = results["machine"]
    lines.append(f"notesqa benchmarks ({results['mode']}) on {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM; "
                 f"load average {m['load_avg_start']} -> {m.get('load_avg_end')}")
    b = results.get("build")
    if b and "refresh" in b:
        lines.append("\nIndex build")
        lines.append(f"  corpus build from scratch   {_fmt(b['build_s'], 's')}  ({b['chunks']} chunks and "
                     f"{b.get('sentences_embedded', 0)} evidence sentences embedded, {_fmt(b['chunks_per_s'])} chunks/s "
                     f"all told; embedder load {_fmt(b['embedder_load_s'], 's')})")
        bt = b.get("bulk_embedding_threads")
        if bt:
            lines.append(f"  bulk embedding chunks/s by threads: {bt['chunks_per_s']} ({bt['chunks']} chunks)")
        lines.append(f"  refresh, nothing changed    {_fmt(b['refresh_unchanged_s'], 's')}  (embedded {b['refresh_unchanged_embedded']})")
        r = b["refresh"]
        lines.append(f"  refresh, one note edited    {_fmt(r['with_reload_s'], 's')}  (build {_fmt(r['build_s'], 's')}; "
                     f"{r['note']}: {r['note_chunks']} chunks; embedded {r['embedded']}, reused {r['reused']}; "
                     f"only changed chunks: {r.get('only_changed_chunks_embedded')})")
    s = results.get("scale")
    if s:
        lines.append("\nRetrieval at scale (synthetic chunks; one query at a time; ms)")
        lines.append(f"  {'chunks':>9} {'index':<6} {'build s':>8} {'RSS MB':>8} {'p50':>7} {'p95':>7} {'recall@10':>9}  setting")
        for key, r in s.items():
            for kind, e in r["indexes"].items():
                if "skipped" in e:
                    lines.append(f"  {r['n']:>9} {kind:<6} {'~' + _fmt(e['build_s_estimate']):>8} {'':>8} {'':>7} {'':>7} {'':>9}  "
                                 f"skipped: {e['skipped']}")
                    continue
                setting = f"{e['param']}={e['value']}" if "param" in e else ""
                if e.get("tuned") and e["tuned"]["value"] != e.get("value"):
                    t = e["tuned"]
                    setting += f" (tuned {e['param']}={t['value']}: p95 {_fmt(t['p95_ms'])}, recall {_fmt(t['recall_at_10'])})"
                if kind == "flat" and e.get("p95_ms_all_threads") is not None:
                    setting += f"(all threads: p50 {_fmt(e['p50_ms_all_threads'])}, p95 {_fmt(e['p95_ms_all_threads'])})"
                if e.get("p95_ms_mmap") is not None:
                    setting += f" (memory-mapped: p50 {_fmt(e['p50_ms_mmap'])}, p95 {_fmt(e['p95_ms_mmap'])})"
                mark = "*" if kind == r["auto_kind"] else " "
                lines.append(f"  {r['n']:>9} {kind + mark:<6} {_fmt(e['build_s']):>8} {_fmt(e['rss_mb']):>8} "
                             f"{_fmt(e['p50_ms']):>7} {_fmt(e['p95_ms']):>7} {_fmt(e['recall_at_10']):>9}  {setting}")
            bm, h = r["bm25"], r["hybrid"]
            lines.append(f"  {r['n']:>9} {'bm25':<6} {_fmt(bm['build_s']):>8} {_fmt(bm['rss_mb']):>8} "
                         f"{_fmt(bm['p50_ms']):>7} {_fmt(bm['p95_ms']):>7}")
            extra = ""
            if h.get("embed_p50_ms") is not None:
                extra = f"incl. query embedding p50 {_fmt(h['embed_p50_ms'])}; without: p95 {_fmt(h['p95_ms_without_embedding'])}"
            if h.get("top4_agreement_with_exact") is not None:
                extra += f"; top-4 same as exact {_fmt(h['top4_agreement_with_exact'])}"
            lines.append(f"  {r['n']:>9} {'hybrid':<6} {'':>8} {'':>8} {_fmt(h['p50_ms']):>7} {_fmt(h['p95_ms']):>7} {'':>9}  {extra}")
        lines.append("  (* = the index rag/vector_index.py picks for that size)")
    x = results.get("crossover")
    if x:
        sweep = ", ".join(f"{r['n'] // 1000}k: {_fmt(r['p95_ms'])}" for r in x["sweep"])
        lines.append(f"\nExact-search p95 by size (ms): {sweep}")
        lines.append(f"  exact p95 passes {x['budget_ms']:.0f} ms at ~{_fmt(x.get('exact_budget_n'))} vectors "
                     f"(HNSW_MIN_VECTORS = {x.get('hnsw_min_vectors')}); HNSW build passes {HNSW_BUILD_BUDGET_S:.0f} s at "
                     f"~{_fmt(x.get('hnsw_budget_n'))} (IVF_MIN_VECTORS = {x.get('ivf_min_vectors')})")
    a = results.get("answer")
    if a and "rows" in a:
        lines.append(f"\nAnswering ({a['model']}, n_ctx {a['n_ctx']}, threads {a['threads']} (write/prompt), "
                     f"{a['questions']} questions: {a['modes']})")
        lines.append(f"  model load {_fmt(a['model_load_s'], 's')}; index + BM25 load {_fmt(a['index_load_s'], 's')}")
        lines.append(f"  first token p50 {_fmt(a['first_token_p50_s'], 's')}, p95 {_fmt(a['first_token_p95_s'], 's')}; "
                     f"answer p50 {_fmt(a['answer_p50_s'], 's')}, p95 {_fmt(a['answer_p95_s'], 's')}; "
                     f"{_fmt(a['tokens_per_s_p50'])} tokens/s")
        lines.append(f"  per answer p50: retrieval {_fmt(a['retrieve_p50_ms'], 'ms')}, generation {_fmt(a['generate_p50_ms'], 'ms')}, "
                     f"verification {_fmt(a['verify_p50_ms'], 'ms')}; retrieval + verification = "
                     f"{_fmt(a['retrieval_verification_share'])} of the total")
        qe = a.get("query_embedding") or {}
        if qe:
            lines.append(f"  query embedding p50/p95 ms: question {qe['question_p50_ms']['after']}/{qe['question_p95_ms']['after']} "
                         f"(all threads: {qe['question_p50_ms']['before']}/{qe['question_p95_ms']['before']}); "
                         f"~{qe['sentences_per_question']} sentences {qe['sentences_p50_ms']['after']}/{qe['sentences_p95_ms']['after']} "
                         f"(all threads: {qe['sentences_p50_ms']['before']}/{qe['sentences_p95_ms']['before']})")
    e = results.get("engine")
    if e and "ours" in e:
        lines.append(f"\nAgainst bare llama-cpp-python ({e['prompts']} prompts, interleaved)")
        lines.append(f"  first token ms p50: ours {_fmt(e['ours']['first_token_p50_ms'])}, bare {_fmt(e['bare']['first_token_p50_ms'])}"
                     f" -> ratio {_fmt(e['first_token_ratio'])}")
        lines.append(f"  tokens/s p50: ours {_fmt(e['ours']['tokens_per_s_p50'])}, bare {_fmt(e['bare']['tokens_per_s_p50'])}"
                     f" -> ratio {_fmt(e['tokens_per_s_ratio'])}; same output {_fmt(e['same_output_share'])}")
        if e.get("bare_other_threads"):
            o = e["bare_other_threads"]
            lines.append(f"  bare with threads {o['threads']} instead of {e['threads']} (write/prompt; {o['prompts']} prompts): "
                         f"first token {_fmt(o['first_token_p50_ms'], 'ms')}, {_fmt(o['tokens_per_s_p50'])} tokens/s, "
                         f"whole answer {_fmt(o['total_p50_ms'], 'ms')}; time ratio ours/that {_fmt(o['total_ratio'])}; "
                         f"same output {_fmt(o['same_output_share'])}")
    c = results.get("cold")
    if c and "ready_s" in c:
        lines.append(f"\nCold start: serving after {_fmt(c['ready_s'], 's')}, first answer after "
                     f"{_fmt(c.get('first_answer_s'), 's')} (the question itself {_fmt(c.get('first_answer_latency_s'), 's')}); "
                     f"peak RSS {_fmt(c.get('peak_rss_mb'), 'MB')}")
    t = results.get("targets")
    if t:
        lines.append("\nTargets")
        for row in t:
            status = "n/a" if row["met"] is None else ("met" if row["met"] else "NOT met")
            lines.append(f"  {row['target']:<62} {_fmt(row['value'], row['unit']):>10}  {row['limit']:<10} {status}")
    if results.get("speed"):
        speed = _speed_module()
        lines.append("\nSpeed targets, before / after in one run (benchmarks/speed.py)")
        lines.append(speed.table(results["speed"]))
    for section, error in (results.get("errors") or {}).items():
        lines.append(f"\n{section}: FAILED ({error})")
    return "\n".join(lines)


# -- main --------------------------------------------------------------------------------------------


def _speed_module():
    """benchmarks/speed.py (the before/after speed targets), whether bench.py runs as a script or is imported."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("notesqa_speed", Path(__file__).resolve().parent / "speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="notesqa benchmarks (see benchmarks/README.md)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="10k and 100k chunks, fewer queries and questions (~3 min)")
    mode.add_argument("--full", action="store_true", help="adds 1M chunks and 20 questions (the default)")
    parser.add_argument("--sections", default="build,scale,answer,engine,cold,speed",
                        help="comma-separated subset of build,scale,answer,engine,cold,speed")
    parser.add_argument("--baseline", default=None,
                        help="git revision the speed section compares with, interleaved in this run (benchmarks/speed.py)")
    parser.add_argument("--sizes", help="comma-separated chunk counts for the scale section (overrides the mode)")
    parser.add_argument("--questions", type=int, help="questions for the answer section (20 full, 5 quick)")
    parser.add_argument("--hnsw-budget", type=float,
                        help="skip an HNSW build whose extrapolated time exceeds this many seconds (480; quick: 5)")
    parser.add_argument("--out", type=Path, help="results file (default benchmarks/results.json; quick: results-quick.json)")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    quick = args.quick
    mode = "quick" if quick else "full"
    sections = {s.strip() for s in args.sections.split(",") if s.strip()}
    sizes = [int(float(s)) for s in args.sizes.split(",")] if args.sizes else ([10_000, 100_000] if quick else [10_000, 100_000, 1_000_000])
    n_questions = args.questions or (5 if quick else 20)
    queries, tune = (100, 50) if quick else (200, 100)
    hnsw_budget = args.hnsw_budget if args.hnsw_budget is not None else (5.0 if quick else 480.0)
    out_path = args.out or (ROOT / "benchmarks" / ("results-quick.json" if quick else "results.json"))

    import logging
    import warnings

    warnings.filterwarnings("ignore")
    for noisy in ("sentence_transformers", "transformers", "httpx", "faiss", "bm25s", "gradio", "uvicorn"):
        logging.getLogger(noisy).setLevel(logging.ERROR)

    from rag import vector_index

    started = time.perf_counter()
    results: dict = {"mode": mode, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine_info(),
                     "settings": {"sizes": sizes, "queries": queries, "tune_queries": tune, "questions": n_questions,
                                  "hnsw_budget_s": hnsw_budget, "recall_target": RECALL_TARGET,
                                  "query_noise": QUERY_NOISE, "spectrum_power": SPECTRUM_POWER, "mean_norm": MEAN_NORM},
                     "errors": {}}
    log(f"mode {mode}; machine {results['machine']['cpu']}, load {results['machine']['load_avg_start']}")
    workdir = Path(tempfile.mkdtemp(prefix="notesqa-bench-"))
    corpus = ROOT / "corpus"
    embedder = settings = generator = None
    prompts: list[dict] = []
    try:
        need_index = sections & {"build", "answer", "engine", "cold"}
        if need_index:
            log("section build")
            try:
                results["build"], embedder, settings = bench_build(workdir, corpus, thread_probe_chunks=0 if quick else 64)
            except Exception as err:  # a failing section is reported, the others still run
                results["errors"]["build"] = f"{type(err).__name__}: {err}"
                log(f"build failed: {err}")
            if "build" not in sections:
                results.pop("build", None)

        if "scale" in sections:
            log("section scale")
            results["scale"] = {}
            vocab = corpus_vocabulary(corpus)
            hnsw_ref: list[tuple[int, float]] = []
            biggest = None
            for n in sizes:
                gc.collect()
                x = synthetic_vectors(n)
                try:
                    r = retrieval_at_scale(n, queries=queries, tune_queries=tune, embedder=embedder, vocab=vocab,
                                           hnsw_budget_s=hnsw_budget, hnsw_reference=hnsw_ref or None, x=x,
                                           agreement_queries=50 if n < 1_000_000 else 30, workdir=workdir)
                except Exception as err:
                    results["errors"][f"scale {n}"] = f"{type(err).__name__}: {err}"
                    log(f"scale {n} failed: {err}")
                    continue
                results["scale"][str(n)] = r
                h = r["indexes"].get("hnsw", {})
                if "build_s" in h:
                    hnsw_ref.append((n, h["build_s"]))
                biggest = x
                for f in workdir.glob("auto-*.index"):
                    f.unlink()
                gc.collect()
            if biggest is not None:
                sweep = [s for s in (10_000, 25_000, 50_000, 75_000, 100_000, 150_000, 200_000, 400_000, 700_000, 1_000_000)
                         if s <= len(biggest)]
                cross = crossover(biggest, sweep, queries=60 if quick else 100)
                cross["hnsw_min_vectors"] = vector_index.HNSW_MIN_VECTORS
                cross["ivf_min_vectors"] = vector_index.IVF_MIN_VECTORS
                if hnsw_ref:
                    # the size where an HNSW build passes HNSW_BUILD_BUDGET_S, on the fitted power law
                    ref_n, ref_s = max(hnsw_ref)
                    cross["hnsw_budget_n"] = int(ref_n * (HNSW_BUILD_BUDGET_S / ref_s) ** (1 / HNSW_EXPONENT))
                    cross["hnsw_build_points"] = [{"n": a, "build_s": b} for a, b in hnsw_ref]
                results["crossover"] = cross
            del biggest
            gc.collect()

        if sections & {"answer", "engine"} and settings is not None:
            log("section answer")
            try:
                results["answer"], generator, prompts = bench_answer(settings, embedder, answerable_questions(n_questions),
                                                                    probe_questions=10 if quick else 30)
                if "answer" not in sections:
                    results.pop("answer")
            except Exception as err:
                results["errors"]["answer"] = f"{type(err).__name__}: {err}"
                log(f"answer failed: {err}")
        if "engine" in sections and generator is not None:
            log("section engine")
            try:
                results["engine"] = bench_engine(generator, settings, prompts, thread_probe=3 if quick else 8)
            except Exception as err:
                results["errors"]["engine"] = f"{type(err).__name__}: {err}"
                log(f"engine failed: {err}")
        generator = None
        gc.collect()
        if "cold" in sections and settings is not None:
            log("section cold")
            try:
                results["cold"] = bench_cold_start(settings.index, corpus, "What is the default SQS visibility timeout?", workdir)
            except Exception as err:
                results["errors"]["cold"] = f"{type(err).__name__}: {err}"
                log(f"cold start failed: {err}")
        if "speed" in sections:
            log("section speed (before/after, interleaved; benchmarks/speed.py)")
            try:
                speed = _speed_module()
                results["speed"] = speed.compare(args.baseline or speed.BASELINE, rounds=1 if quick else 2,
                                                 questions=5 if quick else speed.QUESTIONS,
                                                 only=None if not quick else {"help", "noop", "refresh", "answer", "app"})
            except Exception as err:
                results["errors"]["speed"] = f"{type(err).__name__}: {err}"
                log(f"speed failed: {err}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    results["machine"]["load_avg_end"] = load_avg()
    results["duration_s"] = round(time.perf_counter() - started, 1)
    results["targets"] = targets(results)
    if not results["errors"]:
        results.pop("errors")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n")
    print(table(results))
    print(f"\nwrote {out_path.relative_to(ROOT) if out_path.is_relative_to(ROOT) else out_path} in {results['duration_s']}s")
    return 1 if results.get("errors") else 0


if __name__ == "__main__":
    raise SystemExit(main())
