"""Near misses, where the notes cover the topic but not the asked fact, are refused (with the nearest notes still
listed); the same notes answer the fact they do state (rag.answer.gate, rag.answer.phrasing). Notes from fields far
from the eval sets (a sailor's, a cheesemaker's), fake embedder and a model that never answers."""

from __future__ import annotations

import pytest
from test_compose import _answerer, write_notes

from rag.answer.policy import Policy

SAILING = {
    "instruments.md": """# Boat instruments

## Autopilot
An example setup from the course:

```yaml
autopilot:
  gain: 7  # raise it in a swell
  rudder_limit: 30
```

- the autopilot holds a heading within 3 degrees in flat water

## Wind instrument
- the wind display damping defaults to 4 seconds
- raise the damping in a swell so the needle stops jumping
""",
}


def _ask(tmp_path, notes, question, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = policy
    return answerer.ask(question)


def test_a_default_asked_is_not_answered_by_an_example_value(tmp_path):
    # "gain: 7" in an example setup is the value someone chose, not the default
    answer = _ask(tmp_path, SAILING, "what's the default autopilot gain")
    assert answer.refused
    assert "default" in answer.reason
    assert answer.nearest, "a refused near miss still lists the nearest notes"


def test_a_default_the_notes_state_is_answered(tmp_path):
    answer = _ask(tmp_path, SAILING, "what is the default damping of the wind display")
    assert not answer.refused, answer.reason
    assert "defaults to 4 seconds" in answer.answer


def test_with_the_check_off_the_example_value_answers_the_default(tmp_path):
    answer = _ask(tmp_path, SAILING, "what's the default autopilot gain", Policy(default_must_be_stated=False))
    assert not answer.refused, answer.reason
    assert "gain: 7" in answer.answer


CHEESE = {
    "cheesemaking.md": """# Cheesemaking

## Renneting
- the ideal temperature for rennet is 32 °C, so warm the milk slowly
- heat far above the curd stage will denature the whey proteins

## Waxing
- cheese wax melts at 65 °C; dip each wheel twice
""",
}


def test_a_value_for_another_event_does_not_answer_at_what_point_something_happens(tmp_path):
    # the notes give the ideal temperature for rennet, never the one at which it denatures
    answer = _ask(tmp_path, CHEESE, "at what temperature does rennet denature")
    assert answer.refused
    assert "denature" in answer.reason
    assert answer.nearest


def test_the_line_stating_the_event_answers_at_what_point_it_happens(tmp_path):
    answer = _ask(tmp_path, CHEESE, "at what temperature does cheese wax melt")
    assert not answer.refused, answer.reason
    assert "melts at 65" in answer.answer


def test_with_the_check_off_the_verb_is_excused_and_the_near_miss_answered(tmp_path):
    answer = _ask(tmp_path, CHEESE, "at what temperature does rennet denature", Policy(point_verb_must_be_spoken=False))
    assert not answer.refused, answer.reason


TRAVEL = {
    "operators.md": """# Travel operators

## Skyline Air
- **Punctuality guarantee**: 98% of flights on time, a refund when over 2 hours late
- Skyline Air flies daily to the islands

## Harbour ferry
- the ferry runs three crossings a day from the old pier
- return tickets for the ferry are sold at the pier kiosk
""",
}


def test_a_thing_stated_of_another_subject_does_not_answer(tmp_path):
    # the notes state a punctuality guarantee of the airline, and speak of the ferry, but never of its own
    answer = _ask(tmp_path, TRAVEL, "what punctuality guarantee does the ferry give")
    assert answer.refused
    assert "something else" in answer.reason
    assert answer.nearest


def test_the_thing_stated_of_the_subject_asked_answers(tmp_path):
    answer = _ask(tmp_path, TRAVEL, "what punctuality guarantee does skyline air give")
    assert not answer.refused, answer.reason
    assert "98% of flights" in answer.answer


def test_with_the_check_off_the_other_subjects_line_answers(tmp_path):
    answer = _ask(tmp_path, TRAVEL, "what punctuality guarantee does the ferry give", Policy(thing_said_of_subject=False))
    assert not answer.refused, answer.reason
    assert "98% of flights" in answer.answer


DAIRY = {
    "cheese.md": """# Soft cheese

## Quantities
- for 4 litres of milk use 8 drops of rennet
- for 4 litres of milk add 20 g of salt

## Moulds
- a basket mould drains the whey fastest
- a 10 cm mould holds the curd of 2 litres of milk
""",
}

BANDS = {
    "resistors.md": """# Resistor bands

## Colour code
- the colour code runs brown 1, red 2, orange 3
- a gold band marks a 5% tolerance

## First band
- never put black as the first band
""",
}


def test_an_amount_stated_for_another_quantity_does_not_answer_what_size_of_a_thing(tmp_path):
    # the lines about 4 litres give the rennet and the salt, never the size of mould; moulds are spoken of elsewhere
    answer = _ask(tmp_path, DAIRY, "what size mould do i need for 4 litres of milk")
    assert answer.refused
    assert "mould" in answer.reason
    assert answer.nearest


def test_the_line_naming_the_measured_thing_answers_what_size(tmp_path):
    answer = _ask(tmp_path, DAIRY, "what size mould do i need for 2 litres of milk")
    assert not answer.refused, answer.reason
    assert "10 cm mould" in answer.answer


def test_with_the_check_off_the_other_quantity_answers(tmp_path):
    answer = _ask(tmp_path, DAIRY, "what size mould do i need for 4 litres of milk", Policy(thing_said_of_subject=False))
    assert not answer.refused, answer.reason


def test_a_thing_asked_by_its_kind_is_answered_by_an_instance(tmp_path):
    # "black" is the colour asked, though the line never says "colour"; other lines speak of the colour code
    answer = _ask(tmp_path, BANDS, "which colour is never the first band")
    assert not answer.refused, answer.reason
    assert "never put black" in answer.answer
