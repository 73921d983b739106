"""The thing a how-to asks to act on, when the notes never write it: "how do I bake a brioche" in notes on bread
that never say "brioche" asks of what they do not cover, whatever they say of baking other loaves. The words after
the question's verb, up to a preposition, name that thing (its object). So too the means a how-to imposes ("by its
date"): a line doing it otherwise does not do it that way."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import GENERIC, STOPWORDS, stem
from .intent import Intent
from .policy import DEFAULT, Policy
from .policy import questions as Q
from .sameword import kin_in_notes
from .unknown import unknown_words
from .vocab import Vocabulary

if TYPE_CHECKING:
    from .evidence import Unit

# a word of the object: letters, digits and inner hyphens, split at dots ("tar.gz" is "tar", "gz")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]*")


def unknown_object(intent: Intent, vocab: Vocabulary, excused: frozenset[str] = frozenset(),
                   policy: Policy = DEFAULT) -> str | None:
    """For "how do I <verb> <object> ...": a word of the object (past its determiners, up to a preposition) that the
    notes never use, nor a form or synonym of it, nor one the unknown-word check forgives (rag.answer.unknown
    .unknown_words) or a pro-form ("the finished ones"); None when every word is theirs, or the question is no such
    how-to (nor a comparison, two parts, or a value asked)."""
    if not (policy.object_must_be_known and intent.how_to) or intent.wants_amount:
        return None
    match = Q.HOW_TO_OBJECT.search(intent.question)
    if not match:
        return None
    unknown = set(unknown_words(intent, vocab, excused, policy))
    for word in _WORD.findall(match.group(1).lower()):
        if word in Q.PREPOSITIONS or word in Q.ASKER_PRONOUNS:
            break
        if (word in STOPWORDS or word in GENERIC or word in Q.OBJECT_PRO_FORMS or word.isdigit() or len(word) < 2
                or stem(word) in excused or vocab.knows(word) or kin_in_notes(word, vocab, policy)):
            continue
        if word in unknown or not word.isalpha():  # a word of the notes' checks, or one of a dotted name ("bz2")
            return word
    return None


def unspoken_means(intent: Intent, ranked: list[Unit], spoken, policy: Policy = DEFAULT) -> str | None:
    """For a how-to imposing a means or key ("how do I sort the jars by their date", policy.questions.HOW_TO_MEANS):
    the noun when no best line speaks of it (``spoken(unit)``: the stemmed terms a line speaks of); None when one
    does, or the question imposes none."""
    match = Q.HOW_TO_MEANS.search(intent.question) if policy.means_must_be_spoken and intent.how_to else None
    if not match:
        return None
    noun = stem(match.group(1).lower())
    return None if any(noun in spoken(u) for u in ranked[: policy.kind_units]) else match.group(1).lower()
