"""A value word right after an opening what/which asks that value ("what size cast iron pan should i buy"):
policy.values.VALUE_WORD_ASKED in rag.answer.amount. Notes on cookware, fake embedder and a model that never answers;
with the pattern off the size is not asked."""

from __future__ import annotations

import re

from test_compose import _answerer, write_notes

from rag.answer.intent import parse
from rag.answer.policy import values as V

PANS = {
    "pans.md": """# Cookware

## Cast iron pan (optional)

A cast iron pan is nice, as it can store a lot of heat.
The moment the steak touches the pan a lot of heat goes into it.
""",
}


def _ask(tmp_path, notes, question):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    parse.cache_clear()
    return answerer.ask(question)


def test_what_size_asks_a_size(monkeypatch):
    assert parse("what size cast iron pan should i buy").value == "size"
    assert parse("what retention options do the logs have").value is None  # only "size" is read so
    monkeypatch.setattr(V, "VALUE_WORD_ASKED", re.compile(r"(?!)"))  # the mechanism off: "size" qualifies "cast"
    parse.cache_clear()
    assert parse("what size cast iron pan should i buy").value is None
    parse.cache_clear()


def test_no_line_giving_a_size_is_refused_for_it(tmp_path):
    answer = _ask(tmp_path, PANS, "what size cast iron pan should i buy")
    assert answer.refused
    assert "states a size" in answer.reason  # off, another check refuses it, for naming no pan


def test_a_line_giving_the_size_answers(tmp_path):
    notes = {"pans.md": PANS["pans.md"] + "\nA 26 cm cast iron pan suits two people.\n"}
    answer = _ask(tmp_path, notes, "what size cast iron pan should i buy for two people")
    assert not answer.refused
    assert any("26 cm" in c.quote for c in answer.citations)
