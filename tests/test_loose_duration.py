"""A span in plural time units alone after "for" ("they keep for weeks", "for a few hours") states a duration,
given loosely; a bare time word elsewhere ("the weeks before the fair") states none. Invented smokehouse notes."""

from __future__ import annotations

import re

from test_compose import _ask_notes

from rag.answer.policy import values as V

SMOKEHOUSE = {
    "smokehouse.md": """# Smokehouse

## Hams
- Hang the salted hams in the smokehouse over oak chips
- Smoked hams keep in a cool larder for months without spoiling
- The weeks before the autumn fair are the busiest
""",
}


def test_a_loose_span_after_for_is_a_duration():
    pattern = V.VALUE_PATTERNS["duration"]
    assert pattern.search("keep in a cool larder for months") and pattern.search("rest it for a few hours")
    assert not pattern.search("The weeks before the autumn fair are the busiest")


def test_a_question_asking_how_long_is_answered_by_it(tmp_path):
    answer = _ask_notes(tmp_path, SMOKEHOUSE, "how long do smoked hams keep in a cool larder")
    assert not answer.refused, answer.reason
    assert "for months" in answer.answer


def test_without_loose_spans_it_is_refused(tmp_path, monkeypatch):
    strict = re.compile(V.VALUE_PATTERNS["duration"].pattern.split(r"|\bfor\s+")[0])  # the mechanism off
    monkeypatch.setitem(V.VALUE_PATTERNS, "duration", strict)
    answer = _ask_notes(tmp_path, SMOKEHOUSE, "how long do smoked hams keep in a cool larder")
    assert answer.refused
