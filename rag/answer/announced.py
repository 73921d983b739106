"""A list announced in a sentence of prose ("They consist of three main components:", "we need two key pieces of
information:", "The hull carries the following:") heads the list written under it, as a heading or a label
line naming the list does (rag.answer.gate.listing), when the line speaks of what the list is asked of."""

from __future__ import annotations

import re
from typing import Callable

from ..markup import ITEM_WITH_TEXT
from ..text import strip_markup, terms
from .evidence import Unit, counted_things, kind_of, list_nouns, spoken_terms
from .intent import Intent
from .policy import Policy, questions as Q
from .sameword import stands_for

_LAST_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def announced_list(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]],
                   policy: Policy) -> Unit | None:
    """For a list question: the best line whose last sentence announces a list (policy.questions.ANNOUNCES_LIST)
    that a list right under it holds, where the line (with its headings) speaks of every word the question asks
    the list of, or, when the question counts the things ("what two things"), announces that count. None when
    no line does, for other questions, or with knob ``announced_list_heads_list`` off."""
    if not (policy.announced_list_heads_list and intent.wants_list):
        return None
    nouns = set(kind_of(list_nouns(intent.question))) | {t for t in kind_of(list(intent.asked_terms))
                                                          if t in _LIST_TERMS}
    if (listed := Q.LISTED_NOUN.search(intent.question)):  # "what are the parts of ...": parts are what is listed
        nouns |= set(terms(listed.group(1) or listed.group(2)))
    subject = [t for t in dict.fromkeys(intent.asked_terms) if t not in nouns]
    counts = {n for n, _ in counted_things(intent.question)}
    for unit in ranked[: policy.kind_units]:
        last = _LAST_SENTENCE.split(strip_markup(unit.display).strip())[-1]
        if unit.row or not Q.ANNOUNCES_LIST.search(last) or not _list_below(unit, note_lines):
            continue
        said = {n for n, _ in counted_things(last)}
        spoken = spoken_terms(unit)
        if counts and counts & said or not counts and subject and all(stands_for(t, spoken, policy) for t in subject):
            return unit
    return None


def _list_below(unit: Unit, note_lines: Callable[[str], list[str]]) -> bool:
    """Whether a list item opens the first line written under the unit's last line (a blank line between)."""
    lines = note_lines(unit.file)
    after = [line for line in lines[unit.last: unit.last + 2] if line.strip()]
    return bool(after) and bool(ITEM_WITH_TEXT.match(after[0]))


_LIST_TERMS = frozenset(kind_of(Q.LIST_NOUNS.split()))
