"""`rag eval --dataset` (shipped, a path, or the user's own set) and `rag feedback`, through CliRunner with fakes."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import SMALL_EVALS, assert_one_line_error
from rag.answer import Answer
from rag.cli import main
from rag.config import Settings
from rag.feedback import FeedbackStore, answer_record, feedback_path
from rag.answer.verify import Citation


@pytest.fixture
def env(small_corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("RAG_CORPUS", str(small_corpus))
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "cli-index"))
    return Settings.load()


def _write(path, items):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    return path


def test_eval_runs_the_users_own_set_by_name(runner, fake_models, env):
    assert runner.invoke(main, ["index", "--quiet"]).exit_code == 0  # the set lives in the index folder notesqa made
    _write(env.index / "my-evals.jsonl", SMALL_EVALS)
    result = runner.invoke(main, ["eval", "--dataset", "mine", "--json"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["items"] == 5 and metrics["refusal_recall"] == 1.0
    assert 0 < metrics["key_fact_recall"] < 1  # s5 misses a fact on purpose


def test_eval_takes_a_path_and_reports_failed_items(runner, fake_models, env, small_eval_file):
    result = runner.invoke(main, ["eval", "--dataset", str(small_eval_file), "--limit", "5"])
    assert result.exit_code == 0, result.output
    assert "failed items: 1 of 5" in result.stdout


def test_eval_of_a_missing_or_bad_set_is_one_line(runner, fake_models, env, tmp_path):
    assert_one_line_error(runner.invoke(main, ["eval", "--dataset", "mine"]), "does not exist", "my-evals.jsonl")
    bad = _write(tmp_path / "bad.jsonl", [{**SMALL_EVALS[0], "must_include": ["9 days"]}])
    assert_one_line_error(runner.invoke(main, ["eval", "--dataset", str(bad)]), "s1: must_include '9 days'", "fix or remove")
    # A set written for other notes is refused before any model is loaded.
    shipped = runner.invoke(main, ["eval", "--dataset", "qa.jsonl"])
    assert_one_line_error(shipped, "is not a note in")
    assert fake_models.generators == []


def test_eval_save_compares_with_the_previous_run(runner, fake_models, env, small_eval_file):
    first = runner.invoke(main, ["eval", "--dataset", str(small_eval_file), "--save"])
    assert first.exit_code == 0, first.output
    assert "run saved to" in first.stdout and "regressions" not in first.stdout
    second = runner.invoke(main, ["eval", "--dataset", str(small_eval_file), "--save", "--json"])
    assert second.exit_code == 0, second.output
    assert json.loads(second.stdout)["items"] == 5  # stdout stays pure JSON
    assert "regressions none; fixes none" in second.stderr
    assert len(list((env.index / "eval-runs").glob("*.jsonl"))) == 1


def _feedback(env):
    store = FeedbackStore(feedback_path(env))
    answer = Answer(question="how long are messages kept?", standalone="how long are messages kept?",
                    answer="Messages are kept for 4 days [1].", refused=False,
                    citations=[Citation(1, "sqs.md", 4, 4, "Messages are kept for 4 days by default")], mode="model",
                    model="fake-model.gguf")
    liked = store.rate(answer_record(answer, version="build-1"), "like")
    disliked = store.rate(answer_record(answer, version="build-1"), "dislike", note="should say 14 days max")
    store.mark_added(disliked, "u001")
    return liked, disliked


def test_feedback_lists_entries(runner, env):
    empty = runner.invoke(main, ["feedback"])
    assert empty.exit_code == 0 and "No feedback yet" in empty.stdout
    liked, disliked = _feedback(env)
    result = runner.invoke(main, ["feedback"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("+ ") and liked in lines[0] and "how long are messages kept?" in lines[0]
    assert lines[1].startswith("- ") and disliked in lines[1]
    assert "note: should say 14 days max" in result.stdout and "added to your eval set as u001" in result.stdout
    only = runner.invoke(main, ["feedback", "--rating", "dislike"])
    assert liked not in only.stdout and disliked in only.stdout


def test_feedback_exports_jsonl_and_csv(runner, env, tmp_path):
    liked, disliked = _feedback(env)
    out = runner.invoke(main, ["feedback", "--export", "-"])
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == [liked, disliked]
    assert rows[1]["citations"][0]["file"] == "sqs.md" and rows[1]["index_version"] == "build-1"
    assert rows[1]["model"] == "fake-model.gguf" and rows[1]["eval_item"] == "u001"
    target = tmp_path / "feedback.csv"
    written = runner.invoke(main, ["feedback", "--export", str(target), "--rating", "dislike"])
    assert written.exit_code == 0 and "1 feedback entries written" in written.stderr
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(table) == 1 and table[0]["note"] == "should say 14 days max" and table[0]["citations"] == "sqs.md:4-4"
    as_csv = runner.invoke(main, ["feedback", "--export", "-", "--format", "csv"])
    assert as_csv.stdout.startswith("id,at,rating,note,question")


def test_feedback_export_to_a_bad_place_is_one_line(runner, env, tmp_path):
    _feedback(env)
    result = runner.invoke(main, ["feedback", "--export", str(tmp_path / "missing" / "dir" / "x.csv")])
    assert_one_line_error(result, "cannot write", "--export")
