"""Quote a list item with its parallel siblings: notes list what someone did one item a verb ("- Charted the
comet", "- Named two moons", "- Charted the nebula"), so "what did she chart" is answered by every item opening with
that verb under the heading naming her, not the best one alone. And a line asked how something is done is quoted
with all its nested lines: they are the ways ("Strata are dated by" > "- fossils", "- ash layers", ...)."""

from __future__ import annotations

from ..markup import HEADING, LIST_ITEM, depth
from ..text import terms, words
from .evidence import Unit
from .intent import Intent
from .policy import DEFAULT, Policy
from .policy import questions as Q


def opening_term(line: str) -> str:
    """The stemmed first word of a list item's text ("- Drafted the charter" -> "draft"); "" when that word is a
    stopword or the line is no list item."""
    match = LIST_ITEM.match(line)
    if not match:
        return ""
    first = words(line[match.end():])[:1]
    found = terms(first[0]) if first else []
    return found[0] if found else ""


def asks_what_done(intent: Intent) -> bool:
    """ "what did the guild build": a what/which question whose object is the question word, asking no value,
    no yes or no, no definition, no comparison, no two parts, no list already (a list block quotes its list)."""
    first = words(intent.question)[:1]
    return bool(first) and first[0] in Q.WH_SUBJECT and not (
        intent.value or intent.yes_no or intent.definition or intent.comparison or intent.parts or intent.wants_list)


def parallel_items(unit: Unit, lines: list[str], intent: Intent, policy: Policy = DEFAULT) -> tuple[str, int, int] | None:
    """(quote, start, end) of the run of sibling items from the first to the last that opens with the same word
    as ``unit``'s line, with their nested lines, when that word is the question's and every other word of the
    question names what the heading or parent line above names (the question asks what was done, nothing
    more): "what did the guild build" over "## Guild" > "- Built the hall", "- Paid the masons", "- Built a
    bridge". None otherwise, or when the run is longer than policy.list_max_lines (knob parallel_items)."""
    if not policy.parallel_items or unit.row or unit.end or not asks_what_done(intent):
        return None
    if not 0 < unit.line <= len(lines) or unit.quote not in lines[unit.line - 1]:
        return None
    anchor = unit.line
    if opening_term(lines[anchor - 1]) not in (asked := set(terms(intent.question))):
        anchor = _parent(lines, anchor)  # "Didn't cover tenants" under "- Drafted the charter"
    opening = opening_term(lines[anchor - 1]) if anchor else ""
    said = set(terms(unit.heading)) | {t for n in _above(lines, anchor) for t in terms(lines[n - 1])}
    if not opening or opening not in asked or opening in said or not (asked - {opening}) <= said:
        return None
    indent = depth(lines[anchor - 1])
    same = [anchor]
    for step in (-1, 1):
        number, blanks = anchor + step, 0
        while 0 < number <= len(lines) and abs(number - anchor) <= policy.list_max_lines:
            line = lines[number - 1]
            if not line.strip():
                blanks += 1
                if blanks > 1:
                    break
            elif HEADING.match(line) or depth(line) < indent:
                break
            else:
                blanks = 0
                if depth(line) == indent and opening_term(line) == opening:
                    same.append(number)
            number += step
    if len(same) < 2:
        return None
    start, last = min(same), max(same)
    while last < len(lines) and lines[last].strip() and depth(lines[last]) > indent and not HEADING.match(lines[last]):
        last += 1  # the last item's own nested lines
    if last - start + 1 > policy.list_max_lines:
        return None
    return "\n".join([lines[start - 1].lstrip()] + lines[start: last]), start, last


def _parent(lines: list[str], number: int) -> int:
    """The line number of the list item right above line ``number`` and less indented (its parent), or 0."""
    indent = depth(lines[number - 1])
    for above in range(number - 1, 0, -1):
        line = lines[above - 1]
        if HEADING.match(line):
            return 0
        if line.strip() and depth(line) < indent:
            return above if LIST_ITEM.match(line) else 0
    return 0


def _above(lines: list[str], number: int) -> list[int]:
    """The lines a list item sits under: each less indented line above it, up to and with the heading."""
    found, indent = [], depth(lines[number - 1]) if number else 0
    for above in range(number - 1, 0, -1):
        line = lines[above - 1]
        if HEADING.match(line):
            return found + [above]
        if line.strip() and depth(line) < indent:
            found.append(above)
            indent = depth(line)
    return found


def asks_manner(intent: Intent) -> bool:
    """ "how were the strata dated", "how does a comet move": how something is or was done (policy.questions
    .MANNER), not how to do it, how much, why, nor a comparison or two parts."""
    return bool(Q.MANNER.match(intent.question)) and not (
        intent.how_to or intent.value or intent.degree or intent.asks_reason or intent.comparison or intent.parts)


def with_children(unit: Unit, lines: list[str], intent: Intent, policy: Policy = DEFAULT) -> tuple[str, int, int] | None:
    """(quote, start, end) of ``unit``'s line with all the lines nested under it, for a question asking how a thing
    is done (:func:`asks_manner`), when they run to at most policy.list_max_lines (a line's few nested lines are
    quoted with it anyway, rag.answer.blocks, to policy.detail_max_lines). None otherwise (knob manner_children)."""
    if not policy.manner_children or unit.row or unit.end or not asks_manner(intent):
        return None
    if not 0 < unit.line <= len(lines) or unit.quote not in lines[unit.line - 1]:
        return None
    indent, last = depth(lines[unit.line - 1]), unit.line
    while last < len(lines) and lines[last].strip() and depth(lines[last]) > indent and not HEADING.match(lines[last]):
        last += 1
    if not policy.detail_max_lines < last - unit.line <= policy.list_max_lines:
        return None
    head = lines[unit.line - 1]
    return "\n".join([head[head.find(unit.quote):]] + lines[unit.line: last]), unit.line, last
