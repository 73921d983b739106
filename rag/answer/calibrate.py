"""How close a question's best note is, on the scale of these notes' own similarities.

A raw cosine similarity means different things on different notes and embedders: MiniLM gives a note's
sentence about 0.41 (median) against the nearest chunk of *another* note in the AWS notes and 0.39 in the
government notes, and a question's best note ranges 0.25-0.79 on both. So the refusal decision never reads
the raw number. When the index is loaded, a sample of the notes' own evidence sentences (their vectors are
stored in the index) is compared with every chunk, keeping for each sentence its best match among chunks of
*other* notes: what "close, but about something else" looks like in these notes. A question's closeness is
the share of that sample it beats (an empirical CDF): 0.5 means "as close as a typical unrelated note",
0.95 "closer than nearly every unrelated pair". Cost: one (400 x chunks) matrix product at load, 1.3 ms
on corpus/ (452 chunks, load 1.9; fewer sentences past 5,000 chunks, policy.calibration_pairs); per
question, a binary search.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .policy import DEFAULT, Policy


@dataclass(frozen=True)
class Closeness:
    """Maps a question's best dense similarity to its rank among these notes' unrelated-pair similarities."""

    unrelated: np.ndarray  # sorted best similarity of sampled note sentences to chunks of other notes
    neutral: float = DEFAULT.refuse_closeness  # closeness when there is nothing to rank against

    @classmethod
    def learn(cls, chunk_vectors, groups: list[str], sentence_vectors, policy: Policy = DEFAULT) -> "Closeness":
        """Learn from the stored vectors. ``groups`` names each chunk's note (or, in a one-note corpus, its
        top heading): a sentence's own group is left out, so its best remaining match is an unrelated one.
        Too few sentences, or only one group: an empty sample, and every question counts as ``neutral`` (as
        close as a typical unrelated note), so key-term coverage alone decides."""
        chunks = np.asarray(chunk_vectors, dtype=np.float32)
        sentences = np.asarray(sentence_vectors, dtype=np.float32)
        labels = np.unique(np.asarray(groups), return_inverse=True)[1] if len(groups) else np.zeros(0, int)
        if (sentences.ndim != 2 or chunks.ndim != 2 or len(sentences) < policy.calibration_min
                or len(set(groups)) < 2 or sentences.shape[1] != chunks.shape[1]):
            return cls(np.zeros(0, np.float32), policy.refuse_closeness)
        # at most calibration_pairs sentence-chunk products: fewer sampled sentences over many chunks
        n = min(len(sentences), policy.calibration_sentences, max(policy.calibration_min, policy.calibration_pairs // len(chunks)))
        rows = np.linspace(0, len(sentences) - 1, n).astype(int)
        sims = sentences[rows] @ chunks.T
        own = labels[sims.argmax(axis=1)]  # a sentence's best chunk is the one holding it
        sims[labels[None, :] == own[:, None]] = -1.0
        best_other = sims.max(axis=1)
        return cls(np.sort(best_other[best_other > -1.0]), policy.refuse_closeness)

    @classmethod
    def of_store(cls, store, policy: Policy = DEFAULT) -> "Closeness":
        """From a loaded index: its chunk vectors and stored sentence vectors (none in an index without them)."""
        chunks = list(store.chunks)
        groups = [c.file for c in chunks]
        if len(set(groups)) < 2:  # one note: its top-level sections are each other's "other notes"
            groups = [c.heading.split(" > ")[0] for c in chunks]
        stored = getattr(store, "sentences", None)
        sentences = getattr(stored, "matrix", None)
        if sentences is None or not len(chunks):
            return cls(np.zeros(0, np.float32), policy.refuse_closeness)
        return cls.learn(store.vectors, groups, _lines_alone(chunks, stored, sentences), policy)

    @property
    def calibrated(self) -> bool:
        return len(self.unrelated) > 0

    def __call__(self, dense: float) -> float:
        """The share of unrelated note pairs less similar than ``dense`` (``neutral`` without a sample: a raw
        similarity has no meaning of its own to fall back on)."""
        if not self.calibrated:
            return self.neutral
        return float(np.searchsorted(self.unrelated, dense, side="right")) / len(self.unrelated)

    def describe(self) -> str:
        if not self.calibrated:
            return "not calibrated (too few stored sentences, or one note with one section): coverage decides"
        median = float(np.median(self.unrelated))
        return f"median unrelated similarity {median:.2f} over {len(self.unrelated)} sentences of the notes"


def _lines_alone(chunks, stored, matrix):
    """The stored vectors of the notes' sentences as written (rag.answer.embedded.line_texts), in order: the
    index also stores sentences read with the one before them (a pointing-back sentence), left out here so the
    sample is the one it always was."""
    from ..store import text_key
    from .embedded import line_texts

    row = getattr(stored, "row", None)
    if row is None or not len(matrix):
        return matrix
    rows = [r for r in dict.fromkeys(row(text_key(t)) for c in chunks for t in line_texts(c)) if r is not None]
    return np.asarray(matrix)[rows] if rows else matrix


UNCALIBRATED = Closeness(np.zeros(0, np.float32))  # no calibration: every question counts as typically close
