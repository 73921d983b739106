"""When a word of the question and a word of the notes are the same word: one stem, a synonym from the
policy's small table, an inflection ("explode"/"explosion"), an abbreviation ("env"/"environment"), or the
initials of a run of the question's words ("mph" for "miles per hour").

The scorer ranks sentences with it, the gate judges coverage with it and the verifier checks model sentences
with the synonym table, so "the same word" means one thing across the answer stage.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import STOPWORDS, stem, terms, words
from .policy import notes as N, questions as Q
from .ordinals import same_ordinal
from .policy import DEFAULT, Policy

_SYNONYMS: dict[str, set[str]] = {}
for _a, _b in N.SYNONYMS:
    _SYNONYMS.setdefault(stem(_a), set()).add(stem(_b))
    _SYNONYMS.setdefault(stem(_b), set()).add(stem(_a))


def synonyms_of(term: str) -> set[str]:
    """Stemmed words of the policy's synonym table that may stand for the stemmed ``term``."""
    return _SYNONYMS.get(term, set())


def stands_for(term: str, spoken: set[str], policy: Policy = DEFAULT, abbreviations: bool = True) -> bool:
    """Whether a stemmed question term stands in a sentence's words: the same stem, a synonym, an
    abbreviation of one ("env"/"environ"; only where leniency is the safe side), or the same word inflected
    ("explod"/"explos", "anarchist"/"anarch")."""
    if term in spoken or synonyms_of(term) & spoken:
        return True
    if policy.ordinals_both_ways and same_ordinal(term, spoken, policy.ordinal_adjectives):  # "fifth" / "5th" / "primary"
        return True
    # a verb ending in "-o" takes "-es" ("goes", "echoes"), which the stemmer keeps as "-oe" on a short word:
    # "go" in a question is "goes" in a note ("an engine that goes up to 6000 rpm"), and the reverse
    if term.endswith("o") and f"{term}e" in spoken or term.endswith("oe") and term[:-1] in spoken:
        return True
    for word in spoken:
        short, long_ = sorted((term, word), key=len)
        if abbreviations and len(short) >= policy.abbreviation_min and long_.startswith(short):
            return True
        shared = _common_prefix(short, long_)
        if shared >= policy.shared_prefix_min and shared >= policy.shared_prefix_share * len(short):
            return True
    return False


def kin_in_notes(word: str, vocab, policy: Policy = DEFAULT) -> bool:
    """The notes hold the word in another inflection or derivation ("founders" where they say "founded"): a
    stem of theirs that is the same word by the rule the single-line check judges lines by (a shared prefix,
    :func:`stands_for`, no shortening), or a synonym of the policy's table ("period" for "era"), which that check
    accepts too. Such a word is one the notes use, not one they never do."""
    if not policy.unknown_by_kin:
        return False
    term = stem(word)
    if synonyms_of(term) & vocab.stems:
        return True
    head = term[: policy.shared_prefix_min]
    return len(head) == policy.shared_prefix_min and any(
        s.startswith(head) and stands_for(term, {s}, policy, abbreviations=False) for s in vocab.stems)


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def initialled(question: str, spoken: set[str] | frozenset[str], policy: Policy = DEFAULT) -> set[str]:
    """The question's stemmed terms that a shortening in ``spoken`` (stemmed words) spells by their initials:
    "miles per hour" for a line saying "12 mph", "personal flotation devices" for "PFD" (the notes need
    not spell the shortening out anywhere). A run of the question's words counts when it opens and closes with
    a content word; function words inside it give their letter ("per" in "mph"), and "of", "and", "the", "for",
    "in", "on" may give none ("RSPB" for "royal society for the protection of birds")."""
    return set(shortened(question, spoken, policy))


def shortened(question: str, spoken: set[str] | frozenset[str], policy: Policy = DEFAULT) -> dict[str, set[str]]:
    """:func:`initialled` with, for each spelled term, the shortenings of ``spoken`` that spell it."""
    found: dict[str, set[str]] = {}
    for run, letters in _initials(question, policy.initials_min, policy.initials_max):
        if letters in spoken:
            for w in run:
                if _content(w):
                    found.setdefault(stem(w), set()).add(letters)
    return found


@lru_cache(maxsize=1024)
def _initials(question: str, shortest: int, longest: int) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each run of the question's words with the shortenings its initials spell (all words' letters, or the
    content words' only)."""
    tokens = words(question)
    out = []
    for start, first in enumerate(tokens):
        if not _content(first):
            continue
        for end in range(start + 1, min(len(tokens), start + longest + 2)):
            run = tuple(tokens[start: end + 1])
            if not _content(run[-1]):
                continue
            spellings = {"".join(w[0] for w in run)}
            # "department of homeland security" is "DOHS" or "DHS": only these small words may give no letter
            if all(_content(w) or w in N.INITIALS_SKIPPED for w in run):
                spellings.add("".join(w[0] for w in run if _content(w)))
            for letters in spellings:
                if shortest <= len(letters) <= longest:
                    out.append((run, letters))
    return tuple(out)


def named_by_symbol(question: str, spoken: set[str] | frozenset[str]) -> set[str]:
    """The question's stemmed terms that a symbol it writes right after them names, when ``spoken`` (stemmed
    words) holds the symbol: "the hull speed Vh" is one thing named twice, in words and by its
    symbol, so a line saying "Vh = 1.34 * sqrt(L)" speaks of the hull speed. A symbol is a short word of
    letters and digits, both ("Vh", "H2O", "CO2")."""
    found: set[str] = set()
    run: list[str] = []
    for token in re.findall(r"[A-Za-z0-9][\w'-]*", question):
        low = token.lower()
        if _SYMBOL.fullmatch(token) and run and stem(low) in spoken:
            found.update(stem(w) for w in run)
        named = terms(low) and low not in Q.FRAMING_WORDS and not _SYMBOL.fullmatch(token)  # not "how many B12"
        run = run + [low] if named else []
    return found


_SYMBOL = re.compile(r"(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z0-9]{2,4}")


def _content(word: str) -> bool:
    return word.isalpha() and word not in STOPWORDS and len(word) > 1
