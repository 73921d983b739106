"""Near misses, where the notes cover the topic but not the asked fact, are refused (with the nearest notes still
listed); the same notes answer the fact they do state (rag.answer.gate, rag.answer.phrasing). Notes from fields far
from the eval sets (a sailor's, a cheesemaker's), fake embedder and a model that never answers."""

from __future__ import annotations

import re

import pytest
from test_compose import _answerer, write_notes

from rag.answer.intent import parse
from rag.answer.policy import Policy, values as V

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


CHEESE = {
    "cheesemaking.md": """# Cheesemaking

## Renneting
- the ideal temperature for rennet is 32 °C, so warm the milk slowly
- heat far above the curd stage will denature the whey proteins

## Waxing
- cheese wax melts at 65 °C; dip each wheel twice
""",
}


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


CYCLING = {
    "gearing.md": """# Bicycle gearing

## Cassette chart

| Cassette cog | Teeth | Chain wear mark |
|---|---|---|
| 1 | 11 | 7 |
| 2 | 21 | 9 |
| 3 | 34 | 11 |

## Drivetrains
- an 11 speed cassette needs an 11 speed chain
- a 9 speed chain is wider than a 10 speed chain
""",
}


GARDEN = {
    "garden.md": """# Vegetable garden

## Tomatoes
- stake cordon tomatoes with a tall bamboo cane
- water tomatoes deeply twice a week

## Feeding
- a potash feed suits tomatoes once the first truss sets
""",
}


DIVING = {
    "diving.md": """# Scuba diving

## Depths
- recreational divers stay between 0 and 40 metres deep

## Tanks
- a standard aluminium tank is filled to 200 bar of pressure
- the tank valve must be rinsed after every dive
""",
}


WOODWORK = {
    "tools.md": """# Woodworking tools

## Saws
- you do not have to own a dovetail saw to cut dovetails
- a japanese pull saw cuts tenons cleanly

## Chisels
- sharpen the bevel edge chisel first, it does most of the paring
- a mortise chisel takes heavy blows
""",
}


FORTS = {
    "forts.md": """# Coastal forts

## Harbour fort
- Built a new fort in honour of Neptune
- The garrison kept a signal system of flags

## Lighthouse
- The old lighthouse was called the Candle
""",
}


ABBEY = {
    "abbey.md": """# Valley abbey

## Aldric
- Aldric was the great abbot of the valley (around 1190)
- Founded the abbey school for the village boys

## Church
- the abbey church burned in 1302
""",
}


# One row per mechanism: (notes, knob, the near miss, a word its refusal names, the question the notes do answer,
# a phrase of that answer, a phrase the near miss gets with the knob off or None)
CASES = {
    # "gain: 7" in an example setup is the value someone chose, not the default
    "default_not_stated": (SAILING, "default_must_be_stated", "what's the default autopilot gain", "default",
                           "what is the default damping of the wind display", "defaults to 4 seconds", "gain: 7"),
    # the notes give the ideal temperature for rennet, never the one at which it denatures
    "other_event": (CHEESE, "point_verb_must_be_spoken", "at what temperature does rennet denature", "denature",
                    "at what temperature does cheese wax melt", "melts at 65", None),
    # the notes state a punctuality guarantee of the airline, and speak of the ferry, but never of its own
    "other_subject": (TRAVEL, "thing_said_of_subject", "what punctuality guarantee does the ferry give",
                      "something else", "what punctuality guarantee does skyline air give", "98% of flights",
                      "98% of flights"),
    # the lines about 4 litres give the rennet and the salt, never the size of mould; moulds are spoken of elsewhere
    "other_quantity": (DAIRY, "thing_said_of_subject", "what size mould do i need for 4 litres of milk", "mould",
                       "what size mould do i need for 2 litres of milk", "10 cm mould", None),
    # "21" stands in the chart as a cog's teeth, never beside "speed": nothing is said of a 21 speed cassette
    "other_count": (CYCLING, "number_counts_its_noun", "what chain does a 21 speed cassette need", "21",
                    "what chain does an 11 speed cassette need", "11 speed chain", None),
    # the notes speak of feeding tomatoes, never of spraying them: the asked action is one they never name
    "unnamed_action": (GARDEN, "action_must_be_spoken", "what feed should i spray tomatoes with", "spray",
                       "what cane should i stake tomatoes with", "tall bamboo cane", "potash feed"),
    # one pressure is stated, never a range of them
    "range_unstated": (DIVING, "range_must_be_stated", "what pressure range is a standard tank filled to", "range",
                       "what depth range do recreational divers stay in", "between 0 and 40 metres", "200 bar"),
    # the notes speak of owning a dovetail saw, never of which one ("a pull saw" is another kind of saw)
    "no_instance": (WOODWORK, "advice_names_an_instance", "which dovetail saw should i own", "which dovetail saw",
                    "which chisel should i sharpen first", "bevel edge chisel", "own a dovetail saw"),
    # a name is asked: the line about the new fort names the god it honours, not the fort
    "name_not_given": (FORTS, "name_must_be_given", "what was the name of the new fort", "name",
                       "what was the old lighthouse called", "called the Candle", "new fort in honour"),
    # the abbot's date is of his time, not of his death: the event the question's verb names is never dated
    "date_of_other_event": (ABBEY, "date_verb_must_be_spoken", "what year did abbot aldric die", "die",
                            "what year did the abbey church burn", "burned in 1302", "around 1190"),
}


