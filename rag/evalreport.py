"""How an eval run is shown: the text summary, the markdown report with its charts, and a baseline beside it.

The figures themselves come from :func:`rag.evaluate.summarise`; charts live here, never in the core, and
matplotlib is imported only when a report is written (an optional extra).
"""

from __future__ import annotations

import json
from pathlib import Path

from .errors import ConfigError, RagError

SUMMARY_KEYS = [
    ("hit_at_1", "retrieval hit@1"), ("hit_at_5", "retrieval hit@5"), ("mrr", "retrieval MRR"),
    ("evidence_recall_at_5", "evidence recall@5"), ("key_fact_recall", "key-fact recall"),
    ("all_facts_share", "answers with all facts"), ("refusal_recall", "refusal recall (unanswerable)"),
    ("false_refusal_rate", "false refusals (answerable)"), ("citation_validity", "citations found in note"),
    ("right_note_cited", "right note cited (answered)"), ("faithfulness", "faithfulness (model sentences)"),
    ("cited_sentence_share", "sentences with a citation"), ("latency_p50_ms", "latency p50 (ms)"),
    ("latency_p95_ms", "latency p95 (ms)"), ("first_token_p50_ms", "first token p50 (ms)"),
    ("first_token_p95_ms", "first token p95 (ms)"),
]


HALF_KEYS = [("key_fact_recall", "facts"), ("refusal_recall", "refused-unanswerable"),
             ("false_refusal_rate", "refused-answerable"), ("right_note_cited", "right-note"),
             ("faithfulness", "faithful"), ("citation_validity", "quotes-found")]


def format_summary(result: dict) -> str:
    m = result["metrics"]
    lines = [f"{label:32s} {m.get(key)}" for key, label in SUMMARY_KEYS]
    lines.append("")
    lines.append("by kind: " + ", ".join(
        f"{k} facts={v['key_fact_recall']} refusals={v['refusal_recall'] if k == 'unanswerable' else v['false_refusal_rate']}"
        for k, v in result["by_kind"].items()))
    for half, hm in result.get("by_split", {}).items():
        lines.append(f"{half:5s} half ({hm['items']} items): " + ", ".join(
            f"{label}={hm.get(key)}" for key, label in HALF_KEYS))
    lines.append(f"failed items: {len(result['failures'])} of {m['items']}")
    return "\n".join(lines)


def markdown_table(metrics: dict) -> str:
    rows = ["| metric | value |", "| --- | --- |"]
    rows += [f"| {label} | {metrics.get(key)} |" for key, label in SUMMARY_KEYS]
    return "\n".join(rows)


def write_report(result: dict, out_dir: Path) -> Path:
    """report.md with a bar chart per metric (overall) and per kind, plus results.json."""
    try:
        import matplotlib
    except ImportError:
        raise ConfigError("the report's charts need matplotlib: pip install 'notesqa[eval]'") from None

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    m = result["metrics"]
    shares = [(label, m[key]) for key, label in SUMMARY_KEYS if not key.endswith("_ms") and m.get(key) is not None]
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ax.barh([s[0] for s in shares], [s[1] for s in shares], color="#4a7fb5")
    ax.set_xlim(0, 1)
    ax.invert_yaxis()
    for i, (_, v) in enumerate(shares):
        ax.text(min(v + 0.01, 0.93), i, f"{v:.2f}", va="center")
    ax.set_title("notesqa eval: overall metrics")
    fig.tight_layout()
    fig.savefig(out_dir / "metrics.png", dpi=110)
    plt.close(fig)

    kinds = list(result["by_kind"])
    fig, axes = plt.subplots(1, 3, figsize=(12, 3.8))
    for ax, (key, title) in zip(axes, [("hit_at_5", "retrieval hit@5"), ("key_fact_recall", "key-fact recall"),
                                       ("refusal_recall", "refusal recall / 1 - false refusals")]):
        values = []
        for k in kinds:
            v = result["by_kind"][k]
            if key == "refusal_recall" and k != "unanswerable":
                fr = v.get("false_refusal_rate")
                values.append(None if fr is None else 1 - fr)
            else:
                values.append(v.get(key))
        ax.bar(kinds, [v or 0 for v in values], color="#e08a3c")
        ax.set_ylim(0, 1)
        ax.set_title(title)
        ax.tick_params(axis="x", rotation=45)
    fig.tight_layout()
    fig.savefig(out_dir / "by_kind.png", dpi=110)
    plt.close(fig)

    lat = [(label, m[key]) for key, label in SUMMARY_KEYS if key.endswith("_ms") and m.get(key) is not None]
    fig, ax = plt.subplots(figsize=(7, 3))
    ax.barh([l[0] for l in lat], [l[1] for l in lat], color="#6a9f58")
    ax.invert_yaxis()
    ax.set_xlabel("milliseconds")
    ax.set_title("latency")
    fig.tight_layout()
    fig.savefig(out_dir / "latency.png", dpi=110)
    plt.close(fig)

    lines = [f"# Eval report ({m['items']} items, model {m.get('model')})", "", markdown_table(m), "",
             "![overall](metrics.png)", "", "![by kind](by_kind.png)", "", "![latency](latency.png)", "",
             "## By kind", "", "| kind | items | hit@5 | key-fact recall | all facts | refusal recall | false refusals |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for k, v in result["by_kind"].items():
        lines.append(f"| {k} | {v['items']} | {v['hit_at_5']} | {v['key_fact_recall']} | {v['all_facts_share']} | "
                     f"{v['refusal_recall']} | {v['false_refusal_rate']} |")
    lines += ["", f"## Failed items ({len(result['failures'])})", ""]
    for f in result["failures"]:
        lines.append(f"- **{f['id']}** ({f['kind']}) {f['question']!r}: {f['why']}. Answer: {f['answer'][:300]!r}")
    (out_dir / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out_dir / "results.json").write_text(json.dumps({k: result.get(k) for k in ("metrics", "by_split", "by_kind", "failures")}, indent=1))
    return out_dir / "report.md"


def format_comparison(result: dict, baseline_path: Path) -> str:
    """This run's figures beside an earlier run's (e.g. a model server beside the in-process model)."""
    try:
        data = json.loads(Path(baseline_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise RagError(f"baseline {baseline_path} is not a readable JSON file ({err}); pass `rag eval --json` output") from None
    base = data.get("metrics", data) if isinstance(data, dict) else {}
    if not isinstance(base, dict) or "items" not in base:
        raise RagError(f"baseline {baseline_path} holds no eval figures; pass `rag eval --json` output or results.json")
    m = result["metrics"]
    lines = [f"this run: model {m.get('model')}", f"baseline: model {base.get('model')} ({baseline_path})", "",
             f"{'':32s} {'this run':>12s} {'baseline':>12s}", f"{'items':32s} {m.get('items')!s:>12s} {base.get('items')!s:>12s}"]
    lines += [f"{label:32s} {m.get(key)!s:>12s} {base.get(key)!s:>12s}" for key, label in SUMMARY_KEYS]
    return "\n".join(lines)
