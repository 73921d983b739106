"""Building the index: read the notes that changed, chunk them, embed only new text, write a build atomically.

A build writes a new folder ``index/build-*`` and only then replaces ``index/CURRENT`` (an atomic rename), so a
killed build never breaks the live index (:mod:`rag.store` loads it). Vectors are reused by their text's
hash, so refreshing after a one-line edit embeds one or two chunks.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import numpy as np

from .chunk import Chunk, chunk_note
from .errors import ConfigError, CorpusError, IndexCorruptError, IndexMismatchError, IndexMissingError
from .freshness import sha256_file
from .ingest import MAX_NOTE_BYTES, Note, find_notes, read_or_skip
from .ownership import check_index_folder, claim, mark_build, point_to, remove_stale_builds
from .store import (FILES, FORMAT_VERSION, SentenceVectors, Store, check_folder, chunker_settings, live_build,
                    notes_folder, text_key)
from .vector_index import make_faiss_index

# The answer stage scores each sentence of the retrieved chunks by its similarity to the question. Embedding
# those ~80 sentences per question cost 410 ms of a 900 ms first token (corpus/, idle machine); stored at index
# time they are looked up instead. Past this many sentences (~370 MB of vectors) they are embedded when asked.
SENTENCE_VECTORS_MAX = 250_000


@dataclass
class BuildStats:
    """What one build did: notes and chunks indexed, embedded or reused, notes changed or removed, warnings."""

    files: int = 0
    chunks: int = 0
    embedded: int = 0  # chunks whose vectors were computed this build (not reused)
    reused: int = 0
    sentences_embedded: int = 0  # evidence sentences embedded this build, and reused from the last one
    sentences_reused: int = 0
    seconds: float = 0.0
    changed_files: list[str] = field(default_factory=list)
    removed_files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Indexed {self.files} notes, {self.chunks} chunks "
            f"({self.embedded} embedded, {self.reused} reused) in {self.seconds:.1f}s"
        )


def _read_corpus(corpus: Path, old_files: dict) -> tuple[list[Note], list[str], dict[str, int]]:
    """The notes as :func:`rag.ingest.load_corpus` reads them, except that a note whose bytes match the last
    build's (SHA-256) is not repaired and redacted again: its chunks are reused whole, its warnings come from
    the manifest, and it is returned without lines. Returns (notes, warnings, {kept note: its line count}).
    Repairing every note took 1.8 s of a 3.3 s refresh after a one-line edit (corpus/, load average 12).
    """
    paths, warnings = find_notes(corpus)
    notes: list[Note] = []
    kept: dict[str, int] = {}
    for path in paths:
        rel = path.relative_to(corpus).as_posix()
        entry = old_files.get(rel) or {}
        if "lines" in entry and "warnings" in entry:
            try:
                stat = path.stat()
                # past the size limit read_note refuses it (with the message); never hash it whole here
                digest = hashlib.sha256(path.read_bytes()).hexdigest() if stat.st_size <= MAX_NOTE_BYTES else None
            except OSError:
                digest = None
            if digest == entry.get("sha256"):
                notes.append(Note(rel, digest, [], list(entry["warnings"]), stat.st_size, stat.st_mtime_ns,
                                  pages=list(entry.get("pages") or [])))
                warnings.extend(entry["warnings"])
                kept[rel] = int(entry["lines"])
                continue
        note = read_or_skip(path, corpus, warnings)
        if note is not None:
            notes.append(note)
    return notes, warnings, kept


def build_index(settings, embedder, progress: bool = True, rebuild: bool = False,
                sentences: Callable[[Chunk], Iterable[str]] | None = None) -> BuildStats:
    """Build or refresh the index for ``settings.corpus``; only new or changed notes are embedded.

    ``sentences`` gives the texts of a chunk that the answer stage scores (its evidence sentences); their
    vectors are stored too (up to ``SENTENCE_VECTORS_MAX``), each embedded once and reused by its text.
    """
    started = time.perf_counter()
    # a bar redrawn with carriage returns is noise in a log, a pipe or a CI transcript: bars only on a terminal
    progress = progress and sys.stderr.isatty()
    corpus, index_dir = Path(settings.corpus), Path(settings.index)
    check_index_folder(index_dir, corpus)  # before any work: never build into (or clean) a folder that isn't ours
    _refuse_other_folder(index_dir, settings)
    previous: dict[str, tuple[list[Chunk], np.ndarray, str]] = {}
    old_files: dict = {}
    old_sentences = SentenceVectors()
    if not rebuild:
        try:
            old = Store.load(index_dir, settings, embedder.id)
            old_files = old.manifest.get("files", {})
            old_sentences = old.sentences
            for chunk, vector in zip(old.chunks, old.vectors):
                entry = previous.setdefault(chunk.file, ([], [], old_files.get(chunk.file, {}).get("sha256")))
                entry[0].append(chunk)
                entry[1].append(np.asarray(vector))
        except (IndexMissingError, IndexMismatchError, IndexCorruptError):
            previous, old_files = {}, {}
    notes, warnings, kept_lines = _read_corpus(corpus, old_files)
    if not notes:
        detail = f" ({'; '.join(warnings[:3])})" if warnings else ""
        raise CorpusError(f"no readable notes (.md, .txt, .pdf, .html) in {corpus}{detail}; add notes or point --corpus elsewhere")
    stats = BuildStats(warnings=list(warnings))

    chunks: list[Chunk] = []
    vectors: list[np.ndarray | None] = []
    to_embed: list[int] = []
    files: dict[str, dict] = {}
    # Vectors of the chunks of edited, renamed or removed notes, by their embedded text: an edit changes one
    # or two chunks of a note, and only those are embedded again (refresh after a one-line edit: 45 -> 1-2).
    same = set(kept_lines)
    spare = {text_key(chunk.embed_text()): vector for name, (old_chunks, old_vectors, _) in previous.items() if name not in same
             for chunk, vector in zip(old_chunks, old_vectors)}
    for note in notes:
        if note.path in same:
            note_chunks, note_vectors = previous.get(note.path, ([], [], None))[:2]
        else:
            note_chunks = chunk_note(note, settings.chunk_tokens, settings.chunk_overlap)
            note_vectors = [spare.get(text_key(chunk.embed_text())) for chunk in note_chunks]
            if note.path in old_files or previous:
                stats.changed_files.append(note.path)
        for chunk, vector in zip(note_chunks, note_vectors):
            chunk.id = len(chunks)
            if vector is None:
                to_embed.append(len(chunks))
            chunks.append(chunk)
            vectors.append(vector)
        files[note.path] = {"sha256": note.sha256, "chunks": len(note_chunks),
                            "lines": kept_lines[note.path] if note.path in same else len(note.lines),
                            "size": note.size, "mtime_ns": note.mtime_ns,  # to notice an edit before citing
                            "warnings": note.warnings}  # repeated when the note is not read again
        if note.pages:  # PDF: first line of each page, so that citations can name page and line
            files[note.path]["pages"] = note.pages
    stats.removed_files = sorted(set(old_files) - set(files))
    stats.reused = len(chunks) - len(to_embed)
    stats.files, stats.chunks = len(notes), len(chunks)
    if not to_embed and not stats.changed_files and not stats.removed_files and old_files:
        stats.seconds = time.perf_counter() - started
        return stats  # the live build already holds exactly this: writing it again would only cost time

    if to_embed:
        _stage(progress, f"embedding {len(to_embed)} chunks")
        fresh = embedder.encode([chunks[i].embed_text() for i in to_embed], progress=progress)
        for i, vector in zip(to_embed, fresh):
            vectors[i] = vector
    stats.embedded = len(to_embed)
    matrix = np.vstack(vectors).astype(np.float32) if vectors else np.zeros((0, embedder.dim), np.float32)
    sentence_keys, sentence_matrix = _sentence_vectors(chunks, sentences, old_sentences, embedder, progress, stats)

    manifest = {
        "format_version": FORMAT_VERSION,
        "embedder": embedder.id,
        "dim": int(matrix.shape[1]),
        "chunker": chunker_settings(settings),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "corpus": notes_folder(settings),
        "files": files,
    }
    _write_build(index_dir, manifest, chunks, matrix, sentence_keys, sentence_matrix)
    stats.seconds = time.perf_counter() - started
    return stats


def _sentence_vectors(chunks: list[Chunk], sentences, old: SentenceVectors, embedder, progress: bool,
                      stats: BuildStats) -> tuple[list[str], np.ndarray]:
    """Keys and vectors of every distinct evidence sentence: the last build's where the text is the same."""
    if sentences is None:
        return [], np.zeros((0, 0), np.float32)
    texts = list(dict.fromkeys(text for chunk in chunks for text in sentences(chunk)))
    if len(texts) > SENTENCE_VECTORS_MAX:
        return [], np.zeros((0, 0), np.float32)
    keys = [text_key(text) for text in texts]
    old_rows = [old.row(key) for key in keys]
    missing = [i for i, row in enumerate(old_rows) if row is None]
    stats.sentences_embedded, stats.sentences_reused = len(missing), len(keys) - len(missing)
    matrix = np.zeros((len(keys), int(embedder.dim)), np.float32)
    kept = [i for i, row in enumerate(old_rows) if row is not None]
    if kept:
        matrix[kept] = np.asarray(old.matrix)[[old_rows[i] for i in kept]]
    if missing:
        _stage(progress, f"embedding {len(missing)} evidence sentences")
        matrix[missing] = embedder.encode([texts[i] for i in missing], progress=progress)
    return keys, matrix