@pytest.mark.parametrize("case", CASES)
def test_a_near_miss_is_refused_and_still_lists_the_nearest_notes(tmp_path, case):
    notes, _knob, near_miss, reason_word, _asked, _said, _off = CASES[case]
    answer = _ask(tmp_path, notes, near_miss)
    assert answer.refused
    assert reason_word in answer.reason
    assert answer.nearest, "a refused near miss still lists the nearest notes"


@pytest.mark.parametrize("case", CASES)
def test_the_fact_the_notes_do_state_is_answered(tmp_path, case):
    notes, _knob, _near_miss, _reason, asked, said, _off = CASES[case]
    answer = _ask(tmp_path, notes, asked)
    assert not answer.refused, answer.reason
    assert said in answer.answer


# a near miss a second check catches too: "what size mould" asks a size (policy.values.VALUE_WORD_ASKED), and no line
# about 4 litres states one; that pattern is switched off with the case's knob
ALSO_CAUGHT = {"other_quantity": (V, "VALUE_WORD_ASKED", re.compile(r"(?!)"))}


@pytest.mark.parametrize("case", CASES)
def test_with_its_check_off_the_near_miss_is_answered(tmp_path, case, monkeypatch):
    notes, knob, near_miss, _reason, _asked, _said, off = CASES[case]
    if case in ALSO_CAUGHT:
        monkeypatch.setattr(*ALSO_CAUGHT[case])
        parse.cache_clear()
    answer = _ask(tmp_path, notes, near_miss, Policy(**{knob: False}))
    parse.cache_clear()
    assert not answer.refused, answer.reason
    if off is not None:
        assert off in answer.answer


def test_a_thing_asked_by_its_kind_is_answered_by_an_instance(tmp_path):
    # "black" is the colour asked, though the line never says "colour"; other lines speak of the colour code
    answer = _ask(tmp_path, BANDS, "which colour is never the first band")
    assert not answer.refused, answer.reason
    assert "never put black" in answer.answer


@pytest.mark.parametrize("question", ["what feed should i pick for tomatoes", "how do i hook up a cane for tomatoes"])
def test_a_verb_of_choosing_or_a_phrasal_verb_need_not_be_in_the_notes(tmp_path, question):
    # "pick" only frames the choice and "hook up" is an idiom the notes word otherwise: neither is refused for them
    answer = _ask(tmp_path, GARDEN, question)
    assert not answer.refused, answer.reason
    assert "tomatoes" in answer.answer


INN = {
    "inn.md": """# The Harbour Inn

## Kitchen
- the inn serves a wide range of dishes: fish stews, pies and barley soups
- the cook buys fish from the morning boats
""",
}


def test_a_range_of_things_is_no_range_of_amounts(tmp_path):
    # no relevant line states an amount, so "range" asks for the things, not two ends of a scale
    answer = _ask(tmp_path, INN, "what range of dishes does the inn serve")
    assert not answer.refused, answer.reason
    assert "fish stews" in answer.answer


OSPREY = {
    "birds.md": """# Birdwatching log

## Osprey
- an osprey clutch is three eggs
- the osprey nests on dead trees, often near water

## Heron
- herons hunt alone in shallow water
""",
}


def test_a_count_is_no_number_word_inside_another_word(tmp_path):
    # "alone" holds no "one", "often" no "ten": the line about herons hunting states no count (policy.values
    # NUMBER_WORDS, whole words only), while the clutch's "three eggs" does
    answer = _ask(tmp_path, OSPREY, "how many herons hunt in shallow water")
    assert answer.refused and "number" in answer.reason
    assert answer.nearest
    answer = _ask(tmp_path, OSPREY, "how many eggs are in an osprey clutch")
    assert not answer.refused, answer.reason
    assert "three eggs" in answer.answer


def test_a_line_about_the_thing_that_names_nothing_is_no_answer(tmp_path):
    # "kept a signal system of flags" speaks of the system, never of what it was called
    answer = _ask(tmp_path, FORTS, "what was the signal system of the garrison called")
    assert answer.refused and "name of" in answer.reason
    assert answer.nearest
    answer = _ask(tmp_path, FORTS, "what was the signal system of the garrison called", Policy(name_must_be_given=False))
    assert not answer.refused and "signal system of flags" in answer.answer


def test_the_naming_line_need_not_repeat_what_follows_the_thing(tmp_path):
    # "on the headland" only places the lighthouse; the line naming the old lighthouse answers
    answer = _ask(tmp_path, FORTS, "what was the old lighthouse on the headland called")
    assert not answer.refused, answer.reason
    assert "called the Candle" in answer.answer


KNOTS = {
    "knots.md": """# Knots

## Loops
- bowline: the knot to tie for a fixed loop at the end of a line
- a figure eight stopper keeps a line from running out of a block
""",
}


def test_a_line_defining_the_name_may_word_the_kind_its_own_way(tmp_path):
    # the notes call it a knot, the question a hitch: the line defining "bowline" still names the fixed loop
    answer = _ask(tmp_path, KNOTS, "what was the fixed loop hitch called")
    assert not answer.refused, answer.reason
    assert "bowline" in answer.answer
    answer = _ask(tmp_path, KNOTS, "what was the fixed loop hitch called", Policy(name_line_may_leave_out=0))
    assert answer.refused and "name of" in answer.reason
