"""Whether the notes name someone for a "who" question: a line naming a person or a body the question does not, and
for "who invented the X receiver", one that speaks of that kind of thing too (rag.answer.gate asks).

A name is read from the notes' own writing: a capitalised word they never write in lower case ("Armstrong"), not a
title-case heading's words ("Sharp or Flat Prefix") nor a table's column names ("Major 7th").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import stem
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy, values as V
from .sameword import stands_for
from .vocab import Vocabulary

if TYPE_CHECKING:
    from .evidence import Unit


def names_someone(intent: Intent, unit: Unit, vocab: Vocabulary, policy: Policy = DEFAULT) -> bool:
    """For a "who" question: the line, or its headings, names someone the question does not: a capitalised word
    past a sentence's start (however many spaces follow its full stop) that the notes never write in lower case
    (policy.name_never_lowercase), nor any part of it ("Half-Diminished"), of three letters or more ("Eb" and "Hz"
    are symbols): "Armstrong", not a title-case heading's "Flat Prefix" nor a table's "Major"."""
    def named(text: str) -> bool:
        text = re.sub(r"\s+", " ", text)
        if not policy.name_never_lowercase:
            return intent.holds_name(text)
        asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", intent.question)}
        found = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b", text.strip())
        return any(n.lower() not in asked and len(n) > 2 and not set(re.split(r"[-']", n.lower())) & vocab.lowered
                   for n in found)
    return named(unit.quote) or named(unit.context)


# a number before a noun ("the second pope", "the three henries") names a position or a count, not a kind
_NUMBER_STEMS = frozenset(stem(w) for w in (*V.ORDINAL_WORDS, *V.COUNT_WORDS, "one"))


def kind_named(intent: Intent, ranked: list[Unit], vocab: Vocabulary, policy: Policy = DEFAULT) -> str | None:
    """A "who" question about one kind of a thing ("who invented the superheterodyne receiver") needs a line
    naming someone that speaks of both words of the kind, in itself or its headings: a name beside another kind
    ("a regenerating receiver"), or in a heading's date, is no answer. A number before a noun ("the second
    pope", "the three henries") names a position or a count, checked apart (Intent.positions), not a kind.
    Returns the kind no naming line speaks of, or None."""
    if not (policy.who_names_the_kind and intent.who) or intent.parts or intent.comparison:
        return None
    kinds = [(m, h) for m, h in intent.heads if m not in _NUMBER_STEMS]
    naming = [spoken_terms(u) for u in ranked[: policy.kind_units] if names_someone(intent, u, vocab, policy)]
    for modifier, head in kinds:
        if not any(stands_for(modifier, said, policy) and stands_for(head, said, policy) for said in naming):
            return f"{intent.word_of(modifier)} {intent.word_of(head)}"
    return None
