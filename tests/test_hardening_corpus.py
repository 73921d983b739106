"""Hardening: a bad notes folder or bad files in it. Bad files are skipped with a warning naming them and
the rest is indexed; an unusable folder is one clear line in the CLI, in the UI and at app start."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from rag.web import app, serve
from conftest import SMALL_NOTES, FakeEmbedder, FakeGenerator, write_notes, assert_one_line_error
from rag.cli import main
from rag.config import Settings
from rag.errors import CorpusError
from rag.ingest import load_corpus
from rag.pipeline import Pipeline
from rag.build import build_index
from rag.store import Store

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89" + bytes(range(256)) * 4
LATIN1 = "# Caf\u00e9 notes\n\n## Kinesis r\u00e9sum\u00e9\n- Kinesis shards r\u00e9sum\u00e9: na\u00efve \u00e0 la carte, 1 MB/s per shard.\n"
NO_HEADINGS = "Kinesis Firehose delivers streaming data to S3 and Redshift.\nIt buffers records for up to 900 seconds.\n"
ONLY_HEADINGS = "# Kinesis\n## Streams\n### Shards\n## Firehose\n# Glue\n"




def _big_note(size: int = 5_000_000) -> str:
    section = "## Section {i}\n" + "- DynamoDB item {i} keeps its attributes; the partition key picks the node.\n" * 20
    parts, total, i = ["# Big DynamoDB note\n\n"], 0, 0
    while total < size:
        part = section.replace("{i}", str(i))
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)[:size]


@pytest.fixture
def messy_corpus(tmp_path):
    """The small corpus plus every kind of bad or odd file the issue lists."""
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    (corpus / "picture.md").write_bytes(PNG)  # a PNG renamed .md
    (corpus / "latin1.md").write_bytes(LATIN1.encode("latin-1"))
    (corpus / "plain.txt").write_text(NO_HEADINGS)
    (corpus / "headings.md").write_text(ONLY_HEADINGS)
    (corpus / "empty.md").write_bytes(b"")
    (corpus / "utf16.md").write_bytes("# Wide\nSaved as UTF-16 with its byte-order mark".encode("utf-16"))
    (corpus / "utf16-nobom.md").write_bytes("# SQS\nUTF-16 text".encode("utf-16-le"))  # no mark: nothing says text
    outside = tmp_path / "private" / "diary.md"
    outside.parent.mkdir()
    outside.write_text("# Diary\nThe outside secret is octopus-lantern.\n")
    (corpus / "diary-link.md").symlink_to(outside)
    (corpus / "dir-link").symlink_to(outside.parent, target_is_directory=True)
    (corpus / "dangling.md").symlink_to(tmp_path / "gone.md")
    (corpus / "folder.md").mkdir()  # a folder with a note's name
    return corpus


GOOD = {"sqs.md", "lambda.md", "s3.md", "latin1.md", "plain.txt", "headings.md", "empty.md", "utf16.md"}


def test_bad_files_are_skipped_with_named_warnings_and_the_rest_is_indexed(messy_corpus, tmp_path):
    settings = Settings(corpus=messy_corpus, index=tmp_path / "index")
    stats = build_index(settings, FakeEmbedder(), progress=False)
    store = Store.load(settings.index, settings, FakeEmbedder.id)
    assert set(store.manifest["files"]) == GOOD
    text = "\n".join(stats.warnings)
    assert any(w.startswith("picture.md: binary data") and "skipped" in w for w in stats.warnings), text
    assert any(w.startswith("utf16-nobom.md: binary data") and "UTF-8" in w for w in stats.warnings), text
    # Windows editors save "Unicode" text as UTF-16 with a byte-order mark: read, not skipped
    assert any("Saved as UTF-16 with its byte-order mark" in c.text for c in store.chunks)
    assert any(w.startswith("latin1.md: not valid UTF-8") for w in stats.warnings), text
    assert any(w.startswith("diary-link.md: points outside the notes folder") for w in stats.warnings), text
    assert any(w.startswith("dangling.md") for w in stats.warnings) or "dangling.md" not in store.manifest["files"]
    # nothing from outside the folder was indexed, through the file link or the folder link
    assert not any("octopus-lantern" in c.text for c in store.chunks)
    assert not any(c.file.startswith("dir-link") for c in store.chunks)
    # the Latin-1 note reads right; the headingless note is indexed with its text
    assert any("résumé" in c.text and "naïve" in c.text for c in store.chunks if c.file == "latin1.md")
    assert any("900 seconds" in c.text for c in store.chunks if c.file == "plain.txt")
    assert {c.file for c in store.chunks} >= {"sqs.md", "lambda.md", "s3.md", "latin1.md", "plain.txt"}


def test_messy_corpus_through_the_cli(messy_corpus, tmp_path, fake_models):
    result = CliRunner().invoke(main, ["index", "--corpus", str(messy_corpus), "--index", str(tmp_path / "idx"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().splitlines()[-1].startswith(f"Indexed {len(GOOD)} notes")
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert all(line.startswith("warning: ") for line in warnings), result.stderr
    for name in ("picture.md", "latin1.md", "diary-link.md", "utf16-nobom.md"):
        assert sum(name in line for line in warnings) == 1, result.stderr
    assert "octopus-lantern" not in result.output and "Traceback" not in result.output
    search = CliRunner().invoke(main, ["--corpus", str(messy_corpus), "--index", str(tmp_path / "idx"),
                                       "search", "--json", "Firehose buffers records"])
    assert search.exit_code == 0 and json.loads(search.stdout)[0]["file"] == "plain.txt"


def test_messy_corpus_through_the_ui(messy_corpus, tmp_path):
    pipeline = Pipeline(Settings(corpus=messy_corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(),
                        generator=FakeGenerator())
    panel, summary = app.UI(pipeline).refresh_index(progress=lambda *a, **k: None)
    assert f"Indexed {len(GOOD)} notes" in summary
    assert "picture.md: binary data" in summary and "diary-link.md: points outside" in summary
    assert "latin1.md" in panel and "picture.md</td><td>" in panel and "skipped: binary data" in panel


def test_5mb_note_is_indexed(tmp_path, fake_models):
    corpus = write_notes(tmp_path / "notes", {"sqs.md": SMALL_NOTES["sqs.md"], "big.md": _big_note()})
    assert (corpus / "big.md").stat().st_size >= 5_000_000
    result = CliRunner().invoke(main, ["index", "--corpus", str(corpus), "--index", str(tmp_path / "idx"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert "Indexed 2 notes" in result.stdout
    store = Store.load(tmp_path / "idx", Settings(corpus=corpus, index=tmp_path / "idx"), FakeEmbedder.id)
    big = [c for c in store.chunks if c.file == "big.md"]
    assert len(big) > 1000 and big[-1].end_line > 60_000  # line numbers hold to the end of the file
    search = CliRunner().invoke(main, ["--corpus", str(corpus), "--index", str(tmp_path / "idx"),
                                       "search", "--json", "DynamoDB item 2999 partition key"])
    assert search.exit_code == 0, search.output


def test_note_over_the_size_limit_is_skipped_by_name(tmp_path, monkeypatch):
    corpus = write_notes(tmp_path / "notes", {"sqs.md": SMALL_NOTES["sqs.md"], "huge.md": "# Huge\n" + "x" * 3000})
    monkeypatch.setattr("rag.ingest.MAX_NOTE_BYTES", 1000)  # same code path as a 20 MB+ file, without writing one
    notes, warnings = load_corpus(corpus)
    assert [n.path for n in notes] == ["sqs.md"]
    assert any(w.startswith("huge.md:") and "too large" in w and "split it" in w for w in warnings), warnings


def test_only_heading_notes_build_and_answer(tmp_path):
    corpus = write_notes(tmp_path / "notes", {"headings.md": ONLY_HEADINGS})
    settings = Settings(corpus=corpus, index=tmp_path / "idx")
    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(replies=["Kinesis has shards [1]."]))
    answer = pipeline.ask("What are Kinesis shards?")
    assert answer.refused or answer.citations  # nothing to quote, but no crash


@pytest.mark.parametrize("kind", ["missing", "empty", "file", "only-bad-files"])
def test_unusable_notes_folder_is_one_clear_line(tmp_path, fake_models, kind, monkeypatch, capsys):
    corpus = tmp_path / "notes"
    if kind == "empty":
        corpus.mkdir()
    elif kind == "file":
        corpus.write_text("not a folder")
    elif kind == "only-bad-files":
        corpus.mkdir()
        (corpus / "picture.md").write_bytes(PNG)
    fragment = {"missing": "does not exist", "empty": "no readable", "file": "is a file, not a folder",
                "only-bad-files": "picture.md: binary data"}[kind]
    index = tmp_path / "idx"
    runner = CliRunner()
    assert_one_line_error(runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(index)]), fragment)
    assert_one_line_error(runner.invoke(main, ["--corpus", str(corpus), "--index", str(index), "search", "sqs"]), fragment)
    assert_one_line_error(runner.invoke(main, ["--corpus", str(corpus), "--index", str(index), "ask", "sqs?"]), fragment)
    assert not (index / "CURRENT").exists()

    # the UI: the question gets the same message in the chat, the refresh button in the index panel
    pipeline = Pipeline(Settings(corpus=corpus, index=index), embedder=FakeEmbedder(), generator=FakeGenerator())
    handlers = app.UI(pipeline)
    *_, (chat, _, status, _, _) = handlers.respond("What is SQS?", [], [], 4, False)
    message = app.text_of(chat[-1])
    assert "nq-error" in message and fragment in message and "something went wrong" not in message
    panel, summary = handlers.refresh_index(progress=lambda *a, **k: None)
    assert fragment in summary and fragment in panel

    # app start: one line on stderr, exit 1, nothing served
    monkeypatch.setattr("rag.web.app.launch", lambda *a, **k: pytest.fail("must not launch"))
    with pytest.raises(SystemExit) as exit_info:
        serve.main(["--corpus", str(corpus), "--index", str(index), "--port", "7991"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and fragment in err[0], err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode, so 'unreadable' cannot happen")
def test_unreadable_note_is_skipped_by_name(tmp_path):
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    (corpus / "locked.md").write_text("# Locked\n")
    (corpus / "locked.md").chmod(0)
    notes, warnings = load_corpus(corpus)
    assert "locked.md" not in {n.path for n in notes}
    assert any(w.startswith("locked.md: cannot read") for w in warnings)


def test_corpus_error_messages_name_the_fix(tmp_path):
    with pytest.raises(CorpusError, match="--corpus"):
        load_corpus(tmp_path / "missing")
