"""HTML and chart data for the Evals tab: progress, figures (named as in `rag eval --json`), items, comparison.

Every piece of text from an eval set, a note or the model goes through ``esc``. An item's answer is drawn
with the chat's own renderers, so it looks exactly as it did (or would have) in the chat.
"""

from __future__ import annotations

from types import SimpleNamespace

from ..evalreport import SUMMARY_KEYS
from .render import esc, one_line, render_answer
from .sources import render_sources

TABLE_HEADERS = ["id", "kind", "result", "change", "question", "why", "seconds"]
FILTERS = ("All", "Failed", "Passed", "Changed")
# Shares where a higher figure is worse; every other share is better when higher, latencies better when lower.
LOWER_IS_BETTER = {"false_refusal_rate"}


def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.1f}" if value >= 10 else f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
    return esc(value)


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value < 120 else f"{int(value // 60)} min {int(value % 60)} s"


def progress_html(progress, set_name: str) -> str:
    """The live bar: items done of total, the running figures, and whether the run waits for a chat."""
    total, done = max(progress.total, 1), progress.done
    pct = round(100 * done / total)
    m = progress.running or {}
    state = "done" if progress.finished and not progress.error and not progress.stopped else \
        "error" if progress.error else "stopped" if progress.stopped else "running"
    figures = [f"{done} of {progress.total} items", f"{len(progress.failed)} failed"]
    for key, label in (("key_fact_recall", "key facts"), ("refusal_recall", "refusals"),
                       ("false_refusal_rate", "false refusals"), ("latency_p50_ms", "p50 ms")):
        if m.get(key) is not None:
            figures.append(f"{label} {_fmt(m[key])}")
    figures.append(_seconds(progress.seconds))
    note = ""
    if progress.error:
        note = f'<div class="nq-ev-note nq-ev-bad">{esc(progress.error)}</div>'
    elif progress.stopped:
        note = '<div class="nq-ev-note">Stopped; this partial run was not saved.</div>'
    elif progress.waiting_for_chat and not progress.finished:
        note = '<div class="nq-ev-note">Paused while a chat question is answered (chat goes first)…</div>'
    elif progress.finished:
        note = '<div class="nq-ev-note">Finished and saved.</div>'
    return one_line(
        f'<div class="nq-ev-progress nq-ev-{state}" data-done="{done}" data-total="{progress.total}">'
        f'<div class="nq-ev-title">{esc(set_name)}</div>'
        f'<div class="nq-ev-bar" role="progressbar" aria-valuenow="{done}" aria-valuemax="{progress.total}">'
        f'<div class="nq-ev-fill" style="width:{pct}%"></div></div>'
        f'<div class="nq-ev-figures">{" · ".join(esc(f) for f in figures)}</div>{note}</div>'
    )


def idle_html(text: str) -> str:
    return f'<div class="nq-ev-progress nq-ev-idle"><div class="nq-ev-figures">{esc(text)}</div></div>'


def metrics_html(metrics: dict, previous: dict | None = None) -> str:
    """The run's figures under their `rag eval --json` names, with the previous run's value beside them."""
    rows = []
    known = [("items", "items"), *SUMMARY_KEYS]
    known += [(k, k.replace("_", " ")) for k in metrics if k not in dict(known) and k != "model"]  # figures added later
    for key, label in known:
        value, before = metrics.get(key), (previous or {}).get(key)
        delta = ""
        if isinstance(value, (int, float)) and isinstance(before, (int, float)) and value != before and key != "items":
            better = (value < before) if (key.endswith("_ms") or key in LOWER_IS_BETTER) else (value > before)
            delta = f'<span class="nq-ev-{"up" if better else "down"}">{"▲" if value > before else "▼"} {_fmt(before)}</span>'
        rows.append(f'<tr data-metric="{esc(key)}"><td class="nq-file">{esc(key)}</td><td>{esc(label)}</td>'
                    f'<td class="nq-ev-value">{_fmt(value)}</td><td>{delta}</td></tr>')
    head = "<tr><th>metric (rag eval --json)</th><th>what it is</th><th>value</th><th>vs previous</th></tr>"
    model = f' · model {esc(metrics.get("model"))}' if metrics.get("model") else ""
    return one_line(f'<div class="nq-ev-metrics"><div class="nq-panel-title">Figures{model}</div>'
                    f'<table class="nq-index-table nq-ev-table"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table></div>')


