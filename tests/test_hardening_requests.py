"""Hardening of what a request can carry: chat history and follow-ups bounded like the question, the user's
own markdown shown as text, `rag eval --limit` checked, and one server-log line per rejected request.
"""

from __future__ import annotations

import html
import re
import socket

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from rag.web import app, handlers
from conftest import SMALL_NOTES, FakeEmbedder, FakeGenerator, assert_one_line_error, write_notes
from rag.web import render as ui
from rag.answer import MAX_QUESTION_CHARS
from rag.cli import main
from rag.answer.condense import condense
from rag.config import Settings
from rag.pipeline import MAX_HISTORY, Pipeline

VISIBILITY_Q = "What is the default visibility timeout in SQS?"
VISIBILITY_REPLY = "The default visibility timeout is 30 seconds [1]."
MARKDOWN_Q = ("What is ![pixel](http://tracker.invalid/p.png) and [click me](https://evil.invalid/x) "
              "<img src=http://tracker.invalid/i.png> **bold** http://evil.invalid/bare www.evil.invalid `code`?")


# -- 5: markdown in the user's own question ---------------------------------------------------------


def test_users_markdown_is_shown_as_text():
    shown = ui.render_question(MARKDOWN_Q)
    rendered = MarkdownIt("commonmark").render(shown)  # what a markdown renderer makes of the chat message
    assert "<img" not in rendered and "<a " not in rendered and "<strong>" not in rendered and "<code>" not in rendered
    assert html.unescape(re.sub(r"<[^>]+>", "", rendered)).strip() == MARKDOWN_Q  # every character still shown


