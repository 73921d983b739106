"""Many users: a remote model answers RAG_CONCURRENCY sessions at once; the in-process one keeps its lock."""

from __future__ import annotations

import threading

from conftest import FakeEmbedder, FakeGenerator, free_port
from rag.config import Settings
from rag.models import answer_concurrency
from rag.pipeline import Pipeline

REPLY = "The default visibility timeout is 30 seconds [1]."


def test_concurrency_follows_the_backend():
    assert answer_concurrency(Settings.load()) == 2  # in-process: one writes, one retrieves meanwhile
    assert answer_concurrency(Settings.load(concurrency=9)) == 2
    assert answer_concurrency(Settings.load(llm_url="http://127.0.0.1:9/v1", concurrency=9)) == 9
    assert answer_concurrency(Settings.load(llm_url="http://127.0.0.1:9/v1")) == 4


def test_ui_answers_several_sessions_at_once_with_a_remote_model(small_settings):
    """Every reply waits until RAG_CONCURRENCY answers are being written at the same time."""
    from gradio_client import Client

    from rag.web import app

    sessions = 4
    settings = Settings.load(corpus=small_settings.corpus, index=small_settings.index, port=free_port(),
                             llm_url="http://127.0.0.1:9/v1", concurrency=sessions)
    meeting = threading.Barrier(sessions, timeout=180)  # generous: shared 2-core machines are slow

    def reply(system, user):
        meeting.wait()  # raises BrokenBarrierError unless `sessions` answers are in flight together
        return REPLY

    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(replies=[reply]))
    pipeline.answerer()
    demo = app.create_app(pipeline)
    assert demo._queue.default_concurrency_limit == sessions
    try:
        app.launch(demo, settings, prevent_thread_lock=True)
        url = f"http://127.0.0.1:{settings.port}/"
        clients = [Client(url, verbose=False, httpx_kwargs={"timeout": 120}) for _ in range(sessions)]
        jobs = [client.submit("What is the default visibility timeout?", [], 4, False, api_name="/ask")
                for client in clients]
        for job in jobs:
            chat, *_ = job.result(timeout=300)
            assert "30 seconds" in str(chat[-1]) and "nq-error" not in str(chat[-1])
    finally:
        meeting.abort()
        demo.close()


def test_in_process_model_keeps_two_at_once(small_settings):
    from rag.web import app

    pipeline = Pipeline(Settings.load(corpus=small_settings.corpus, index=small_settings.index, concurrency=16),
                        embedder=FakeEmbedder(), generator=FakeGenerator())
    assert app.create_app(pipeline)._queue.default_concurrency_limit == 2
