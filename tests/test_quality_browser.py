"""The Evals tab and chat feedback in headless Chromium, on the small notes with fake models (the model is not
what these tests are about; tests/test_app_browser.py covers the real one).

Skipped when Debian's Chromium (/usr/bin/chromium) or the playwright package is missing.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

from conftest import free_port, require_browser  # noqa: E402

require_browser()

from rag.web import app  # noqa: E402
from conftest import SMALL_EVALS, FakeEmbedder, FakeGenerator  # noqa: E402
from rag import evalset  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.feedback import FeedbackStore, feedback_path  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402

WAIT_MS = 60_000


@pytest.fixture
def served(small_corpus, tmp_path):
    """The app on the small notes with fake models; yields (url, settings)."""
    settings = Settings.load(corpus=small_corpus, index=tmp_path / "index")
    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(settings))
    pipeline.answerer()  # builds the index, as `python app.py` does before serving
    demo = app.create_app(pipeline)
    for attempt in range(3):  # another process on this shared machine may take the free port first
        settings = dataclasses.replace(settings, port=free_port())
        try:
            app.launch(demo, settings, prevent_thread_lock=True)
            break
        except OSError:
            if attempt == 2:
                raise
    yield f"http://127.0.0.1:{settings.port}/", settings
    demo.close()



def _shot(page, tmp_path, name):
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=True)
    shutil.copy(path, f"/tmp/notesqa-{name}")


def _open_evals(page, url):
    page.goto(url, timeout=WAIT_MS)
    page.wait_for_selector("#nq-question textarea", timeout=WAIT_MS)
    page.get_by_role("tab", name="Evals").click()
    page.wait_for_selector("#nq-ev-run", state="visible", timeout=WAIT_MS)


def _run_and_wait(page):
    page.click("#nq-ev-run")
    page.wait_for_selector("#nq-ev-progress-box .nq-ev-done, #nq-ev-progress-box .nq-ev-error, "
                           "#nq-ev-progress-box .nq-ev-idle:has-text('Cannot run')", timeout=WAIT_MS)


def _click_item(page, item_id):
    page.locator("#nq-ev-items .body-cell").filter(has_text=re.compile(rf"^\s*{item_id}\s*$")).first.click()
    page.wait_for_selector("#nq-ev-detail .nq-ev-item", timeout=WAIT_MS)


def test_eval_tab_runs_a_set_and_shows_figures_and_a_failing_item(page, served, tmp_path):
    url, settings = served
    path = evalset.user_set_path(settings)
    path.write_text("".join(json.dumps(item) + "\n" for item in SMALL_EVALS), encoding="utf-8")
    _open_evals(page, url)
    page.wait_for_function("document.querySelector('#nq-ev-set input').value.includes('My eval set (5 items)')",
                           timeout=WAIT_MS)
    _run_and_wait(page)
    page.wait_for_selector("#nq-ev-kinds .vega-embed svg, #nq-ev-kinds .vega-embed canvas", timeout=WAIT_MS)
    progress = page.inner_text("#nq-ev-progress-box")
    assert "5 of 5 items · 1 failed" in progress and "Finished and saved" in progress, progress
    metrics = page.inner_text("#nq-ev-metrics-box")
    for name in ("key_fact_recall", "refusal_recall", "false_refusal_rate", "citation_validity", "latency_p50_ms"):
        assert name in metrics, metrics
    assert page.locator('#nq-ev-metrics-box tr[data-metric="refusal_recall"] .nq-ev-value').inner_text() == "1"
    first_row = page.locator("#nq-ev-items .body-cell").first.inner_text()
    assert first_row.strip() == "s5"  # the failing item is listed first
    _click_item(page, "s5")
    page.wait_for_selector("#nq-ev-sources .nq-src", timeout=WAIT_MS)
    _shot(page, tmp_path, "evals-tab.png")
    detail = page.inner_text("#nq-ev-detail")
    assert "FAIL" in detail and "missing key fact" in detail and "✗ missing: 15 minutes" in detail, detail
    assert page.locator("#nq-ev-detail .nq-answer .nq-cite").count() >= 1  # the answer as the chat draws it
    assert "s3.md" in page.inner_text("#nq-ev-sources")
    # The Failed filter leaves only the failing item.
    page.locator("#nq-ev-filter label", has_text="Failed").click()
    page.wait_for_function("document.querySelectorAll('#nq-ev-items .body-cell.first-column').length === 1", timeout=WAIT_MS)


def test_dislike_an_answer_add_it_as_a_case_and_run_it(page, served, tmp_path):
    url, settings = served
    page.goto(url, timeout=WAIT_MS)
    page.wait_for_selector("#nq-question textarea", timeout=WAIT_MS)
    page.fill("#nq-question textarea", "How long are SQS messages kept by default?")
    page.keyboard.press("Enter")
    page.wait_for_selector('#nq-status .nq-done[data-turn="1"]', timeout=WAIT_MS)
    page.locator("#nq-chat button[aria-label='Dislike']").last.click()
    page.wait_for_selector("#nq-fb .nq-fb-title", timeout=WAIT_MS)
    assert "You disliked" in page.inner_text("#nq-fb-title")
    page.wait_for_function("document.querySelector('#nq-fb-facts textarea').value.includes('4 days')", timeout=WAIT_MS)
    page.fill("#nq-fb-note textarea", "should also give the maximum")
    page.click("#nq-fb-save")
    page.wait_for_selector("#nq-fb-result .nq-fb-ok", timeout=WAIT_MS)
    # A fact that is not in the note is refused with the reason, and nothing is added.
    page.fill("#nq-fb-facts textarea", "4 days\n9 days")
    page.click("#nq-fb-addbtn")
    page.wait_for_selector("#nq-fb-result .nq-src-warn", timeout=WAIT_MS)
    assert "'9 days' does not occur" in page.inner_text("#nq-fb-result")
    page.fill("#nq-fb-facts textarea", "4 days\n14 days")
    page.click("#nq-fb-addbtn")
    page.wait_for_selector("#nq-fb-result:has-text('Added as u001')", timeout=WAIT_MS)
    _shot(page, tmp_path, "feedback.png")
    entry = FeedbackStore(feedback_path(settings)).entries()[0]
    assert entry["rating"] == "dislike" and entry["note"] == "should also give the maximum" and entry["eval_item"] == "u001"

    page.get_by_role("tab", name="Evals").click()
    page.wait_for_function("document.querySelector('#nq-ev-set input').value.includes('My eval set (1 item)')",
                           timeout=WAIT_MS)
    _run_and_wait(page)
    progress = page.inner_text("#nq-ev-progress-box")
    assert "1 of 1 items" in progress, progress
    _click_item(page, "u001")
    detail = page.inner_text("#nq-ev-detail")
    assert "How long are SQS messages kept by default?" in detail and "4 days" in detail
    _shot(page, tmp_path, "feedback-run.png")