def comparison_html(run: dict, comparison: dict | None, by_id: dict) -> str:
    """Regressions and fixes against the previous run of the same set, listed first."""
    when = f'{esc(run.get("started_at", "").replace("T", " ").replace("Z", " UTC"))}, {_seconds(run.get("seconds") or 0)}'
    head = f'<div class="nq-ev-runinfo">Run of {when} · index {esc(run.get("index_version") or "–")}</div>'
    if not comparison or not comparison.get("previous_run"):
        return one_line(f'<div class="nq-ev-compare">{head}<div class="nq-ev-note">No earlier run of this set to compare with.</div></div>')

    def listing(ids, cls, title):
        if not ids:
            return f'<div class="nq-ev-{cls}-none">{title}: none</div>'
        items = "".join(f'<li><b>{esc(i)}</b> {esc(by_id.get(i, {}).get("question", ""))}'
                        f' <span class="nq-reason">{esc(by_id.get(i, {}).get("why", ""))}</span></li>' for i in ids)
        return f'<div class="nq-ev-{cls}"><div class="nq-ev-list-title">{title} ({len(ids)})</div><ul>{items}</ul></div>'

    prev = esc(str(comparison.get("previous_at", "")).replace("T", " ").replace("Z", " UTC"))
    return one_line(f'<div class="nq-ev-compare">{head}<div class="nq-ev-against">Compared with the run of {prev}:</div>'
                    f'{listing(comparison["regressions"], "regressions", "Regressions (passed before, fail now)")}'
                    f'{listing(comparison["fixes"], "fixes", "Fixed (failed before, pass now)")}</div>')


def table_rows(items: list[dict], which: str = "All") -> list[list]:
    """Rows of the per-item table (items already ordered), filtered by pass/fail/change."""
    keep = {"Failed": lambda i: not i["passed"], "Passed": lambda i: i["passed"],
            "Changed": lambda i: bool(i.get("change"))}.get(which, lambda i: True)
    return [[i["id"], i["kind"], "pass" if i["passed"] else "FAIL", i.get("change", ""), i["question"], i.get("why", ""),
             round(float(i.get("seconds") or 0), 2)] for i in items if keep(i)]


def kind_frame(items: list[dict]):
    """Share of items passed, per question kind (a bar each); None for no items.

    None rather than an empty frame: a Gradio plot that once held an empty frame draws no bars afterwards.
    """
    import pandas as pd

    if not items:
        return None
    kinds: dict[str, list[bool]] = {}
    for i in items:
        kinds.setdefault(i["kind"], []).append(bool(i["passed"]))
    return pd.DataFrame({"kind": pd.Series(list(kinds), dtype="object"),
                         "passed": pd.Series([round(sum(v) / len(v), 3) for v in kinds.values()], dtype="float64"),
                         "items": pd.Series([len(v) for v in kinds.values()], dtype="int64")})


def latency_frame(items: list[dict]):
    """Answer time per item in ms (failed items marked ✗ in their label); None for no items.

    Pass/fail is in the label, not a colour: a Gradio plot keeps the colours of the first data it was given,
    and a live run's first items may all pass.
    """
    import pandas as pd

    if not items:
        return None
    return pd.DataFrame({"item": pd.Series([i["id"] if i["passed"] else f"{i['id']} ✗" for i in items], dtype="object"),
                         "ms": pd.Series([float((i.get("timings") or {}).get("total_ms") or 1000 * float(i.get("seconds") or 0))
                                          for i in items], dtype="float64"),
                         "result": pd.Series(["pass" if i["passed"] else "fail" for i in items], dtype="object")})


def _as_answer(item: dict) -> SimpleNamespace:
    """A saved item in the shape the chat's renderers read (an Answer's attributes)."""
    headings = item.get("headings") or []
    citations = [SimpleNamespace(n=c["n"], file=c["file"], start_line=c["start_line"], end_line=c["end_line"],
                                 quote=c.get("quote", ""), heading=c.get("heading") or (headings[k] if k < len(headings) else ""))
                 for k, c in enumerate(item.get("citations") or [])]
    return SimpleNamespace(question=item["question"], answer=item.get("answer") or "", refused=bool(item.get("refused")),
                           mode=item.get("mode") or "", citations=citations, nearest=item.get("nearest") or [],
                           conflict=bool(item.get("conflict")), unverified=item.get("unverified") or [])


