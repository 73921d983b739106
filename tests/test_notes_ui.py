"""The web UI's Notes panel without a browser (fake models): header and examples from the notes in use,
two folders never mixing, uploads, picking another folder, the folder watcher."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from conftest import SMALL_NOTES, FakeEmbedder, FakeGenerator, write_notes
from rag.config import Settings
from rag.errors import CorpusError
from rag.pipeline import Pipeline
from rag.web import app, panel
from rag.web.folder import safe_upload_name

GARDEN_NOTES = {
    "tomatoes.md": "# Tomatoes\n\n## Watering\n- Water tomato plants deeply twice a week.\n\n"
                   "## Harvest\n- Pick tomatoes when they are fully red.\n",
    "soil.md": "# Soil\n\n## Compost\n- Compost adds nitrogen and keeps soil loose.\n",
}
WATERING = "Water tomato plants deeply twice a week [1]."


def _pipeline(folder: Path, tmp_path: Path, replies=None, embedder=None) -> Pipeline:
    settings = Settings(corpus=folder, index=tmp_path / f"index-{folder.parent.name}", home=tmp_path / "home")
    return Pipeline(settings, embedder=embedder or FakeEmbedder(), generator=FakeGenerator(replies=replies))


@pytest.fixture
def garden(tmp_path) -> Path:
    return write_notes(tmp_path / "garden" / "notes", GARDEN_NOTES)


@pytest.fixture
def aws(tmp_path) -> Path:
    return write_notes(tmp_path / "aws" / "notes", SMALL_NOTES)


def _final(handlers, question: str):
    *_, (chat, sources, status, _, _) = handlers.respond(question, [], [], 4, False)
    return app.text_of(chat[-1]), sources, status


def test_header_and_examples_come_from_the_notes_in_use(garden, tmp_path):
    handlers = app.UI(_pipeline(garden, tmp_path))
    title, context, examples, files, watch, folder = handlers.page()
    assert title.startswith("# notesqa — notes") and "2 notes" in title and "Tomatoes" in title and "Soil" in title
    questions = [e["text"] for e in examples["examples"]]
    assert len(questions) == 2 and all(q.startswith("What do my notes say about ") for q in questions)
    assert {q.split("about ")[1].rstrip("?") for q in questions} <= {"Watering", "Harvest", "Compost"}
    page_text = " ".join([title, context, *questions]).lower()
    for word in ("aws", "sqs", "lambda", "s3"):
        assert word not in page_text.split()
    assert str(garden) in context and "FakeGenerator" not in context and "fake-model.gguf" in context
    assert "tomatoes.md" in files and "soil.md" in files and "2 notes indexed" in files
    assert folder == str(garden)


def test_examples_for_notes_without_headings():
    class C:
        def __init__(self, file):
            self.file, self.heading = file, ""

    assert panel.examples([C("my_reading_list.txt")]) == ["What is in my reading list?"]


def test_two_folders_side_by_side_never_mix_in_the_ui(aws, garden, tmp_path):
    embedder = FakeEmbedder()
    left = app.UI(_pipeline(aws, tmp_path, ["The default visibility timeout is 30 seconds [1]."], embedder))
    right = app.UI(_pipeline(garden, tmp_path, [WATERING], embedder))
    for _ in range(2):
        message, sources, _ = _final(left, "What is the default visibility timeout in SQS?")
        assert "30 seconds" in message and "sqs.md" in sources and "tomatoes.md" not in sources
        message, sources, _ = _final(right, "How often should tomato plants be watered?")
        assert "twice a week" in message and "tomatoes.md" in sources and "sqs.md" not in sources
    assert left.settings.index != right.settings.index


def test_picking_another_folder_answers_from_it_alone(aws, garden, tmp_path):
    handlers = app.UI(_pipeline(aws, tmp_path, [WATERING]))
    old_index = handlers.settings.index
    *page, summary = handlers.use_folder(str(garden), progress=lambda *a, **k: None)
    assert "now answering from" in summary and str(garden) in summary and "Indexed 2 notes" in summary
    assert handlers.settings.corpus == garden.resolve() and handlers.settings.index != old_index
    assert handlers.settings.index.parent == tmp_path / "home" / "indexes"  # its own index, by construction
    assert "Tomatoes" in page[0] and str(garden) in page[1]
    message, sources, _ = _final(handlers, "How often should tomato plants be watered?")
    assert "twice a week" in message and "tomatoes.md" in sources
    hits = handlers.pipeline.search("visibility timeout", 5)
    assert {h.chunk.file for h in hits} <= set(GARDEN_NOTES)


def test_evals_and_feedback_follow_a_folder_switch(aws, garden, tmp_path):
    """The Evals tab and chat feedback read and write beside the folder in use, not the one the app started with."""
    from rag.evalset import user_set_path
    from rag.turns import ChatFirst
    from rag.web.evals_tab import EvalsTab
    from rag.web.feedback_panel import FeedbackPanel

    handlers = app.UI(_pipeline(aws, tmp_path, [WATERING]))
    evals, feedback = EvalsTab(handlers, ChatFirst()), FeedbackPanel(handlers, ChatFirst())
    handlers.use_folder(str(garden), progress=lambda *a, **k: None)
    new_index = handlers.settings.index
    assert evals.pipeline is feedback.pipeline is handlers.pipeline
    assert evals.settings.corpus == garden.resolve() and evals.reader is handlers.reader
    assert evals.store.folder.parent == new_index and feedback.store.path.parent == new_index
    assert [s.path for s in evals.sets() if s.own] == [user_set_path(handlers.settings)]


@pytest.mark.parametrize("bad", ["", "relative/notes", "/definitely/not/here"])
def test_picking_a_bad_folder_says_why(aws, tmp_path, bad):
    handlers = app.UI(_pipeline(aws, tmp_path))
    *_, summary = handlers.use_folder(bad, progress=lambda *a, **k: None)
    assert "nq-build-warn" in summary and handlers.settings.corpus == aws


def test_upload_saves_into_the_folder_and_becomes_answerable(garden, tmp_path):
    handlers = app.UI(_pipeline(garden, tmp_path, ["Basil likes full sun and warm nights [1]."]))
    upload = tmp_path / "uploads" / "basil.md"
    write_notes(upload.parent, {"basil.md": "# Basil\n\n## Light\n- Basil likes full sun and warm nights.\n"})
    *page, summary = handlers.upload([str(upload)], progress=lambda *a, **k: None)
    assert (garden / "basil.md").exists() and "added basil.md" in summary and "basil.md" in page[3]
    message, sources, _ = _final(handlers, "How much sun does basil need?")
    assert "full sun" in message and "basil.md" in sources
    handlers.upload([str(upload)], progress=lambda *a, **k: None)  # the same name again: both kept
    assert (garden / "basil (2).md").exists()


@pytest.mark.parametrize("name", ["../evil.md", "run.exe", ".hidden.md", "", "x/../../y.txt"])
def test_upload_names_are_checked(name):
    if name in ("../evil.md",):
        assert safe_upload_name(name) == "evil.md"  # only the base name is ever used
        return
    if name == "x/../../y.txt":
        assert safe_upload_name(name) == "y.txt"
        return
    with pytest.raises(CorpusError):
        safe_upload_name(name)


def test_skipped_files_are_listed_with_the_reason(garden, tmp_path):
    (garden / "scan.pdf").write_bytes(b"%PDF-1.4\nbroken")
    handlers = app.UI(_pipeline(garden, tmp_path))
    handlers.refresh_index(progress=lambda *a, **k: None)
    files = handlers.index_panel()
    assert "scan.pdf" in files and "skipped: not a readable PDF" in files


def test_the_watcher_picks_up_an_edit(garden, tmp_path):
    pytest.importorskip("watchfiles")
    handlers = app.UI(_pipeline(garden, tmp_path), watch=True)
    try:
        assert handlers.notes.watching
        handlers.pipeline.answerer()
        before = handlers.notes.state.generation
        assert not handlers.pipeline.search("pruning suckers", 3)[0].chunk.text.count("suckers")
        (garden / "tomatoes.md").write_text(GARDEN_NOTES["tomatoes.md"] + "\n## Pruning\n- Pinch off suckers weekly.\n")
        seen_refreshing = False
        deadline = time.time() + 60
        while handlers.notes.state.generation == before and time.time() < deadline:
            seen_refreshing |= "Refreshing the index" in panel.render_watch(handlers.notes.state, True)
            time.sleep(0.02)
        assert handlers.notes.state.generation > before, "the watcher did not refresh within 60 s"
        state = handlers.notes.state
        assert "tomatoes.md" in state.reason and state.last_stats.changed_files == ["tomatoes.md"]
        assert state.last_stats.embedded < state.last_stats.chunks  # incremental: soil.md was reused
        assert "suckers" in handlers.pipeline.search("pinch off suckers", 1)[0].chunk.text
        assert "last refresh" in panel.render_watch(state, True)
        print("saw the refreshing state:", seen_refreshing)
    finally:
        handlers.notes.stop_watch()
    assert not handlers.notes.watching
