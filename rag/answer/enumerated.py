"""A count a list question puts on what it asks ("what are the three kinds of hitch") is spoken by a line listing
that many items, inline after a colon ("... these kinds: clove, rolling, and timber") or as that many list items
right under it: notes seldom write the count over a list they give. A list of another length says nothing of it."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import stem
from .policy import DEFAULT, Policy, questions as Q, values as V

if TYPE_CHECKING:
    from .evidence import Unit
    from .intent import Intent


def count_asked(question: str) -> tuple[str, int] | None:
    """(the count's stemmed word, its number) when the question puts a count on its thing ("the three kinds",
    "the 2 rules"), None otherwise."""
    match = Q.COUNT_ON_THING.search(question)
    if not match:
        return None
    said = match.group(1).lower()
    number = int(said) if said.isdigit() else V.COUNT_WORDS.get(said)
    return (stem(said), number) if number else None


def items_inline(sentence: str, policy: Policy = DEFAULT) -> int:
    """How many items a sentence lists after its last colon ("main kinds: a, b, and c" -> 3); 0 when it lists
    none: no colon, fewer than two items, or an item longer than policy.enumeration_item_words words."""
    if ":" not in sentence:
        return 0
    tail = sentence.rsplit(":", 1)[1].strip().rstrip(".;")
    items = [i for i in Q.ITEM_SEPARATOR.split(tail) if i and i.strip()]
    if len(items) < 2 or any(len(i.split()) > policy.enumeration_item_words for i in items):
        return 0
    return len(items)


def items_under(unit: Unit, ranked: list[Unit]) -> int:
    """How many lines of its chunk read right under ``unit`` (their parent lines hold it, and no other such line
    stands between): its list's items, grandchildren left out."""
    head = unit.quote.strip()[:60]
    if not head:
        return 0
    below = {u.line: u for u in ranked if u.file == unit.file and u.chunk_id == unit.chunk_id
             and u.line > unit.line and head in u.context}
    return sum(1 for u in below.values()
               if not any(o.line != u.line and o.quote.strip()[:60] in u.context for o in below.values()))


def counted_by_list(intent: Intent, unit: Unit, ranked: list[Unit], policy: Policy = DEFAULT) -> set[str]:
    """{the count's stem} when ``unit`` lists exactly as many items as the question counts (inline or under it);
    empty otherwise, or with policy.count_by_enumeration off."""
    if not (policy.count_by_enumeration and intent.wants_list):
        return set()
    asked = count_asked(intent.question)
    if not asked:
        return set()
    word, number = asked
    if items_inline(unit.quote, policy) == number or items_under(unit, ranked) == number:
        return {word}
    return set()
