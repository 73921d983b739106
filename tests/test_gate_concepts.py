"""Value words that name a concept, not an amount asked for (rag.answer.intent, rag.answer.gate): questions
asking why or what causes, asking a formula, two things asked to be defined at once, and a line defining the
very phrase a question asks "what is". Notes from fields far from the eval sets, fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer.intent import parse

CHEMISTRY = {
    "kinetics.md": """# Kinetics

## Rates
- Temperature and concentration determine a reaction's rate
- catalysts lower the activation energy without being used up

## Equations
- Rate law
    - `rate = k[A]^m[B]^n`
    - m and n are found by experiment, not from the balanced equation
""",
}

LAND = {
    "land.md": """# Land use

## Choosing a use
- For a builder, the opportunity cost is the value of the next best use of the land
- zoning rules decide which uses are allowed on a plot

## Soil
- **loam**: a soil of sand, silt and clay in similar shares
- **humus**: dark organic matter formed as plants and animals decay
""",
}


@pytest.mark.parametrize("question", [
    "what determines a reaction's rate",
    "why does the price of bread rise in a drought",
    "where do the fees that fund the museum come from",
    "formula for the rate of a reaction",
])
def test_a_cause_or_a_formula_asks_no_amount(question):
    assert parse(question).value is None


def test_an_amount_is_still_asked_where_a_value_word_asks_for_it():
    assert parse("how much does a court filing fee cost").value == "price"
    assert parse("what are the library's late fees").value == "price"


def test_what_determines_a_rate_is_answered_without_a_number(tmp_path):
    answer = _ask_notes(tmp_path, CHEMISTRY, "what determines a reaction's rate")
    assert not answer.refused, answer.reason
    assert "Temperature and concentration" in answer.answer


def test_a_formula_question_quotes_the_formula(tmp_path):
    answer = _ask_notes(tmp_path, CHEMISTRY, "rate law formula in kinetics")
    assert not answer.refused, answer.reason
    assert "rate = k[A]^m[B]^n" in answer.answer


def test_two_things_to_define_are_two_parts_but_one_pair_is_one():
    assert parse("define loam and the humus layer").parts == ("define loam", "define the humus layer")
    assert parse("define rock and roll").parts == ()
    assert parse("what is the difference between loam and the clay").parts == ()


def test_two_things_to_define_are_each_answered(tmp_path):
    answer = _ask_notes(tmp_path, LAND, "define loam and the humus")
    assert not answer.refused, answer.reason
    assert "sand, silt and clay" in answer.answer and "dark organic matter" in answer.answer


def test_a_line_defining_the_asked_phrase_answers_what_is_it(tmp_path):
    # "cost" suggests a price and "point of view" is not in the note, yet the note defines the very phrase
    answer = _ask_notes(tmp_path, LAND, "from a builder's point of view what is the opportunity cost")
    assert not answer.refused, answer.reason
    assert "value of the next best use of the land" in answer.answer


def test_a_defining_line_must_have_the_phrase_as_its_subject():
    intent = parse("what is the opportunity cost")
    assert intent.defines_asked("For a builder, the opportunity cost is the value of the next best use")
    assert not intent.defines_asked("If the opportunity cost is high, builders wait")
    assert not parse("what is the opportunity cost of land in dollars").defines_asked(
        "the opportunity cost is the value of the next best use")


def test_a_list_indented_under_its_head_ends_where_the_indentation_comes_back():
    from test_compose_shape import _unit

    from rag.answer.blocks import block

    lines = ["- A late frost leads to:", "\t1. Loss of blossoms", "\t1. A smaller harvest", "- Orchards sometimes use fans"]
    quote, start, end = block(_unit(2, "Loss of blossoms", 1.0), lines, whole_list=True)
    assert (start, end) == (1, 3) and "smaller harvest" in quote and "fans" not in quote


def test_effects_of_something_asks_for_a_list():
    assert parse("effects of a late frost").wants_list
    assert parse("the main causes of soil erosion").wants_list
    assert not parse("status of the bill").wants_list


def test_a_model_sentence_keeping_one_of_two_alternatives_is_not_supported():
    from rag.answer.evidence import Unit
    from rag.answer.verify import supports

    unit = Unit("tides.md", 3, "A tide is called either `spring` or `neap` by its range", "Tides", 0, heading="Tides")
    ok, reason = supports("A tide is called a neap tide by its range.", unit, "what is a tide called")
    assert not ok and "spring" in reason
    assert supports("A tide is called either spring or neap by its range.", unit, "what is a tide called")[0]


PEAKS = {
    "climb.md": """# Climbing log

## Camps
- camp 1 is pitched at 5,900 m on the glacier
- camp 2 is pitched at 6,400 m below the face
- camp 3 is pitched at 7,100 m on the ridge
- the fourth camp sits on the south col
""",
}


def test_a_position_the_notes_never_reach_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, PEAKS, "height of the 9th camp")
    assert answer.refused and "9th" in answer.reason, answer.answer


def test_a_position_the_notes_state_is_answered(tmp_path):
    assert not _ask_notes(tmp_path, PEAKS, "height of the 2nd camp").refused
    assert parse("where is the 4th camp").holds_positions("the fourth camp sits on the south col")
    assert not parse("where is the 9th camp").holds_positions("|19|8,900 m| see page 92")
