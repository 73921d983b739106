"""Smoke test of benchmarks/bench.py: its retrieval-at-scale function runs at a tiny size (no timing checks)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("notesqa_bench", ROOT / "benchmarks" / "bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_retrieval_at_scale_tiny(tmp_path):
    bench = _bench()
    out = bench.retrieval_at_scale(2000, queries=20, tune_queries=20, agreement_queries=10, workdir=tmp_path)
    assert {"n", "dim", "queries", "auto_kind", "indexes", "auto", "bm25", "hybrid"} <= set(out)
    assert out["n"] == 2000 and out["dim"] == bench.DIM
    assert set(out["indexes"]) == {"flat", "hnsw", "ivf"}
    for kind, entry in out["indexes"].items():
        assert {"build_s", "rss_mb", "p50_ms", "p95_ms", "recall_at_10"} <= set(entry), kind
        assert 0.0 <= entry["recall_at_10"] <= 1.0
        assert entry["p50_ms"] <= entry["p95_ms"]
    assert out["indexes"]["flat"]["recall_at_10"] == 1.0  # exact search is its own ground truth
    assert out["auto"]["kind"] == out["auto_kind"] == "flat"
    assert out["auto"]["as_loaded"] and 0.0 <= out["auto"]["recall_at_10"] <= 1.0
    assert {"build_s", "p50_ms", "p95_ms"} <= set(out["bm25"])
    assert {"p50_ms", "p95_ms"} <= set(out["hybrid"])
    json.dumps(out)  # results.json must be able to hold it


def test_synthetic_data_is_unit_length_and_deterministic():
    bench = _bench()
    x = bench.synthetic_vectors(500, seed=3)
    assert x.dtype == np.float32 and x.shape == (500, bench.DIM)
    assert np.allclose(np.linalg.norm(x, axis=1), 1.0, atol=1e-5)
    assert np.array_equal(x, bench.synthetic_vectors(500, seed=3))
    texts = bench.synthetic_texts(50, ["alpha", "beta", "gamma"], np.random.default_rng(0))
    assert len(texts) == 50 and all(len(t.split()) == bench.WORDS_PER_DOC for t in texts)


def test_targets_and_table_render_from_partial_results():
    bench = _bench()
    results = {"mode": "quick", "machine": {"cpu": "x", "cores": 2, "ram_gb": 1, "load_avg_start": [0.1]},
               "answer": {"first_token_p50_s": 0.3, "answer_p50_s": 2.5}}
    rows = bench.targets(results)
    assert [r["met"] for r in rows][:2] == [True, False]
    assert all(r["met"] is None for r in rows[2:])  # no figures: not judged
    assert "NOT met" in bench.table({**results, "targets": rows})
