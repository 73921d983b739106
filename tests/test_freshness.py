"""`rag index` with nothing changed: decided from the manifest, without models, FAISS or heavy imports."""

from __future__ import annotations

import os

import pytest

from conftest import FakeEmbedder, run_python
from rag.freshness import unchanged_build
from rag.pipeline import Pipeline
from rag.build import build_index
from rag.store import Store


class NoEmbedder(FakeEmbedder):
    """Same id as the fake that built the index; any embedding is a failure of the fast path."""

    def encode(self, texts, progress=False, batch_size=32):
        pytest.fail("nothing changed, yet the build embedded")


def test_nothing_changed_needs_no_model_and_no_store(small_settings, fake_embedder, monkeypatch):
    first = build_index(small_settings, fake_embedder, progress=False)
    monkeypatch.setattr("rag.pipeline.build_index", lambda *a, **k: pytest.fail("the full build ran"))
    monkeypatch.setattr("rag.store.Store.load", lambda *a, **k: pytest.fail("the index was loaded"))
    stats = Pipeline(small_settings, embedder=NoEmbedder()).build(progress=False)
    assert (stats.files, stats.chunks, stats.embedded, stats.reused) == (3, first.chunks, 0, first.chunks)
    assert stats.summary().startswith(f"Indexed 3 notes, {first.chunks} chunks (0 embedded, {first.chunks} reused)")


def test_touched_note_with_same_bytes_is_still_fresh(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    note = small_settings.corpus / "sqs.md"
    stat = note.stat()
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert unchanged_build(small_settings, fake_embedder.id) is not None


@pytest.mark.parametrize("change", ["edit", "same-size-edit", "new", "delete", "settings", "embedder", "damaged"])
def test_any_change_is_not_fresh(small_settings, fake_embedder, change):
    from dataclasses import replace

    build_index(small_settings, fake_embedder, progress=False)
    settings, embedder_id = small_settings, fake_embedder.id
    note = small_settings.corpus / "sqs.md"
    if change == "edit":
        note.write_text(note.read_text() + "- One more line.\n")
    elif change == "same-size-edit":  # same size; a new modification time makes it hashed
        stat = note.stat()
        note.write_text(note.read_text().replace("30 seconds", "31 seconds"))
        os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
        assert note.stat().st_size == stat.st_size
    elif change == "new":
        (small_settings.corpus / "sns.md").write_text("# SNS\n- Topics fan out.\n")
    elif change == "delete":
        note.unlink()
    elif change == "settings":
        settings = replace(small_settings, chunk_tokens=64, chunk_overlap=8)
    elif change == "embedder":
        embedder_id = "someone/else"
    elif change == "damaged":
        (Store.load(small_settings.index, verify=False).path / "vectors.npy").write_bytes(b"garbage")
    assert unchanged_build(settings, embedder_id) is None


def test_second_rag_index_is_fast_and_repeats_the_warnings(small_corpus, tmp_path, fake_models):
    from click.testing import CliRunner

    from rag.cli import main

    (small_corpus / "creds.md").write_text("# Creds\npassword = hunter2x\n")
    args = ["index", "--corpus", str(small_corpus), "--index", str(tmp_path / "idx"), "--quiet"]
    runner = CliRunner()
    first = runner.invoke(main, args)
    again = runner.invoke(main, args)
    assert first.exit_code == again.exit_code == 0, again.output
    assert fake_models.embedders[-1].embedded == 0 and "(0 embedded, " in again.stdout
    assert "warning: creds.md:2: password value redacted" in again.stderr
    assert "hunter2x" not in again.output


def test_cli_and_pipeline_import_no_heavy_library():
    """`rag --help` and a no-op `rag index` must not import torch, sentence-transformers, FAISS or the answerer."""
    code = (
        "import sys, rag.cli, rag.pipeline, rag.freshness, rag.embed\n"
        "rag.embed.Embedder()\n"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'faiss', 'transformers', 'llama_cpp', 'rag.answer')"
        " if m in sys.modules]\n"
        "print(heavy)\n"
    )
    assert run_python(code) == "[]"
