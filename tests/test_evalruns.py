"""Saved eval runs, comparison with the previous run, and the background runner (chat first), with fakes."""

from __future__ import annotations

import json
import threading
import time

import pytest

from conftest import SMALL_EVALS
from rag.evalrunner import LiveEval
from rag.evalruns import RunStore, build_run, compare, ordered_items, runs_dir
from rag.evalset import EvalSet
from rag.evaluate import run_eval
from rag.turns import ChatFirst, Stopped


def _run(passed: dict[str, bool], questions: dict[str, str] | None = None, set_key="small") -> dict:
    items = [{"id": i, "question": (questions or {}).get(i, f"question {i}"), "passed": ok, "why": "" if ok else "missing key fact"}
             for i, ok in passed.items()]
    return {"run_id": f"r{len(passed)}", "set": set_key, "started_at": "2026-01-01T00:00:00Z", "items": items}


def test_compare_lists_regressions_and_fixes():
    before = _run({"a": True, "b": False, "c": True, "d": False, "e": True})
    after = _run({"a": False, "b": True, "c": True, "d": False, "f": False})
    result = compare(before, after)
    assert result["regressions"] == ["a"] and result["fixes"] == ["b"]
    assert result["still_failing"] == ["d"] and result["new"] == ["f"]
    assert compare(None, after)["new"] == ["a", "b", "c", "d", "f"] and compare(None, after)["previous_run"] is None


def test_a_changed_question_is_new_not_a_regression():
    result = compare(_run({"a": True}), _run({"a": False}, {"a": "another question"}))
    assert result["regressions"] == [] and result["new"] == ["a"]


def test_regressions_come_first_then_fixes_then_failures():
    run = _run({"pass": True, "fail": False, "fixed": True, "broke": False})
    order = ordered_items(run, {"regressions": ["broke"], "fixes": ["fixed"]})
    assert [(i["id"], i["change"]) for i in order] == [("broke", "regression"), ("fixed", "fixed"), ("fail", ""), ("pass", "")]


def test_store_keeps_runs_per_set_and_skips_damage(tmp_path):
    store = RunStore(tmp_path / "eval-runs")
    assert store.latest("small") is None
    store.save(_run({"a": True}))
    store.save(_run({"a": True, "b": True}))
    store.save(_run({"x": False}, set_key="mine"))
    with store.file_for("small").open("a") as fh:
        fh.write('{"set": "small", "items": [')  # a crash mid-write
    assert [r["run_id"] for r in store.runs("small")] == ["r1", "r2"]
    assert store.latest("small")["run_id"] == "r2" and store.latest("mine")["items"][0]["id"] == "x"
    assert store.file_for("a/b") != store.file_for("a_b")  # names that slug alike stay apart


def test_build_run_keeps_figures_answers_and_missing_facts(fake_pipeline, small_eval_file):
    result = run_eval(fake_pipeline, SMALL_EVALS, progress=False)
    run = build_run(EvalSet("small", small_eval_file), SMALL_EVALS, result, {}, time.time(), 1.5, "build-x")
    assert run["metrics"] == result["metrics"] and run["by_kind"] == result["by_kind"]
    by_id = {i["id"]: i for i in run["items"]}
    assert not by_id["s5"]["passed"] and by_id["s5"]["why"] == "missing key fact"
    assert by_id["s5"]["missing"] == ["15 minutes"] and by_id["s5"]["must_include"] == ["Glacier Deep Archive", "15 minutes"]
    assert by_id["s1"]["passed"] and by_id["s1"]["citations"][0]["file"] == "sqs.md"
    assert by_id["s4"]["refused"] and by_id["s4"]["passed"]
    assert run["index_version"] == "build-x" and run["set"] == "small"
    json.dumps(run)  # a run is plain JSON


def _drain(live: LiveEval):
    return [(s.done, dict(s.running), s.finished) for s in live.updates(poll=0.05)]


def test_live_run_reports_each_item_and_saves_the_same_figures(fake_pipeline, small_eval_file, tmp_path):
    store = RunStore(runs_dir(fake_pipeline.settings))
    expected = run_eval(fake_pipeline, SMALL_EVALS, progress=False)["metrics"]
    live = LiveEval(fake_pipeline, EvalSet("small", small_eval_file), SMALL_EVALS, store).start()
    seen = _drain(live)
    done = sorted({d for d, _, _ in seen})
    assert done == [0, 1, 2, 3, 4, 5]  # a snapshot after every item
    assert seen[-1][2] is True
    saved = store.latest("small")
    timing = {k for k in expected if k.endswith("_ms")}
    assert {k: v for k, v in saved["metrics"].items() if k not in timing} == {k: v for k, v in expected.items() if k not in timing}
    assert set(saved["metrics"]) == set(expected)  # the names of `rag eval --json`
    item = next(i for i in saved["items"] if i["id"] == "s4")
    assert item["nearest"], "a refusal keeps its nearest notes, as the chat shows them"
    # A second run compares with the first: nothing changed.
    again = LiveEval(fake_pipeline, EvalSet("small", small_eval_file), SMALL_EVALS, store).start()
    *_, last = again.updates(poll=0.05)
    assert last.comparison["previous_run"] == saved["run_id"]
    assert last.comparison["regressions"] == [] and last.comparison["still_failing"] == ["s5"]
    assert len(store.runs("small")) == 2


def test_live_run_waits_while_a_chat_is_answered(fake_pipeline, small_eval_file, tmp_path):
    turns = ChatFirst()
    live = LiveEval(fake_pipeline, EvalSet("small", small_eval_file), SMALL_EVALS, RunStore(tmp_path / "runs"), turns)
    with turns.chat():
        live.start()
        updates = live.updates(poll=0.05)
        first = [next(updates) for _ in range(6)]
        assert all(s.done == 0 for s in first) and first[-1].waiting_for_chat
    rest = list(updates)
    assert rest[-1].finished and rest[-1].done == 5 and not rest[-1].error
    assert turns.waited_seconds > 0


def test_live_run_stops_when_asked(fake_pipeline, small_eval_file, tmp_path):
    turns = ChatFirst()
    store = RunStore(tmp_path / "runs")
    live = LiveEval(fake_pipeline, EvalSet("small", small_eval_file), SMALL_EVALS, store, turns)
    with turns.chat():  # hold it at the first item, then stop
        live.start()
        live.stop()
        *_, last = live.updates(poll=0.05)
    assert last.stopped and last.finished and store.latest("small") is None


def test_live_run_errors_are_one_line(small_eval_file, tmp_path):
    class Broken:
        settings = None

        def retriever(self, progress=True):
            raise RuntimeError("disk on fire at /secret/path")

    live = LiveEval(Broken(), EvalSet("small", small_eval_file), SMALL_EVALS, RunStore(tmp_path / "runs")).start()
    *_, last = live.updates(poll=0.05)
    assert last.finished and "RuntimeError" in last.error and "/secret" not in last.error


def test_chat_first_gate():
    turns = ChatFirst(max_chat_seconds=0.3)
    turns.wait_for_turn()  # nobody chatting: no wait
    stop = threading.Event()
    with turns.chat():
        assert turns.busy()
        stop.set()
        with pytest.raises(Stopped):
            turns.wait_for_turn(stop)
        time.sleep(0.35)
        assert not turns.busy()  # a chat that never ended stops counting
    assert not turns.busy()
