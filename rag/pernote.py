"""What is worked out from a whole note's lines, kept per note: the answerer reads a note's lines for each of its
chunks and each question, and the reading depends on the note alone (and the knobs it reads).

Keyed by the lines' identity, the same list the answerer's note cache hands out for the note's life (a list of
lines is never changed once read); the entry holds the list, so its id cannot be reused while kept. A note read
again as a new list is worked out again. Bounded: policy.notes.NOTES_KEPT notes, least recently read dropped.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


class PerNote(Generic[T]):
    """``work(lines)`` kept for each note's lines; ``knobs()``: the policy values ``work`` reads (a changed knob
    works the note out again, as a test switching a mechanism off does)."""

    def __init__(self, work: Callable[[list[str]], T], knobs: Callable[[], tuple] = tuple):
        self.work, self.knobs = work, knobs
        self.kept: OrderedDict[int, tuple[list[str], tuple, T]] = OrderedDict()
        self.lock = threading.Lock()  # the web server answers on several threads

    def __call__(self, lines: list[str]) -> T:
        from .answer.policy import notes as N  # the bound lives with the other knobs; imported when first read

        knobs = self.knobs()
        with self.lock:
            hit = self.kept.get(id(lines))
            if hit is not None and hit[0] is lines and hit[1] == knobs:
                self.kept.move_to_end(id(lines))
                return hit[2]
        found = self.work(lines)
        with self.lock:
            self.kept[id(lines)] = (lines, knobs, found)
            self.kept.move_to_end(id(lines))
            while len(self.kept) > max(N.NOTES_KEPT, 1):
                self.kept.popitem(last=False)
        return found
