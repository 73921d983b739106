"""A verb ending in "-o" takes "-es" ("goes", "echoes"), which the stemmer keeps as "-oe" on a short word: a
question's "go" stands for a note's "goes" (rag/answer/sameword.py, stands_for), so the gate does not refuse
"how hot does the cabin heater need to go" for a line saying "goes up to". Notes invented from a field other than
the eval sets': a sailor's."""

from __future__ import annotations

from test_gate_parts import SAILING, _ask

from rag.answer.sameword import stands_for
from rag.text import stem

HEATER = dict(SAILING, **{"cabin.md": """# Cabin

## Heating
The cabin heater you need is a diesel one, and a heater that goes up to 60 °C is plenty in winter.
Bleed the heater's fuel line after each refill.
"""})


def test_go_stands_for_goes_and_the_reverse():
    assert stands_for(stem("go"), {stem("goes")})
    assert stands_for(stem("goes"), {stem("go")})
    assert stands_for(stem("echo"), {stem("echoes")})
    assert not stands_for(stem("go"), {stem("gone"), stem("toe")})


def test_a_question_saying_go_is_answered_by_the_line_saying_goes(tmp_path):
    answer = _ask(tmp_path, "how hot does the cabin heater need to go", notes=HEATER)
    assert not answer.refused, answer.reason
    assert "60 °C" in answer.answer, answer.answer
