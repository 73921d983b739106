"""Notes leave their own subject unsaid line by line: in beekeeping notes "leave about 20 kg of honey for the
winter" speaks of the hive, though it never says "hive". The gate lets a line answering the rest of a question
miss one word the notes use all over (policy.notes.SUBJECT_WORD_SHARE); not a name the notes write capitalised
(one of the harbours they compare), nor a participle narrowing the thing asked ("a smoked cheese"). Notes on
beekeeping, harbours and cheese-making, fields far from the eval sets; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer.policy import notes as N
from rag.answer.vocab import Vocabulary

BEES = {
    "bees.md": """# Beekeeping

## Inspections
- open the hive on a warm, still day
- check the hive for eggs every week in spring

## Feeding
- feed the hive sugar syrup in autumn
- a weak hive needs syrup for longer

## Winter
- leave about 20 kg of honey for the winter
- reduce the entrance to keep mice out

## Swarming
- a hive swarms when it runs out of room
- add a super before the colony fills the hive

## Queens
- a new queen starts laying a week after mating
- mark the queen with a dot of paint

## Pests
- check the hive floor for varroa mites
- wasps rob a weak hive in late summer

## Placement
- face the hive entrance away from the wind
- keep the hive off the ground on a stand

## Harvest
- take honey from the hive once the frames are capped
- leave the brood box alone

## Tools
- a smoker calms the bees before you open the hive
- a hive tool levers the frames apart

## Records
- write down what you saw in each hive
- note the temper of the bees
""",
}

HARBOURS = {
    "harbours.md": """# Harbours of the coast
""" + "".join(f"""
## {town}
- there are {berths} visitor berths at {town} on the east pontoon
- the quay at {town} dries out at low water
- the bus to Kelby leaves from the quay at {town}
""" for town, berths in [("Portmere", 40), ("Dunhaven", 12), ("Arlow", 25), ("Brisk", 8), ("Coldharbour", 30),
                         ("Eastwick", 16), ("Fairlie", 22), ("Glenmor", 18), ("Hollin", 10)]) + """
## Kelby
- there are showers at Kelby by the office
- the yard at Kelby lifts boats out in winter
""",
}

CHEESE = {
    "cheese.md": """# Cheese-making
""" + "".join(f"""
## {kind}
- warm the milk for {kind} to {heat} degrees before the rennet goes in
- smoke {kind} over oak chips, then age it in a cool cellar
""" for kind, heat in [("cheddar", 32), ("gouda", 30), ("brie", 34), ("feta", 35), ("stilton", 30), ("comte", 33),
                       ("gruyere", 34), ("parmesan", 35), ("halloumi", 36)]) + """
## Brining
- soak the cheese in brine for 8 hours
""",
}


@pytest.fixture
def subject_said(monkeypatch):
    """The mechanism off: every asked word must stand in the answering line, the notes' subject too."""
    monkeypatch.setattr(N, "SUBJECT_WORD_SHARE", 0)


def test_a_line_may_leave_the_notes_subject_unsaid(tmp_path):
    answer = _ask_notes(tmp_path, BEES, "how much honey should a hive have for the winter")
    assert not answer.refused, answer.reason
    assert "20 kg" in answer.answer


def test_with_the_subject_required_that_question_is_refused(tmp_path, subject_said):
    answer = _ask_notes(tmp_path, BEES, "how much honey should a hive have for the winter")
    assert answer.refused
    assert "hive" in answer.reason


def test_a_name_the_notes_use_all_over_is_still_asked(tmp_path):
    # the notes count the visitor berths of every harbour but Kelby (a guard: other checks refuse it too)
    answer = _ask_notes(tmp_path, HARBOURS, "how many visitor berths does Kelby have")
    assert answer.refused, answer.answer


def test_a_participle_narrowing_the_thing_is_still_asked(tmp_path):
    # the notes smoke their cheeses all over, but give the brine time of a cheese, not of a smoked one
    assert not _ask_notes(tmp_path / "a", CHEESE, "how long does the cheese soak in brine").refused
    answer = _ask_notes(tmp_path / "b", CHEESE, "how long does a smoked cheese soak in brine")
    assert answer.refused, answer.answer
    assert "smoked" in answer.reason


def test_pervasive_reads_the_share_of_texts_and_leaves_names_and_participles_out():
    texts = ["the hive is warm", "feed the hive", "the Kelby hive", "at Kelby office", "to Kelby yard", "honey jars"]
    vocab = Vocabulary.learn(texts)
    assert vocab.pervasive("hive", 0.5) and vocab.pervasive("hives", 0.5)
    assert not vocab.pervasive("hive", 0.5, least=4)  # in 3 texts: too few to tell a subject
    assert not vocab.pervasive("honey", 0.5)
    assert not vocab.pervasive("kelby", 0.4)  # a name the notes write capitalised
    assert not vocab.pervasive("hived", 0.5)  # a participle
    assert not vocab.pervasive("hive", 0)  # 0: off
