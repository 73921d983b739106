"""A light verb construction frames a question's action: a verb of general meaning, a bare noun and "of" ("who
takes charge of the galley", "who keeps track of the log"); the pair means one verb the notes write in their own
words or leave unsaid in an owner line ("GALLEY - _Cook_"), so neither word is a thing a line must speak of."""

from __future__ import annotations

from ..text import stem
from .policy import questions as Q

_GENERAL_STEMS = frozenset(stem(v) for v in Q.GENERAL_VERBS)


def light_verb_pair(tokens: list[str]) -> list[str]:
    """The verb and noun of each "<general verb> <noun> of" in ``tokens`` (lower-cased words), the noun bare: no
    determiner, pronoun or preposition ("take the rest of" is no such pair)."""
    found = []
    for verb, noun, after in zip(tokens, tokens[1:], tokens[2:]):
        if (after == "of" and stem(verb) in _GENERAL_STEMS and noun not in Q.DETERMINERS
                and noun not in Q.PREPOSITIONS and noun not in Q.SUBJECT_PRONOUNS and noun.isalpha()):
            found += [verb, noun]
    return found
