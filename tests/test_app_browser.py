"""The web UI in headless Chromium, with the real models and an index built from the real corpus.

Skipped when Debian's Chromium (/usr/bin/chromium) or the playwright package is missing.
"""

from __future__ import annotations

import re
import shutil
import dataclasses

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

from conftest import free_port, require_browser  # noqa: E402

require_browser()

from rag.web import app  # noqa: E402
from rag.config import PROJECT_ROOT, Settings  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402

ANSWER_TIMEOUT_MS = 180_000  # 1-3 s normally; much more on a busy 2-core machine
SQS_NOTE = "002_7fb0504609d8a022.txt"
XSS_NOTE = """# Widget Service

## Snippet rendering
The Widget Service shows user snippets such as <script>window.__xss=1</script> and <img src=x onerror="window.__xss=2"> as plain text, never as HTML.
Snippets like ${window.__xss=3} and {{constructor.constructor('window.__xss=4')()}} are shown as text too.

## Limits
The default Widget Service snippet limit is 42 kilobytes.
"""


def _serve(pipeline: Pipeline):
    demo = app.create_app(pipeline)
    app.launch(demo, pipeline.settings, prevent_thread_lock=True)
    return demo, f"http://127.0.0.1:{pipeline.settings.port}/"


@pytest.fixture(scope="module")
def pipeline(corpus_index, real_embedder):
    """The real corpus and models, on the session's index of corpus/ (built once under tmp)."""
    settings = dataclasses.replace(corpus_index, host="127.0.0.1", port=free_port(), model="smollm2", top_k=4,
                                   show_unverified=False)
    pipeline = Pipeline(settings, embedder=real_embedder)
    pipeline.answerer()  # builds the index and loads both models, as `python app.py` does before launching
    return pipeline


@pytest.fixture(scope="module")
def app_url(pipeline):
    demo, url = _serve(pipeline)
    yield url
    demo.close()


@pytest.fixture(scope="module")
def xss_url(pipeline, tmp_path_factory):
    """A second app over a one-note corpus whose note holds script and onerror markup (models shared)."""
    corpus = tmp_path_factory.mktemp("xss-notes")
    (corpus / "widgets.md").write_text(XSS_NOTE, encoding="utf-8")
    settings = Settings.load(corpus=corpus, index=tmp_path_factory.mktemp("xss-index"), host="127.0.0.1",
                             port=free_port(), model="smollm2", top_k=4, show_unverified=False)
    other = Pipeline(settings, embedder=pipeline.embedder, generator=pipeline.generator)
    other.answerer()
    demo, url = _serve(other)
    yield url
    demo.close()



def _open(page, url: str) -> None:
    page.goto(url, timeout=60_000)
    page.wait_for_selector("#nq-question textarea", timeout=60_000)


def _ask(page, question: str, turn: int) -> str:
    """Type a question, wait until the answer has settled; returns the last chat message's text."""
    page.fill("#nq-question textarea", question)
    page.keyboard.press("Enter")
    settled = f'#nq-status .nq-status[data-turn="{turn}"]:is(.nq-done, .nq-error-state)'
    page.wait_for_selector(settled, timeout=ANSWER_TIMEOUT_MS)
    status = page.inner_text("#nq-status")
    assert page.query_selector(f'#nq-status .nq-done[data-turn="{turn}"]'), f"error instead of an answer: {status}"
    return page.locator("#nq-chat .nq-msg").last.inner_text()


