"""Smoke test of benchmarks/bench.py: its retrieval-at-scale function runs at a tiny size (no timing checks)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

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


def _speed():
    spec = importlib.util.spec_from_file_location("notesqa_speed", ROOT / "benchmarks" / "speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_speed_edit_changes_exactly_one_line(tmp_path):
    speed = _speed()
    note = tmp_path / "n.md"
    text = "# T\n" + "".join(f"- line {i} of the note\n" for i in range(30))
    note.write_text(text)
    speed._edit_one_line(note)
    before, after = text.split("\n"), note.read_text().split("\n")
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) and len(changed) == 1 and after[changed[0]].endswith(speed.EDIT_MARK)
    assert len(before) // 3 <= changed[0] < 2 * len(before) // 3  # in the middle, not appended


def test_speed_bulk_notes_are_new_text_of_the_asked_size(tmp_path):
    speed = _speed()
    size = speed.make_bulk_notes(tmp_path / "bulk", target_bytes=20_000)
    files = sorted((tmp_path / "bulk").glob("*.md"))
    assert 20_000 <= size == sum(f.stat().st_size for f in files) < 40_000
    assert len({f.read_text() for f in files}) == len(files)
    assert size == speed.make_bulk_notes(tmp_path / "again", target_bytes=20_000)  # deterministic


def test_speed_table_renders_ratios_and_targets():
    speed = _speed()
    result = {"baseline": "abc", "rounds": 1, "load_avg_start": [3.0], "load_avg_end": [2.0],
              "before": {"help_s": 0.6, "refresh_s": 4.0}, "after": {"help_s": 0.3, "refresh_s": 0.8},
              "samples": {"before": {"refresh_embedded": [45]}, "after": {"refresh_embedded": [1]}},
              "same_answers": "12/12", "refresh_note": "x.md (45 chunks)"}
    out = speed.table(result)
    assert "0.50x" in out and "0.20x" in out and "(met)" in out and "12/12" in out and "[45] / [1]" in out


@pytest.mark.model
def test_bench_build_section_runs_and_refreshes_only_the_edited_chunks(tmp_path):
    """`make bench`'s build section end to end on two small notes, with the real embedder (either runtime)."""
    corpus = tmp_path / "notes"
    corpus.mkdir()
    for name, topic in (("a.md", "rivers"), ("b.md", "glaciers")):
        sections = [f"## {topic} part {i}\n" + "\n".join(f"- {topic} fact {i}.{j}: the water moves {j} metres a day "
                                                        f"in season {i}, measured at station {i * 10 + j}."
                                                        for j in range(12)) for i in range(4)]
        (corpus / name).write_text(f"# {topic}\n\n" + "\n\n".join(sections) + "\n", encoding="utf-8")
    out, embedder, settings = _bench().bench_build(tmp_path / "work", corpus, thread_probe_chunks=4)
    assert out["chunks"] > 2 and out["sentences_embedded"] > 0
    assert out["refresh_unchanged_embedded"] == 0
    assert out["refresh"]["only_changed_chunks_embedded"], out["refresh"]
    assert set(out["bulk_embedding_threads"]["chunks_per_s"]) >= {"1"}
