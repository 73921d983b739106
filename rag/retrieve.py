"""Hybrid retrieval: dense (FAISS) and BM25 (bm25s) rankings fused with reciprocal rank fusion."""

from __future__ import annotations

import difflib
import logging
import re
from dataclasses import dataclass

import numpy as np

from .chunk import Chunk
from .dictionary import common_words
from .text import STOPWORDS, is_flag, plain, stem, terms

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")
RRF_K = 60  # the usual constant from Cormack et al.; damps the weight of top ranks


def dense_search(index, query: np.ndarray, k: int):
    """``index.search`` for one query on the calling thread only.

    FAISS splits even one query's exact search over its OpenMP threads; on a busy 2-core machine they wait
    on each other (benchmarks/README.md: 10k vectors p50 0.3 ms on one thread, 16-24 ms on two).
    """
    import faiss

    previous = faiss.omp_get_max_threads()  # a per-thread OpenMP setting: other threads are not affected
    faiss.omp_set_num_threads(1)
    try:
        return index.search(query, k)
    finally:
        faiss.omp_set_num_threads(previous)


@dataclass
class Hit:
    chunk: Chunk
    score: float  # fused RRF score
    dense: float  # cosine similarity of the question and the chunk
    lexical: float  # BM25 score (0 if the chunk was not in the BM25 list)
    rank: int = 0


class BM25:
    """bm25s over the chunks' heading + text, with the same stemming as the rest of the pipeline."""

    def __init__(self, texts: list[str], tokens: list[list[str]] | None = None):
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)  # it sets itself to DEBUG on import
        self._bm25 = bm25s.BM25()
        corpus_tokens = [doc or ["_empty_"] for doc in (tokens if tokens is not None else map(terms, texts))]
        self._vocab: dict[str, int] = {}
        ids = [[self._vocab.setdefault(tok, len(self._vocab)) for tok in doc] for doc in corpus_tokens]
        self._bm25.index(bm25s.tokenization.Tokenized(ids=ids, vocab=self._vocab), show_progress=False)
        self.size = len(texts)

    def search(self, query: str, k: int) -> list[tuple[int, float]]:
        ids = [self._vocab[t] for t in terms(query) if t in self._vocab]
        if not ids or not self.size:
            return []
        scores = self._bm25.get_scores(ids)
        k = min(k, self.size)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top])]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]


def smoothed_idf(texts: list[str], tokens: list[list[str]] | None = None) -> dict[str, float]:
    """Inverse document frequency of each stemmed term over the chunks (BM25's smoothed form)."""
    df: dict[str, int] = {}
    for doc in (tokens if tokens is not None else map(terms, texts)):
        for term in set(doc):
            df[term] = df.get(term, 0) + 1
    n = len(texts)
    return {t: float(np.log(1 + (n - d + 0.5) / (d + 0.5))) for t, d in df.items()}


class Speller:
    """Corrects question words that are not in the notes' vocabulary ("defualt" -> "default"), but never a
    word of ``dictionary`` (common English words, rag.dictionary): a real word the notes never use is no typo
    ("relative" must not become "reactive")."""

    def __init__(self, texts: list[str], dictionary: frozenset[str] = frozenset()):
        self.dictionary = dictionary
        counts: dict[str, int] = {}
        for text in texts:
            for word in _WORD.findall(plain(text).lower()):  # "Ålesund" is typed "alesund"
                counts[word] = counts.get(word, 0) + 1
        self.counts = counts
        self.stems = {stem(w) for w in counts}
        self.by_initial: dict[str, list[str]] = {}
        for word in counts:
            if len(word) >= 3 and word.isalpha():
                self.by_initial.setdefault(word[0], []).append(word)

    def correct_word(self, word: str) -> str:
        low = word.lower()
        if len(low) < 4 or not low.isalpha() or low in self.counts or low in STOPWORDS or low in self.dictionary:
            return word
        if stem(low) in self.stems:  # "retained" is fine when the notes say "retain": BM25 sees stems
            return word
        pool = [w for w in self.by_initial.get(low[0], []) if abs(len(w) - len(low)) <= 2]
        # Transposed first letters are rare in typing; the first-letter pool keeps this fast.
        close = difflib.get_close_matches(low, pool, n=4, cutoff=0.8)
        if not close:
            return word
        return max(close, key=lambda w: (difflib.SequenceMatcher(None, low, w).ratio(), self.counts[w]))

    def correct(self, text: str) -> str:
        return _WORD.sub(lambda m: self.correct_word(m.group(0)), text)


class Retriever:
    """Answers ``retrieve(question, k)`` over a loaded :class:`~rag.store.Store`."""

    def __init__(self, store, embedder):
        self.store = store
        self.embedder = embedder
        texts = [c.embed_text() for c in store.chunks]
        tokens = [terms(t) for t in texts]  # once for both (a refresh reloads this: 0.35 s of it under load)
        # BM25 ranks chunks on their words as it always has: an option flag (rag.text.option_flags) would lengthen
        # every chunk of commands, and BM25's length norm would reorder chunks for questions naming none. The
        # answer stage reads flags in the chunks gathered (and in the table piece keyed by one, rag.answer.cells).
        self.bm25 = BM25(texts, [[t for t in doc if not is_flag(t)] for doc in tokens])
        self.idf = smoothed_idf(texts, tokens)
        self.speller = Speller(texts, common_words())

    def retrieve(self, question: str, k: int = 4, pool: int = 30) -> list[Hit]:
        chunks = self.store.chunks
        if not chunks or not question.strip():
            return []
        pool = min(max(pool, k), len(chunks))
        qvec = self.embedder.encode_query(question)
        dense_scores, dense_ids = dense_search(self.store.faiss, qvec[None, :], pool)
        dense = [(int(i), float(s)) for i, s in zip(dense_ids[0], dense_scores[0]) if i >= 0]
        lexical = self.bm25.search(question, pool)

        fused: dict[int, float] = {}
        for ranking in (dense, lexical):
            for rank, (idx, _) in enumerate(ranking):
                fused[idx] = fused.get(idx, 0.0) + 1.0 / (RRF_K + rank + 1)
        dense_map, lexical_map = dict(dense), dict(lexical)
        order = sorted(fused, key=lambda i: -fused[i])[:k]
        hits = []
        for rank, idx in enumerate(order, start=1):
            cos = dense_map.get(idx)
            if cos is None:  # outside the dense pool: compute it, it is one dot product
                cos = float(np.dot(np.asarray(self.store.vectors[idx]), qvec))
            hits.append(Hit(chunks[idx], fused[idx], cos, lexical_map.get(idx, 0.0), rank))
        return hits
