"""A question asking how to do something is answered by what the notes write as commands.

Notes of how-to tasks keep the doing in code blocks under a heading naming the task ("### Renew the mooring
permit" over "permit-tool renew ..."), and their prose around it tells why or what to expect ("Renewing the
permit every year keeps the harbour office from fining you"), sharing more of the question's words. So for "how do I
..." or a request ("renew the permit"; rag.answer.policy.questions.HOW_TO), when the best line is prose, the
best line of a code block under the same heading answers first (rag.answer.engine's anchor); the short block it
sits in is then quoted whole, the steps together (rag.answer.blocks). It never decides whether to answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from .policy import DEFAULT, Policy, notes as N

if TYPE_CHECKING:
    from .intent import Intent
    from .units import Unit


def command_line(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """For a how-to question whose best line is prose: the best line of a code block under that line's heading
    (same note, same heading path), among the top lines; None otherwise."""
    if not intent.how_to or not ranked or ranked[0].fenced or not ranked[0].heading:
        return None
    best = ranked[0]
    return next((u for u in ranked[: policy.kind_units] if u.fenced and (u.file, u.heading) == (best.file, best.heading)),
                None)


def commented_command(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]],
                      policy: Policy = DEFAULT) -> Unit | None:
    """For a how-to question: the command right under a code block's comment line that speaks of all the question's
    key terms ("# Trim one photo" over "imgtool crop a.jpg"), among the top lines: the comment names the step, the line
    under it does it. None when no top comment line covers the question, or no command follows it."""
    if not (policy.comment_heads_command and intent.how_to):
        return None
    by_line = {(u.file, u.line): u for u in ranked if u.fenced}
    for unit in ranked[: policy.kind_units]:
        lines = note_lines(unit.file)
        if not (unit.fenced and unit.coverage >= 1.0 and 0 < unit.line < len(lines)
                and re.match(N.CODE_COMMENT, lines[unit.line - 1])):
            continue
        below = by_line.get((unit.file, unit.line + 1))
        if below is not None and not re.match(N.CODE_COMMENT, lines[unit.line]):
            return below
    return None
