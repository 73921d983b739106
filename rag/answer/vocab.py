"""Vocabulary the answer stage learns from the notes when the index is loaded: words, count units, names.

Nothing about one field is written in code: "seats" becomes a unit because the notes say "650 seats" and
"435 seats", whatever field they are from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text import STOPWORDS, stem, words

_NUMBER_THEN_WORD = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\s*([A-Za-z][A-Za-z-]{0,20})")
MIN_UNIT_COUNT = 2  # a word must follow a number at least twice in the notes to count as a unit
MIN_NAME_COUNT = 3  # ...and a word must occur this often, capitalised mid-sentence this share of the time,
NAME_SHARE = 0.8  # to count as a name ("Marx", "Kafka"): a question pairing a name with an unknown word
_MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,;(] )([A-Za-z][a-z]+)\b")  # asks about something the notes never name


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]  # lower-cased words of the notes
    stems: frozenset[str]
    units: frozenset[str]  # stemmed words that follow numbers in the notes ("2 replicas" -> "replica")
    names: frozenset[str] = frozenset()  # lower-cased words the notes mostly write capitalised mid-sentence

    @classmethod
    def learn(cls, texts) -> "Vocabulary":
        seen: set[str] = set()
        after_numbers: Counter = Counter()
        capital: Counter = Counter()
        total: Counter = Counter()
        for text in texts:
            seen.update(words(text))
            after_numbers.update(stem(w) for w in _NUMBER_THEN_WORD.findall(text))
            for match in _MID_SENTENCE_WORD.finditer(text):
                word = match.group(1)
                total[word.lower()] += 1
                capital[word.lower()] += word[0].isupper()
        units = frozenset(u for u, n in after_numbers.items() if n >= MIN_UNIT_COUNT and len(u) > 1 and u not in STOPWORDS)
        names = frozenset(w for w, n in total.items() if n >= MIN_NAME_COUNT and capital[w] / n >= NAME_SHARE and len(w) > 1)
        return cls(frozenset(seen), frozenset(stem(w) for w in seen), units, names)

    def knows(self, word: str) -> bool:
        """Whether a word (any inflection) occurs in the notes."""
        return word.lower() in self.words or stem(word) in self.stems
