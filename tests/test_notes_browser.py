"""The Notes panel in headless Chromium with the real models: a page about the notes in use (not AWS), an
upload through the browser that becomes answerable, and an edit on disk that the page reports.

Skipped when Debian's Chromium (/usr/bin/chromium) or the playwright package is missing.
"""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import write_notes

pytestmark = [pytest.mark.browser, pytest.mark.timeout(900)]

from conftest import free_port, require_browser  # noqa: E402

require_browser()

from rag.config import Settings  # noqa: E402
from rag.pipeline import Pipeline  # noqa: E402
from rag.web import app  # noqa: E402

WAIT_MS = 240_000  # an index build or an answer: seconds normally, much more on a busy 2-core machine
GARDEN = {
    "tomatoes.md": "# Tomatoes\n\n## Watering\n- Water tomato plants deeply twice a week.\n\n"
                   "## Harvest\n- Pick tomatoes when they are fully red and slightly soft.\n",
    "soil.md": "# Soil\n\n## Compost\n- Compost adds nitrogen and keeps the soil loose.\n",
}
BEES = "# Beekeeping\n\n## Hive inspections\n- Inspect a beehive every 7 to 10 days during the swarm season.\n"


@pytest.fixture(scope="module")
def garden_app(tmp_path_factory, real_embedder):
    folder = write_notes(tmp_path_factory.mktemp("garden") / "my-garden", GARDEN)
    settings = Settings.load(corpus=folder, index=tmp_path_factory.mktemp("garden-index"), port=free_port())
    pipeline = Pipeline(settings, embedder=real_embedder)
    pipeline.answerer()  # as `rag serve` does before it serves
    demo = app.create_app(pipeline, watch=True)
    app.launch(demo, settings, prevent_thread_lock=True)
    yield folder, f"http://127.0.0.1:{settings.port}/"
    demo.close()



def _open(page, url: str) -> None:
    page.goto(url, timeout=60_000)
    page.wait_for_selector("#nq-question textarea", timeout=60_000)
    page.wait_for_selector("#nq-context .nq-context-line", timeout=60_000)


def _ask(page, question: str, turn: int) -> str:
    page.fill("#nq-question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#nq-status .nq-status[data-turn="{turn}"]:is(.nq-done, .nq-error-state)', timeout=WAIT_MS)
    assert page.query_selector(f'#nq-status .nq-done[data-turn="{turn}"]'), page.inner_text("#nq-status")
    return page.locator("#nq-chat .nq-msg").last.inner_text()


def test_the_page_is_about_the_notes_in_use(page, garden_app):
    folder, url = garden_app
    _open(page, url)
    title = page.inner_text("#nq-title")
    assert "notesqa — my-garden" in title and "Tomatoes" in title and "AWS" not in title
    context = page.inner_text("#nq-context")
    assert str(folder) in context and "SmolLM2" in context  # notes folder and model, always visible
    page.wait_for_selector("#nq-chat button.example, #nq-chat .example", timeout=30_000)
    examples = page.locator("#nq-chat .example").all_inner_texts()
    assert examples and all("What do my notes say about" in e for e in examples), examples
    assert not any(word in " ".join(examples) for word in ("SQS", "Lambda", "AWS"))


def test_upload_through_the_browser_becomes_answerable(page, garden_app, tmp_path):
    folder, url = garden_app
    _open(page, url)
    page.click("#nq-index-panel .label-wrap")
    page.wait_for_selector("#nq-index .nq-index-table", timeout=60_000)
    note = tmp_path / "bees.md"
    note.write_text(BEES, encoding="utf-8")
    page.locator("#nq-upload input[type=file]").set_input_files(str(note))
    page.wait_for_selector("#nq-build-summary .nq-build-summary", timeout=WAIT_MS)
    summary = page.inner_text("#nq-build-summary")
    assert "added bees.md" in summary and re.search(r"Indexed 3 notes", summary), summary
    assert (folder / "bees.md").read_text(encoding="utf-8") == BEES
    assert "bees.md" in page.inner_text("#nq-index")
    answer = _ask(page, "How often should I inspect a beehive during swarm season?", 1)
    shot = tmp_path / "upload.png"
    page.screenshot(path=str(shot), full_page=True)
    shutil.copy(shot, "/tmp/notesqa-upload.png")
    assert "Not in your notes" not in answer and re.search(r"\[\d\]", answer), answer
    assert re.search(r"7\s*(?:to|-|–)\s*10 days", answer), answer
    assert "bees.md" in page.inner_text("#nq-sources-box")


def test_an_edit_on_disk_is_picked_up_and_the_page_says_so(page, garden_app):
    folder, url = garden_app
    _open(page, url)
    (folder / "soil.md").write_text(GARDEN["soil.md"] + "\n## Mulch\n- Straw mulch keeps weeds down.\n", encoding="utf-8")
    page.wait_for_function(
        "() => (document.querySelector('#nq-watch')?.innerText || '').includes('notes changed on disk: soil.md')",
        timeout=WAIT_MS)
    page.wait_for_function("() => (document.querySelector('#nq-watch')?.innerText || '').includes('last refresh')",
                           timeout=WAIT_MS)
    answer = _ask(page, "What keeps weeds down?", 1)
    assert "Straw mulch" in answer or "straw mulch" in answer.lower(), answer
