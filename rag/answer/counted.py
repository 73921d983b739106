"""A number the question states before a noun counts that noun ("a 40 seat restaurant", "a 12 berth marina"): a note
line holds it only where the same number stands beside that noun, not as another thing's value.

A line "Locker 61, (code) 3D" holds the number 61, but as a locker's number: it says nothing of a changing room with
61 lockers. The number's neighbours in the question and in the line tell which thing it measures (rag.answer.gate).
"""

from __future__ import annotations

import re

from ..text import GENERIC, STOPWORDS, stem
from .policy import DEFAULT, Policy, questions as Q, values as V
from .sameword import stands_for

_TOKEN = re.compile(r"[A-Za-z][\w']*|\d+(?:[.,]\d+)*")


def counted_noun(question: str, number: int, things: frozenset[str]) -> str | None:
    """The stemmed noun the question writes right after ``number`` ("40 seat", "40-seat"), when the number is one it
    states as a given (policy.values.STATED_NUMBER) and the word is one the notes use as a thing (``things``:
    rag.answer.vocab, after an article or a number); None when a function word, a verb ("on the 2 written in") or
    nothing follows ("inflation in 1995")."""
    for match in V.STATED_NUMBER.finditer(question):
        if int(match.group(1)) != number:
            continue
        after = re.match(r"[\s-]+([A-Za-z][\w-]*)", question[match.end():])
        word = after.group(1).lower() if after else ""
        if len(word) > 2 and word not in STOPWORDS and word not in GENERIC and word not in Q.FRAMING_WORDS \
                and word not in Q.PREPOSITIONS and word in things:
            return stem(word)
    return None


def holds_counted(number: int, noun: str, text: str, policy: Policy = DEFAULT) -> bool:
    """Whether ``text`` states ``number`` (digits or word) with a word standing for ``noun`` at most
    policy.counted_noun_window words before or after it: "61 keys", "61-key", "keys: 61", a row "Keys 61"."""
    tokens = _TOKEN.findall(text)
    cardinal = next((w for w, n in V.COUNT_WORDS.items() if n == number), None)
    window = policy.counted_noun_window
    for i, token in enumerate(tokens):
        if token != str(number) and token.lower() != cardinal:
            continue
        near = {stem(t.lower()) for t in tokens[max(0, i - window): i] + tokens[i + 1: i + 1 + window]
                if not t[0].isdigit()}
        if stands_for(noun, near, policy, abbreviations=False):
            return True
    return False
