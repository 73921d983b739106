"""The Evals tab: pick an eval set, run it with a live progress bar, then read figures, charts and items.

Runs go through :class:`rag.evalrunner.LiveEval` (the scoring of ``rag eval``, chat first), are saved beside
the index, and are compared with the previous run of the same set. Handlers are methods of :class:`EvalsTab`
so tests call them without a browser; :func:`build` lays the tab out and wires them.
"""

from __future__ import annotations

import logging

import gradio as gr

from .. import evalset
from ..errors import RagError
from ..evalrunner import LiveEval
from ..evalruns import RunStore, compare, item_record, ordered_items, runs_dir
from ..feedback import index_version
from .folder import FolderPanel
from .render import esc
from .sources import sources_placeholder
from . import evals_render as er

log = logging.getLogger("rag")

OWN_LABEL = "My eval set"
POLL_SECONDS = 2.0  # between items, how often the elapsed time and "waiting for a chat" are refreshed
DETAIL_HINT = '<div class="nq-empty">Click an item in the table to see its answer, its sources and the missing facts.</div>'


class EvalsTab(FolderPanel):
    """Event handlers of the Evals tab (one eval run at a time per app)."""

    def __init__(self, notes, turns):
        super().__init__(notes, turns)
        self.live: LiveEval | None = None

    @property
    def reader(self):
        return self.notes.reader

    @property
    def store(self) -> RunStore:
        return RunStore(runs_dir(self.settings))

    # -- sets ------------------------------------------------------------------------------------
    def sets(self) -> list[evalset.EvalSet]:
        own = evalset.EvalSet(evalset.USER_SET_NAME, evalset.user_set_path(self.settings), own=True)
        return [*evalset.shipped_sets(self.settings.corpus), own]

    def choices(self) -> list[tuple[str, str]]:
        out = []
        for s in self.sets():
            try:
                count = len(evalset.read_items(s.path)) if s.path.exists() else 0
            except RagError:
                count = None
            size = "unreadable" if count is None else f"{count} item{'s' if count != 1 else ''}"
            out.append((f"{OWN_LABEL} ({size})" if s.own else f"{s.name} ({size})", s.key))
        return out

    def refresh_sets(self, current=None):
        choices = self.choices()
        values = [value for _, value in choices]
        return gr.update(choices=choices, value=current if current in values else values[0])

    def _find(self, key) -> evalset.EvalSet:
        for s in self.sets():
            if s.key == key:
                return s
        raise RagError(f"no eval set named {key!r}; pick one from the list")

    # -- showing a run -----------------------------------------------------------------------------
    def _view(self, progress_html: str, run: dict | None, comparison: dict | None, previous_metrics=None, which="All"):
        if run is None:
            return (progress_html, "", "", None, None, er.table_rows([]), None, DETAIL_HINT,
                    sources_placeholder("Sources of the item you pick appear here."))
        items = ordered_items(run, comparison)
        by_id = {i["id"]: i for i in items}
        view = {"run_id": run.get("run_id"), "items": items}
        return (progress_html, er.comparison_html(run, comparison, by_id) if run.get("run_id") else "",
                er.metrics_html(run["metrics"], previous_metrics), er.kind_frame(items), er.latency_frame(items),
                er.table_rows(items, which), view, DETAIL_HINT, sources_placeholder("Sources of the item you pick appear here."))

    def show_last(self, key, which="All"):
        """The newest saved run of the chosen set (and its comparison with the one before), or an empty view."""
        try:
            chosen = self._find(key)
            runs = self.store.runs(chosen.key)
        except RagError as err:
            return self._view(er.idle_html(str(err)), None, None)
        if not runs:
            return self._view(er.idle_html(f"{chosen.name}: not run yet. Press Run eval."), None, None)
        run, previous = runs[-1], (runs[-2] if len(runs) > 1 else None)
        note = er.idle_html(f"{chosen.name}: last run {run['started_at'].replace('T', ' ').replace('Z', ' UTC')} "
                            f"({len(run['items'])} items, {sum(1 for i in run['items'] if not i['passed'])} failed)")
        return self._view(note, run, compare(previous, run), (previous or {}).get("metrics"), which)

    # -- running -----------------------------------------------------------------------------------
    def run(self, key, limit, which="All"):
        """Run the chosen set; yields the whole tab after every finished item."""
        try:
            chosen = self._find(key)
            items = evalset.load_set(chosen.path, self.settings.corpus)
            limit = int(limit or 0)
            if limit < 0:
                raise RagError(f"'first N items' must be 0 (all) or more, not {limit}")
            if limit:
                items = items[:limit]
        except (RagError, ValueError, TypeError) as err:
            yield self._view(er.idle_html(f"Cannot run: {err}"), None, None)
            return
        name = OWN_LABEL if chosen.own else chosen.name
        previous = self.store.latest(chosen.key)
        self.live = live = LiveEval(self.pipeline, chosen, items, self.store, self.turns, index_version(self.pipeline)).start()
        by_id = {it["id"]: it for it in items}
        try:
            for state in live.updates(poll=POLL_SECONDS):
                bar = er.progress_html(state, name)
                if state.finished and state.run is not None:
                    yield self._view(bar, state.run, state.comparison, (previous or {}).get("metrics"), which)
                elif state.finished and not state.rows:
                    yield self._view(bar, None, None)
                else:
                    partial = {"run_id": None, "metrics": state.running or {"items": 0},
                               "items": [item_record(r, by_id.get(r["id"], {}), None, state.failed.get(r["id"], ""))
                                         for r in state.rows]}
                    yield self._view(bar, partial, None, (previous or {}).get("metrics"), which)
        finally:
            live.stop()  # the browser went away or the run was cancelled: stop at the next item

    def stop(self):
        if self.live is not None:
            self.live.stop()

    # -- the table -----------------------------------------------------------------------------------
    def filter(self, which, view):
        return er.table_rows((view or {}).get("items", []), which)

    def pick(self, view, evt: gr.SelectData):
        """The clicked item's answer (as in the chat), missing facts and sources."""
        row = getattr(evt, "row_value", None) or []
        item_id = row[0] if row else None
        item = next((i for i in (view or {}).get("items", []) if i["id"] == item_id), None)
        if item is None:
            return DETAIL_HINT, sources_placeholder()
        try:
            return er.item_detail(item, self.reader)
        except Exception:  # a damaged saved run must not break the tab
            log.exception("showing eval item %r failed", item_id)
            return f'<div class="nq-src-warn">cannot show item {esc(item_id)}</div>', sources_placeholder()


