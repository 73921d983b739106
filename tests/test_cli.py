"""The `rag` command line, through click's CliRunner, with fake models (and one real-model run)."""

from __future__ import annotations

import json

import pytest

from rag.answer import REFUSAL
from rag.cli import main
from conftest import use_embedder, write_notes

VISIBILITY_REPLY = "The default visibility timeout is 30 seconds [1]."


@pytest.fixture
def env(small_corpus, tmp_path, monkeypatch):
    """RAG_CORPUS / RAG_INDEX pointing at the small corpus and a tmp index."""
    monkeypatch.setenv("RAG_CORPUS", str(small_corpus))
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "cli-index"))
    return {"corpus": small_corpus, "index": tmp_path / "cli-index"}


def assert_one_line_error(result, *fragments):
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]
    return lines[0]


# -- rag index -----------------------------------------------------------------------------------


def test_index_prints_summary(runner, fake_models, small_corpus, tmp_path):
    index_dir = tmp_path / "idx"
    result = runner.invoke(main, ["index", "--corpus", str(small_corpus), "--index", str(index_dir), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith("Indexed 3 notes, ")
    assert "embedded, 0 reused) in " in result.stdout
    assert (index_dir / "CURRENT").exists()
    # a second run reuses everything
    again = runner.invoke(main, ["index", "--corpus", str(small_corpus), "--index", str(index_dir), "--quiet"])
    assert again.exit_code == 0 and "(0 embedded, " in again.stdout
    assert fake_models.embedders[-1].embedded == 0


def test_index_prints_warnings_on_stderr(runner, fake_models, small_corpus, tmp_path):
    (small_corpus / "creds.md").write_text("# Creds\npassword = hunter2x\n")
    result = runner.invoke(main, ["index", "--corpus", str(small_corpus), "--index", str(tmp_path / "idx"), "--quiet"])
    assert result.exit_code == 0
    assert "warning: creds.md:2: password value redacted" in result.stderr
    assert "hunter2x" not in result.output


def test_index_missing_corpus_is_one_line_error(runner, fake_models, tmp_path):
    result = runner.invoke(main, ["index", "--corpus", str(tmp_path / "nope"), "--index", str(tmp_path / "idx")])
    assert_one_line_error(result, "does not exist", "nope")
    assert not (tmp_path / "idx").exists()


def test_index_empty_corpus_is_one_line_error(runner, fake_models, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["index", "--corpus", str(tmp_path / "empty"), "--index", str(tmp_path / "idx")])
    assert_one_line_error(result, "no readable")


# -- rag search ----------------------------------------------------------------------------------


def test_search_json(runner, fake_models, env):
    result = runner.invoke(main, ["search", "What is the SQS visibility timeout?", "-k", "3", "--json"])
    assert result.exit_code == 0, result.output
    hits = json.loads(result.stdout)
    assert len(hits) == 3
    for hit in hits:
        assert {"file", "start_line", "end_line", "heading", "score"} <= set(hit)
        assert hit["file"] in {"sqs.md", "lambda.md", "s3.md"}
        assert 1 <= hit["start_line"] <= hit["end_line"]
        assert isinstance(hit["score"], float)
    assert [h["rank"] for h in hits] == [1, 2, 3]
    assert hits[0]["file"] == "sqs.md" and "30 seconds" in hits[0]["text"]
    assert (env["index"] / "CURRENT").exists()  # built on first use


def test_search_text_output(runner, fake_models, env):
    result = runner.invoke(main, ["search", "lambda memory", "-k", "2"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1. lambda.md:")
    assert "2. " in result.stdout


def test_search_group_options(runner, fake_models, small_corpus, tmp_path):
    index_dir = tmp_path / "other-index"
    result = runner.invoke(main, ["--corpus", str(small_corpus), "--index", str(index_dir), "search", "glacier", "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)[0]["file"] == "s3.md"
    assert (index_dir / "CURRENT").exists()


def test_search_empty_question_is_one_line_error(runner, fake_models, env):
    assert_one_line_error(runner.invoke(main, ["search", "  "]), "question is empty")
    assert fake_models.embedders == [] and not env["index"].exists()  # rejected before loading anything


# -- rag ask -------------------------------------------------------------------------------------


def test_ask_json_prints_one_object(runner, fake_models, env):
    fake_models.replies = [VISIBILITY_REPLY]
    result = runner.invoke(main, ["ask", "--json", "What is the default visibility timeout in SQS?"])
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 1
    data = json.loads(result.stdout)
    assert set(data) == {"question", "answer", "refused", "citations", "timings"}
    assert data["question"] == "What is the default visibility timeout in SQS?"
    assert data["answer"] == VISIBILITY_REPLY and data["refused"] is False
    assert data["citations"] == [
        {"n": 1, "file": "sqs.md", "start_line": 9, "end_line": 9, "quote": "The default visibility timeout is 30 seconds."}
    ]
    assert set(data["timings"]) == {"retrieve_ms", "first_token_ms", "total_ms", "completion_tokens"}
    assert data["timings"]["completion_tokens"] == len(VISIBILITY_REPLY.split())


def test_ask_text_output(runner, fake_models, env):
    fake_models.replies = [VISIBILITY_REPLY]
    result = runner.invoke(main, ["ask", "What is the default visibility timeout in SQS?"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == VISIBILITY_REPLY
    assert '[1] sqs.md:9-9  "The default visibility timeout is 30 seconds."' in lines


def test_ask_refusal_lists_nearest_notes(runner, fake_models, env):
    result = runner.invoke(main, ["ask", "what is the capital of France"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(REFUSAL)
    assert "Nearest notes:" in result.stdout


def test_refusal_names_a_nearest_note_without_heading_by_its_first_words(runner, fake_models, tmp_path, monkeypatch):
    corpus = write_notes(tmp_path / "table-notes", {"pumps.md": "| pump | pressure |\n|---|---|\n| north | 3 bar |\n"})
    monkeypatch.setenv("RAG_CORPUS", str(corpus))
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "table-index"))
    result = runner.invoke(main, ["ask", "what is the capital of France"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(REFUSAL)
    assert "pumps.md:1-3  | pump | pressure |" in result.stdout


def test_ask_stdin_loads_models_once(runner, fake_models, env):
    fake_models.replies = [VISIBILITY_REPLY, "Messages are kept for 4 days by default, up to a maximum of 14 days [1]."]
    stdin = "What is the default visibility timeout in SQS?\n\nHow long are SQS messages kept?\n"
    result = runner.invoke(main, ["ask", "--json", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2  # the blank line is skipped
    first, second = (json.loads(line) for line in lines)
    assert first["question"].startswith("What is the default visibility") and "30 seconds" in first["answer"]
    assert second["question"] == "How long are SQS messages kept?" and "14 days" in second["answer"]
    assert len(fake_models.generators) == 1 and len(fake_models.embedders) == 1
    assert len(fake_models.generators[0].prompts) == 2


def test_ask_stdin_reports_bad_question_and_goes_on(runner, fake_models, env):
    fake_models.replies = [VISIBILITY_REPLY]
    result = runner.invoke(main, ["ask", "--json", "-"], input="?!\nWhat is the default visibility timeout in SQS?\n")
    assert result.exit_code == 0, result.output
    bad, good = (json.loads(line) for line in result.stdout.strip().splitlines())
    assert bad["question"] == "?!" and "no words" in bad["error"]
    assert good["answer"] == VISIBILITY_REPLY


def test_ask_empty_question_is_one_line_error(runner, fake_models, env):
    assert_one_line_error(runner.invoke(main, ["ask", ""]), "question is empty")
    assert_one_line_error(runner.invoke(main, ["ask", "--json", " ?! "]), "no words")
    # rejected before any model is loaded or any index is built
    assert fake_models.embedders == [] and fake_models.generators == [] and not env["index"].exists()


def _fake_embedder():
    from conftest import FakeEmbedder

    return FakeEmbedder()


def test_ask_non_gguf_model_is_one_line_error(runner, env, tmp_path, monkeypatch):
    use_embedder(monkeypatch, _fake_embedder)  # the real generator checks the file
    bogus = tmp_path / "model.gguf"
    bogus.write_bytes(b"PK\x03\x04 this is a zip file, not a model")
    monkeypatch.setenv("RAG_MODEL", str(bogus))
    result = runner.invoke(main, ["ask", "--json", "What is SQS?"])
    assert_one_line_error(result, "is not a GGUF model file", str(bogus))
    assert not env["index"].exists()  # fails before any indexing work


def test_missing_model_file_is_one_line_error(runner, env, tmp_path, monkeypatch):
    monkeypatch.setenv("RAG_MODEL", str(tmp_path / "missing.gguf"))
    use_embedder(monkeypatch, _fake_embedder)
    result = runner.invoke(main, ["ask", "What is SQS?"])
    assert_one_line_error(result, "does not exist")


@pytest.mark.parametrize(
    "name, value, fragment",
    [("RAG_TOP_K", "abc", "RAG_TOP_K='abc'"), ("RAG_CHUNK_TOKENS", "5", "RAG_CHUNK_TOKENS"), ("RAG_PORT", "0", "RAG_PORT")],
)
def test_bad_setting_is_one_line_error(runner, fake_models, env, monkeypatch, name, value, fragment):
    monkeypatch.setenv(name, value)
    result = runner.invoke(main, ["search", "sqs"])
    assert_one_line_error(result, fragment)
    assert fake_models.embedders == []


def test_bad_k_flag_is_one_line_error(runner, fake_models, env):
    assert_one_line_error(runner.invoke(main, ["search", "sqs", "-k", "0"]), "top_k 0")


def test_unexpected_error_is_one_line(runner, env, monkeypatch):
    def broken():
        raise RuntimeError("boom")

    use_embedder(monkeypatch, broken)
    result = runner.invoke(main, ["search", "sqs"])
    assert_one_line_error(result, "unexpected RuntimeError: boom", "RAG_DEBUG")


def test_chat_answers_until_blank_line(runner, fake_models, env):
    fake_models.replies = [VISIBILITY_REPLY]
    result = runner.invoke(main, ["chat"], input="What is the default visibility timeout in SQS?\n\n")
    assert result.exit_code == 0, result.output
    assert "Ask about your notes" in result.stdout
    assert VISIBILITY_REPLY in result.stdout
    assert len(fake_models.generators) == 1


def test_help_lists_commands(runner):
    result = runner.invoke(main, ["--help"])
    assert result.exit_code == 0
    for command in ("index", "search", "ask", "chat", "eval"):
        assert command in result.stdout


# -- the real models -----------------------------------------------------------------------------


@pytest.mark.model
def test_ask_json_with_real_models(runner, corpus_index):
    result = runner.invoke(
        main,
        ["--corpus", str(corpus_index.corpus), "--index", str(corpus_index.index),
         "ask", "--json", "What is the default message visibility timeout in SQS?"],
    )
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 1
    data = json.loads(result.stdout)
    print("\n", data)
    assert set(data) == {"question", "answer", "refused", "citations", "timings"}
    assert data["refused"] is False and data["citations"]
    assert "30 seconds" in data["answer"]
    assert data["citations"][0]["file"] == "002_7fb0504609d8a022.txt"
    assert set(data["citations"][0]) == {"n", "file", "start_line", "end_line", "quote"}
    assert data["timings"]["total_ms"] > 0


@pytest.mark.model
def test_index_draws_no_progress_bar_into_a_log(small_corpus, tmp_path):
    """stderr sent to a file or a CI log: the summary and warnings only, not a bar redrawn with carriage returns."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "rag.cli", "index", "--corpus", str(small_corpus),
                           "--index", str(tmp_path / "idx")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith("Indexed 3 notes")
    assert "\r" not in done.stderr and "Batches" not in done.stderr, done.stderr


# -- rag serve -----------------------------------------------------------------------------------


def test_serve_refuses_public_host_without_auth_before_loading(runner, fake_models, env):
    result = runner.invoke(main, ["serve", "--host", "0.0.0.0", "--port", "7997"])
    assert_one_line_error(result, "RAG_AUTH")
    assert fake_models.embedders == [] and not env["index"].exists()


def test_serve_refuses_a_port_in_use(runner, fake_models, env):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        result = runner.invoke(main, ["serve", "--port", str(busy.getsockname()[1])])
    assert_one_line_error(result, "in use", "--port")
    assert fake_models.embedders == []


def test_serve_launches_the_web_ui_with_the_settings(runner, fake_models, env, monkeypatch):
    launched = []
    monkeypatch.setattr("rag.web.serve.port_in_use", lambda host, port: False)
    monkeypatch.setattr("rag.web.app.launch", lambda demo, settings, prevent_thread_lock=False: launched.append(settings) or demo)
    monkeypatch.setattr("gradio.Blocks.block_thread", lambda self: None)
    result = runner.invoke(main, ["serve", "--port", "7998", "-k", "3"])
    assert result.exit_code == 0, result.output
    (settings,) = launched
    assert settings.port == 7998 and settings.top_k == 3 and settings.corpus == env["corpus"]
    assert "running at http://127.0.0.1:7998" in result.stdout


def test_serve_without_gradio_is_one_line_with_the_fix(runner, fake_models, env, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_gradio(name, *args, **kwargs):
        if name == "gradio" or name.startswith("gradio."):
            raise ImportError("No module named 'gradio'", name="gradio")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr("rag.web.serve.port_in_use", lambda host, port: False)
    monkeypatch.delitem(__import__("sys").modules, "rag.web.app", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_gradio)
    result = runner.invoke(main, ["serve", "--port", "7999"])
    assert_one_line_error(result, "pip install 'notesqa[ui]'")