def _stage(progress: bool, what: str) -> None:
    """Name the step the progress bar that follows belongs to (when bars are shown)."""
    if progress:
        print(f"notesqa: {what}", file=sys.stderr, flush=True)


def _refuse_other_folder(index_dir: Path, settings) -> None:
    """Never overwrite the index of another notes folder (an explicit --index pointing at it)."""
    build = live_build(index_dir)
    try:
        manifest = json.loads((build / "manifest.json").read_text()) if build else None
    except (OSError, ValueError):
        return  # a damaged index: rebuilding over it is the fix
    if manifest and manifest.get("corpus"):
        check_folder(manifest, settings, index_dir)


def _write_build(index_dir: Path, manifest: dict, chunks: list[Chunk], matrix: np.ndarray,
                 sentence_keys: list[str], sentence_matrix: np.ndarray) -> None:
    import faiss

    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ConfigError(
            f"cannot create the index folder {index_dir} ({err.strerror}); pass --index or set RAG_INDEX to a folder you can write"
        ) from None
    claim(index_dir)
    name = f"build-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = index_dir / f".tmp-{name}"
    tmp.mkdir()
    mark_build(tmp)
    with (tmp / "chunks.jsonl").open("w", encoding="utf-8") as fh:
        for chunk in chunks:
            fh.write(json.dumps(chunk.to_dict(), ensure_ascii=False) + "\n")
    np.save(tmp / "vectors.npy", matrix)
    np.save(tmp / "sentences.npy", sentence_matrix)
    (tmp / "sentences.json").write_text(json.dumps(sentence_keys), encoding="utf-8")
    faiss.write_index(make_faiss_index(matrix), str(tmp / "faiss.index"))
    manifest["checksums"] = {f: sha256_file(tmp / f) for f in FILES}
    (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False))
    for f in (*FILES, "manifest.json"):
        with (tmp / f).open("rb") as fh:
            os.fsync(fh.fileno())
    tmp.rename(index_dir / name)
    point_to(index_dir, name)  # the commit point
    remove_stale_builds(index_dir, keep=name)  # only folders notesqa made (prefix and marker)
