"""The user's own question in headless Chromium: markdown and HTML in it show as text, nothing is fetched or linked.

Fake models (fast); skipped when Debian's Chromium or the playwright package is missing.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

from conftest import free_port, require_browser  # noqa: E402

require_browser()

from rag.web import app  # noqa: E402
from conftest import SMALL_NOTES, FakeEmbedder, FakeGenerator, write_notes  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402

QUESTION = ("What is ![pixel](http://tracker.invalid/p.png) and [click me](https://evil.invalid/x) "
            "<img src=http://tracker.invalid/i.png> **bold** https://evil.invalid/bare?")


def test_markdown_in_the_question_is_text(tmp_path, browser):
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    settings = Settings.load(corpus=corpus, index=tmp_path / "idx", port=free_port())
    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(replies=["I can't find that."]))
    demo = app.create_app(pipeline)
    app.launch(demo, settings, prevent_thread_lock=True)
    requested: list[str] = []
    try:
        page = browser.new_page()
        page.on("request", lambda request: requested.append(request.url))
        page.goto(f"http://127.0.0.1:{settings.port}/", timeout=60_000)
        page.wait_for_selector("#nq-question textarea", timeout=60_000)
        page.fill("#nq-question textarea", QUESTION)
        page.keyboard.press("Enter")
        page.wait_for_selector('#nq-status .nq-status[data-turn="1"]:is(.nq-done, .nq-error-state)', timeout=120_000)
        bubble = page.locator("#nq-chat [data-testid=user]").first
        text = bubble.inner_text()
        links = bubble.locator("a").count()
        images = bubble.locator("img").count()
        strong = bubble.locator("strong, b").count()
    finally:
        demo.close()
    assert "![pixel](http://tracker.invalid/p.png)" in text and "[click me](https://evil.invalid/x)" in text
    assert "<img src=http://tracker.invalid/i.png>" in text and "**bold**" in text
    assert links == 0 and images == 0 and strong == 0
    assert not [url for url in requested if ".invalid" in url], requested
