"""A question asking an item by its position ("the first step of the bread recipe", "the last check before
casting off") is answered by the item at that position of the list under the heading (or lead-in line) that
names what else it asks: notes number their steps ("1. Soak the flour") and seldom write "first" in them.
It answers the gate (the ordinal and its noun are spoken by the position) and is the answer's anchor.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ..markup import FENCE, HEADING_ANY_DASHES, ITEM_WITH_TEXT, depth
from ..text import stem, terms
from .policy import DEFAULT, Policy, values as V

if TYPE_CHECKING:
    from .intent import Intent
    from .units import Unit


def position_asked(question: str) -> tuple[int, str, str] | None:
    """(position, the ordinal word's stem, its noun's stem) for "the third step" (3), "the last check" (-1);
    None when the question asks no position of a thing. A number after the word counts ("the last two
    rows"): no single position is asked then."""
    match = V.ORDINAL_WORD.search(question)
    if match and match.group(2).lower() not in V.COUNT_WORDS and not match.group(2).isdigit():
        return V.ORDINAL_WORDS.index(match.group(1).lower()), stem(match.group(1)), stem(match.group(2))
    match = V.LAST_POSITION.search(question)
    if match and match.group(2).lower() not in V.COUNT_WORDS and not match.group(2).isdigit():
        return -1, stem(match.group(1)), stem(match.group(2))
    return None


def _list_around(lines: list[str], at: int) -> tuple[list[int], str]:
    """The 0-based line indexes of the items of the list holding line ``at`` (items at its depth, blank lines
    and deeper lines between them allowed), and the lead-in: the text line right above the list, if any."""
    level = depth(lines[at])
    items = [at]
    for step in (-1, 1):
        i = at + step
        while 0 <= i < len(lines):
            line = lines[i]
            if not line.strip() or (depth(line) > level and not HEADING_ANY_DASHES.match(line)):
                i += step
                continue
            if ITEM_WITH_TEXT.match(line) and depth(line) == level:
                items.append(i)
                i += step
                continue
            break
    items.sort()
    i = items[0] - 1
    while i >= 0 and not lines[i].strip():
        i -= 1
    lead = lines[i] if i >= 0 and not HEADING_ANY_DASHES.match(lines[i]) and not FENCE.match(lines[i]) else ""
    return items, lead


def positioned_item(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]],
                    policy: Policy = DEFAULT, excused: frozenset[str] = frozenset()) -> Unit | None:
    """The unit at the asked position of a list among the best lines whose heading path and lead-in speak of
    everything else asked (something must be: the words naming the list); None when the question asks no position,
    or a value of the item ("how long does the first coat take"), or no such list has that many items."""
    asked = position_asked(intent.question) if policy.position_names_item and not intent.wants_amount else None
    if asked is None:
        return None
    number, ordinal, noun = asked
    rest = [t for t in dict.fromkeys(intent.asked_terms) if t not in (ordinal, noun) and t not in excused]
    if not rest:  # "how long does the first coat cure": no list named, the ordinal names a thing ("Primary coat:")
        return None
    by_line = {(u.file, u.line): u for u in ranked}
    seen = set()
    for unit in ranked[: policy.kind_units]:
        lines = note_lines(unit.file)
        if not (0 < unit.line <= len(lines)) or not ITEM_WITH_TEXT.match(lines[unit.line - 1]):
            continue
        items, lead = _list_around(lines, unit.line - 1)
        if (unit.file, items[0]) in seen:
            continue
        seen.add((unit.file, items[0]))
        text = f"{unit.heading} {lead}"
        said = set(terms(text)) | set(terms(re.sub(r"[-/_]", " ", text)))
        if any(t not in said for t in rest):
            continue
        if not (number == -1 or 0 < number <= len(items)) or len(items) < policy.position_list_min:
            continue
        found = by_line.get((unit.file, items[number - 1 if number > 0 else -1] + 1))
        if found is not None:
            return found
    return None
