"""Notes that disagree: two strong sentences from different notes stating different amounts about the
question's subject, or defining the same term in words that mostly differ. The answer flags them, citing both."""

from __future__ import annotations

import re

from ..text import numbers, strip_markup, terms
from .evidence import Unit
from .intent import Intent
from .policy import DEFAULT, Policy


def find_conflict(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> tuple[Unit, Unit] | None:
    """Two strong sentences from different notes that state different amounts about the question's subject."""
    if not ranked:
        return None
    strong = [u for u in ranked[:6] if u.score >= policy.conflict * ranked[0].score]
    first = strong[0]
    key = set(intent.key_terms)

    def amounts(unit: Unit) -> set[str]:
        if intent.wants_amount and not intent.holds_value(unit.quote):
            return set()
        return numbers(unit.quote)

    if not intent.wants_amount:
        found = _defined_differently(strong, key, policy)
        if found or not intent.bound:
            # numbers in lines a question asks no amount of are names, not values ("votes in town 3")
            return found
    mine = amounts(first)
    if not mine:
        return None
    for other in strong[1:]:
        theirs = amounts(other)
        # one sentence stating more than the other ("... 10240MB, time out: 15mins") is not a disagreement
        if other.file == first.file or not theirs or theirs <= mine or mine <= theirs:
            continue
        # the sentences themselves must be about the same aspect, not merely sit under the same heading
        if key & set(terms(other.quote)) & set(terms(first.quote)):
            return first, other
    return None


_DEFINED = re.compile(r"^([^:]{1,60}?)\s*:\s+(.{3,})$")


def defined_terms(unit: Unit) -> tuple[frozenset[str], set[str]] | None:
    """ "**political culture**: basic norms ..." -> ({polit, cultur}, {basic, norm, ...}); None otherwise."""
    match = _DEFINED.match(strip_markup(unit.quote))
    if not match:
        return None
    term, body = frozenset(terms(match.group(1))), set(terms(match.group(2)))
    return (term, body) if term and body else None


def _defined_differently(strong: list[Unit], key: set[str], policy: Policy) -> tuple[Unit, Unit] | None:
    """Two notes defining the same term (one the question asks about) in words that mostly differ."""
    defined = [(u, d) for u in strong if (d := defined_terms(u)) and d[0] <= key | d[0] and d[0] & key]
    for i, (a, (term_a, body_a)) in enumerate(defined):
        for b, (term_b, body_b) in defined[i + 1:]:
            if a.file == b.file or term_a != term_b:
                continue
            if len(body_a & body_b) / min(len(body_a), len(body_b)) < policy.same_quote_overlap:
                return a, b
    return None
