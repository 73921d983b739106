"""A "when" answer quoted from a line whose time stands only in the notes' study question right above it ("- What
did the three charters Okafor issued in 1842 grant?" over "  - Their significance was ..."): the answer line alone
tells no time, so it is quoted with that question, as the notes pair them (rag.answer.follows quotes a question
line with the answer below it; here the composer chose the answer line, the question being down-weighted)."""

from __future__ import annotations

from typing import Callable

from ..markup import item_text
from .compose import Shown
from .intent import Intent
from .policy import Policy, values as V
from .quoted import asked_above, quoting, requote
from .verify import Citation


def _with_question(intent: Intent, citation: Citation, lines: list[str], policy: Policy) -> str | None:
    """The citation's quote opened by the study question on the line right above it, when that question holds a
    time and the quote none, the quote starting where its first line's text does; None otherwise."""
    number = citation.start_line
    if intent.holds_value(citation.quote) or not 2 <= number <= len(lines):
        return None
    asked = asked_above(lines, number, policy.asked_item_question_anywhere)
    head, line = lines[number - 2], lines[number - 1]
    first = citation.quote.split("\n", 1)[0]
    if not asked or head.strip() != asked or not intent.holds_value(asked) or line.find(first) < 0:
        return None
    return "\n".join([item_text(head), line[: line.find(first)] + citation.quote])


def with_asked_time(intent: Intent, citations: list[Citation], shown: list[Shown],
                    lines_of: Callable[[str], list[str]], policy: Policy) -> list[Citation]:
    """The citations, each quoting no time under a study question that holds one (:func:`_with_question`) opened by
    that question when ``policy.time_quoted_with_asked_line``; the shown sentences quoting it are rewritten to
    match (in place). Only for a question asking a time."""
    if not (policy.time_quoted_with_asked_line and intent.value in V.PLACED_IN_TIME):
        return citations
    out = []
    for c in citations:
        quote = _with_question(intent, c, lines_of(c.file), policy)
        out.append(c if quote is None or not quoting(shown, c) else requote(shown, c, c.start_line - 1, c.end_line, quote))
    return out
