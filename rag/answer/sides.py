"""One line per side of a comparison: the line that speaks of what is compared, in the side's own words or
under its heading, preferring one that states a value and one about the compared subject."""

from __future__ import annotations

from ..text import numbers, terms
from . import policy as P
from .evidence import Unit


def side_line(head: str, other: str, compared: frozenset[str], units: list[Unit], bound: str | None = None) -> Unit | None:
    """One side's best line of a comparison: the first naming this side that speaks of what is compared
    without naming the other side; then one speaking of it naming both ("X is high while Y is low"); then
    one naming this side only; then any naming it; at each step a line naming it beats one under its heading.
    When the question names a bound ("default"), a line naming this side that states it comes first."""
    tests = [lambda t: other not in t and compared & t, lambda t: compared & t, lambda t: other not in t,
             lambda t: True]
    named = [(u, t) for u in units if head in (t := set(terms(u.quote)))]
    if bound:  # "flute vs clarinet default key": first the line naming this side that states its default
        found = next((u for u, t in named if other not in t and P.BOUND_WORDS[bound].search(u.quote)), None)
        if found is not None:
            return found
    # then lines under this side's heading or parent line ("Red Giants" over "<1 solar radius")
    under = [(u, t) for u in units if head not in (t := set(terms(u.quote))) and head in set(terms(u.context))
             and other not in set(terms(u.context))]
    # speaking of what is compared matters more than where the side is named: "Cool: surface near 3,000 K"
    # under "Red Giants" answers "red giant vs white dwarf hot or cool" where "up to 5 red giants per
    # cluster" does not
    for level, test in enumerate(tests):
        found = [u for u, t in named if test(t)] + [u for u, t in under if test(t)]
        if found:
            return stating_first(found, head, compared)[0] if level < 2 else found[0]
    return None


def stating_first(units: list[Unit], head: str, compared: frozenset[str] = frozenset()) -> list[Unit]:
    """The same lines, first those in the side's own section (its heading or parent line names ``head``)
    that state a number: of the lines speaking of what is compared, one giving a value for it ("Sprint: short
    distance, up to 400 metres") beats one that only qualifies it ("distance is limited in a sprint"). A
    number in a line from another section (a table of unrelated figures) earns nothing. Then those
    whose headings name more of what is compared beyond what the line says ("is copper a good or poor
    conductor": "good conductor of heat" under "Copper" over "good conductors of sound" under another
    heading); a line repeating more of the question's words earns nothing (the score order stands)."""
    def key(u: Unit) -> tuple[bool, int]:
        said = set(terms(u.quote))
        return (not (numbers(u.quote) and head in set(terms(u.context))), -len(compared & set(terms(u.context)) - said))
    return sorted(units, key=key)