def test_answer_streams_and_cites_the_right_note(page, app_url, tmp_path):
    _open(page, app_url)
    page.fill("#nq-question textarea", "What's the default SQS visibility timeout?")
    page.keyboard.press("Enter")
    # The raw model tokens show up first (a draft), before the verified answer replaces them.
    page.wait_for_selector("#nq-chat .nq-draft", timeout=ANSWER_TIMEOUT_MS)
    page.wait_for_selector('#nq-status .nq-status[data-turn="1"]:is(.nq-done, .nq-error-state)', timeout=ANSWER_TIMEOUT_MS)
    # Expanding a source shows the surrounding, numbered lines of the note.
    first = page.locator("#nq-sources-box .nq-src").first
    if first.count():
        first.locator("summary").click()
        first.locator(".nq-context").wait_for(state="visible")
    shot = tmp_path / "answer.png"  # before the checks, so a failure can be looked at too
    page.screenshot(path=str(shot), full_page=True)
    shutil.copy(shot, "/tmp/notesqa-answer.png")

    status = page.inner_text("#nq-status")
    assert page.query_selector('#nq-status .nq-done[data-turn="1"]'), status
    answer = page.locator("#nq-chat .nq-msg").last.inner_text()
    assert re.search(r"\[\d+\]", answer), answer
    assert page.locator("#nq-chat .nq-draft").count() == 0
    assert re.search(r"\d ms", status) and "tok/s" in status and ".gguf" in status, status

    context = first.locator(".nq-context")
    assert len(context.locator(".nq-line").all()) >= 7
    assert context.locator(".nq-hit mark").count() >= 1

    sources = page.inner_text("#nq-sources-box")
    assert SQS_NOTE in sources, sources
    marks = page.locator("#nq-sources-box .nq-passage mark").all_inner_texts()
    assert any("30 seconds" in m for m in marks), marks


def test_refusal_is_distinct_and_shows_nearest_notes(page, app_url):
    _open(page, app_url)
    message = _ask(page, "What is the capital of France?", 1)
    refusal = page.locator("#nq-chat .nq-refusal").last
    assert refusal.is_visible() and "Not in your notes" in message
    assert page.locator("#nq-chat .nq-error").count() == 0
    # Muted, not an error: a different look from a normal answer.
    color = refusal.evaluate("el => getComputedStyle(el).borderLeftColor")
    assert color not in ("", "rgba(0, 0, 0, 0)")
    assert page.locator("#nq-sources-box .nq-near").count() >= 1
    assert "nearest notes" in page.inner_text("#nq-sources-box")


def test_follow_up_question_uses_the_previous_one(page, app_url):
    _open(page, app_url)
    _ask(page, "How long are SQS messages retained by default?", 1)
    answer = _ask(page, "and the maximum?", 2)
    status = page.inner_text("#nq-status")
    assert "understood as" in status and "SQS" in status, status
    assert "14 days" in answer, answer
    assert page.locator("#nq-chat .nq-msg:not(.nq-user)").count() == 2  # two answers (questions are .nq-msg too)


def test_note_html_is_shown_as_text_never_run(page, xss_url):
    _open(page, xss_url)
    _ask(page, "How does the Widget Service show <script> and <img> snippets?", 1)
    page.locator("#nq-sources-box summary").first.click()  # the surrounding lines: still text
    page.wait_for_selector("#nq-sources-box .nq-context", timeout=10_000)
    page.wait_for_timeout(500)
    sources = page.inner_text("#nq-sources-box")
    assert "<script>window.__xss=1</script>" in sources, sources
    # "<img ...>" is a tag a note's viewer draws (rag.inline_html): the panel drops it, as the answer's quotes do,
    # and it never becomes an element (checked below); "<script>" is no tag a note shows, so it stays text
    assert "onerror" not in sources and "<img" not in sources
    assert "${window.__xss=3}" in sources and "{{constructor.constructor(" in sources  # no template evaluation
    # The question itself (with tags) is shown as text in the chat, too.
    assert "<script>" in page.locator("#nq-chat").inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#nq-sources-box script, #nq-sources-box img, #nq-chat .nq-msg img").count() == 0


def test_index_panel_lists_notes_and_refreshes(page, app_url):
    _open(page, app_url)
    page.click("#nq-index-panel .label-wrap")
    page.wait_for_selector("#nq-index .nq-index-table", timeout=60_000)
    assert SQS_NOTE in page.inner_text("#nq-index")
    page.click("#nq-refresh")
    page.wait_for_selector("#nq-build-summary .nq-build-summary", timeout=ANSWER_TIMEOUT_MS)
    assert re.search(r"Indexed \d+ notes, \d+ chunks \(0 embedded", page.inner_text("#nq-build-summary"))
