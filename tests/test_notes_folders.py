"""An index belongs to one notes folder: per-folder default index, refusal of another folder's index, shared
options before or after every subcommand, `rag info`, `rag --version` (fake models, CliRunner)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from conftest import SMALL_NOTES, FakeEmbedder, assert_one_line_error, write_notes
from rag.cli import main
from rag.config import REPO_CORPUS, REPO_INDEX, Settings, default_index
from rag.errors import IndexMismatchError
from rag.build import build_index
from rag.store import Store

GARDEN_NOTES = {
    "tomatoes.md": """# Tomatoes

## Watering
- Water tomato plants deeply twice a week.
- Mulch keeps the soil moist between waterings.

## Harvest
- Pick tomatoes when they are fully red and slightly soft.
""",
}


@pytest.fixture
def home(tmp_path, monkeypatch):
    """No RAG_INDEX: indexes go to their default place, under a RAG_HOME in tmp."""
    monkeypatch.delenv("RAG_INDEX", raising=False)
    monkeypatch.setenv("RAG_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


@pytest.fixture
def folders(tmp_path):
    return write_notes(tmp_path / "aws" / "notes", SMALL_NOTES), write_notes(tmp_path / "garden" / "notes", GARDEN_NOTES)


def test_each_folder_gets_its_own_index_under_home(home, folders):
    aws, garden = folders
    a, g = Settings.load(corpus=aws).index, Settings.load(corpus=garden).index
    assert a != g and a.parent == g.parent == home / "indexes"
    assert a.name.startswith("notes-") and g.name.startswith("notes-")  # same folder name, different paths
    assert Settings.load(corpus=aws).index == a  # stable
    assert default_index(REPO_CORPUS) == REPO_INDEX  # the repo's own notes keep index/
    assert Settings.load(corpus=aws, index=home / "mine").index == home / "mine"  # an explicit index wins


def test_loading_another_folders_index_is_refused(tmp_path, folders):
    aws, garden = folders
    shared = tmp_path / "one-index"
    build_index(Settings(corpus=aws, index=shared), FakeEmbedder(), progress=False)
    with pytest.raises(IndexMismatchError, match="holds the notes of") as info:
        Store.load(shared, Settings(corpus=garden, index=shared), FakeEmbedder.id)
    assert str(aws.resolve()) in str(info.value) and str(garden.resolve()) in str(info.value)
    with pytest.raises(IndexMismatchError):  # and a build never overwrites it
        build_index(Settings(corpus=garden, index=shared), FakeEmbedder(), progress=False, rebuild=True)
    assert Store.load(shared, Settings(corpus=aws, index=shared), FakeEmbedder.id).manifest["corpus"] == str(aws.resolve())


def test_the_issue_scenario_another_folder_with_the_old_index_is_an_error(fake_models, home, folders, monkeypatch):
    aws, garden = folders
    runner = CliRunner()
    old_index = home / "old-index"
    assert runner.invoke(main, ["index", "--corpus", str(aws), "--index", str(old_index), "--quiet"]).exit_code == 0
    monkeypatch.setenv("RAG_CORPUS", str(garden))
    monkeypatch.setenv("RAG_INDEX", str(old_index))
    assert_one_line_error(runner.invoke(main, ["ask", "how often do I water tomatoes?"]), "holds the notes of", "--index")


def test_two_folders_side_by_side_never_mix_in_the_cli(fake_models, home, folders):
    aws, garden = folders
    runner = CliRunner()
    for _ in range(2):  # interleaved, each folder's index is built once and then reused
        for folder, question in ((aws, "visibility timeout"), (garden, "watering tomatoes")):
            result = runner.invoke(main, ["search", question, "--corpus", str(folder), "--json", "-k", "5"])
            assert result.exit_code == 0, result.output
            files = {hit["file"] for hit in json.loads(result.stdout)}
            assert files and files <= set(SMALL_NOTES if folder == aws else GARDEN_NOTES), files
    indexes = sorted(p.name for p in (home / "indexes").iterdir())
    assert len(indexes) == 2
    fake_models.replies = ["Water tomato plants deeply twice a week [1]."]
    answer = runner.invoke(main, ["--corpus", str(garden), "ask", "--json", "How often should tomatoes be watered?"])
    data = json.loads(answer.stdout)
    assert not data["refused"] and {c["file"] for c in data["citations"]} == {"tomatoes.md"}


@pytest.mark.parametrize("where", ["before", "after"])
@pytest.mark.parametrize("command", [["index", "--quiet"], ["search", "glacier", "--json"], ["info", "--json"],
                                     ["ask", "--json", "what storage class is cheapest?"]])
def test_corpus_index_model_work_before_or_after_every_subcommand(fake_models, tmp_path, folders, command, where):
    aws, _ = folders
    index_dir = tmp_path / "idx"
    shared = ["--corpus", str(aws), "--index", str(index_dir), "--model", "smollm2"]
    args = shared + command if where == "before" else command[:1] + shared + command[1:]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    if command[0] == "info":
        report = json.loads(result.stdout)
        assert report["notes_folder"] == str(aws.resolve()) and report["index"]["path"] == str(index_dir)
        assert report["settings"]["corpus"][1] == "flag" and report["settings"]["model"] == ["smollm2", "flag"]
    else:
        assert (index_dir / "CURRENT").exists()


def test_option_after_the_subcommand_wins(fake_models, tmp_path, folders):
    aws, garden = folders
    result = CliRunner().invoke(main, ["--corpus", str(aws), "info", "--json", "--corpus", str(garden)])
    assert json.loads(result.stdout)["notes_folder"] == str(garden.resolve())


def test_info_after_a_build(fake_models, home, folders):
    aws, _ = folders
    runner = CliRunner()
    assert runner.invoke(main, ["index", "--corpus", str(aws), "--quiet"]).exit_code == 0
    result = runner.invoke(main, ["info", "--corpus", str(aws)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert f"notes folder:  {aws.resolve()}" in out and str(home / "indexes") in out
    assert "3 notes, " in out and " chunks, last built " in out and "UTC" in out
    assert "model:         smollm2" in out and "top_k" in out and "(env RAG_HOME)" in out


def test_info_with_another_folders_index_says_so(fake_models, tmp_path, folders):
    aws, garden = folders
    runner = CliRunner()
    runner.invoke(main, ["index", "--corpus", str(aws), "--index", str(tmp_path / "i"), "--quiet"])
    result = runner.invoke(main, ["info", "--corpus", str(garden), "--index", str(tmp_path / "i")])
    assert "holds another notes folder" in result.stdout


def test_info_names_the_refusal_floor_calibrated_or_set(fake_models, folders, monkeypatch):
    aws, _ = folders
    shown = json.loads(CliRunner().invoke(main, ["info", "--json", "--corpus", str(aws)]).stdout)
    from rag.answer.policy import DEFAULT

    floor = f"{DEFAULT.min_relevance:.2f}, on a scale calibrated on the notes"
    assert shown["settings"]["min_relevance"] == [floor, "default"]
    monkeypatch.setenv("RAG_MIN_RELEVANCE", "0.5")
    shown = json.loads(CliRunner().invoke(main, ["info", "--json", "--corpus", str(aws)]).stdout)
    assert shown["settings"]["min_relevance"][0] == 0.5


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("rag (notesqa) ")


def test_no_notes_folder_in_an_installed_copy_is_one_line(monkeypatch, tmp_path, fake_models, folders):
    monkeypatch.setattr("rag.config.REPO_CORPUS", tmp_path / "not-there")
    monkeypatch.setattr("rag.cli.base.REPO_CORPUS", tmp_path / "not-there")
    assert_one_line_error(CliRunner().invoke(main, ["ask", "hello?"]), "--corpus", "RAG_CORPUS")
    # given after the subcommand, it is found (the group does not insist on it before)
    result = CliRunner().invoke(main, ["search", "glacier", "--json", "--corpus", str(folders[0])])
    assert result.exit_code == 0, result.output
