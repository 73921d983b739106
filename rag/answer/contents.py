"""A note's table of contents: a list whose items each name a section of the same note ("- **Pumps**: learn how
they work" over a later "## Pumps") points to what the note says below; it states nothing itself, so a line of
that section, not the pointer, should answer a question about it (its score is scaled by a policy factor)."""

from __future__ import annotations

import re
from typing import Callable

from ..text import strip_markup, words
from .evidence import Unit
from .policy import DEFAULT, Policy

# Not rag.markup.ITEM: a contents item has no "•" bullet and at most a three-digit number, and its text is group 1.
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+(.*)$")
# Not rag.chunk's heading pattern: the title may be empty, and is read from after all the blanks ("## #" has the
# title "" here, "#" there), which decides whether such a line opens the note's first section.
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def _name(text: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in words(strip_markup(_LINK.sub(r"\1", text))))


def _label(item: str) -> tuple[str, ...]:
    """What a list item names: its text before a colon or a dash ("**Pumps**: ...", "Pumps - ..."), else all."""
    head = re.split(r":|\s[-\u2013\u2014]\s", item, maxsplit=1)[0]
    return _name(head)


def contents_lines(lines: list[str], policy: Policy = DEFAULT) -> set[int]:
    """1-based numbers of the lines of ``lines`` that are items of a table of contents: runs of list items
    (blank lines between allowed) of which at least ``policy.contents_min_items`` name a heading further down,
    in the note's opening (under its title, before its first section). A list inside a section naming its
    subsections ("cells divide into: - **Prokaryotes**: have no nucleus") states what it names."""
    headings: list[tuple[int, tuple[str, ...]]] = []
    for number, line in enumerate(lines, 1):
        match = _HEADING.match(line)
        if match and _name(match.group(1)):
            headings.append((number, _name(match.group(1))))
    out: set[int] = set()
    run: list[int] = []  # the run's items naming a later heading
    opening = next((n for n, line in enumerate(lines, 1) if (h := _HEADING.match(line)) and not line.lstrip().startswith("# ")
                    and h.group(1)), len(lines) + 1)
    for number, line in enumerate(lines[: opening - 1] + [""], 1):
        item = _ITEM.match(line) if number < opening else None
        if item:
            label = _label(item.group(1))
            if label and any(n > number and name == label for n, name in headings):
                run.append(number)
        elif line.strip() or number >= opening:
            if len(run) >= policy.contents_min_items:
                out.update(run)
            run = []
    return out


def demote_contents(ranked: list[Unit], note_lines: Callable[[str], list[str]], policy: Policy = DEFAULT) -> list[Unit]:
    """``ranked`` with each table-of-contents item's score scaled by ``policy.contents_item_factor`` and marked
    ``pointer`` (a comparison side's line is one that is not: rag.answer.sides.best_line), re-sorted."""
    if policy.contents_item_factor >= 1.0:
        return ranked
    found: dict[str, set[int]] = {}
    changed = False
    for unit in ranked:
        if unit.file not in found:
            found[unit.file] = contents_lines(note_lines(unit.file), policy)
        if unit.line in found[unit.file]:
            unit.score *= policy.contents_item_factor
            unit.pointer = True
            changed = True
    return sorted(ranked, key=lambda u: (-u.score, not u.joined)) if changed else ranked
