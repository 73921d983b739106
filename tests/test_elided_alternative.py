"""A question's closing "instead of X" is spoken by a line's bare "instead", which leaves X unsaid ("if a tag shows a
date instead, ..."): English drops the replaced thing once the contrast is clear. Invented kitchen notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.instead import elided_alternative
from rag.answer.policy import DEFAULT

NOTES = {
    "starters.md": """# Starter jars

## Jar tags

Each jar tag normally names the grain fed to the starter, such as rye or spelt.
If a jar tag shows a date instead, the starter is a frozen backup copy.

## Feeding

Feed each starter twice a day at room temperature.
""",
}

QUESTION = "what does it mean if a jar tag shows a date instead of a flour"


def _ask(tmp_path, policy):
    return _ask_notes(tmp_path, NOTES, QUESTION, policy)


def test_a_bare_instead_speaks_of_the_replaced_thing():
    assert elided_alternative(QUESTION, "If a jar tag shows a date instead, the starter is a backup") == {"flour"}
    assert not elided_alternative(QUESTION, "it shows a date instead of a grain")  # names its own alternative
    assert not elided_alternative("what do I use instead of eggs", "use flax instead of eggs")


def test_the_line_with_the_bare_instead_answers(tmp_path):
    answer = _ask(tmp_path, DEFAULT)
    assert not answer.refused, answer.reason
    assert "frozen backup" in answer.answer


def test_with_the_rule_off_it_is_refused(tmp_path):
    answer = _ask(tmp_path, dataclasses.replace(DEFAULT, elided_alternative=False))  # the mechanism off
    assert answer.refused
