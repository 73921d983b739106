"""A term line ("**Bosun** -") and the line written under it, its definition, are one evidence unit
(rag/answer/wrapped.py, policy.notes.TERM_LINE), and a question whose key words are the term ranks that unit
first (policy bonus_defined_term): lines that merely name the term in a list of owners do not say what it is.
Notes invented from fields other than the eval sets': a sailing crew, a courtroom."""

from __future__ import annotations

import pytest

from test_compose import _ask_notes, _grounded

from rag.chunk import Chunk
from rag.answer.policy import notes as N
from rag.answer.units import units_of

CREW = {
    "crew.md": """# Race crew

## Roles

* **Bosun** -
    _Keeps the deck, the sheets and the rigging in good order_
* **Navigator** -
    _Plots the course and watches the tide tables_
* **Helm** -
    _Steers the boat through the start and every mark_

## Duties by leg

* **BEFORE THE START**
  * RIG CHECK - _Bosun, Helm_
  * SAIL SELECTION - _Bosun, Navigator_
  * SPARE LINES - _Bosun_
* **ON THE COURSE**
  * MARK ROUNDINGS - _Helm, Bosun_
  * TIDE CALLS - _Navigator_
""",
}


def _chunk(text: str) -> Chunk:
    lines = text.split("\n")
    return Chunk(1, "crew.md", 1, len(lines), "Race crew > Roles", text, "h", list(range(1, len(lines) + 1)))


def test_a_term_line_and_its_definition_are_one_unit():
    text = "* **Bosun** -\n    _Keeps the deck, the sheets and the rigging in good order_\n* **Helm** -\n    _Steers the boat_"
    units = units_of(_chunk(text))
    bosun = next(u for u in units if "Bosun" in u.quote)
    assert (bosun.line, bosun.end) == (1, 2)
    assert "rigging in good order" in bosun.quote
    assert "Bosun" in bosun.display and "Keeps the deck" in bosun.display


def test_a_one_word_definition_under_a_term_line_is_read_with_it():
    text = "* **Purser** -\n    _Money_\n* **Helm** -\n    _Steers the boat_"
    purser = next(u for u in units_of(_chunk(text)) if "Purser" in u.quote)
    assert (purser.line, purser.end) == (1, 2) and "Money" in purser.quote


def test_a_hyphen_ending_a_wrapped_word_or_a_colon_label_is_no_term_line():
    assert not N.TERM_LINE.match("the crew eats in a self-")
    assert not N.TERM_LINE.match("Duties:")
    assert not N.TERM_LINE.match("RIG CHECK - _Bosun, Helm_")
    assert N.TERM_LINE.match("Navigator \u2014")


def test_off_the_term_and_its_definition_stay_apart(monkeypatch):
    monkeypatch.setattr(N, "TERM_LINE_JOINS_DEFINITION", False)
    text = "* **Bosun** -\n    _Keeps the deck, the sheets and the rigging in good order_"
    assert all(u.end == 0 for u in units_of(_chunk(text)))
    assert not any("Money" in u.quote for u in units_of(_chunk("* **Purser** -\n    _Money_")))


@pytest.mark.parametrize("question, said", [
    ("what does the bosun do", "rigging in good order"),
    ("what's the navigator for", "Plots the course"),
])
def test_what_a_role_does_is_answered_by_its_definition(tmp_path, question, said):
    answer = _ask_notes(tmp_path, CREW, question)
    assert not answer.refused
    assert said in answer.citations[0].quote
    _grounded(answer, CREW)
