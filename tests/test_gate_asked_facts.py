"""Near misses on the fact a question asks, not its topic: a number it states ("in 1923", "the third law"), the
time a past event happened ("when did the guild lose its charter"), a number named by its measure ("what tax
rate does Arden have"). Notes on a mill town, a guild, physics laws and island taxes, fields far from the eval
sets; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import intent as intent_module
from rag.answer.policy import values as V
from rag.answer.intent import Intent, parse

MILL = {
    "mill.md": """# Mill town

## The mill
- the mill closed after the flood of 1911 because the wheel was lost
- the mill ground wheat and rye for 4 villages

## The guild
- the weavers' guild lost its charter to the town council
- the bakers' guild lost its charter after the great fire
- the guild hall was rebuilt in stone
""",
}

LAWS = {
    "laws.md": """# Thermodynamics

## Laws
- the first law of thermodynamics states that energy is neither created nor destroyed
- the second law of thermodynamics states that the entropy of an isolated system never decreases
""",
}

ISLANDS = {
    "islands.md": """# Islands

## Arden
- Arden has a flat income tax rate of 12% on all earnings
- Arden exports wool and peat

## Belmar
- Belmar taxes land, not income
- Belmar exports fish
""",
}


@pytest.fixture
def no_positions(monkeypatch):
    """The mechanism off: a question asks no number, as before (only "9th"-style positions were read)."""
    monkeypatch.setattr(intent_module, "positions_of", lambda question, stated=True: tuple(
        (int(m.group(1)), m.group(0)) for m in V.ORDINAL.finditer(question)))
    parse.cache_clear()
    yield
    parse.cache_clear()


@pytest.fixture
def no_time(monkeypatch):
    """The mechanism off: a past "when" question asks no time and no number rate without "of"."""
    monkeypatch.setattr(V, "VALUE_QUESTIONS", [(pattern, kind) for pattern, kind in V.VALUE_QUESTIONS
                                               if kind != "time" and "(?=" not in pattern.pattern])
    parse.cache_clear()
    yield
    parse.cache_clear()


NUMBER_MISSES = [
    (MILL, "why did the mill close in 1923", "1923"),  # the notes give 1911
    (LAWS, "what does the third law of thermodynamics state", "third"),  # the notes have a first and a second
]


@pytest.mark.parametrize("notes, question, unsaid", NUMBER_MISSES)
def test_a_number_the_question_states_must_stand_in_a_relevant_line(tmp_path, notes, question, unsaid):
    answer = _ask_notes(tmp_path, notes, question)
    assert answer.refused, answer.answer
    assert unsaid in answer.reason


@pytest.mark.parametrize("notes, question, _unsaid", NUMBER_MISSES)
def test_with_the_numbers_unread_those_near_misses_are_answered(tmp_path, no_positions, notes, question, _unsaid):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason


@pytest.mark.parametrize("notes, question, shown", [
    (MILL, "why did the mill close in 1911", "wheel was lost"),
    (LAWS, "what does the second law of thermodynamics state", "entropy"),
    (MILL, "how many villages did the mill grind for", "4 villages"),
])
def test_a_number_the_notes_state_is_answered(tmp_path, notes, question, shown):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


def test_the_numbers_a_question_names():
    assert parse("what does the third law say").positions == ((3, "third"),)
    assert parse("second law of demand").positions == ((2, "second"),)  # first in the question
    assert parse("marginal satisfaction of a 9th set").positions == ((9, "9th"),)
    assert parse("why did the mill close in 1911").positions == ((1911, "1911"),)
    # no position: an adverb, "the first to", a number inside a word or a unit
    assert parse("who first defined the state").positions == ()
    assert parse("who was the first to define the state").positions == ()
    assert parse("what is the max size of an s3 object").positions == ()
    assert parse("what happened in the 1300s").positions == ()
    # a list question's number says how many it lists, which the notes need not say
    assert parse("what are the 4 humors").positions == ()
    # each side of a comparison may stand in its own line
    assert parse("total yield of 2 hives vs 6 hives").positions == ((2, "2"), (6, "6"))
    assert Intent.holds_position(3, "won in three sets") and not Intent.holds_position(3, "won in 13 sets")


GUILD = {"guild.md": "# Guilds\n- the weavers' guild lost its charter to the town council\n- the guild hall was rebuilt in stone\n"}


def test_a_past_when_question_needs_a_line_placing_it_in_time(tmp_path):
    asked = parse("when did the guild lose its charter")
    # a time, which the line may tell in its own words ("the guilds declined after the plague"): not one
    # line speaking of every word asked
    assert asked.value == "time" and not asked.specific
    assert parse("when do producers export").value is None  # a condition, not a past event
    # the notes say the weavers' guild lost its charter, never when
    answer = _ask_notes(tmp_path, GUILD, "when did the weavers' guild lose its charter")
    assert answer.refused, answer.answer
    assert "time" in answer.reason
    answered = _ask_notes(tmp_path / "b", MILL, "when did the bakers' guild lose its charter")
    assert not answered.refused, answered.reason
    assert "after the great fire" in answered.answer


def test_a_rate_named_before_its_verb_asks_a_number(tmp_path):
    assert parse("what tax rate does Belmar have").value == "number"
    assert parse("what gini coefficient does the uk have").value == "number"
    refused = _ask_notes(tmp_path, ISLANDS, "what income tax rate does Belmar have")
    assert refused.refused, refused.answer
    answered = _ask_notes(tmp_path / "b", ISLANDS, "what income tax rate does Arden have")
    assert not answered.refused, answered.reason
    assert "12%" in answered.answer


@pytest.mark.parametrize("notes, question", [
    (GUILD, "when did the weavers' guild lose its charter"),
    (ISLANDS, "what income tax rate does Belmar have"),
])
def test_with_the_kinds_off_those_near_misses_are_answered(tmp_path, no_time, notes, question):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason
