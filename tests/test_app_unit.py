"""Fast tests of the web UI (rag/web/): no browser, no models."""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import gradio as gr
import pytest

from rag.web import app, serve
from rag.web import auth, notes, render as ui, sources as web_sources
from rag.answer import REFUSAL, Answer
from rag.config import Settings
from rag.errors import ConfigError, CorpusError, QuestionError, RagError
from rag.build import BuildStats
from rag.answer.verify import Citation

NOTE = """# SQS

## Message Visibility Timeout
After a message is polled it becomes invisible to other consumers
By default **message visibility timeout** is 30 seconds
Call the ChangeMessageVisibility API to get more time

## Danger
Never run <script>alert(1)</script> or <img src=x onerror="alert(2)"> from ${notes} or {{constructor}}.
"""


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch):
    for name in Settings.ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "sqs.md").write_text(NOTE, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("outside the notes folder", encoding="utf-8")
    return folder


def _answer(**overrides) -> Answer:
    values = dict(
        question="What's the default SQS visibility timeout?",
        standalone="What's the default SQS visibility timeout?",
        answer="The default visibility timeout is 30 seconds [1].",
        refused=False,
        citations=[Citation(1, "sqs.md", 5, 5, "By default **message visibility timeout** is 30 seconds",
                            "SQS > Message Visibility Timeout")],
        mode="model",
        timings={"retrieve_ms": 12.5, "first_token_ms": 80.0, "generate_ms": 400.0, "total_ms": 420.0,
                 "completion_tokens": 20},
        nearest=[{"file": "sqs.md", "heading": "SQS > Message Visibility Timeout", "start_line": 3, "end_line": 6,
                  "score": 0.61}],
        unverified=[{"sentence": "SQS was invented in <b>1999</b>.", "reason": "'1999' is not in the cited text"}],
        model="fake-model.gguf",
    )
    values.update(overrides)
    return Answer(**values)


class FakeStore:
    manifest = {"built_at": "2026-01-02T03:04:05Z", "files": {"sqs.md": {"chunks": 2, "lines": 9, "sha256": "x"}}}


class FakeRetriever:
    store = FakeStore()


class FakePipeline:
    """Just what the UI calls: settings, ask_stream, answerer, build, retriever."""

    def __init__(self, settings, answer=None, error=None, tokens=("The default ", "is 30 seconds", " [1].")):
        self.settings = settings
        self.answer = answer or _answer()
        self.error = error
        self.tokens = tokens
        self.calls = []
        self.built = 0

    def answerer(self):
        return self

    def retriever(self, progress=True):
        return FakeRetriever()

    def build(self, progress=True, rebuild=False):
        self.built += 1
        return BuildStats(files=1, chunks=2, embedded=1, reused=1, seconds=0.25, changed_files=["sqs.md"],
                          warnings=["sqs.md:9: <b>odd</b> line"])

    def ask_stream(self, question, history=None, k=None):
        self.calls.append((question, list(history or []), k))
        if self.error is not None:
            raise self.error
        for token in self.tokens:
            yield "token", token
        answer = self.answer
        answer.question = question
        yield "answer", answer


@pytest.fixture
def settings(corpus, tmp_path) -> Settings:
    return Settings.load(corpus=corpus, index=tmp_path / "index")


def _text(message) -> str:
    return app.text_of(message)


# -- create_app --------------------------------------------------------------------------------------
def test_create_app_builds_without_launching(settings):
    demo = app.create_app(FakePipeline(settings))
    assert isinstance(demo, gr.Blocks)
    ids = {getattr(block, "elem_id", None) for block in demo.blocks.values()}
    for elem_id in ("nq-chat", "nq-question", "nq-sources-box", "nq-status", "nq-k", "nq-show-unverified",
                    "nq-index", "nq-refresh"):
        assert elem_id in ids
    chatbot = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "nq-chat")
    assert not chatbot.examples  # drawn from the notes in use when the page opens (tests/test_notes_ui.py)
    slider = next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == "nq-k")
    assert (slider.minimum, slider.maximum, slider.value) == (1, 8, 4)
    assert not demo.is_running


def test_create_app_accepts_settings(settings):
    demo = app.create_app(settings)  # makes a Pipeline; loads nothing yet
    assert isinstance(demo, gr.Blocks)


# -- answering -----------------------------------------------------------------------------------------
def test_respond_streams_tokens_then_settles(settings):
    fake = FakePipeline(settings)
    steps = list(app.UI(fake).respond("What's the default SQS visibility timeout?", [], [], 3, False))
    drafts = [_text(chat[-1]) for chat, *_ in steps[1:-1]]
    assert drafts and "The default is 30 seconds" in drafts[-1] and "nq-draft" in drafts[-1]
    chat, sources, status, history, box = steps[-1]
    assert _text(chat[0]) == '<div class="nq-msg nq-user">What&#39;s the default SQS visibility timeout?</div>'
    final = _text(chat[-1])
    assert "nq-answer" in final and "[1]" in final and "\n" not in final
    assert "sqs.md" in sources and "<mark>30 seconds</mark>" not in sources  # the whole quote is marked
    assert "<mark>By default message visibility timeout is 30 seconds</mark>" in sources
    assert "<details" in sources and "Call the ChangeMessageVisibility API" in sources  # surrounding lines
    assert " ms" in status and "tok/s" in status and "fake-model.gguf" in status and 'data-turn="1"' in status
    assert history == ["What's the default SQS visibility timeout?"]
    assert box == ""
    assert fake.calls == [("What's the default SQS visibility timeout?", [], 3)]


def test_follow_up_passes_history_and_shows_standalone(settings):
    fake = FakePipeline(settings, answer=_answer(standalone="What's the maximum SQS visibility timeout?"))
    chat = [{"role": "user", "content": "What's the default SQS visibility timeout?"},
            {"role": "assistant", "content": "30 seconds [1]."}]
    *_, last = app.UI(fake).respond("and the maximum?", chat, ["What's the default SQS visibility timeout?"], 4, False)
    _, _, status, history, _ = last
    assert fake.calls[-1][1] == ["What's the default SQS visibility timeout?"]
    assert "understood as" in status and "maximum SQS visibility timeout" in status and 'data-turn="2"' in status
    assert history[-1] == "What's the maximum SQS visibility timeout?"


def test_tokens_per_second_leaves_out_prompt_reading():
    # 21 tokens: the first after 500 ms of prompt reading, the other 20 in the next 1000 ms
    timings = {"retrieve_ms": 100.0, "first_token_ms": 600.0, "generate_ms": 1500.0, "completion_tokens": 21}
    assert ui.tokens_per_second(timings) == pytest.approx(20.0)
    assert ui.tokens_per_second({"completion_tokens": 10, "generate_ms": 2000.0, "first_token_ms": None}) == 5.0
    assert ui.tokens_per_second({"completion_tokens": 0, "generate_ms": 0}) == 0.0


def test_same_question_does_not_show_standalone(settings):
    *_, last = app.UI(FakePipeline(settings)).respond("What's the default SQS visibility timeout?", [], [], 4, False)
    assert "understood as" not in last[2]


def test_refusal_is_distinct_and_lists_nearest_notes(settings):
    refused = _answer(answer=REFUSAL, refused=True, citations=[], mode="refused", unverified=[],
                      timings={"retrieve_ms": 30.0, "first_token_ms": None, "completion_tokens": 0, "total_ms": 31.0})
    *_, last = app.UI(FakePipeline(settings, answer=refused, tokens=())).respond("capital of France?", [], [], 4, False)
    chat, sources, status, _, _ = last
    message = _text(chat[-1])
    assert "nq-refusal" in message and "Not in your notes" in message and "nq-error" not in message
    assert "nq-near" in sources and "sqs.md" in sources and "lines 3–6" in sources
    assert "no generation" in status


def test_errors_are_friendly_messages(settings):
    fake = FakePipeline(settings, error=QuestionError("the question is empty; type a question about your notes"))
    *_, last = app.UI(fake).respond("   ", [], [], 4, False)
    chat, sources, status, history, _ = last
    assert len(chat) == 1  # no empty user bubble
    assert "nq-error" in _text(chat[-1]) and "the question is empty" in _text(chat[-1])
    assert "Traceback" not in _text(chat[-1]) and history == []


def test_unexpected_exceptions_do_not_leak_a_traceback(settings):
    *_, last = app.UI(FakePipeline(settings, error=ValueError("boom at /secret/path"))).respond("hi there", [], [], 4, False)
    message = _text(last[0][-1])
    assert "something went wrong" in message and "/secret/path" not in message and "Traceback" not in message


def test_unverified_sentences_only_when_asked(settings):
    *_, off = app.UI(FakePipeline(settings)).respond("q about sqs", [], [], 4, False)
    *_, on = app.UI(FakePipeline(settings)).respond("q about sqs", [], [], 4, True)
    assert "unverified" not in _text(off[0][-1])
    shown = _text(on[0][-1])
    assert "nq-unverified" in shown and "unverified" in shown and "is not in the cited text" in shown
    assert "&lt;b&gt;1999&lt;/b&gt;" in shown and "<b>1999" not in shown


# -- escaping --------------------------------------------------------------------------------------
def test_sources_escape_note_html(settings):
    reader = notes.NoteReader(settings.corpus)
    citation = Citation(1, "sqs.md", 9, 9, 'Never run <script>alert(1)</script> or <img src=x onerror="alert(2)">', "SQS > Danger")
    html_out = web_sources.render_sources(_answer(citations=[citation]), reader)
    assert "<script" not in html_out and "<img" not in html_out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_out
    # "<img ...>" is a tag a note's viewer draws (rag.inline_html): it is dropped, not shown as text, never run
    assert "onerror" not in html_out
    assert "${" not in html_out and "{{" not in html_out  # no template syntax survives either
    assert "<mark>" in html_out


def test_answer_and_draft_escape_model_output():
    evil = '<img src=x onerror="alert(1)"> done [1].'
    assert "<img" not in ui.render_draft(evil)
    assert "<img" not in ui.render_answer(_answer(answer=evil))
    assert "<img" not in ui.render_error(RagError(evil))


def test_display_text_keeps_identifiers():
    assert web_sources.display_text("- **Bold** `code` calls __init__ and window.__x") == "Bold code calls __init__ and window.__x"


def test_highlight_marks_quote_inside_line():
    out = web_sources.highlight("- Uses **Envoy** <proxies>. Second sentence.", "Uses **Envoy** <proxies>.")
    assert out == "<mark>Uses Envoy &lt;proxies&gt;.</mark> Second sentence."


def test_context_shows_numbered_surrounding_lines(settings):
    lines = notes.NoteReader(settings.corpus).lines("sqs.md")
    out = web_sources.render_context(lines, 5, 5, "By default **message visibility timeout** is 30 seconds", radius=2)
    assert out.count('class="nq-line') == 5
    assert '<span class="nq-ln">3</span>' in out and '<span class="nq-ln">7</span>' in out
    assert 'nq-line nq-hit"><span class="nq-ln">5</span>' in out


# -- safe file access -----------------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["../x", "../secret.txt", "/etc/passwd", "sub/../../secret.txt", "..\\secret.txt",
                                  "C:\\Windows\\win.ini", "~/notes.md", "", "sqs.md\x00.txt"])
def test_source_viewer_rejects_paths_outside_the_corpus(settings, name):
    with pytest.raises(CorpusError):
        notes.safe_note_path(settings.corpus, name)
    with pytest.raises(CorpusError):
        notes.NoteReader(settings.corpus).lines(name)


def test_source_viewer_rejects_symlink_out_of_corpus(settings, tmp_path):
    link = settings.corpus / "link.md"
    try:
        link.symlink_to(tmp_path / "secret.txt")
    except OSError:
        pytest.skip("symlinks not supported here")
    with pytest.raises(CorpusError):
        notes.safe_note_path(settings.corpus, "link.md")


def test_source_viewer_reads_notes_inside(settings):
    assert notes.safe_note_path(settings.corpus, "sqs.md") == (settings.corpus / "sqs.md").resolve()
    assert notes.NoteReader(settings.corpus).lines("sqs.md")[0] == "# SQS"


def test_citation_outside_corpus_is_not_read(settings):
    bad = Citation(1, "../secret.txt", 1, 1, "outside the notes folder", "")
    out = web_sources.render_sources(_answer(citations=[bad]), notes.NoteReader(settings.corpus))
    assert "nq-src-warn" in out and "<details" not in out


