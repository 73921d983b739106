"""A span of one unit of time counted by an article ("needs a day to cool", "(an afternoon)", "a few weeks") states
a duration as a number does (policy.values.ARTICLE_DURATION); after "once", "twice", "times" or "per" the same
words say how often ("twice a week"), not how long. Notes invented from a field other than the eval sets': pottery."""

from __future__ import annotations

import re

from test_compose import _ask_notes, _grounded

from rag.answer.policy import values as V

KILN = {
    "kiln.md": """# Studio kiln

## Bisque firing
- Load the greenware so that pieces do not touch
- **UNLOADING (a day)**
  - The kiln needs to cool with the lid shut before anyone opens it

## Glaze firing
- Fire the glaze kiln twice a week when the shelves are full
- Glazes come in 3 colours on the studio shelf
""",
}


def _without_article_spans(monkeypatch):
    pattern = V.VALUE_PATTERNS["duration"].pattern.replace(f"|{V.ARTICLE_DURATION}", "")
    monkeypatch.setitem(V.VALUE_PATTERNS, "duration", re.compile(pattern))


def test_a_span_counted_by_an_article_states_a_duration():
    duration = V.VALUE_PATTERNS["duration"]
    assert duration.search("the varnish needs a week to cure")
    assert duration.search("**LAUNCH (an afternoon)**") and duration.search("allow a few days")
    assert not duration.search("fire it twice a week") and not duration.search("check it 3 times a day")
    assert not duration.search("a second coat of glaze")


def test_how_long_is_answered_by_a_span_an_article_counts(tmp_path):
    answer = _ask_notes(tmp_path, KILN, "how long does unloading take")
    assert not answer.refused and "a day" in answer.answer
    _grounded(answer, KILN)


def test_off_the_span_is_no_duration(tmp_path, monkeypatch):
    _without_article_spans(monkeypatch)
    assert _ask_notes(tmp_path, KILN, "how long does unloading take").refused


def test_how_often_is_no_answer_to_how_long(tmp_path):
    assert _ask_notes(tmp_path, KILN, "how long does a glaze firing take").refused
