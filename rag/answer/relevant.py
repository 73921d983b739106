"""How well the notes cover a question, and which lines are relevant to it (or to one side or part of it),
for the gate (rag.answer.gate): shares of the question's key terms a line speaks of, and dense closeness."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .calibrate import UNCALIBRATED, Closeness
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy
from .sameword import initialled, named_by_symbol, stands_for

if TYPE_CHECKING:
    from ..retrieve import Hit
    from .evidence import Scorer, Unit


def relevance(intent: Intent, hits: list[Hit], ranked: list[Unit], scorer: Scorer, policy: Policy = DEFAULT,
              closeness: Closeness = UNCALIBRATED, excused: frozenset[str] = frozenset()) -> float:
    """How well the notes cover the question: key-term coverage of the best sentences, and the best hit's
    dense similarity as ``closeness`` ranks it on these notes' own scale (rag.answer.calibrate). The question's
    verb (``excused``, rag.answer.phrasing) is left out of the key terms when policy.relevance_without_verb:
    a note says in its own words how the things asked relate, as the gate's other checks already allow."""
    if not hits or not ranked:
        return 0.0
    close = closeness(max(h.dense for h in hits))
    best_cov = 0.0
    for key in side_keys(intent):
        if policy.relevance_without_verb and excused:
            key = [t for t in key if t not in excused] or key
        total = sum(scorer.weight(t) for t in key)
        if not total:
            continue

        def coverage(unit: Unit) -> float:
            # idf-weighted share of the key terms the sentence speaks of, inflections allowed ("explode" in a
            # question, "explosion" in the note: measured, a question refused for this alone)
            spoken = spoken_terms(unit)
            spoken |= initialled(intent.question, spoken, policy) | named_by_symbol(intent.question, spoken)
            return sum(scorer.weight(t) for t in key if stands_for(t, spoken, policy, abbreviations=False)) / total

        best_cov = max([best_cov] + [coverage(u) for u in ranked[: policy.relevance_units]])
    return policy.w_relevance_coverage * best_cov + policy.w_relevance_dense * close


def covers_a_side(intent: Intent, unit: Unit, policy: Policy) -> bool:
    """A comparison's line is relevant when it speaks of enough of one side's key terms (a line about one
    side holds only half of the whole question's)."""
    spoken = spoken_terms(unit)
    return any(key and sum(stands_for(t, spoken, policy, abbreviations=False) for t in key) / len(key)
               >= policy.kind_min_coverage for key in side_keys(intent))


def relevant_to(part: Intent, intent: Intent, relevant: list[Unit], ranked: list[Unit], policy: Policy) -> list[Unit]:
    """The lines relevant to one part of a two-part question: those relevant to the whole question, and (knob
    value_per_part) those speaking of enough of the part's own key terms. A line answering one part holds
    few of the other part's words ("how big is the jib, and what knot ties the sheet": the jib's size line
    never says "knot"), so its share of the whole question's terms is low; the part's kind of value is looked
    for in the lines about that part, not in lines about the other."""
    if part is intent or not policy.value_per_part:
        return relevant
    key = list(dict.fromkeys(part.key_terms))
    own = [u for u in ranked[: policy.kind_units] if key and u not in relevant and sum(
        stands_for(t, spoken_terms(u), policy, abbreviations=False) for t in key) / len(key) >= policy.kind_min_coverage]
    return relevant + own


def side_keys(intent: Intent) -> list[list[str]]:
    """The key terms a sentence must speak of: all of them; for a comparison, each side's with what is
    compared (a comparison's two sides stand in two lines, and one side covered is worth answering)."""
    key = list(dict.fromkeys(intent.key_terms))
    if not intent.comparison:
        return [key]
    return [[t for t in key if t not in other] for other in intent.sides[::-1]]