# -- binding ---------------------------------------------------------------------------------------------
def test_check_bind():
    auth.check_bind("127.0.0.1", None)
    auth.check_bind("localhost", None)
    auth.check_bind("0.0.0.0", "me:secret")
    for value in (None, "", "nocolon", ":pw", "user:"):
        with pytest.raises(ConfigError, match="RAG_AUTH"):
            auth.check_bind("0.0.0.0", value)


def test_main_refuses_public_host_without_auth(capsys, monkeypatch):
    monkeypatch.setattr("rag.pipeline.Pipeline.answerer", lambda self: pytest.fail("must refuse before loading models"))
    with pytest.raises(SystemExit) as exit_info:
        serve.main(["--host", "0.0.0.0", "--port", "7999"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error:") and "RAG_AUTH" in err


def test_main_refuses_public_host_from_env(capsys, monkeypatch):
    monkeypatch.setenv("RAG_HOST", "192.168.1.5")
    with pytest.raises(SystemExit):
        serve.main([])
    assert "RAG_AUTH" in capsys.readouterr().err


def test_launch_refuses_public_host_without_auth(settings):
    public = Settings.load(corpus=settings.corpus, index=settings.index, host="0.0.0.0")
    with pytest.raises(ConfigError):
        app.launch(app.create_app(FakePipeline(public)), public)


def test_port_in_use_is_refused_before_loading_models(capsys, monkeypatch):
    monkeypatch.setattr("rag.pipeline.Pipeline.answerer", lambda self: pytest.fail("must refuse before loading models"))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(SystemExit):
            serve.main(["--port", str(busy.getsockname()[1])])
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "in use" in err and "--port" in err


def test_bad_setting_is_one_line(capsys):
    with pytest.raises(SystemExit):
        serve.main(["--port", "99999"])
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "port" in err


# -- index panel ---------------------------------------------------------------------------------------
def test_index_panel_and_refresh(settings):
    fake = FakePipeline(settings)
    handlers = app.UI(fake)
    panel = handlers.index_panel()
    assert "sqs.md" in panel and "1 notes" in panel and "2026-01-02 03:04:05 UTC" in panel
    panel, summary = handlers.refresh_index(progress=lambda *a, **k: None)
    assert fake.built == 1 and "Indexed 1 notes, 2 chunks" in summary and "&lt;b&gt;odd" in summary


# -- the real event wiring, over HTTP (no browser) -----------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_served_app_answers_over_the_api(settings):
    from gradio_client import Client

    served = Settings.load(corpus=settings.corpus, index=settings.index, port=_free_port())
    demo = app.create_app(FakePipeline(served))
    try:
        app.launch(demo, served, prevent_thread_lock=True)
        client = Client(f"http://127.0.0.1:{served.port}/", verbose=False)
        chat, sources, status, box = client.predict(  # gr.State is not part of the API
            "What's the default SQS visibility timeout?", [], 4, False, api_name="/ask"
        )
        assert "[1]" in str(chat[-1]) and "sqs.md" in sources and "ms" in status
    finally:
        demo.close()


class _MeetingPipeline(FakePipeline):
    """Each question waits until a second one is being answered at the same time."""

    barrier = threading.Barrier(2, timeout=20)

    def ask_stream(self, question, history=None, k=None):
        self.barrier.wait()
        yield from super().ask_stream(question, history, k)


def test_two_questions_are_answered_at_the_same_time(settings):
    from gradio_client import Client

    served = Settings.load(corpus=settings.corpus, index=settings.index, port=_free_port())
    demo = app.create_app(_MeetingPipeline(served))
    assert demo._queue.max_size == 32
    try:
        app.launch(demo, served, prevent_thread_lock=True)
        url = f"http://127.0.0.1:{served.port}/"
        jobs = [Client(url, verbose=False).submit(q, [], 4, False, api_name="/ask") for q in ("one question", "two questions")]
        results = [job.result(timeout=60) for job in jobs]
        for chat, *_ in results:
            assert "something went wrong" not in str(chat[-1]) and "[1]" in str(chat[-1])
    finally:
        demo.close()
