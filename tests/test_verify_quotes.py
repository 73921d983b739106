"""A phrase a model sentence quotes must stand in the cited line itself, not only in the heading shown with it
(a potter's notes; the measured failure named the heading as the thing's name)."""

from __future__ import annotations

from rag.answer.evidence import Unit
from rag.answer.verify import Source, supports, verify

HEADING = "Glazing > Dipping: The Method"
LINE = "The method is called `waxing the foot`, so the glaze stays off the kiln shelf."


def _unit(quote: str = LINE) -> Unit:
    return Unit("pottery.md", 12, quote, HEADING, 0, heading=HEADING)


def test_a_heading_quoted_as_the_lines_name_is_not_supported():
    ok, why = supports('The method is called "Dipping: The Method".', _unit(), "what is the glazing method called")
    assert not ok and "Dipping: The Method" in why


def test_the_lines_own_name_in_quotes_is_supported():
    for sentence in ('The method is called "waxing the foot".', "The method is called “waxing the foot”.",
                     "The method is called `Waxing  the foot`."):
        ok, why = supports(sentence, _unit(), "what is the glazing method called")
        assert ok, (sentence, why)


def test_verify_drops_the_sentence_quoting_the_heading_and_keeps_the_right_one():
    sources = [Source(1, "pottery.md", HEADING, [_unit()])]
    checked = verify('The method is called "Dipping: The Method" [1]. It is called "waxing the foot" [1].',
                     sources, "what is the glazing method called")
    assert [bool(c.support) for c in checked] == [False, True]
    assert "quotes" in checked[0].reason
