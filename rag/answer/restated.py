"""A why- or how-question the notes only restate: over "The sloop was quickly overtaken by the ketch", "why was the
sloop overtaken so quickly" finds the fact it asks about but no reason for it. When the best line says little beyond
the question's own words and gives no reason (a connective, a causing verb), and no other of the best lines gives
one, the notes do not answer "why"; nor "how was the cheese made" by "The cheese was made" (rag.answer.gate asks). A table row or a command is data, never a restatement,
and a line heading nested lines leaves the reason to them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import terms
from .intent import Intent
from .nested import heads_nested
from .policy import DEFAULT, Policy, questions as Q

if TYPE_CHECKING:
    from .evidence import Unit


def gives_reason(text: str) -> bool:
    """Whether a line gives a reason: a connective ("because", "so that") or a causing verb ("results in")."""
    return bool(Q.REASON.search(text) or Q.CAUSING.search(text))


def restated_only(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """For a why-question: the best line, when it restates the question (it holds at least half the question's
    words and adds at most policy.restated_new_terms of its own) and gives no reason, and none of the best lines
    that also hold half the question's words gives one ("the boat was denied a berth because ..." is the reason for
    another fact). For a how-question asking a manner ("how was the cheese made", Q.MANNER): the best line adds
    no word at all to the question's ("The cheese was made"), nor does any other best line holding the same words.
    None otherwise."""
    why = policy.why_needs_a_reason and bool(Q.WHY_QUESTION.search(intent.question))
    how = policy.how_needs_a_manner and bool(Q.MANNER.search(intent.question)) and not Q.HOW_TO.match(intent.question)
    if not (why or how) or intent.parts or intent.comparison:
        return None
    top = ranked[: policy.kind_units]
    if not top or top[0].row or top[0].fenced:
        return None
    best = top[0]
    asked = set(terms(intent.question))
    limit = policy.restated_new_terms if why else 0

    def restates(unit: Unit) -> bool:  # holds at least half the question's words
        return bool(asked) and len(asked & set(terms(unit.quote))) * 2 >= len(asked)

    def adds(unit: Unit) -> int:  # the words it says beyond the question's
        return len({t for t in terms(unit.quote) if t not in asked})

    if not restates(best) or adds(best) > limit:
        return None
    # a line heading nested lines ("there are annual, biennial, and perennial plants" over one line each) leaves the
    # reason to them: it introduces, it does not restate (a nested line's context ends with its parent line; the
    # rest of a wrapped paragraph's holds it too, but does not end with it)
    if heads_nested(best, ranked, policy):
        return None
    if why and any(gives_reason(u.quote) for u in top if u is best or restates(u)):
        return None
    # ...another line saying more of the same thing ("The cheese was made from goat's milk") may say how; one sharing a word
    # alone ("Made the oak barrels") speaks of something else
    shared = asked & set(terms(best.quote))
    if how and any(shared <= set(terms(u.quote)) and adds(u) > limit for u in top):
        return None
    return best
