"""An eval run in the background, for the web UI: live progress, chat first, saved and compared when done.

The scoring is :func:`rag.evaluate.run_eval` itself (the same rows, figures and failures as ``rag eval``);
this module only feeds it a pipeline that waits for its turn before each question (:class:`rag.turns.ChatFirst`)
and keeps each Answer, and reports every finished item to whoever is watching.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field

from .errors import RagError
from .evalruns import RunStore, build_run, compare
from .turns import ChatFirst, Stopped

log = logging.getLogger("rag")


@dataclass
class Progress:
    """A snapshot for the UI: how far the run is, the figures so far, and the run once it is saved."""

    total: int
    done: int = 0
    rows: list = field(default_factory=list)
    running: dict = field(default_factory=dict)  # summarise(rows)["metrics"] of the items done so far
    failed: dict = field(default_factory=dict)  # item id -> why, for the items done so far
    waiting_for_chat: bool = False
    finished: bool = False
    stopped: bool = False
    error: str = ""
    run: dict | None = None
    comparison: dict | None = None
    seconds: float = 0.0


class _Polite:
    """The pipeline as run_eval sees it: ``ask`` waits for its turn and keeps the Answer."""

    def __init__(self, pipeline, turns: ChatFirst, stop: threading.Event, on_wait):
        self._pipeline = pipeline
        self._turns = turns
        self._stop = stop
        self._on_wait = on_wait
        self.answers: list = []

    def __getattr__(self, name):
        return getattr(self._pipeline, name)

    def ask(self, question, history=None, k=None):
        self._turns.wait_for_turn(self._stop, self._on_wait)
        answer = self._pipeline.ask(question)
        self.answers.append(answer)
        return answer


class LiveEval:
    """Runs ``items`` of ``eval_set`` in a thread; :meth:`updates` yields :class:`Progress` as items finish."""

    def __init__(self, pipeline, eval_set, items: list[dict], store: RunStore, turns: ChatFirst | None = None,
                 index_version: str = ""):
        self.pipeline = pipeline
        self.eval_set = eval_set
        self.items = list(items)
        self.store = store
        self.turns = turns or ChatFirst()
        self.index_version = index_version
        self._stop = threading.Event()
        self._events: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self.started = 0.0

    def start(self) -> "LiveEval":
        self.started = time.time()
        self._thread = threading.Thread(target=self._run, name="notesqa-eval", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        from .evaluate import run_eval

        polite = _Polite(self.pipeline, self.turns, self._stop, lambda: self._events.put(("waiting", None)))
        answers: dict = {}

        def on_row(row):
            answers[row["id"]] = polite.answers[-1] if polite.answers else None
            self._events.put(("row", row))

        clock = time.perf_counter()
        try:
            result = run_eval(polite, self.items, progress=False, on_row=on_row)
            run = build_run(self.eval_set, self.items, result, answers, self.started, time.perf_counter() - clock,
                            self.index_version)
            previous = self.store.latest(self.eval_set.key)
            comparison = compare(previous, run)
            self.store.save(run)
            self._events.put(("done", (run, comparison)))
        except Stopped:
            self._events.put(("stopped", None))
        except RagError as err:
            self._events.put(("error", str(err)))
        except Exception as err:  # a bug: one line for the user, the details in the server log
            log.exception("eval run of %s failed", self.eval_set.name)
            self._events.put(("error", f"the eval run failed ({type(err).__name__}); see the server log"))

    def updates(self, poll: float = 0.5):
        """Yield a Progress after each finished item (and at least every ``poll`` s) until the run ends."""
        from .evaluate import summarise

        state = Progress(total=len(self.items))
        yield state
        while True:
            try:
                kind, value = self._events.get(timeout=poll)
            except queue.Empty:
                state.seconds = time.time() - self.started
                state.waiting_for_chat = self.turns.busy()
                yield state
                continue
            state.seconds = time.time() - self.started
            if kind == "waiting":
                state.waiting_for_chat = True
            elif kind == "row":
                state.waiting_for_chat = False
                state.rows.append(value)
                state.done = len(state.rows)
                summary = summarise(state.rows, self.pipeline.settings)
                state.running = summary["metrics"]
                state.failed = {f["id"]: f["why"] for f in summary["failures"]}
            elif kind == "done":
                state.run, state.comparison = value
                state.finished = True
            elif kind == "stopped":
                state.stopped = state.finished = True
            elif kind == "error":
                state.error, state.finished = value, True
            yield state
            if state.finished:
                return
