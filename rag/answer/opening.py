"""Notes written as questions and answers title a section with the question or the problem ("## The dough sticks to
my hands when shaping") and answer it in the section's first line ("Dip your hands in cold water."); the lines after
it add detail. A question that the title words restates asks what that first line says: it ranks first in its section."""

from __future__ import annotations

from typing import Callable

from ..markup import HEADING
from .evidence import Unit
from .intent import Intent
from .policy import Policy
from .sameword import stands_for
from .titled import title_terms


def lift_openings(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]], policy: Policy) -> list[Unit]:
    """``ranked`` with each sentence of the first line under a title restating the question (:func:`restates`)
    scoring at least as the best line under that title, and ranking before it on a tie. Unchanged when no title
    restates it, or with knob ``opening_answers_title`` off; not for comparisons or two-part questions."""
    if not policy.opening_answers_title or intent.sides or intent.parts:
        return ranked
    asked = list(dict.fromkeys(intent.asked_terms))
    best: dict[tuple[str, str], float] = {}
    for unit in ranked:
        best.setdefault((unit.file, unit.heading), unit.score)  # ranked is sorted: the first is the best
    lifted: set[int] = set()
    for unit in ranked:
        if unit.row or not restates(unit.heading, asked, policy) or not _opens_section(unit, note_lines(unit.file)):
            continue
        unit.score = max(unit.score, best[(unit.file, unit.heading)])
        lifted.add(id(unit))
    if not lifted:
        return ranked
    return sorted(ranked, key=lambda u: (-u.score, id(u) not in lifted, not u.joined))


def restates(heading: str, asked: list[str], policy: Policy) -> bool:
    """Whether a heading path's last title is a statement (at least ``opening_title_min_words`` words, not a topic)
    holding at least ``opening_title_coverage`` of the question's asked terms (or forms of them), of which it asks at
    least ``opening_min_terms``: a title holding the two words of "what is a lewis acid" names a topic."""
    said = set(title_terms(heading))
    if len(asked) < policy.opening_min_terms or len(heading.split(" > ")[-1].split()) < policy.opening_title_min_words:
        return False
    found = sum(stands_for(t, said, policy, abbreviations=False) for t in asked)
    return found / len(asked) >= policy.opening_title_coverage


def _opens_section(unit: Unit, lines: list[str]) -> bool:
    """Whether the unit's line is the first written under its heading (blank lines between)."""
    for number in range(unit.line - 1, 0, -1):
        line = lines[number - 1]
        if line.strip():
            return bool(HEADING.match(line))
    return False
