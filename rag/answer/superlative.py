"""A question asking which thing ranks first ("which herb is the hardiest", "the best slicer") is answered
only by a line that ranks: one that lists the things, or calls one of them "a good slicer", says nothing of
which is largest or best (rag.answer.gate asks). Any ranking word will do in the line ("strongest" answers
"which knot holds hardest"), since notes rank in their own words; the question's amount checks handle values.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, stem, terms
from .intent import Intent
from .policy import DEFAULT, Policy, questions as Q, values as V

if TYPE_CHECKING:
    from .evidence import Unit


def asked_superlative(question: str) -> str | None:
    """The superlative a question asks by ("the largest", "the most prized"), or None. Only after an article or a
    possessive, the grammar of a ranking ("which is the best"); a word ending in -est that is no superlative
    ("the rest", "the latest request") is in Q.NOT_SUPERLATIVE; nor does "one of the tallest" ask one."""
    for match in Q.SUPERLATIVE_ASKED.finditer(question):
        word = match.group(1).lower()
        # "one of the oldest vines" describes a member of a top group; it asks no ranking
        if word not in Q.NOT_SUPERLATIVE and not Q.ONE_OF.search(question[: match.start()]):
            return word
    return None


def ranks(text: str, asked: str = "") -> bool:
    """Whether a line states a ranking: a superlative, "most"/"least", a maximum or minimum, "top"; or, for a
    bound asked ("the shortest"), a range of values, which states both its ends ("3 minutes to 5 minutes")."""
    if asked and any(p.fullmatch(asked) for p in (V.BOUND_WORDS["max"], V.BOUND_WORDS["min"])) and Q.VALUE_RANGE.search(text):
        return True
    return any(w.lower() not in Q.NOT_SUPERLATIVE for w in Q.RANKING_STATED.findall(text))


def ranked_things(question: str, asked: str, asked_terms: tuple[str, ...]) -> set[str]:
    """What the question ranks: the asked words right after its superlative ("the best slicer", "the most prized
    rose breeder"), else those after its "which"/"what" ("which herb is the hardiest"), up to a function
    word; else every other word it asks about."""
    tokens = [w.lower() for w in re.findall(r"[A-Za-z][\w'-]*", question)]
    for start in (tokens.index(asked) + 1 if asked in tokens else None,
                  next((i + 1 for i, w in enumerate(tokens) if w in ("which", "what")), None)):
        if start is None:
            continue
        found: set[str] = set()
        for word in tokens[start:]:
            if word in STOPWORDS:
                break
            found |= set(terms(word)) & set(asked_terms)
        if found:
            return found
    return {t for t in asked_terms if t != stem(asked)} - {stem(w) for w in Q.RANKING_WORDS}


def unranked(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> str | None:
    """The superlative asked when none of the best lines ranks the thing asked in one line, the ranking word and
    the thing together in its sentence or in its headings ("Largest harbour" does not rank lighthouses, nor
    "the biggest pot" slicers); None when one does, or when the question asks no ranking, or asks a
    value (the gate's bound checks read "the longest steeping time"). A table's row speaking of the thing answers too: a
    table ranks its rows by the column it is sorted on ("the highest tide" is its last row)."""
    if not policy.superlative_must_rank or intent.wants_amount or intent.comparison or intent.parts:
        return None
    asked = asked_superlative(intent.question)
    if asked is None:
        return None
    things = ranked_things(intent.question, asked, intent.asked_terms)
    for unit in ranked[: policy.kind_units]:
        for piece in (unit.quote, f"{unit.heading} {unit.context}"):
            if (ranks(piece, asked) or unit.row) and (not things or things & set(terms(piece))):
                return None
    return asked
