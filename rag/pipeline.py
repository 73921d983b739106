"""Wires settings, index, retriever, model and answerer together; what the CLI, UI and evals call.

The answer and retrieval modules, torch and FAISS are imported where they are first used: `rag index` with
nothing changed needs none of them and returns in a fraction of a second.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from .config import Settings
from .embed import make_embedder
from .errors import IndexCorruptError, IndexMissingError, IndexStaleError, RagError
from .freshness import Freshness
from .models import Generator, load_generator
from .build import BuildStats, build_index  # numpy, no FAISS or torch (imported where they are used)
from .store import Store
from .text import printable

if TYPE_CHECKING:
    from .answer import Answerer
    from .retrieve import Retriever

log = logging.getLogger("rag")
MAX_HISTORY = 8  # earlier questions a caller may pass (only the last rewrites a follow-up)
MAX_HISTORY_CHARS = 1000  # each, like a typed question


def cap_history(history) -> list[str]:
    """Earlier questions from any caller (CLI, UI, API), bounded in count and size like the question."""
    if not isinstance(history, (list, tuple)):
        return []
    return [h[:MAX_HISTORY_CHARS] for h in history if isinstance(h, str) and h.strip()][-MAX_HISTORY:]


def _sentences():
    """What the answer stage scores in a chunk: the index stores those sentences' vectors."""
    from .answer.evidence import sentence_texts

    return sentence_texts


class Pipeline:
    """Loads models once per process; the index is built on first use and can be refreshed in place.

    ``generator`` is any :class:`rag.models.Generator` (a test fake, a backend built elsewhere); without one,
    the backend the settings name is loaded on first use.
    """

    def __init__(self, settings: Settings | None = None, embedder=None, generator: Generator | None = None):
        self.settings = settings or Settings.load()
        self._embedder = embedder
        self._generator = generator
        self._retriever = None
        self._answerer = None
        self._fresh: Freshness | None = None
        self._lock = threading.RLock()

    @property
    def embedder(self):
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings)
            return self._embedder

    @property
    def generator(self) -> Generator:
        with self._lock:
            if self._generator is None:
                self._generator = load_generator(self.settings)
            return self._generator

    def build(self, progress: bool = True, rebuild: bool = False) -> BuildStats:
        """Build or refresh the index, then reload it; returns at once when the notes have not changed."""
        from .freshness import unchanged_build

        with self._lock:
            if not rebuild:
                stats = unchanged_build(self.settings, self.embedder.id)
                if stats is not None:
                    return stats  # the loaded index (if any) is still the live one
            stats = build_index(self.settings, self.embedder, progress=progress, rebuild=rebuild, sentences=_sentences())
            self._retriever = None
            self._answerer = None
            self._fresh = None
            return stats

    def _load_store(self, progress: bool) -> Store:
        try:
            return Store.load(self.settings.index, self.settings, self.embedder.id)
        except IndexMissingError:
            log.warning("no index yet in %s; building it now", self.settings.index)
        except IndexCorruptError as err:
            log.warning("%s; rebuilding it now", err)
        stats = build_index(self.settings, self.embedder, progress=progress, rebuild=True, sentences=_sentences())
        log.warning(stats.summary())
        return Store.load(self.settings.index, self.settings, self.embedder.id)

    def retriever(self, progress: bool = True) -> Retriever:
        with self._lock:
            if self._retriever is None:
                from .retrieve import Retriever

                store = self._load_store(progress)
                self._retriever = Retriever(store, self.embedder)
                self._fresh = Freshness(self.settings.corpus, store.manifest.get("files", {}))
            return self._retriever

    def ensure_fresh(self) -> None:
        """Refresh the index first when an indexed note was edited or removed, so citations match the file."""
        with self._lock:
            self.retriever()
            changed = self._fresh.changed() if self._fresh else []
            if not changed:
                return
            names = ", ".join(printable(name) for name in changed[:3]) + (" …" if len(changed) > 3 else "")
            log.warning("%s changed since the index was built; refreshing the index first", names)
            try:
                self.build(progress=False)
            except RagError as err:
                raise IndexStaleError(
                    f"{names} changed since the index was built and the index could not be refreshed ({err}); "
                    "answers could cite the wrong lines: run `rag index`"
                ) from None

    def answerer(self) -> Answerer:
        with self._lock:
            if self._answerer is None:
                from .answer import Answerer

                generator = self.generator  # first: a bad RAG_MODEL should fail before any indexing work
                self._answerer = Answerer(self.retriever(), generator, self.settings)
            return self._answerer

    def warm(self) -> None:
        """Load the embedding model now rather than on the first question (the web UI calls it in a thread)."""
        try:
            load = getattr(self.embedder, "load", None)
            if load is not None:
                load()
        except Exception as err:  # the first question reports it again, to the one who asked
            log.warning("could not load the embedding model: %s", err)

    def search(self, question: str, k: int | None = None):
        from .answer import clean_question

        self.ensure_fresh()
        return self.retriever().retrieve(clean_question(question), k or self.settings.top_k)

    def ask(self, question: str, history: list[str] | None = None, k: int | None = None):
        self.answerer()  # a bad model fails before any indexing work
        self.ensure_fresh()
        return self.answerer().ask(question, cap_history(history), k)

    def ask_stream(self, question: str, history: list[str] | None = None, k: int | None = None):
        self.answerer()
        self.ensure_fresh()
        return self.answerer().ask_stream(question, cap_history(history), k)
