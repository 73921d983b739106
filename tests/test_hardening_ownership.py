"""Hardening: notesqa deletes and overwrites only what it can prove it made in the index folder.

An index folder pointed at the notes, inside them, around them, or at a folder of someone else's files is
refused with one clear line, and every user file survives every build.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SMALL_NOTES, FakeEmbedder, assert_one_line_error, write_notes
from rag.cli import main
from rag.config import Settings
from rag.errors import ConfigError
from rag.ownership import BUILD_MARKER, INDEX_MARKER
from rag.build import build_index
from rag.store import Store

DEPLOY = "#!/bin/sh\necho deploying\n"


def _user_files(folder):
    """Files a user keeps, with names notesqa itself uses or used (build-*, .tmp-build-*, CURRENT)."""
    files = {
        "build-scripts/deploy.sh": DEPLOY,
        ".tmp-build-notes/draft.txt": "my draft\n",
        "build-2024/report.md": "# report\n",
    }
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return files


def _assert_survive(folder, files):
    for name, text in files.items():
        assert (folder / name).read_text() == text, f"{name} was changed or deleted"


def test_folder_of_user_files_is_refused_and_left_untouched(tmp_path, small_corpus):
    index = tmp_path / "work"
    index.mkdir()
    files = _user_files(index)
    (index / "CURRENT").write_text("my current task list\n")
    files["CURRENT"] = "my current task list\n"
    with pytest.raises(ConfigError, match="not empty and is not a notesqa index") as info:
        build_index(Settings(corpus=small_corpus, index=index), FakeEmbedder(), progress=False)
    assert "RAG_INDEX" in str(info.value)
    _assert_survive(index, files)
    assert not (index / INDEX_MARKER).exists()


def test_user_files_added_to_a_notesqa_index_survive_rebuilds(tmp_path, small_corpus):
    settings = Settings(corpus=small_corpus, index=tmp_path / "idx")
    build_index(settings, FakeEmbedder(), progress=False)
    files = _user_files(settings.index)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "keep.txt").write_text("keep me\n")
    (settings.index / "build-link").symlink_to(outside, target_is_directory=True)
    for _ in range(2):
        build_index(settings, FakeEmbedder(), progress=False, rebuild=True)
    _assert_survive(settings.index, files)
    assert (outside / "keep.txt").read_text() == "keep me\n" and (settings.index / "build-link").is_symlink()
    ours = [p for p in settings.index.iterdir() if (p / BUILD_MARKER).is_file()]
    assert len(ours) == 1 and Store.load(settings.index).path == ours[0]  # old builds of ours are cleaned up


@pytest.mark.parametrize("where", ["same", "inside", "deep-inside", "around"])
def test_index_folder_overlapping_the_notes_is_refused(tmp_path, where, fake_models):
    corpus = write_notes(tmp_path / "notes", SMALL_NOTES)
    index = {"same": corpus, "inside": corpus / "index", "deep-inside": corpus / "a" / "b", "around": tmp_path}[where]
    before = {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()}
    result = CliRunner().invoke(main, ["index", "--corpus", str(corpus), "--index", str(index), "--quiet"])
    line = assert_one_line_error(result, "--index")
    assert ("inside the notes folder" in line) if where != "around" else ("notes folder" in line and "inside the index" in line)
    assert {p: p.read_bytes() for p in corpus.rglob("*") if p.is_file()} == before
    assert not list(tmp_path.rglob("CURRENT")) and not list(tmp_path.rglob(INDEX_MARKER))


def test_index_folder_given_as_a_relative_path_into_the_notes_is_refused(tmp_path, monkeypatch, fake_models):
    corpus = write_notes(tmp_path / "notes", SMALL_NOTES)
    monkeypatch.chdir(corpus)
    result = CliRunner().invoke(main, ["index", "--corpus", str(corpus), "--index", ".", "--quiet"])
    assert_one_line_error(result, "inside the notes folder")


def test_older_index_without_the_marker_is_adopted(tmp_path, small_corpus):
    settings = Settings(corpus=small_corpus, index=tmp_path / "idx")
    build_index(settings, FakeEmbedder(), progress=False)
    # as written before markers existed
    (settings.index / INDEX_MARKER).unlink()
    old = Store.load(settings.index).path
    (old / BUILD_MARKER).unlink()
    build_index(settings, FakeEmbedder(), progress=False, rebuild=True)
    assert (settings.index / INDEX_MARKER).is_file()
    assert not old.exists()  # its manifest proves it was ours
    assert json.loads((Store.load(settings.index).path / "manifest.json").read_text())["files"]


def test_current_that_is_not_a_file_is_refused(tmp_path, small_corpus):
    settings = Settings(corpus=small_corpus, index=tmp_path / "idx")
    build_index(settings, FakeEmbedder(), progress=False)
    (settings.index / "CURRENT").unlink()
    (settings.index / "CURRENT").mkdir()
    (settings.index / "CURRENT" / "mine.txt").write_text("x")
    with pytest.raises(ConfigError, match="CURRENT is not a file notesqa wrote"):
        build_index(settings, FakeEmbedder(), progress=False)
    assert (settings.index / "CURRENT" / "mine.txt").read_text() == "x"


def test_empty_or_new_folder_is_fine(tmp_path, small_corpus):
    (tmp_path / "empty").mkdir()
    for index in (tmp_path / "empty", tmp_path / "new" / "nested"):
        stats = build_index(Settings(corpus=small_corpus, index=index), FakeEmbedder(), progress=False)
        assert stats.files == 3 and (index / INDEX_MARKER).is_file()


def test_the_repo_tracks_no_index_files():
    """The repo's index/ is built on first use (into a folder that does not exist yet), never committed."""
    import shutil
    import subprocess

    from rag.config import PROJECT_ROOT

    if shutil.which("git") is None or not (PROJECT_ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    tracked = subprocess.run(["git", "ls-files", "index"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    assert tracked.stdout.split() == []
