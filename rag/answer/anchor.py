"""Which line an answer is built around (its anchor), and which items a list answer quotes one by one: tried in
order of how directly a line answers, from the item at an asked position down to the command under the best line's
heading. One place, so the engine reads as the pipeline and each kind of anchor stays in its own module."""

from __future__ import annotations

import dataclasses
from typing import Callable

from . import gate
from .announced import announced_list
from .evidence import Unit
from .headed import heading_items, named_list
from .intent import Intent
from .keyed import keyed_items
from .keys import label_items, label_line, setting_line
from .policy import Policy
from .shown import prose_for_code
from .steps import command_line, commented_command

NoteLines = Callable[[str], list[str]]


def choose(intent: Intent, ranked: list[Unit], note_lines: NoteLines, policy: Policy, excused: frozenset[str],
           placed: Unit | None = None) -> tuple[Unit | None, Intent, list[Unit], list[Unit]]:
    """The anchor, the intent (a heading naming a list turns the question into a list question), the label items
    a list question asks, and the items quoted one by one (those, or a section's subsection headings)."""
    # the item at an asked position ("the first step of X"); a list question's list, when a line heads it or a
    # sentence announces it, answers before a line defining what it names
    anchor = placed or gate.listing(intent, ranked, policy) or announced_list(intent, ranked, note_lines, policy)
    if anchor is None and policy.heading_names_list and (
            named := named_list(intent, ranked, note_lines, policy)) is not None:
        # a short plural heading over a list names it ("Ingredients"): the question naming it asks the list
        anchor, intent = named, dataclasses.replace(intent, wants_list=True)
    # ...then a label line, the prose telling a bare code line, the line answering, a code block's line setting a key
    # the question names ("what saltLevel ...": "saltLevel: low"), and for "how do I ...", the command under a
    # comment saying it or under the best line's heading (rag.answer.steps)
    anchor = (anchor or label_line(intent, ranked, policy) or prose_for_code(intent, ranked, note_lines, policy)
              or gate.answering(intent, ranked, policy, excused) or setting_line(intent, ranked, policy)
              or commented_command(intent, ranked, note_lines, policy) or command_line(intent, ranked, policy))
    # a list whose items are the label lines it asks ("depth range and lifespan"; rag.answer.keys) or open with the
    # short keys it names; else the headings of a section's subsections ("## Bowline (essential)")
    labelled = label_items(intent, ranked, policy) or keyed_items(intent, ranked, note_lines, policy)
    items = labelled or (heading_items(intent, ranked, note_lines, policy) if policy.headings_as_items else [])
    return anchor, intent, labelled, items
