"""A heading that restates the question: notes of how-to sections title each with the task it solves ("## Trim the
hedge from the top down"); a question holding every key word of such a title in the title's order asks that
section's task, so lines under other titles sharing most of its words ("Trim the hedge from the bottom up") or all
of them in another order ("Convert Celsius to Fahrenheit" for "convert fahrenheit to celsius") weigh less. A title
wording the question's task but for one stretch ("Knit a scarf in garter stitch" for "... in seed stitch") names a
sibling task: when no line speaks of the question's words there, the notes do not answer it (rag.answer.gate asks)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import stem, terms
from .policy import questions as Q, values as V
from .sameword import stands_for

if TYPE_CHECKING:
    from .evidence import Unit
    from .intent import Intent
    from .policy import Policy


def title_terms(heading: str) -> list[str]:
    """The stemmed words of a heading path's last title, in order (hyphened words also split)."""
    name = heading.split(" > ")[-1]
    return terms(re.sub(r"[-/_]", " ", name))


def restated(key: list[str], heading: str, forms: dict[str, set[str]], min_terms: int, own_verb: bool = False) -> bool:
    """Whether the title ``heading`` ends with holds the question's ``key`` terms (each, or a form of it), in the
    question's order, with at least ``min_terms`` of them: a one- or two-word title ("## Knots") is a topic, not a
    task the question restates. ``own_verb``: the question's verb of general meaning was left out of ``key``, and a
    title opening with a word of its own before them words it ("Preparing a brine" for "make a brine"): that word
    counts toward ``min_terms``."""
    asked = list(dict.fromkeys(key))
    said, at = title_terms(heading), 0
    if own_verb and asked and said and said[0] not in {asked[0]} | forms.get(asked[0], set()):
        at = 1  # the title's verb stands for the question's
    if len(asked) + at < min_terms:
        return False
    for term in asked:
        ok = {term} | forms.get(term, set())
        found = next((i for i in range(at, len(said)) if said[i] in ok), None)
        if found is None:
            return False
        at = found + 1
    return True


def restating_factors(key: list[str], headings: list[str], forms: dict[str, set[str]], min_terms: int,
                      other: float, excused: frozenset[str] = frozenset(), own_verb: bool = False,
                      _retry: bool = False) -> list[float]:
    """Each unit's score factor: 1.0 under a title restating the question, ``other`` under any other title when
    some title does; all 1.0 when none does (the question restates no section's task). When no title holds every
    key term, one holding all but the question's verbs of general meaning (``excused``: "what does the Tidal Rule
    say" names the section "Tidal Rule"; the verb asks for its content) restates it; with ``own_verb``, so does a
    title wording that verb its own way ("Preparing a brine" for "how do I make a brine"; :func:`restated`)."""
    memo: dict[str, bool] = {}  # units share headings: each title is read once
    for h in headings:
        if h and h not in memo:
            memo[h] = restated(key, h, forms, min_terms, own_verb and _retry)
    hit = [memo.get(h, False) for h in headings]
    rest = [t for t in key if t not in excused]
    if not any(hit) and len(rest) < len(key):
        return restating_factors(rest, headings, forms, min_terms, other, own_verb=own_verb, _retry=True)
    if not any(hit):
        return [1.0] * len(headings)
    return [1.0 if h else other for h in hit]


def sibling_gap(asked: list[str], heading: str, same, min_terms: int, asked_max: int, title_max: int
                ) -> tuple[list[str], list[str]] | None:
    """Where the title ``heading`` ends with words a sibling of the question's task rather than the task: the
    question's terms (in order) aligned in order with the title's words (``same(term, word)``), the title sharing
    at least one, holding ``min_terms`` words (a task, not a topic), and saying the rest in one stretch after a
    shared word, where the question says other words: at most ``asked_max`` of the question's and ``title_max`` of the
    title's (a sibling differs by a qualifier or a noun; more is a question adding its own matter, or a title naming
    another task): ("knit a scarf in seed stitch" / "Knit a scarf in garter stitch": [seed] / [garter]).
    The question's words there and the title's are returned; None when the title is no such sibling. A title
    differing before its first shared word ("Prepare a brine" for "make a brine") words the task's verb
    its own way: no sibling."""
    said = title_terms(heading)
    if len(said) < min_terms:
        return None
    pairs, at = [], 0
    for i, term in enumerate(asked):
        j = next((j for j in range(at, len(said)) if same(term, said[j])), None)
        if j is not None:
            pairs.append((i, j))
            at = j + 1
    if not pairs or pairs[0][1] > 0:
        return None
    ends = pairs[1:] + [(len(asked), len(said))]
    stretches = [(asked[i + 1: i2], said[j + 1: j2]) for (i, j), (i2, j2) in zip(pairs, ends) if j2 > j + 1]
    if len(stretches) != 1:
        return None
    mine, theirs = stretches[0]
    return (mine, theirs) if mine and len(mine) <= asked_max and len(theirs) <= title_max else None


def sibling_task(intent: Intent, top: list[Unit], left_out, policy: Policy, excused: frozenset[str] = frozenset()
                 ) -> tuple[list[str], list[str]] | None:
    """A how-to question the notes answer for a sibling task only: the section title, among the best lines'
    (policy.sibling_title_units), sharing most of the question's words names the task but for one stretch
    (:func:`sibling_gap`: "Knit a scarf in garter stitch" for "... in seed stitch"), no best line (``top``) speaks of
    everything asked, and none speaks of one of the question's words there (``left_out(unit)``: the asked terms a line
    leaves out): a word the notes say elsewhere near the question ("with wool" over knitting notes) sets the scene, it
    names no sibling. Returns (the question's terms, the title's) there, or None. The question's verb (``excused``)
    and numbers (read by the gate's number checks) are no words a title must say."""
    left = [set(left_out(u)) for u in top]
    if not top or not all(left):
        return None
    task = Q.TASK_PURPOSE.sub("", intent.question)  # "... for the database": what the task serves, not which it is
    said = [t for t in dict.fromkeys(terms(task)) if t not in excused and not t.isdigit() and t not in _NUMBERS]

    def same(term: str, word: str) -> bool:
        return stands_for(term, {word}, policy)

    titled = top[: policy.sibling_title_units]
    closest = max(titled, key=lambda u: sum(any(same(t, w) for w in title_terms(u.heading)) for t in said))
    gap = sibling_gap(said, closest.heading, same, policy.title_min_terms, policy.sibling_asked_words,
                      policy.sibling_title_words)
    return gap if gap and set(gap[0]) & set.intersection(*left) else None


_NUMBERS = frozenset(stem(w) for w in V.NUMBER_TERMS)