def build(tab: EvalsTab) -> dict:
    """Lay out the tab (inside the caller's ``gr.Tab``) and wire its events; returns the components."""
    choices = tab.choices()
    with gr.Row(equal_height=True):
        set_box = gr.Dropdown(choices, value=choices[0][1] if choices else None, label="Eval set", elem_id="nq-ev-set", scale=3)
        limit = gr.Number(0, precision=0, minimum=0, label="Only the first N items (0 = all)", elem_id="nq-ev-limit", scale=1)
        run = gr.Button("Run eval", variant="primary", elem_id="nq-ev-run", scale=0, min_width=110)
        stop = gr.Button("Stop", variant="secondary", elem_id="nq-ev-stop", scale=0, min_width=80)
    progress = gr.HTML(er.idle_html("Pick a set and press Run eval."), elem_id="nq-ev-progress-box")
    comparison = gr.HTML("", elem_id="nq-ev-compare-box")
    with gr.Row(equal_height=False):
        with gr.Column(scale=2, min_width=360):
            metrics = gr.HTML("", elem_id="nq-ev-metrics-box")
        with gr.Column(scale=3, min_width=420):
            kinds = gr.BarPlot(None, x="kind", y="passed", title="Share of items passed, by question kind",
                               y_lim=[0, 1], height=230, elem_id="nq-ev-kinds", tooltip=["kind", "passed", "items"])
            latency = gr.BarPlot(None, x="item", y="ms", title="Answer time per item (ms; ✗ failed)", height=230,
                                 elem_id="nq-ev-latency", x_label_angle=-60, sort=None, y_lim=[0, None],
                                 tooltip=["item", "ms", "result"])
    which = gr.Radio(list(er.FILTERS), value="All", label="Items", elem_id="nq-ev-filter")
    table = gr.Dataframe(er.table_rows([]), headers=er.TABLE_HEADERS, interactive=False, wrap=True, max_height=420,
                         elem_id="nq-ev-items", datatype=["str", "str", "str", "str", "str", "str", "number"],
                         column_widths=["7%", "9%", "7%", "9%", "40%", "20%", "8%"])
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            detail = gr.HTML(DETAIL_HINT, elem_id="nq-ev-detail")
        with gr.Column(scale=2):
            detail_sources = gr.HTML(sources_placeholder("Sources of the item you pick appear here."), elem_id="nq-ev-sources")
    view = gr.State(None)

    shown = [progress, comparison, metrics, kinds, latency, table, view, detail, detail_sources]
    set_box.change(tab.show_last, [set_box, which], shown, api_name=False)
    run.click(tab.run, [set_box, limit, which], shown, api_name=False, concurrency_limit=1, concurrency_id="nq-eval")
    stop.click(tab.stop, None, None, api_name=False, queue=False)
    which.change(tab.filter, [which, view], table, api_name=False)
    table.select(tab.pick, [view], [detail, detail_sources], api_name=False)
    return {"set": set_box, "limit": limit, "run": run, "stop": stop, "shown": shown, "which": which}
