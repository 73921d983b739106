"""When the model may stop writing: only its first sentence can lead an answer.

The composer leads with the model's first verified sentence, and every other line of the answer is a quote of
the notes, so what the model writes after its first sentence is almost never shown (AWS dev, real model: 6 of 7
leads were the first sentence). Generation therefore stops once that sentence is complete, or as soon as it
adds a word or number that none of the sources holds: :func:`rag.answer.verify.verify` would drop it anyway.
Each token the tiny model writes costs ~15 ms on two cores, and its answers ran ~50 tokens (median).
"""

from __future__ import annotations

from ..text import numbers, stem, terms, words
from .sameword import synonyms_of
from .verify import REFUSAL_HINTS, Checked, Source, added_terms, number_units, parse_answer


class LeadWatch:
    """Fed the model's text so far, says when nothing more it writes could lead the answer."""

    def __init__(self, sources: list[Source], question: str, units: frozenset[str] = frozenset()):
        text = " ".join(f"{u.heading} {u.quote}" for s in sources for u in s.units)
        # the union over every source: a word missing from all of them is missing from whichever one is cited
        self._have = set(terms(text)) | {stem(w) for w in words(text)}
        self._numbers = {n for n, _ in number_units(text, units)}
        self._asked = numbers(question)
        self._question = question
        self._units = units
        self._valid = {s.n for s in sources}
        self.stopped = ""  # why the model was stopped: "complete" (its first sentence ended) or "unheld"

    def done(self, raw: str) -> bool:
        """True when the first sentence is complete, or already adds what no source holds."""
        sentences = parse_answer(raw, self._valid)
        if len(sentences) >= 2:
            self.stopped = "complete"  # a second sentence started: the first can no longer change
            return True
        if not sentences:
            return False
        # the last word may still be growing ("Through" before "put"): judge only the words that are settled
        settled = sentences[0].text if raw[-1:].isspace() else " ".join(sentences[0].text.split()[:-1])
        said = {n for n, _ in number_units(settled, self._units)}
        if (REFUSAL_HINTS.search(settled) or said - self._asked - self._numbers
                or any(t not in self._have and not (synonyms_of(t) & self._have)
                       for t in added_terms(settled, self._question))):
            self.stopped = "unheld"
        return bool(self.stopped)

    def written(self, checked: list[Checked]) -> list[Checked]:
        """The model's sentences as it finished them: the start of a second sentence it was stopped in is
        not one (it would be listed as an unverified sentence the model never wrote)."""
        return checked[:-1] if self.stopped == "complete" else checked
