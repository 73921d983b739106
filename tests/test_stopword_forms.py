"""A function word the question need not find in a line: "uses" is an inflection of the stopword "use", as
"used" and "using" are. Invented kitchen notes."""

from __future__ import annotations

from test_gate_near_misses import _ask

from rag.text import STOPWORDS, terms

KITCHEN = {
    "tools.md": """# Kitchen tools

## Mandoline
- a mandoline slices vegetables thinly and evenly
""",
}


def test_uses_is_no_term():
    assert terms("the main uses of a mandoline") == ["main", "mandolin"]
    assert {"use", "used", "using", "uses"} <= STOPWORDS


def test_the_uses_of_a_tool_are_answered_by_what_it_does(tmp_path):
    answer = _ask(tmp_path, KITCHEN, "what are the main uses of a mandoline")
    assert not answer.refused, answer.reason
    assert "slices vegetables" in answer.answer
