"""The on-disk index and its checks: chunks, vectors, FAISS index and a checksummed manifest, loaded.

Layout: ``index/CURRENT`` names the live build folder ``index/build-*`` (written by :mod:`rag.build`, which
replaces ``CURRENT`` only once a build is complete). Loading refuses an index made from other settings, another
notes folder or another format, and a damaged one, each with the command that fixes it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from .chunk import Chunk
from .freshness import sha256_file
from .errors import IndexCorruptError, IndexMismatchError, IndexMissingError
from .tokens import ENCODING
from .vector_index import read_faiss_index

FORMAT_VERSION = 7  # 2: curly quotes kept by ingestion; 3 and 4: more credential shapes redacted (old chunks may hold
# them); 4: a lone CR no longer ends a line (old line numbers may be off), data blobs left out, note size and mtime kept;
# 5: the evidence sentences' vectors are stored beside the chunks' (sentences.npy); 6: HTML inside a line is read as
# its text (tags no longer among the search words) and a table's lead-in line is carried into its rows' chunks;
# 7: a front matter's title heads its note's heading paths, its closing "---" no longer makes a heading (rag.frontmatter)
FILES = ("chunks.jsonl", "vectors.npy", "faiss.index", "sentences.npy", "sentences.json")


def chunker_settings(settings) -> dict:
    return {"max_tokens": settings.chunk_tokens, "overlap": settings.chunk_overlap, "tokenizer": ENCODING}


def text_key(text: str) -> str:
    """What a vector is reused by when its text comes again (a chunk's embedded text, an evidence sentence):
    the text's SHA-256, 128 bits of it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


class SentenceVectors:
    """Stored vectors of the evidence sentences, found by :func:`text_key` (empty for an index without them)."""

    def __init__(self, keys: list[str] | None = None, matrix: np.ndarray | None = None):
        self.keys = list(keys or [])
        self.matrix = matrix if matrix is not None else np.zeros((0, 0), np.float32)
        self._row = {key: row for row, key in enumerate(self.keys)}

    def __len__(self) -> int:
        return len(self.keys)

    def get(self, text: str) -> np.ndarray | None:
        row = self._row.get(text_key(text))
        return None if row is None else np.asarray(self.matrix[row])

    def row(self, key: str) -> int | None:
        return self._row.get(key)


def live_build(index_dir: Path) -> Path | None:
    """The build folder ``index_dir/CURRENT`` names, or None when there is no sound one."""
    pointer = index_dir / "CURRENT"
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):  # missing, not a folder, or garbage: no live build
        return None
    if not name.startswith("build-") or "/" in name or "\\" in name or "\x00" in name:
        return None
    build = index_dir / name
    return build if build.is_dir() else None


class Store:
    """A loaded index: chunks, their vectors, the FAISS index and the manifest."""

    def __init__(self, path: Path, manifest: dict, chunks: list[Chunk], vectors: np.ndarray, faiss_index,
                 sentences: SentenceVectors | None = None):
        self.path = path
        self.manifest = manifest
        self.chunks = chunks
        self.vectors = vectors
        self.faiss = faiss_index
        self.sentences = sentences or SentenceVectors()

    @staticmethod
    def exists(index_dir: Path) -> bool:
        return live_build(Path(index_dir)) is not None

    @classmethod
    def load(cls, index_dir: Path, settings=None, embedder_id: str | None = None, verify: bool = True) -> "Store":
        """Load the live build; refuse one made with other settings; detect corrupted files."""
        index_dir = Path(index_dir)
        build = live_build(index_dir)
        if build is None:
            raise IndexMissingError(f"no index in {index_dir}; build it with `rag index`")
        try:
            manifest = json.loads((build / "manifest.json").read_text())
        except (OSError, ValueError):
            raise IndexCorruptError(f"index manifest in {build} is unreadable; rebuild with `rag index --rebuild`") from None
        if settings is not None:
            check_folder(manifest, settings, index_dir)
        check_compatible(manifest, settings, embedder_id)
        if verify:
            for name, digest in manifest.get("checksums", {}).items():
                file = build / name
                if not file.exists() or sha256_file(file) != digest:
                    raise IndexCorruptError(
                        f"index file {file} is missing or corrupted (checksum mismatch); rebuild with `rag index --rebuild`"
                    )
        try:
            with (build / "chunks.jsonl").open(encoding="utf-8") as fh:
                chunks = [Chunk(**json.loads(line)) for line in fh if line.strip()]
            vectors = np.load(build / "vectors.npy", mmap_mode="r")
            faiss_index = read_faiss_index(build / "faiss.index")
            keys = json.loads((build / "sentences.json").read_text(encoding="utf-8"))
            sentences = SentenceVectors(keys, np.load(build / "sentences.npy", mmap_mode="r"))
        except Exception as err:  # any parse failure here means a damaged build
            raise IndexCorruptError(f"index in {build} cannot be read ({err}); rebuild with `rag index --rebuild`") from None
        if len(chunks) != len(vectors) or faiss_index.ntotal != len(chunks) or len(keys) != len(sentences.matrix):
            raise IndexCorruptError(f"index in {build} is inconsistent; rebuild with `rag index --rebuild`")
        return cls(build, manifest, chunks, vectors, faiss_index, sentences)

    def file_summary(self) -> list[dict]:
        files = self.manifest.get("files", {})
        return [{"file": name, "chunks": info["chunks"]} for name, info in sorted(files.items())]


def notes_folder(settings) -> str:
    """The resolved notes folder an index records and is checked against."""
    return str(Path(settings.corpus).expanduser().resolve())


def check_folder(manifest: dict, settings, index_dir) -> None:
    """An index answers only for the notes folder it was built from (the manifest records it)."""
    built_for, wanted = manifest.get("corpus"), notes_folder(settings)
    if built_for != wanted:
        raise IndexMismatchError(
            f"the index in {index_dir} holds the notes of {built_for}, not {wanted}; leave out --index/RAG_INDEX "
            "(each notes folder gets its own index) or give a new folder"
        )


def check_compatible(manifest: dict, settings=None, embedder_id: str | None = None) -> None:
    version = manifest.get("format_version")
    if version != FORMAT_VERSION:
        raise IndexMismatchError(
            f"index format version {version} does not match this program's ({FORMAT_VERSION}); run `rag index --rebuild`"
        )
    if embedder_id and manifest.get("embedder") != embedder_id:
        raise IndexMismatchError(
            f"index was built with embedder {manifest.get('embedder')!r}, not {embedder_id!r}; run `rag index --rebuild`"
        )
    if settings is not None and manifest.get("chunker") != chunker_settings(settings):
        raise IndexMismatchError(
            f"index was built with chunker settings {manifest.get('chunker')}, now {chunker_settings(settings)}; "
            "run `rag index` to rebuild it"
        )
