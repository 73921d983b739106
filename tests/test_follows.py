"""What a line announces that the lines below it hold (rag.answer.follows): a flash card's question written in
HTML ("<summary>...?</summary><br>") is quoted with its answer paragraph, and a lead-in ending in ":" with the
display formula below it. Invented sailing, brewing and surveying notes; each mechanism's knob switched off
quotes the line alone."""

from __future__ import annotations

import pytest

from rag.answer.blocks import block
from rag.answer.evidence import Unit
from rag.answer.follows import formula_under
from rag.answer.policy import Policy

CARDS = """# Knots

<details>

<summary>How do you join two ropes of different thickness?</summary><br>

A **sheet bend** is used to join lines of unequal size. The thinner line is passed around a bight of the heavier.

</details>

<details>

<summary>How do you stop a rope end fraying?</summary><br>
Whip the end with waxed twine.

</details>
""".split("\n")

BREWING = """# Brewing

The alcohol content is estimated from two gravity readings. It is given by:

$$ABV = (OG - FG) \\times 131.25$$

where OG is the original gravity.

The bitterness in IBU is worked out as:

$$
IBU = \\frac{W \\times U}{V}
$$

Hops are added during the boil, as follows:

- bittering hops at 60 minutes
""".split("\n")

SURVEY = """# Levelling

The height difference is given by:

\\[ \\Delta h = B - F \\]
""".split("\n")


def _unit(lines: list[str], number: int, quote: str) -> Unit:
    assert quote in lines[number - 1]
    return Unit("notes.md", number, quote, "", chunk_id=0)


@pytest.mark.parametrize("number, quote, answer", [
    (5, "How do you join two ropes of different thickness?", "A **sheet bend** is used to join lines"),
    (13, "How do you stop a rope end fraying?", "Whip the end with waxed twine."),  # no blank line between
])
def test_card_question_in_html_is_quoted_with_its_answer(number, quote, answer):
    unit = _unit(CARDS, number, quote)
    on, start, end = block(unit, CARDS, False, Policy())
    assert answer in on and start == number and end == number + (2 if number == 5 else 1)
    off, _, end_off = block(unit, CARDS, False, Policy(question_lines_in_markup=False))
    assert answer not in off and end_off == number


@pytest.mark.parametrize("number, quote, formula, last", [
    (3, "It is given by:", "$$ABV = (OG - FG) \\times 131.25$$", 5),  # one blank line between, closed on its line
    (9, "The bitterness in IBU is worked out as:", "IBU = \\frac{W \\times U}{V}", 13),  # "$$" on lines of their own
])
def test_lead_in_is_quoted_with_its_display_formula(number, quote, formula, last):
    unit = _unit(BREWING, number, quote)
    on, start, end = block(unit, BREWING, False, Policy())
    assert formula in on and (start, end) == (number, last)
    off, _, _ = block(unit, BREWING, False, Policy(formula_under_lead_in=False))
    assert formula not in off


def test_formula_under_reads_bracket_math_and_leaves_other_lead_ins():
    assert formula_under(SURVEY, 3, Policy()) == 5
    assert formula_under(SURVEY, 3, Policy(formula_under_lead_in=False)) is None
    assert formula_under(BREWING, 15, Policy()) is None  # a list follows, not a formula
    assert formula_under(BREWING, 7, Policy()) is None  # the line does not end in ":"
    assert formula_under(BREWING, 3, Policy(formula_blank_lines=0)) is None  # a blank line too many


WEATHER = """# Rain

II. What is the chance of rain on two days running?

For two days:

$$P = 0.3^2 = 0.09$$
""".split("\n")


def test_an_answer_ending_in_a_lead_in_runs_through_its_formula():
    unit = _unit(WEATHER, 3, "What is the chance of rain on two days running?")
    on, _, end = block(unit, WEATHER, False, Policy())
    assert "= 0.09" in on and end == 7
    off, _, end_off = block(unit, WEATHER, False, Policy(formula_under_lead_in=False))
    assert "= 0.09" not in off and "For two days:" in off and end_off == 5


def test_a_sentence_wrapped_over_lines_runs_through_its_formula():
    lines = ["The expected number of rainy days in a week,", "if each day is independent, is:", "", "$$E = 7p$$"]
    unit = Unit("notes.md", 1, "\n".join(lines[:2]), "", chunk_id=0, end=2)
    assert block(unit, lines, False, Policy()) == ("\n".join(lines[:2] + ["", "$$E = 7p$$"]), 1, 4)
    assert block(unit, lines, False, Policy(formula_under_lead_in=False)) == (unit.quote, 1, 2)


CAMP = """# Camping

<summary>How do you pitch a ridge tent?</summary><br>
The steps for a ridge tent are:
1. Clear the ground of stones.
2. Lay the groundsheet with its door downwind.
3. Raise both poles and peg the guy lines.
4. Tension the ridge line.
5. Peg the walls last.

<summary>Where should the tent face?</summary><br>
Away from the wind.
""".split("\n")


def test_a_card_answer_opening_with_a_lead_in_runs_through_its_list():
    unit = _unit(CAMP, 3, "How do you pitch a ridge tent?")
    on, _, end = block(unit, CAMP, False, Policy())
    assert "Peg the walls last." in on and end == 9 and "Away from the wind" not in on
    off, _, _ = block(unit, CAMP, False, Policy(answer_lead_in_lists=False))
    assert "Lay the groundsheet" in off and "Peg the walls last." not in off
