"""The OpenAI-compatible backend against a real server: llama-cpp-python's own, started by these tests.

The server runs the same bundled SmolLM2 as the in-process backend, so answers, citations and errors can be
compared directly. Marked `model` (real embedder, real GGUF behind HTTP).
"""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from conftest import SERVER_KEY, LlamaServer, assert_one_line_error
from rag.cli import main
from rag.errors import ModelError
from rag.evaluate import quote_in_lines
from rag.ingest import read_note
from rag.web.handlers import UI, text_of

pytestmark = [pytest.mark.model, pytest.mark.timeout(1200)]  # generous: shared 2-core machines run 10x slower
QUESTION = "What's the default SQS visibility timeout?"


@pytest.fixture
def cli_env(corpus_index, llama_server, monkeypatch):
    monkeypatch.setenv("RAG_CORPUS", str(corpus_index.corpus))
    monkeypatch.setenv("RAG_INDEX", str(corpus_index.index))
    monkeypatch.setenv("RAG_LLM_URL", llama_server.url)
    monkeypatch.setenv("RAG_LLM_MODEL", "smollm2")
    monkeypatch.setenv("RAG_LLM_API_KEY", SERVER_KEY)
    return corpus_index


@pytest.fixture
def remote_pipeline(corpus_index, real_embedder, llama_server):
    from rag.pipeline import Pipeline

    return Pipeline(llama_server.settings(corpus_index), embedder=real_embedder)


def _quotes_in_notes(citations, corpus) -> bool:
    notes = {c["file"]: read_note(corpus / c["file"], corpus).lines for c in citations}
    return all(quote_in_lines(c, notes) for c in citations)


def test_cli_answers_with_citations_through_the_server(cli_env):
    result = CliRunner().invoke(main, ["ask", "--json", QUESTION])
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    print("\nserver path:", json.dumps(answer, ensure_ascii=False))
    assert not answer["refused"] and "30 seconds" in answer["answer"] and "[1]" in answer["answer"]
    assert answer["citations"] and _quotes_in_notes(answer["citations"], cli_env.corpus)
    assert answer["timings"]["completion_tokens"] > 0
    text = CliRunner().invoke(main, ["ask", QUESTION])
    assert text.exit_code == 0 and "[1] " in text.stdout and ".txt:" in text.stdout


def test_same_prompt_verification_and_citations_as_in_process(remote_pipeline, real_pipeline):
    """Same model, greedy: the server path gives the same answers and citations as the in-process one."""
    questions = [QUESTION, "How long are SQS messages retained by default?", "What is the capital of France?"]
    for question in questions:
        local, remote = real_pipeline.ask(question), remote_pipeline.ask(question)
        assert remote.refused == local.refused, question
        assert [(c.file, c.start_line, c.quote) for c in remote.citations] == \
               [(c.file, c.start_line, c.quote) for c in local.citations], question
        assert remote.answer == local.answer, (question, remote.raw, local.raw)
    assert "@ http://127.0.0.1" in remote_pipeline.generator.name


def test_ui_streams_tokens_from_the_server(remote_pipeline):
    handlers = UI(remote_pipeline)
    steps = list(handlers.respond(QUESTION, [], [], 4, False))
    writing = [status for _, _, status, _, _ in steps if "Writing…" in status]
    assert len(writing) >= 3, "tokens should reach the UI one by one while the server writes"
    chat, sources, status, history, _ = steps[-1]
    final = text_of(chat[-1])
    assert "30 seconds" in final and "nq-cite" in final and "nq-error" not in final
    assert "002_7fb0504609d8a022.txt" in sources


def test_server_killed_mid_answer_is_a_clean_error_and_the_app_stays_up(corpus_index, real_embedder, tmp_path):
    from rag.pipeline import Pipeline

    server = LlamaServer(tmp_path).start()
    try:
        pipeline = Pipeline(server.settings(corpus_index), embedder=real_embedder)
        seen = []
        with pytest.raises(ModelError) as err:
            for kind, value in pipeline.ask_stream(QUESTION):
                if kind == "token":
                    seen.append(value)
                    server.kill()  # at the first token: the rest of the answer never comes
        message = str(err.value)
        assert seen and "\n" not in message and server.url in message and "start it" in message, message

        handlers = UI(pipeline)  # the UI: one line in the chat, no traceback, and it answers again later
        chat, _, status, _, _ = list(handlers.respond(QUESTION, [], [], 4, False))[-1]
        assert "nq-error" in text_of(chat[-1]) and server.url in text_of(chat[-1])
        assert "something went wrong" not in text_of(chat[-1])
        restarted = LlamaServer(tmp_path, port=server.port).start()
        try:
            chat, _, _, _, _ = list(handlers.respond(QUESTION, chat, [], 4, False))[-1]
            assert "30 seconds" in text_of(chat[-1])
        finally:
            restarted.kill()
    finally:
        server.kill()


