"""The regression gate: the full eval set through the real pipeline must meet evals/thresholds.toml."""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path

import pytest

from rag.evaluate import format_summary, load_dataset, run_eval, write_report

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = ROOT / "evals" / "thresholds.toml"


def test_thresholds_file_names_known_metrics():
    gates = tomllib.loads(THRESHOLDS.read_text())
    known = {"hit_at_1", "hit_at_5", "mrr", "evidence_recall_at_5", "key_fact_recall", "all_facts_share",
             "refusal_recall", "false_refusal_rate", "citation_validity", "cited_sentence_share",
             "latency_p50_ms", "latency_p95_ms", "first_token_p50_ms", "first_token_p95_ms"}
    assert set(gates["min"]) | set(gates["max"]) <= known
    assert gates["min"]["citation_validity"] == 1.0  # every [n] must resolve to a quote in its note


@pytest.mark.model
@pytest.mark.slow
def test_eval_meets_thresholds(real_pipeline, tmp_path, capsys):
    # llama.cpp slows several-fold when other work competes for the cores, so the latency ceilings only
    # apply when the machine is not already busy; the quality gates always apply.
    load = os.getloadavg()[0]
    busy = load > (os.cpu_count() or 1) + 0.5
    result = run_eval(real_pipeline, load_dataset(), progress=False)
    write_report(result, tmp_path / "report")
    metrics = result["metrics"]
    with capsys.disabled():
        print("\n" + format_summary(result))
        print(json.dumps(metrics))
        print(f"load average at start {load:.2f} on {os.cpu_count()} cores: latency "
              + ("NOT gated (machine busy with other work)" if busy else "gated"))
    gates = tomllib.loads(THRESHOLDS.read_text())
    if busy:
        gates["max"] = {k: v for k, v in gates["max"].items() if not k.endswith("_ms")}
    problems = [f"{k} = {metrics[k]} < {v}" for k, v in gates["min"].items() if (metrics[k] or 0) < v]
    problems += [f"{k} = {metrics[k]} > {v}" for k, v in gates["max"].items() if metrics[k] is not None and metrics[k] > v]
    assert (tmp_path / "report" / "report.md").exists() and (tmp_path / "report" / "by_kind.png").exists()
    assert not problems, "eval below thresholds: " + "; ".join(problems)
