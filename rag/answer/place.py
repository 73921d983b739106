"""A "where" question needs a line stating a place: a preposition of place or a path ("in the cellar", "from
the quarry", "/mnt/charts"). "The abbey built greenhouses that doubled its harvest" says what was built, not where
(rag.answer.gate asks). Only the lines themselves are read: a heading's "in" ("A Revolution in Rigging") places
nothing the line says.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .intent import Intent
from .policy import DEFAULT, Policy, questions as Q

if TYPE_CHECKING:
    from .evidence import Unit


def placeless(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> bool:
    """For a where-question: whether no relevant line (of the best, sharing policy.kind_min_coverage of the asked
    words, no question itself) states a place. False for other questions, or when no line is relevant (the relevance
    floor decides)."""
    if not (policy.where_needs_a_place and Q.WHERE_QUESTION.match(intent.question)) or intent.parts or intent.comparison:
        return False
    # a line of the notes that is itself a question ("What was the major contribution of the abbey to ...?") states
    # nothing, a place least of all
    relevant = [u for u in ranked[: policy.kind_units]
                if u.coverage >= policy.kind_min_coverage and not u.quote.rstrip().endswith("?")]
    return bool(relevant) and not any(Q.PLACE_STATED.search(u.quote) for u in relevant)