def item_detail(item: dict, reader) -> tuple[str, str]:
    """(answer with the verdict and the missing facts, sources panel) for one item, as in the chat."""
    verdict = "pass" if item["passed"] else "FAIL"
    change = f' <span class="nq-badge nq-badge-warn">{esc(item["change"])}</span>' if item.get("change") else ""
    expected = ""
    if item.get("must_include"):
        facts = "".join(
            f'<li class="{"nq-ev-missing" if m in item.get("missing", []) else "nq-ev-found"}">'
            f'{"✗ missing" if m in item.get("missing", []) else "✓ found"}: {esc(m)}</li>' for m in item["must_include"])
        expected = f'<div class="nq-ev-facts"><div class="nq-ev-list-title">Expected facts</div><ul>{facts}</ul></div>'
    elif not item.get("answerable", True):
        expected = f'<div class="nq-ev-facts">Expected: a refusal (not in the notes) — {"refused" if item.get("refused") else "it answered"}.</div>'
    why = f'<div class="nq-ev-why">{esc(item.get("why"))}</div>' if item.get("why") else ""
    head = (f'<div class="nq-ev-item-head"><b>{esc(item["id"])}</b> <span class="nq-badge">{esc(item["kind"])}</span> '
            f'<span class="nq-badge {"nq-badge-info" if item["passed"] else "nq-badge-error"}">{verdict}</span>{change}'
            f'<div class="nq-ev-question">{esc(item["question"])}</div>{why}</div>')
    answer = _as_answer(item)
    body = f'<div class="nq-ev-item">{head}<div class="nq-ev-answer">{render_answer(answer)}</div>{expected}</div>'
    return one_line(body), render_sources(answer, reader)


CSS = """
.nq-ev-progress { padding: 8px 10px; border: 1px solid var(--border-color-primary); border-radius: 10px; }
.nq-ev-title { font-weight: 600; font-size: 0.9rem; margin-bottom: 6px; }
.nq-ev-bar { height: 10px; border-radius: 999px; background: var(--background-fill-secondary); overflow: hidden; }
.nq-ev-fill { height: 100%; background: var(--color-accent, #6366f1); transition: width 0.3s; }
.nq-ev-done .nq-ev-fill { background: #16a34a; }
.nq-ev-error .nq-ev-fill, .nq-ev-stopped .nq-ev-fill { background: #f59e0b; }
.nq-ev-figures { font-size: 0.85rem; margin-top: 6px; color: var(--body-text-color-subdued); }
.nq-ev-idle .nq-ev-figures { margin-top: 0; }
.nq-ev-note { font-size: 0.8rem; margin-top: 4px; color: var(--body-text-color-subdued); font-style: italic; }
.nq-ev-bad { color: #b45309; font-style: normal; }
.nq-ev-compare { font-size: 0.85rem; }
.nq-ev-runinfo, .nq-ev-against { color: var(--body-text-color-subdued); margin-bottom: 4px; }
.nq-ev-compare ul { margin: 2px 0 6px; padding-left: 18px; }
.nq-ev-list-title { font-weight: 600; }
.nq-ev-regressions .nq-ev-list-title { color: #b91c1c; }
.nq-ev-fixes .nq-ev-list-title { color: #15803d; }
.nq-ev-regressions-none, .nq-ev-fixes-none { color: var(--body-text-color-subdued); }
.nq-ev-table td, .nq-ev-table th { text-align: left !important; }
.nq-ev-table td.nq-ev-value { text-align: right !important; }
.nq-ev-value { font-variant-numeric: tabular-nums; font-weight: 600; }
.nq-ev-up { color: #15803d; font-size: 0.78rem; }
.nq-ev-down { color: #b91c1c; font-size: 0.78rem; }
.nq-ev-item-head { margin-bottom: 8px; }
.nq-ev-question { font-weight: 600; margin-top: 4px; }
.nq-ev-why { color: #b45309; font-size: 0.85rem; }
.nq-ev-answer { border-left: 3px solid var(--border-color-primary); padding-left: 10px; margin: 6px 0; }
.nq-ev-facts ul { margin: 2px 0; padding-left: 0; list-style: none; font-size: 0.88rem; }
.nq-ev-missing { color: #b91c1c; }
.nq-ev-found { color: #15803d; }
#nq-fb { margin-top: 6px; padding: 8px; }
.nq-fb-title { font-size: 0.88rem; }
.nq-fb-result { font-size: 0.85rem; }
.nq-fb-ok { color: #15803d; }
"""
