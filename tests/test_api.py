"""`rag serve --api`: notesqa as an OpenAI-compatible server, driven with the official `openai` client.

The fast tests serve a Pipeline with the fake models over real HTTP (uvicorn in a thread); the `model` test
runs `rag serve --api` as its own process with the real models, behind which llama_cpp.server writes.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import openai
import pytest
from click.testing import CliRunner

from conftest import SERVER_KEY, FakeEmbedder, FakeGenerator, assert_one_line_error, free_port, stop
from rag.cli import main
from rag.config import Settings
from rag.errors import ConfigError, ModelError
from rag.pipeline import Pipeline
from rag.web.api import MODEL_ID, check_api_bind, create_api

ROOT = Path(__file__).resolve().parents[1]
REPLY = "The default visibility timeout is 30 seconds [1]."
QUESTION = "What is the default visibility timeout in SQS?"


class Served:
    """A FastAPI app served by uvicorn in a background thread on a free port."""

    def __init__(self, app):
        import uvicorn

        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.base = f"http://127.0.0.1:{self.port}/v1"

    def __enter__(self):
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "the API did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def client(self, key: str = "none") -> openai.OpenAI:
        return openai.OpenAI(base_url=self.base, api_key=key, max_retries=0, timeout=60)


def _pipeline(small_settings, replies=(REPLY,), **settings) -> Pipeline:
    values = dict(corpus=small_settings.corpus, index=small_settings.index)
    values.update(settings)
    return Pipeline(Settings.load(**values), embedder=FakeEmbedder(), generator=FakeGenerator(replies=list(replies)))


def test_models_lists_notesqa(small_settings):
    with Served(create_api(_pipeline(small_settings))) as served:
        assert [m.id for m in served.client().models.list()] == [MODEL_ID]


def test_answer_with_markers_and_citations(small_settings):
    with Served(create_api(_pipeline(small_settings))) as served:
        reply = served.client().chat.completions.create(
            model=MODEL_ID, messages=[{"role": "system", "content": "be brief"}, {"role": "user", "content": QUESTION}])
    assert reply.choices[0].message.content == "The default visibility timeout is 30 seconds [1]."
    assert reply.choices[0].finish_reason == "stop" and reply.model == MODEL_ID
    citations = reply.model_extra["citations"]
    assert len(citations) == 1 and set(citations[0]) == {"n", "file", "start_line", "end_line", "quote", "heading"}
    cited = citations[0]
    lines = (small_settings.corpus / cited["file"]).read_text().splitlines()
    assert cited["quote"] in "\n".join(lines[cited["start_line"] - 1 : cited["end_line"]])
    assert reply.model_extra["notesqa"]["refused"] is False and reply.model_extra["notesqa"]["mode"] == "model"


def test_streaming_sends_the_verified_answer_then_the_citations(small_settings):
    with Served(create_api(_pipeline(small_settings))) as served:
        chunks = list(served.client().chat.completions.create(
            model=MODEL_ID, messages=[{"role": "user", "content": QUESTION}], stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert text == "The default visibility timeout is 30 seconds [1]."
    assert len([c for c in chunks if c.choices[0].delta.content]) > 3  # word by word
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop" and last.model_extra["citations"][0]["file"] == "sqs.md"


def test_follow_up_uses_the_earlier_user_messages(small_settings):
    pipeline = _pipeline(small_settings, replies=["Messages are kept for 4 days by default [1]."])
    with Served(create_api(pipeline)) as served:
        served.client().chat.completions.create(model=MODEL_ID, messages=[
            {"role": "user", "content": "How long are SQS messages kept?"},
            {"role": "assistant", "content": "4 days [1]."},
            {"role": "user", "content": "and the maximum?"}])
    assert "maximum" in pipeline.generator.last_user_prompt.lower()


def test_unverified_draft_never_reaches_the_client(small_settings):
    pipeline = _pipeline(small_settings, replies=["SQS was invented in 1999 by a team of 12 [1]."])
    with Served(create_api(pipeline)) as served:
        chunks = list(served.client().chat.completions.create(
            model=MODEL_ID, messages=[{"role": "user", "content": QUESTION}], stream=True))
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert "1999" not in text and "30 seconds" in text  # the verified quote instead


def test_wrong_model_and_empty_question_are_openai_errors(small_settings):
    with Served(create_api(_pipeline(small_settings))) as served:
        with pytest.raises(openai.NotFoundError) as err:
            served.client().chat.completions.create(model="gpt-4", messages=[{"role": "user", "content": QUESTION}])
        assert "'gpt-4' does not exist" in str(err.value) and "'notesqa'" in str(err.value)
        with pytest.raises(openai.BadRequestError, match="no words"):
            served.client().chat.completions.create(model=MODEL_ID, messages=[{"role": "user", "content": " ?! "}])
        with pytest.raises(openai.BadRequestError, match="no user message"):
            served.client().chat.completions.create(model=MODEL_ID, messages=[{"role": "system", "content": "hi"}])


def test_model_failure_is_one_clean_error_streaming_or_not(small_settings):
    def broken(system, user):
        raise ModelError("cannot reach the model server at http://127.0.0.1:9/v1 (connection refused); start it")

    with Served(create_api(_pipeline(small_settings, replies=[broken]))) as served:
        with pytest.raises(openai.InternalServerError, match="cannot reach the model server"):
            served.client().chat.completions.create(model=MODEL_ID, messages=[{"role": "user", "content": QUESTION}])
        with pytest.raises(openai.APIError, match="cannot reach the model server"):
            list(served.client().chat.completions.create(
                model=MODEL_ID, messages=[{"role": "user", "content": QUESTION}], stream=True))
        assert [m.id for m in served.client().models.list()] == [MODEL_ID]  # still up


def test_api_key_and_password_are_required_once_set(small_settings):
    pipeline = _pipeline(small_settings, api_key="sk-team-key", auth="ann:pa55word")
    with Served(create_api(pipeline)) as served:
        for key in ("none", "sk-wrong", "ann:wrong"):
            with pytest.raises(openai.AuthenticationError, match="missing or wrong API key"):
                served.client(key).models.list()
        assert served.client("sk-team-key").models.list().data[0].id == MODEL_ID
        assert served.client("ann:pa55word").models.list().data[0].id == MODEL_ID
        basic = base64.b64encode(b"ann:pa55word").decode()
        assert httpx.get(f"{served.base}/models", headers={"Authorization": f"Basic {basic}"}).status_code == 200
        assert httpx.get(f"{served.base}/models").status_code == 401


def test_public_host_needs_a_key_or_a_password():
    with pytest.raises(ConfigError, match="RAG_API_KEY"):
        check_api_bind(Settings.load(host="0.0.0.0"))
    check_api_bind(Settings.load(host="0.0.0.0", api_key="sk-x"))
    check_api_bind(Settings.load(host="0.0.0.0", auth="a:b"))
    check_api_bind(Settings.load())
    assert "sk-x" not in repr(Settings.load(api_key="sk-x"))


def test_rag_serve_api_refuses_a_public_host_before_loading(fake_models, small_corpus, tmp_path):
    result = CliRunner().invoke(main, ["serve", "--api", "--host", "0.0.0.0", "--corpus", str(small_corpus),
                                       "--index", str(tmp_path / "idx")])
    assert_one_line_error(result, "refusing to serve the API on 0.0.0.0", "RAG_API_KEY")
    assert fake_models.embedders == [] and fake_models.generators == []


@pytest.mark.model
@pytest.mark.timeout(600)
def test_rag_serve_api_process_with_the_openai_client(corpus_index, llama_server, tmp_path):
    """openai client -> `rag serve --api` (its own process) -> llama_cpp.server: the whole server path."""
    port = free_port()
    env = dict(os.environ, RAG_CORPUS=str(corpus_index.corpus), RAG_INDEX=str(corpus_index.index),
               RAG_LLM_URL=llama_server.url, RAG_LLM_MODEL="smollm2", RAG_LLM_API_KEY=SERVER_KEY,
               RAG_API_KEY="sk-notesqa-api", HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    log = tmp_path / "api.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "rag.cli", "serve", "--api", "--port", str(port)],
                                cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 300
        while "notesqa API is running" not in log.read_text():
            assert proc.poll() is None, log.read_text()
            assert time.monotonic() < deadline, "rag serve --api did not start"
            time.sleep(0.5)
        client = openai.OpenAI(base_url=f"http://127.0.0.1:{port}/v1", api_key="sk-notesqa-api", max_retries=0,
                               timeout=300)
        reply = client.chat.completions.create(model=MODEL_ID, messages=[
            {"role": "user", "content": "What's the default SQS visibility timeout?"}])
        print("\nAPI answer:", reply.choices[0].message.content, "\ncitations:", reply.model_extra["citations"],
              "\nnotesqa:", reply.model_extra["notesqa"])
        assert "30 seconds" in reply.choices[0].message.content and "[1]" in reply.choices[0].message.content
        assert reply.model_extra["citations"][0]["file"] == "002_7fb0504609d8a022.txt"
        assert "@ http://127.0.0.1" in reply.model_extra["notesqa"]["model"]
        streamed = "".join(c.choices[0].delta.content or "" for c in client.chat.completions.create(
            model=MODEL_ID, messages=[{"role": "user", "content": "What's the default SQS visibility timeout?"}],
            stream=True))
        assert streamed == reply.choices[0].message.content
        assert "Traceback" not in log.read_text() and SERVER_KEY not in log.read_text()
    finally:
        stop(proc, timeout=30)
