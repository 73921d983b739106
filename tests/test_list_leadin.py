"""A list announced by the line above it is quoted whole (rag/answer/blocks.py): the lead-in may be the second
sentence of the line the answer sits on, and a lead-in that announces how many items follow ("seven points",
"four elements") is quoted through that many items even past the usual block length. Notes from law and sailing."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.blocks import announced_count, block
from rag.answer.evidence import Unit

CONTRACTS = {
    "contracts.md": """# Contract law

## Formation
A binding contract rests on agreement between the parties. It has four essential elements:

1. **Offer**: one party proposes definite terms.
   - An invitation to treat is not an offer.
2. **Acceptance**: the other party agrees to the terms unconditionally.
   - Silence is not acceptance.
3. **Consideration**: each side gives something of value.
   - Past consideration is no consideration.
4. **Intention**: both parties mean to create legal relations.
   - Family agreements are presumed not to.

> Courts read the whole exchange of letters.

## Remedies
Damages put the injured party where the contract would have.
""",
}

SAILING = {
    "sailing.md": """# Sailing

## Points of sail
Every sailor learns the seven points of sail:

- **In irons**: heading straight into the wind, the boat stops.

- **Close-hauled**: as close to the wind as the sails still draw.
  - Sails pulled in tight.

- **Close reach**: between close-hauled and a beam reach.

- **Beam reach**: wind at right angles to the boat.
  - Usually the fastest point.

- **Broad reach**: wind from behind the beam.

- **Training run**: almost dead downwind.

- **Running**: wind straight from behind.
  - Watch for an accidental gybe.

## Knots
A bowline makes a fixed loop.
""",
}


def _lines(notes: dict[str, str]) -> list[str]:
    return next(iter(notes.values())).split("\n")


def test_a_sentence_on_a_line_ending_with_a_colon_is_quoted_with_the_list_the_line_introduces():
    lines = _lines(CONTRACTS)
    unit = Unit("contracts.md", 4, "A binding contract rests on agreement between the parties.",
                "Contract law > Formation", 0, heading="Contract law > Formation")
    quote, start, end = block(unit, lines, whole_list=True)
    for element in ("Offer", "Acceptance", "Consideration", "Intention", "Family agreements"):
        assert element in quote, quote
    assert quote.startswith("A binding contract rests") and (start, end) == (4, 13)
    assert "Courts read" not in quote and "Damages" not in quote  # the list ends where the notes' paragraph does


def test_a_sentence_on_a_plain_line_is_still_quoted_alone():
    lines = _lines(SAILING)
    unit = Unit("sailing.md", 26, "A bowline makes a fixed loop.", "Sailing > Knots", 0, heading="Sailing > Knots")
    assert block(unit, lines, whole_list=True) == ("A bowline makes a fixed loop.", 26, 26)


def test_an_announced_count_carries_the_block_past_its_usual_length_and_no_further():
    lines = _lines(SAILING)
    unit = Unit("sailing.md", 4, "Every sailor learns the seven points of sail:", "Sailing > Points of sail", 0,
                heading="Sailing > Points of sail")
    quote, start, end = block(unit, lines, whole_list=True)
    for point in ("In irons", "Close-hauled", "Close reach", "Beam reach", "Broad reach", "Training run", "Running",
                  "accidental gybe"):
        assert point in quote, quote
    assert (start, end) == (4, 21) and "bowline" not in quote


def test_the_count_a_lead_in_announces():
    assert announced_count("Every sailor learns the seven points of sail:") == 7
    assert announced_count("A binding contract rests on agreement. It has four essential elements:") == 4
    assert announced_count("They consist of 3 main components:") == 3
    assert announced_count("The main elements are listed below:") is None
    assert announced_count("Between 2 and 5 crew are needed:") is None  # two numbers: no single count announced
    assert announced_count("In 1805 the fleet sailed:") is None  # a year is no count of items


def test_a_list_question_answered_from_a_lead_in_gets_every_item(tmp_path):
    for question, notes, items in (
            ("what are the elements of a contract", CONTRACTS, ("Offer", "Acceptance", "Consideration", "Intention")),
            ("what does a contract need to be binding", CONTRACTS, ("Offer", "Consideration", "Intention")),
            ("what are the seven points of sail", SAILING, ("Close-hauled", "Training run", "Running")),
            ("which points of sail does a sailor learn", SAILING, ("In irons", "Beam reach", "Running"))):
        answer = _ask_notes(tmp_path / question.replace(" ", "-"), notes, question)
        assert not answer.refused, (question, answer.reason)
        assert all(item in answer.answer for item in items), (question, answer.answer)
        _grounded(answer, notes)


def test_a_lead_in_announcing_fewer_items_than_follow_still_quotes_the_usual_block():
    # "two" counts the bags, not the lines below: the count only ever lets a block run longer, never cuts one
    lines = "# Hiking\n\nPack two bags for these trips:\n- Day hike: water and a map.\n- Overnight: a tent.\n- Winter: spikes.\n- Desert: extra water.".split("\n")
    unit = Unit("hiking.md", 3, "Pack two bags for these trips:", "Hiking", 0, heading="Hiking")
    quote, start, end = block(unit, lines, whole_list=True)
    assert (start, end) == (3, 7) and "Desert" in quote


def test_a_line_opening_in_bold_is_a_lead_in_not_a_list_item():
    # "**Rocks** are ..." starts with the emphasis marker, not a bullet: it must not climb to the heading as if it
    # were an item of a list (which found nothing under the heading and quoted the sentence alone)
    lines = ("# Geology\n\n### Rock types\n\n\n**Rocks** are natural solids made of minerals. They fall into three classes:\n\n"
             "1. **Igneous**: cooled from magma.\n2. **Sedimentary**: laid down in layers.\n3. **Metamorphic**: changed by heat."
             "\n\nRocks weather into soil.").split("\n")
    unit = Unit("rocks.md", 6, "Rocks** are natural solids made of minerals.", "Geology > Rock types", 0, heading="Geology > Rock types")
    quote, start, end = block(unit, lines, whole_list=True)
    assert (start, end) == (6, 10) and "Igneous" in quote and "Metamorphic" in quote and "weather" not in quote