def test_users_markdown_is_text_in_the_chat(small_corpus, tmp_path):
    pipeline = Pipeline(Settings(corpus=small_corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(),
                        generator=FakeGenerator(replies=[VISIBILITY_REPLY]))
    *_, (chat, *_rest) = app.UI(pipeline).respond(MARKDOWN_Q, [], [], 4, False)
    user = app.text_of(chat[0])
    assert user.startswith('<div class="nq-msg nq-user">')
    assert "](" not in user and "![" not in user and "<img" not in user and "**" not in user


# -- 4(c): chat history and the rewritten follow-up are bounded ---------------------------------------


def test_history_and_chat_sent_by_a_request_are_capped(small_corpus, tmp_path):
    generator = FakeGenerator(replies=[VISIBILITY_REPLY])
    pipeline = Pipeline(Settings(corpus=small_corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(), generator=generator)
    history = ["what is the retention " + "of messages " * 5000] * 10_000 + [123, None, {"x": 1}]
    chat = [{"role": "user", "content": "x" * 200_000}] + [{"role": "user", "content": "hi"}] * 5000
    steps = list(app.UI(pipeline).respond("and the maximum?", chat, history, 4, False))
    chat_out, _, status, history_out, _ = steps[-1]
    assert len(chat_out) <= handlers.MAX_CHAT_MESSAGES + 2
    assert all(len(app.text_of(m)) <= handlers.MAX_MESSAGE_CHARS for m in chat_out)
    assert len(history_out) <= MAX_HISTORY + 1 and all(len(h) <= 2 * MAX_QUESTION_CHARS for h in history_out)
    assert "nq-done" in status
    assert len(generator.last_user_prompt) < 20_000  # the model saw a bounded question


def test_rewritten_follow_up_is_capped_like_a_question():
    previous = ["what is the retention of " + "very " * 400 + "long messages?"]
    for follow_up in ("and the maximum?", "and what about " + "that thing " * 200 + "?", "and it?"):
        standalone = condense(follow_up, previous)
        assert len(standalone) <= MAX_QUESTION_CHARS, len(standalone)
    assert condense("and the maximum?", ["what is the default retention?"]) == "what is the maximum retention?"


def test_pipeline_caps_history_from_any_caller(small_corpus, tmp_path):
    generator = FakeGenerator(replies=[VISIBILITY_REPLY])
    pipeline = Pipeline(Settings(corpus=small_corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(), generator=generator)
    answer = pipeline.ask("and that?", ["visibility timeout " * 10_000] * 1000)
    assert len(answer.standalone) <= MAX_QUESTION_CHARS


# -- 5: rag eval --limit ---------------------------------------------------------------------------------


@pytest.mark.parametrize("limit", ["0", "-3"])
def test_eval_limit_must_be_positive(limit, fake_models, monkeypatch):
    monkeypatch.setattr("rag.evaluate.run_eval", lambda *a, **k: pytest.fail("must refuse before running"))
    line = assert_one_line_error(CliRunner().invoke(main, ["eval", "--limit", limit]), f"--limit {limit}")
    assert "1 or more" in line


# -- 5: one line in the server log per rejected request ------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_rejected_requests_are_one_log_line_each(tmp_path, capfd, caplog):
    from gradio_client import Client

    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    settings = Settings.load(corpus=corpus, index=tmp_path / "idx", port=_free_port())
    demo = app.create_app(Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(replies=[VISIBILITY_REPLY])))
    app.launch(demo, settings, prevent_thread_lock=True)
    bad = [("", [], 4, False), ("?!", [], 4, False), (VISIBILITY_Q, [], "abc", False),
           (VISIBILITY_Q, "not a list", 4, False), (VISIBILITY_Q, [{"role": "user", "content": 5}], 4, False)]
    try:
        client = Client(f"http://127.0.0.1:{settings.port}/", verbose=False)
        capfd.readouterr()
        for args in bad:
            try:
                client.predict(*args, api_name="/ask")
            except Exception:
                pass  # refused by the server: what matters here is its log
        chat, *_ = client.predict(VISIBILITY_Q, [], 4, False, api_name="/ask")
        assert "30 seconds" in str(chat[-1])
    finally:
        demo.close()
    log = capfd.readouterr().err
    assert "Traceback" not in log, log[-3000:]
    rejected = [r.getMessage() for r in caplog.records if r.getMessage().startswith("rejected a")]
    assert len(rejected) == len(bad), rejected
    assert all("\n" not in line for line in rejected)


# -- 4(c) and 5 over the OpenAI-compatible API --------------------------------------------------------


def test_api_caps_history_and_logs_one_line_per_rejected_request(small_corpus, tmp_path, caplog):
    from fastapi.testclient import TestClient

    from rag.web.api import MAX_BODY_BYTES, create_api, parse_request

    messages = [{"role": "user", "content": "retention " * 5000}] * 500 + [{"role": "user", "content": "and it?"}]
    question, history, _ = parse_request({"model": "notesqa", "messages": messages})
    assert question == "and it?" and len(history) <= MAX_HISTORY and all(len(h) <= MAX_QUESTION_CHARS for h in history)
    pipeline = Pipeline(Settings(corpus=small_corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(),
                        generator=FakeGenerator(replies=[VISIBILITY_REPLY]))
    client = TestClient(create_api(pipeline))
    caplog.clear()
    bad = [{"model": "notesqa", "messages": []}, {"model": "notesqa", "messages": [{"role": "user", "content": ""}]},
           {"model": "notesqa", "messages": [{"role": "user", "content": "x" * (MAX_BODY_BYTES + 10)}]}]
    for body in bad:
        assert client.post("/v1/chat/completions", json=body).status_code in (400, 413)
    rejected = [r.getMessage() for r in caplog.records if r.getMessage().startswith("rejected a request")]
    assert len(rejected) == len(bad) and all("\n" not in line for line in rejected), rejected
    ok = client.post("/v1/chat/completions", json={"model": "notesqa", "messages": messages[-3:-1] + [
        {"role": "user", "content": VISIBILITY_Q}]})
    assert ok.status_code == 200 and "30 seconds" in ok.json()["choices"][0]["message"]["content"]
