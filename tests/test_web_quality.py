"""The Evals tab and chat feedback handlers (rag/web/evals_tab.py, rag/web/feedback_panel.py), no browser, fake models."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import gradio as gr
import pytest
from click.testing import CliRunner

from rag.web import app
from conftest import SMALL_EVALS
from rag import evalset
from rag.cli import main
from rag.feedback import FeedbackStore, feedback_path
from rag.turns import ChatFirst
from rag.web.evals_tab import EvalsTab
from rag.web.feedback_panel import FeedbackPanel, prefill_facts

TIMING = re.compile(r"_ms$")


def _write(path, items):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


@pytest.fixture
def tab(fake_pipeline):
    fake_pipeline.answerer()  # build the index first, as the app does before serving
    return EvalsTab(app.UI(fake_pipeline), ChatFirst())


def _run(tab, key="mine", limit=0):
    steps = list(tab.run(key, limit))
    return steps, steps[-1]


def test_the_app_has_both_tabs_and_feedback_buttons(fake_pipeline):
    demo = app.create_app(fake_pipeline)
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    for elem_id in ("nq-tab-chat", "nq-tab-evals", "nq-ev-set", "nq-ev-run", "nq-ev-stop", "nq-ev-items", "nq-ev-kinds",
                    "nq-ev-latency", "nq-ev-filter", "nq-fb", "nq-fb-note", "nq-fb-facts", "nq-fb-addbtn"):
        assert elem_id in ids, elem_id
    chatbot = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "nq-chat")
    assert tuple(chatbot.feedback_options) == ("Like", "Dislike")


def test_sets_list_the_shipped_ones_that_fit_and_the_users_own(tab):
    assert tab.choices() == [("My eval set (0 items)", "mine")]  # the small notes fit no shipped set
    _write(evalset.user_set_path(tab.settings), SMALL_EVALS)
    assert tab.refresh_sets("mine")["choices"] == [("My eval set (5 items)", "mine")]


def test_run_shows_progress_figures_and_a_failing_item(tab, fake_pipeline, small_eval_file):
    _write(evalset.user_set_path(tab.settings), SMALL_EVALS)
    steps, last = _run(tab)
    bars = [s[0] for s in steps]
    assert any('data-done="0"' in b for b in bars) and any('data-done="3" data-total="5"' in b for b in bars)
    assert "nq-ev-done" in bars[-1] and "5 of 5 items · 1 failed" in bars[-1]
    progress, comparison, metrics, kinds, latency, table, view, detail, sources = last
    saved = tab.store.latest("mine")
    for key, value in saved["metrics"].items():
        if key != "model":
            assert f'data-metric="{key}"' in metrics
    assert set(kinds["kind"]) == {"fact", "unanswerable", "multi"} and list(latency["item"]) == ["s5 ✗", "s1", "s2", "s3", "s4"]
    assert table[0][:3] == ["s5", "multi", "FAIL"] and table[0][5] == "missing key fact"
    assert [row[0] for row in tab.filter("Failed", view)] == ["s5"]
    assert len(tab.filter("Passed", view)) == 4 and tab.filter("Changed", view) == []
    answer_html, sources_html = tab.pick(view, SimpleNamespace(row_value=table[0], index=[0, 0]))
    assert "✗ missing: 15 minutes" in answer_html and "✓ found: Glacier Deep Archive" in answer_html
    assert "nq-answer" in answer_html and "[1]" in answer_html  # drawn by the chat's own renderer
    assert "s3.md" in sources_html and "<mark>" in sources_html
    refusal_html, near = tab.pick(view, SimpleNamespace(row_value=next(r for r in table if r[0] == "s4")))
    assert "nq-refusal" in refusal_html and "nq-near" in near


def test_tab_figures_equal_the_cli_json(tab, fake_models, small_eval_file, monkeypatch):
    _write(evalset.user_set_path(tab.settings), SMALL_EVALS)
    _run(tab)
    monkeypatch.setenv("RAG_CORPUS", str(tab.settings.corpus))
    monkeypatch.setenv("RAG_INDEX", str(tab.settings.index))
    result = CliRunner().invoke(main, ["eval", "--dataset", "mine", "--json"])
    assert result.exit_code == 0, result.output
    cli, ui = json.loads(result.stdout), tab.store.latest("mine")["metrics"]
    assert list(cli) == list(ui)
    assert {k: v for k, v in cli.items() if not TIMING.search(k) and k != "model"} == \
        {k: v for k, v in ui.items() if not TIMING.search(k) and k != "model"}


def test_second_run_lists_regressions_then_fixes_first(tab):
    path = _write(evalset.user_set_path(tab.settings), SMALL_EVALS)
    _run(tab)
    changed = [dict(i) for i in SMALL_EVALS]
    changed[0]["must_include"] = ["4 days", "30 seconds"]  # s1 now fails: its answer is about retention only
    changed[4]["must_include"] = ["Glacier Deep Archive"]  # s5 now passes
    _write(path, changed)
    _, last = _run(tab)
    comparison, table = last[1], last[5]
    assert "Regressions (passed before, fail now) (1)" in comparison and "Fixed (failed before, pass now) (1)" in comparison
    assert [(r[0], r[3]) for r in table[:2]] == [("s1", "regression"), ("s5", "fixed")]
    shown = tab.show_last("mine")  # reopening the tab shows the newest run and the same comparison
    assert "Regressions" in shown[1] and shown[5][0][0] == "s1"
    assert 'data-metric="key_fact_recall"' in shown[2]


def test_figures_show_the_change_since_the_previous_run():
    from rag.web.evals_render import metrics_html

    html = metrics_html({"items": 5, "key_fact_recall": 0.5, "false_refusal_rate": 0.2, "latency_p50_ms": 900.0},
                        {"items": 4, "key_fact_recall": 0.8, "false_refusal_rate": 0.1, "latency_p50_ms": 1200.0})
    rows = dict(re.findall(r'data-metric="(\w+)">(.*?)</tr>', html))
    assert 'nq-ev-down">▼ 0.8' in rows["key_fact_recall"]  # fewer facts: worse
    assert 'nq-ev-down">▲ 0.1' in rows["false_refusal_rate"]  # more false refusals: worse
    assert 'nq-ev-up">▼ 1,200.0' in rows["latency_p50_ms"]  # faster: better
    assert "nq-ev-up" not in rows["items"] and "nq-ev-down" not in rows["items"]


def test_bad_or_missing_sets_say_why(tab):
    _, last = _run(tab)
    assert "Cannot run" in last[0] and "does not exist" in last[0]
    _write(evalset.user_set_path(tab.settings), [{**SMALL_EVALS[0], "must_include": ["9 days"]}])
    _, last = _run(tab)
    assert "s1: must_include &#x27;9 days&#x27; does not occur" in last[0]
    _, last = _run(tab, "nonexistent")
    assert "no eval set named" in last[0]
    _write(evalset.user_set_path(tab.settings), SMALL_EVALS)
    _, last = _run(tab, limit=-1)
    assert "must be 0 (all) or more" in last[0]
    _, last = _run(tab, limit=2)
    assert "2 of 2 items" in last[0]


def test_stop_ends_the_run_unsaved(tab):
    _write(evalset.user_set_path(tab.settings), SMALL_EVALS)
    with tab.turns.chat():  # keep the run waiting at its first item
        steps = tab.run("mine", 0)
        next(steps)
        tab.stop()
        rest = list(steps)
    assert "Stopped" in rest[-1][0] and tab.store.latest("mine") is None


# -- feedback --------------------------------------------------------------------------------------------
def _like(index, liked):
    return SimpleNamespace(index=index, liked=liked, value=[])


@pytest.fixture
def panel(fake_pipeline):
    fake_pipeline.answerer()
    return FeedbackPanel(app.UI(fake_pipeline), ChatFirst())


def _ask(panel, question, chat=None, answers=None):
    handlers = app.UI(panel.pipeline)
    steps = list(panel.respond(handlers.respond, question, chat or [], [], 4, False, answers or {}))
    return steps[-1]


def test_answers_are_remembered_and_the_chat_holds_its_turn(panel):
    seen = []
    handlers = app.UI(panel.pipeline)
    for step in panel.respond(handlers.respond, "How long are SQS messages kept by default?", [], [], 4, False, {}):
        seen.append(panel.turns.busy())
    assert all(seen) and not panel.turns.busy()
    chat, *_, answers = step
    record = answers[str(len(chat) - 1)]
    assert record["question"] == "How long are SQS messages kept by default?" and record["citations"][0]["file"] == "sqs.md"
    assert record["model"] and record["index_version"].startswith("build-")


def test_dislike_stores_feedback_and_prefills_the_form(panel):
    chat, *_, answers = _ask(panel, "How long are SQS messages kept by default?")
    out = panel.rate(answers, _like(1, False))
    box, title, note, question, refuse, facts, kind, sources, evidence, result, current, answers = out
    assert box["visible"] is True and "You disliked" in title
    assert question == "How long are SQS messages kept by default?" and refuse is False and kind == "fact"
    assert facts.splitlines() == ["4 days", "14 days"] and sources["value"] == ["sqs.md"]
    assert evidence.startswith("Messages are kept for 4 days")
    store = FeedbackStore(feedback_path(panel.settings))
    entry = store.get(current["feedback_id"])
    assert entry["rating"] == "dislike" and entry["answer"] and entry["citations"][0]["file"] == "sqs.md"
    assert entry["model"] and entry["index_version"]
    # Changing one's mind keeps one entry: the same id, the latest rating.
    panel.rate(answers, _like(1, True))
    assert [e["rating"] for e in store.entries()] == ["like"]
    assert "Note saved" in panel.save_note(current, "wrong number")
    assert store.entries()[0]["note"] == "wrong number"
    assert "Rate an answer first" in panel.save_note(None, "x") and "Type a note" in panel.save_note(current, " ")


def test_rating_something_that_is_not_an_answer(panel):
    out = panel.rate({}, _like(0, False))
    assert "cannot be rated" in out[1] and out[10] is None


def test_add_to_my_eval_set_validates_and_then_runs(panel, tab):
    chat, *_, answers = _ask(panel, "How long are SQS messages kept by default?")
    *_, current, answers = panel.rate(answers, _like(1, False))
    message, item_id = panel.add_item(current, "How long are SQS messages kept by default?", False, "4 days\n9 days",
                                      "fact", ["sqs.md"], "Messages are kept for 4 days by default, up to a maximum of 14 days.")
    assert item_id == "" and "&#x27;9 days&#x27; does not occur in its sources" in message
    assert not evalset.user_set_path(panel.settings).exists()
    message, item_id = panel.add_item(current, "How long are SQS messages kept by default?", False, "4 days\n14 days",
                                      "fact", ["lambda.md", "sqs.md"], "Messages are kept for 4 days by default, up to a maximum of 14 days.")
    assert item_id == "u001" and "Added as u001" in message
    item = evalset.read_items(evalset.user_set_path(panel.settings))[0]
    assert item["sources"] == ["sqs.md", "lambda.md"]  # the evidence's note first
    assert item["must_include"] == ["4 days", "14 days"] and item["from_feedback"] == current["feedback_id"]
    assert FeedbackStore(feedback_path(panel.settings)).get(current["feedback_id"])["eval_item"] == "u001"
    message, refuse_id = panel.add_item(current, "What is the capital of France?", True, "", "fact", [], "")
    assert refuse_id == "u002"
    assert tab.choices() == [("My eval set (2 items)", "mine")]
    _, last = _run(tab)
    assert "2 of 2 items" in last[0] and [r[0] for r in last[5]] == ["u001", "u002"]


def test_prefill_facts():
    assert prefill_facts(["- Memory can be set from 128 MB to 10240 MB."]) == ["128 MB", "10240 MB"]
    assert prefill_facts(["**Envoy** proxies run beside each service"]) == ["**Envoy** proxies run beside each service"]
    assert prefill_facts(["S3 Glacier is cheap", "", "Die Mitochondrien erzeugen ATP"]) == \
        ["S3 Glacier is cheap", "Die Mitochondrien erzeugen ATP"]


def test_like_event_wiring_is_not_part_of_the_api(fake_pipeline):
    demo = app.create_app(fake_pipeline)
    api = demo.get_api_info()
    assert "/ask" in api["named_endpoints"] and len(api["named_endpoints"]) <= 3
    assert isinstance(demo, gr.Blocks)


def test_eval_text_is_shown_as_text_never_run(tab):
    from rag.web.evals_render import comparison_html, item_detail, progress_html

    evil = '<img src=x onerror="alert(1)"><script>alert(2)</script>${x}{{y}}'
    item = {"id": evil, "kind": "fact", "question": evil, "answerable": True, "answer": evil, "refused": False,
            "mode": "model", "citations": [], "must_include": [evil], "missing": [evil], "passed": False, "why": evil,
            "change": "regression"}
    answer_html, _ = item_detail(item, tab.reader)
    run = {"run_id": "r", "started_at": evil, "seconds": 1, "index_version": evil, "items": [item]}
    compared = comparison_html(run, {"previous_run": "p", "previous_at": evil, "regressions": [evil], "fixes": []},
                               {evil: item})
    progress = progress_html(SimpleNamespace(total=1, done=1, failed={}, running={}, finished=True, error=evil,
                                             stopped=False, waiting_for_chat=False, seconds=1.0), evil)
    for html in (answer_html, compared, progress):
        assert "<img" not in html and "<script" not in html and "${" not in html and "{{" not in html
