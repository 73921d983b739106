"""A what-question whose best line is a bare line of a code block is answered by the prose around that block.

Notes show a setting or a command in a code block and say what it does in the prose line right before or right
after the block ("rules  strict-tabs" in a block, then "And if `rules` is strict, every tab is refused:"). The
block line repeats the asked name and so ranks first, yet says nothing of what it does; the prose line names the
block line's other word ("rules"), which the question does not, and tells it. Never decides whether to answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ..markup import FENCE
from ..text import terms
from .comments import asks_what
from .policy import DEFAULT, Policy, notes as N

if TYPE_CHECKING:
    from .intent import Intent
    from .units import Unit


def prose_for_code(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]],
                   policy: Policy = DEFAULT) -> Unit | None:
    """For a what/which question whose best line is a code block's line holding an asked term: the prose line
    next to that block (the last line before its opening fence, the first after its closing one) naming a word
    of the code line the question does not say; None otherwise."""
    if not (policy.prose_tells_code and ranked and ranked[0].fenced and asks_what(intent)):
        return None
    best, asked = ranked[0], set(intent.asked_terms)
    lines = note_lines(best.file)
    if not 0 < best.line <= len(lines) or re.match(N.CODE_COMMENT, lines[best.line - 1]):
        return None
    said = set(terms(best.quote))
    own = said - asked  # the code line's other words: the name it sets, the tool it runs
    if not (said & asked and own):
        return None
    for number in _around_block(lines, best.line):
        found = next((u for u in ranked if (u.file, u.line) == (best.file, number) and not u.fenced), None)
        if found is not None and own & set(terms(found.quote)):
            return found
    return None


def _around_block(lines: list[str], number: int) -> list[int]:
    """The line numbers (1-based) of the non-blank line before the code block holding line ``number`` and of the
    first non-blank line after it; [] when the line sits in no closed block."""
    opening = next((n for n in range(number - 1, 0, -1) if FENCE.match(lines[n - 1])), None)
    closing = next((n for n in range(number + 1, len(lines) + 1) if FENCE.match(lines[n - 1])), None)
    if opening is None or closing is None:
        return []
    fences_above = sum(1 for n in range(1, opening) if FENCE.match(lines[n - 1]))
    if fences_above % 2:  # the fence above closes an earlier block: the line is prose, not code
        return []
    before = next((n for n in range(opening - 1, 0, -1) if lines[n - 1].strip()), None)
    after = next((n for n in range(closing + 1, len(lines) + 1) if lines[n - 1].strip()), None)
    return [n for n in (after, before) if n is not None and not FENCE.match(lines[n - 1])]