def test_wrong_api_key_is_one_line_error(cli_env, monkeypatch):
    monkeypatch.setenv("RAG_LLM_API_KEY", "sk-wrong")
    line = assert_one_line_error(CliRunner().invoke(main, ["ask", QUESTION]), "refused the API key (401)", "RAG_LLM_API_KEY")
    assert "sk-wrong" not in line and SERVER_KEY not in line
    monkeypatch.delenv("RAG_LLM_API_KEY")
    assert_one_line_error(CliRunner().invoke(main, ["ask", QUESTION]), "needs a key: set RAG_LLM_API_KEY")


def test_wrong_model_name_is_one_line_error(cli_env, monkeypatch, llama_server):
    monkeypatch.setenv("RAG_LLM_MODEL", "llama-70b")
    assert_one_line_error(CliRunner().invoke(main, ["ask", QUESTION]), "no model 'llama-70b'", "(it serves: smollm2)",
                          llama_server.url, "RAG_LLM_MODEL")


def test_server_down_is_one_line_error(cli_env, monkeypatch):
    from conftest import free_port

    url = f"http://127.0.0.1:{free_port()}/v1"
    monkeypatch.setenv("RAG_LLM_URL", url)
    assert_one_line_error(CliRunner().invoke(main, ["ask", QUESTION]), f"cannot reach the model server at {url}",
                          "start it, or fix RAG_LLM_URL")


def test_eval_runs_through_the_server(cli_env, tmp_path):
    result = CliRunner().invoke(main, ["eval", "--json", "--limit", "3"])
    assert result.exit_code == 0, result.output
    metrics = json.loads(result.stdout)
    assert metrics["items"] == 3 and metrics["citation_validity"] == 1.0
    assert "smollm2 @ http://127.0.0.1" in metrics["model"]


def test_prompt_size_estimate_covers_the_real_tokenizer(remote_pipeline, real_pipeline):
    """Without the server's tokenizer the prompt is sized with cl100k x TOKEN_MARGIN; check it against SmolLM2's."""
    from rag.answer import SYSTEM_PROMPT

    exact, estimate = real_pipeline.generator, remote_pipeline.generator
    chunks = real_pipeline.retriever().store.chunks
    pairs = [(exact.prompt_tokens(SYSTEM_PROMPT, c.text), estimate.prompt_tokens(SYSTEM_PROMPT, c.text)) for c in chunks]
    under = [(a, b) for a, b in pairs if b < a]
    print(f"\nestimate/exact over {len(pairs)} chunk prompts: {sum(b for _, b in pairs) / sum(a for a, _ in pairs):.3f}; "
          f"under in {len(under)}, worst {min((b / a for a, b in pairs), default=1):.3f}")
    assert len(under) <= len(pairs) // 100  # at most 1% of prompts under-counted...
    assert all(b >= 0.95 * a for a, b in pairs)  # ...and then by less than 5%, which max_tokens' spare room absorbs


def test_eval_reports_the_server_beside_the_in_process_run(cli_env, llama_server, tmp_path, monkeypatch):
    monkeypatch.delenv("RAG_LLM_URL")
    local = CliRunner().invoke(main, ["eval", "--json", "--limit", "3"])
    assert local.exit_code == 0, local.output
    assert json.loads(local.stdout)["model"] == "smollm2"
    (tmp_path / "in-process.json").write_text(local.stdout)
    monkeypatch.setenv("RAG_LLM_URL", llama_server.url)
    remote = CliRunner().invoke(main, ["eval", "--limit", "3", "--baseline", str(tmp_path / "in-process.json")])
    assert remote.exit_code == 0, remote.output
    assert f"this run: model smollm2 @ {llama_server.url}" in remote.stdout
    assert "baseline: model smollm2 (" in remote.stdout
    # the comparison table comes after this run's own summary: its row carries both runs' figures
    row = [line for line in remote.stdout.splitlines() if line.startswith("citations found in note")][-1]
    assert row.split()[-2:] == ["1.0", "1.0"], row
