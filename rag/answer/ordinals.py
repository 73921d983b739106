"""Ordinal numbers in two spellings, "fifth" and "5th": the same word to the scorer, the gate and the verifier.

The tokenizer reads "5th" as the number "5" and the suffix "th", so a question saying "perfect fifth" found no
word of a line saying "Perfect 5th" and was refused as asking about something the notes never mention.
The first few positions have a third spelling, a Latin adjective: "Primary stage:" names the first stage
(policy.values.ORDINAL_ADJECTIVES), so "the first stage" is spoken by it, and "the primary stage" by "first".
"""

from __future__ import annotations

import re

from ..text import stem
from .policy import notes as N, values as V

# stemmed ordinal word -> (numeral, suffix): "fifth" -> ("5", "th")
_BY_WORD = {stem(w): (str(i), w[-2:]) for i, w in enumerate(N.ORDINAL_WORDS, 1)}
_BY_NUMERAL = {n: (w, suffix) for w, (n, suffix) in _BY_WORD.items()}
_NUMERAL_ORDINAL = re.compile(r"(?<![\w.])(\d{1,2})(st|nd|rd|th)\b", re.IGNORECASE)
# stemmed ordinal word <-> stemmed Latin adjective for the same position: "first" <-> "primari"
_ADJECTIVE = {stem(N.ORDINAL_WORDS[i]): stem(a) for i, a in enumerate(V.ORDINAL_ADJECTIVES)}
_ADJECTIVE.update({a: w for w, a in list(_ADJECTIVE.items())})


def spelled_ordinals(text: str) -> set[str]:
    """The ordinal words that a text's numeral ordinals spell ("Perfect 5th" -> {"fifth"}), for a vocabulary
    that should know "fifth" when the notes only write "5th"."""
    found = set()
    for number, suffix in _NUMERAL_ORDINAL.findall(text):
        word = _BY_NUMERAL.get(number.lstrip("0") or "0")
        if word and word[1] == suffix.lower():
            found.add(word[0])
    return found


def same_ordinal(term: str, spoken: set[str] | frozenset[str], adjectives: bool = True) -> bool:
    """Whether a stemmed question term is an ordinal the sentence's words write the other way: "fifth" where
    the sentence holds "5" and "th" (it wrote "5th"), "5" where it holds "fifth"; with ``adjectives``, "first"
    where it holds "primary" and the reverse."""
    if adjectives and _ADJECTIVE.get(term) in spoken:
        return True
    if term in _BY_WORD:
        number, suffix = _BY_WORD[term]
        return number in spoken and suffix in spoken
    if term in _BY_NUMERAL:
        return _BY_NUMERAL[term][0] in spoken
    return False


def other_spelling(term: str) -> str | None:
    """The stemmed Latin adjective for a stemmed ordinal word's position, or the reverse ("first" <-> "primari");
    None for other words."""
    return _ADJECTIVE.get(term)
