"""Whether the notes say the thing a "what/which <thing> ..." question asks of what the rest of the question names.

"what refund guarantee does the ferry company offer": the notes may state a refund guarantee (of the airline) and
speak of the ferry company (its routes), yet no line says both: the guarantee the best line gives is another
subject's; a table giving the water for 2 cups of lentils does not say what size of pot 2 cups of lentils need. Read
from the question's grammar (policy.questions.THING_ASKED) only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import re

from ..text import STOPWORDS, stem, words
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy, questions as Q, values as V
from .sameword import stands_for

if TYPE_CHECKING:
    from .evidence import Unit


def thing_and_rest(intent: Intent, excused: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(the asked terms naming the thing asked, the other asked terms but the question's verb); ([], []) when the
    question does not open "what/which <thing> <auxiliary>"."""
    match = Q.THING_ASKED.match(intent.question)
    if not match:
        return [], []
    named = {stem(w) for w in words(match.group(1))}
    asked = [t for t in dict.fromkeys(intent.asked_terms) if t not in excused]
    return [t for t in asked if t in named], [t for t in asked if t not in named]


def measured(intent: Intent) -> bool:
    """ "what size tin do I need", "which temperature setting ...": the thing asked opens with a word asking a kind of
    value (policy.values.VALUE_QUESTIONS), so its other words name the object measured, which an answer names; a
    thing asked by its kind alone ("which colour ...") may be answered by an instance ("black")."""
    match = Q.THING_ASKED.match(intent.question)
    first = words(match.group(1))[:1] if match else []
    return bool(first) and any(pattern.fullmatch(first[0]) for pattern, _kind in V.VALUE_QUESTIONS)


def said_of_another(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT,
                    excused: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(thing, rest) when the best line, the one an answer quotes, names the thing asked (all its words), others
    speak of all the rest, and no section (the best lines of one file under one heading, together) speaks of the
    rest and of any word of the thing: the line states the thing of something else. None otherwise: a best line about the rest that names no thing ("never use black first" for
    "which colour is never first") may name it by an instance, and is no evidence either way; unless the thing is
    an object whose measure is asked (:func:`measured`: "what size tin do I need for 500 g of dough" over a table
    giving the water for 500 g of dough), which an answer names."""
    # a list question's thing is a kind its items are instances of ("which tools ..."), unless a measure is asked
    # of it ("what size tin do I need for 4 litres": the number before a plural reads as a list's count)
    if not policy.thing_said_of_subject or intent.comparison or intent.parts or intent.wants_list and not measured(intent):
        return None
    thing, rest = thing_and_rest(intent, excused)
    if not thing or not rest:
        return None
    spoken = [spoken_terms(u) for u in ranked[: policy.kind_units]]
    if not spoken:
        return None
    if not (measured(intent) or all(stands_for(t, spoken[0], policy) for t in thing)):
        return None  # the best line, the one quoted, names the thing asked
    if not any(all(stands_for(t, said, policy) for t in thing) for said in spoken):
        return None
    if not any(all(stands_for(t, said, policy) for t in rest) for said in spoken):
        return None
    # a section speaks of its subject once ("I keep the recipe as a little script" above the script's lines): the
    # lines of one section (file and heading) count together
    sections: dict[tuple[str, str], set[str]] = {}
    for unit, said in zip(ranked, spoken):
        sections.setdefault((unit.file, unit.heading), set()).update(said)
    if any(all(stands_for(t, said, policy) for t in rest) and any(stands_for(t, said, policy) for t in thing)
           for said in sections.values()):
        return None
    return intent.word_of_all(thing), intent.word_of_all(rest)


def unnamed_instance(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> str | None:
    """For advice asking which one of a kind to use ("which anchor should I carry"): the kind, when no
    relevant line names one of it: the kind's phrase with a word before it the question lacks ("the Danforth
    anchor"), or a line about the rest that names none of the kind's words (an instance alone, "use black").
    A line naming the kind itself ("you need not carry a spare anchor") speaks of it, not of which one.
    None when the question is no such advice or a line names one (policy.advice_names_an_instance)."""
    match = Q.ADVICE.match(intent.question)
    if not (policy.advice_names_an_instance and match) or intent.value or intent.comparison or intent.parts:
        return None
    kind = [stem(w) for w in words(match.group(1)) if w not in STOPWORDS]
    asked = {stem(w) for w in words(intent.question)}
    if not kind:
        return None
    relevant = [u for u in ranked[: policy.kind_units] if u.coverage >= policy.kind_min_coverage]
    if not relevant:
        return None  # no line is about the question: nothing to judge by (the relevance floor decides)
    for unit in relevant:
        tokens = [t.lower() for t in re.findall(r"[A-Za-z][\w-]*", unit.quote)]
        if not any(stem(t) in kind for t in tokens):
            return None  # about the rest, naming none of the kind: it may name an instance alone
        for end in (i for i, t in enumerate(tokens) if stem(t) == kind[-1]):
            i = end
            while i and stem(tokens[i - 1]) in kind:  # back over the kind's own words: "storm anchor"
                i -= 1
            whole = {stem(t) for t in tokens[i: end + 1]} >= set(kind)  # a "pull saw" is no "dovetail saw"
            if whole and i and tokens[i - 1] not in STOPWORDS and stem(tokens[i - 1]) not in asked:
                return None
    return " ".join(words(match.group(1)))
