"""When the model may stop writing: once it has written the sentence that will lead the answer.

The composer leads with the model's first sentence that verifies against a line among the best
(:meth:`rag.answer.compose.Composer.may_lead`) and quotes the notes for the rest, so nothing the model writes after
that sentence can change the answer. Generation stops there, saving the tokens the tiny model writes on (~15 ms
each on two cores). Stopping earlier, at the end of the model's first sentence or at its first word no source
holds, saved more (AWS dev: 54 -> 24 tokens per answer, median) but lost leads the model wrote later: on the AWS
test half the real model's key facts fell 0.788 -> 0.742 (figures only; the items were not read).
"""

from __future__ import annotations

from typing import Callable

from .policy import Policy
from .units import Unit
from .verify import Checked, Source, parse_answer, verify


def lead_lines(sources: list[Source], policy: Policy) -> list[Unit]:
    """The lines a model sentence may lead the answer from: the best of ``sources`` by score (up to four, within
    ``policy.strong`` of the best) and any whose coverage of the question is within ``policy.strong`` of the best."""
    top = sorted((u for s in sources for u in s.units), key=lambda u: -u.score)
    if not top:
        return []
    strong = [u for u in top if u.score >= policy.strong * top[0].score][:4]
    best_cov = max(u.coverage for u in top)
    return strong + [u for u in top if u not in strong and u.coverage >= policy.strong * best_cov]


def lead_budget(lines: list[str], count: Callable[[str], int], policy: Policy, ceiling: int) -> int:
    """Tokens the model may write when only its lead can change the answer: room for
    ``policy.lead_budget_lines`` times the longest line the lead may restate, plus ``policy.lead_budget_extra``
    (citation marks, a connective), never more than ``ceiling`` (the user's max_tokens). A lead restates one
    line (every word it adds must be in that line, rag.answer.verify), so a budget sized to those lines lets the
    model write it, and the sentences before it, without running on to the ceiling after text that cannot lead.
    """
    if policy.lead_budget_lines <= 0 or not lines:
        return ceiling
    longest = max(count(line) for line in lines)
    return max(1, min(ceiling, round(policy.lead_budget_lines * longest) + policy.lead_budget_extra))


class LeadWatch:
    """Fed the model's text so far, says when the sentence that will lead the answer is written."""

    def __init__(self, sources: list[Source], question: str, may_lead: Callable[[Checked], bool],
                 units: frozenset[str] = frozenset()):
        self._sources = sources
        self._question = question
        self._may_lead = may_lead
        self._units = units
        self._valid = {s.n for s in sources}
        self._complete = 0  # complete sentences seen so far
        self.stopped = False

    def done(self, raw: str) -> bool:
        """True once a complete sentence of ``raw`` may lead the answer. A sentence is complete when the next
        one has started (two words of it): its text can no longer change."""
        complete = len(parse_answer(raw, self._valid)) - 1
        if complete <= self._complete:
            return False
        self._complete = complete
        checked = verify(raw, self._sources, self._question, self._units)[:complete]
        self.stopped = any(self._may_lead(c) for c in checked)
        return self.stopped

    def written(self, checked: list[Checked], cut: bool = False) -> list[Checked]:
        """The model's sentences as it finished them: the start of the sentence it was stopped in, or that its
        token allowance (:func:`lead_budget`, or the user's max_tokens when that is smaller) ran out in (``cut``),
        is not one (a line's first words could pass for a lead: "... a strainer so [1].")."""
        return checked[:-1] if self.stopped or cut else checked
