"""Whose view a question asks ("what's the problem with dry brining according to Okafor"): notes name
the source once, above what it says ("What does Okafor argue?" over the point itself), so the line
answering need not name it; the name is excused when a line of the answer's chunk at or above it does."""

from __future__ import annotations

from ..text import terms
from .evidence import Unit
from .intent import Intent
from .policy import questions as Q
from .policy import DEFAULT, Policy


def source_named_above(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> frozenset[str]:
    """The terms of the source a question attributes its asked view to (policy ATTRIBUTION), when the best
    sentence's chunk names that source on a line at or above it; empty otherwise or when
    ``policy.attribution_above`` is off."""
    found = Q.ATTRIBUTION.search(intent.question)
    if not policy.attribution_above or not found or not ranked:
        return frozenset()
    name = {t for t in terms(found.group(1).replace("'s", " ")) if len(t) > 2}
    best = ranked[0]
    above = [u for u in ranked if u.chunk_id == best.chunk_id and u.file == best.file and u.line <= best.line]
    return frozenset(name) if name and any(name <= set(terms(u.quote)) for u in above) else frozenset()
