"""A comparison the notes make in one line: the line that names both sides ("Instead of a tiller I prefer a
wheel, as ...") or, when the sides are two degrees of one thing ("high tide vs low tide" over "tide"), a line
saying how that thing varies ("The higher the tide the stronger the current"). Each side's own line does not
show it: such a line is quoted first, then the sides' lines."""

from __future__ import annotations

from ..text import terms
from .evidence import Unit
from .intent import Intent
from .policy import notes as N
from .policy import DEFAULT, Policy
from .sides import Side, sides_of


def both_sides(intent: Intent, top: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """The best line of ``top`` (best first) when it names both sides of a comparison in its own words and
    compares them (a preference, a comparative: policy COMPARING): the question's wording matches the notes' own
    comparison best. None for any other question or line."""
    sides = sides_of(intent, units=top)
    if len(sides) != 2 or not top:
        return None
    said = set(terms(top[0].quote))
    compares = N.COMPARING.search(top[0].display)
    return top[0] if compares and all(_names(side, said) for side in sides) else None


def one_quantity(sides: tuple[Side, ...]) -> tuple[str, ...]:
    """The words two sides share when they differ only in the word before them ("high tide" and "low tide":
    ("tide",)), the thing whose two degrees they are; () for sides that are two things ("bowline vs sheet
    bend"), or two things of one kind, the shared word first ("head of state" vs "head of government")."""
    if len(sides) != 2 or any(s.phrase[:1] != (s.head,) for s in sides):
        return ()
    rest = [tuple(t for t in s.phrase if t != s.head) for s in sides]
    return rest[0] if rest[0] and rest[0] == rest[1] else ()


def degree_lines(intent: Intent, top: list[Unit], policy: Policy = DEFAULT) -> list[Unit]:
    """For two degrees of one thing, the lines (best first, at most ``max_quotes``) stating how that thing
    varies: a correlative comparison ("the higher the X the ...", "the more X ... the more ...") holding
    its words. [] for any other comparison or when no line says so."""
    quantity = one_quantity(sides_of(intent, units=top))
    if not quantity:
        return []
    found = [u for u in top if N.CORRELATIVE.search(u.display) and set(quantity) <= set(terms(u.quote))]
    return found[: policy.max_quotes]


def _names(side: Side, said: set[str]) -> bool:
    return any(name <= said for name in side.names)
