"""Two quotes say the same thing when they share most of the longer one's terms (rag/answer/compose.py _same):
a line ranked below the best that holds the best line's few words and more (the fact asked for) is quoted, not
dropped as a restatement. Invented sailing lines."""

from __future__ import annotations

from rag.answer.compose import _same
from rag.answer.policy import Policy
from rag.answer.units import Unit


def _unit(text: str, line: int) -> Unit:
    return Unit("notes.md", line, text, "Anchoring", 1)


SHORT = _unit("You can anchor the dinghy in any sand you like.", 1)
LONGER = _unit("You want to anchor the dinghy ideally in firm sand or sticky mud, which holds a plough anchor best.", 2)


def test_a_longer_line_holding_a_short_lines_words_and_more_is_not_a_restatement():
    assert not _same(LONGER, SHORT, Policy(), best=True)
    # measured on the shorter line's terms, the longer line (and its fact) would be dropped...
    assert _same(LONGER, SHORT, Policy(same_quote_of_longer=False), best=True)
    # ...as it is beside a quote other than the best one
    assert _same(LONGER, SHORT, Policy())


def test_a_line_said_again_in_nearly_the_same_words_is_still_one_quote():
    a = _unit("Reef the mainsail before the wind reaches twenty knots.", 5)
    b = _unit("Always reef the mainsail before the wind reaches twenty knots.", 6)
    assert _same(a, b, Policy(), best=True) and _same(a, b, Policy(same_quote_of_longer=False), best=True)


def test_a_shorter_line_within_the_best_restates_it():
    best = _unit("Anchor in firm sand or sticky mud, which holds a plough anchor best on a short scope.", 7)
    short = _unit("A plough anchor holds best in firm sand.", 8)
    assert _same(short, best, Policy(), best=True)
