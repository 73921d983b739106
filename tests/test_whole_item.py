"""A short list item is one point (rag.answer.bullet): the sentence chosen from an item of two or three short
sentences is quoted with the rest of the item, which finishes what it says of the same subject. Invented law,
gardening and sailing notes; with ``item_whole_max_chars=0`` the sentence is quoted alone."""

from __future__ import annotations

from rag.answer.blocks import block
from rag.answer.bullet import whole_item
from rag.answer.evidence import Unit
from rag.answer.policy import Policy

NOTES = """# Contracts

- Consideration: something of value given by each side. A promise to give a gift has none.
- Capacity - minors may avoid most contracts. Contracts for necessaries still bind them.
- A deed needs no consideration.

Offer and acceptance must match. A counter-offer ends the first offer.

- Mulch keeps the soil moist in summer. It also smothers weeds, though only if it is laid at least five centimetres deep over the whole bed and topped up every spring before the first shoots come through the surface.
""".split("\n")

OFF = Policy(item_whole_max_chars=0)


def _unit(number: int, quote: str) -> Unit:
    assert quote in NOTES[number - 1]
    return Unit("law.md", number, quote, "", chunk_id=0)


def test_a_definition_item_is_quoted_with_its_second_sentence():
    unit = _unit(3, "Consideration: something of value given by each side.")
    on, start, end = block(unit, NOTES, False, Policy())
    assert on == "Consideration: something of value given by each side. A promise to give a gift has none."
    assert (start, end) == (3, 3) and on in NOTES[2]
    off, _, _ = block(unit, NOTES, False, OFF)
    assert off == "Consideration: something of value given by each side."


def test_a_later_sentence_brings_the_item_from_its_start():
    unit = _unit(4, "Contracts for necessaries still bind them.")
    on, _, _ = block(unit, NOTES, False, Policy())
    assert on.startswith("Capacity - minors may avoid most contracts.") and on.endswith("still bind them.")
    assert block(unit, NOTES, False, OFF)[0] == "Contracts for necessaries still bind them."


def test_one_sentence_items_paragraph_lines_and_long_items_stay_as_they_were():
    assert whole_item("A deed needs no consideration.", NOTES[4], Policy()) is None  # nothing more to quote
    # a paragraph line is not one point: its sentences may speak of different things
    assert whole_item("Offer and acceptance must match.", NOTES[6], Policy()) is None
    assert len(NOTES[8]) > Policy().item_whole_max_chars  # a long item: its sentence alone
    assert whole_item("Mulch keeps the soil moist in summer.", NOTES[8], Policy()) is None
