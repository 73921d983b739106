"""A paragraph's later lines read under its first line (rag.answer.units): terse notes name a thing on one line
and state its value on the next, with no blank line between ("Bowline (a loop that will not slip)" / "Keeps
about 60% of the rope's strength"), as a list item states its value under its parent line. Also where a chunk
boundary fell inside the paragraph. Invented sailing, beekeeping and pottery notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.units import units_of
from rag.chunk import Chunk

SAILING = {
    "knots.md": """# Knots

## Holding power
Bowline (a loop that will not slip)  
Keeps about 60% of the rope's strength

Clove hitch  
Slips under a sideways pull

## Uses
Figure eight knot  
Tied as a stopper at the end of a sheet
""",
}


def _chunk(text: str, first: int = 1, numbers: list[int] | None = None) -> Chunk:
    lines = text.split("\n")
    numbers = numbers or list(range(first, first + len(lines)))
    return Chunk(id=0, file="n.md", start_line=numbers[0], end_line=numbers[-1], heading="Hives", text=text,
                 hash="h", line_numbers=numbers)


def test_a_paragraphs_next_line_reads_under_its_first_line():
    text = "Smoker fuel (what goes in the smoker)  \nDry pine needles or hessian\nLight it well before opening"
    units = {u.quote: u for u in units_of(_chunk(text))}
    assert "Smoker fuel" in units["Dry pine needles or hessian"].context
    assert "Smoker fuel" in units["Light it well before opening"].context  # the paragraph's first line, not the last
    assert "Smoker fuel" not in units["Smoker fuel (what goes in the smoker)"].context


def test_a_blank_line_a_list_item_or_a_heading_starts_a_new_block():
    text = "Smoker fuel (what goes in the smoker)\n\nQueens live up to five years\n- drones live eight weeks\n## Honey\nHarvest in late summer"
    units = {u.quote: u for u in units_of(_chunk(text))}
    assert "Smoker" not in units["Queens live up to five years"].context
    assert "Queens" not in units["drones live eight weeks"].context
    assert "Queens" not in units["Harvest in late summer"].context
    # a chunk's text leaves blank lines out: lines 1 and 3 of the note are two paragraphs, not one
    units = {u.quote: u for u in units_of(_chunk("Smoker fuel (what goes in the smoker)\nQueens live up to five years",
                                                 numbers=[1, 3]))}
    assert "Smoker" not in units["Queens live up to five years"].context


def test_a_chunk_cut_inside_a_paragraph_reads_under_the_paragraphs_first_line():
    note = ["# Kiln", "", "Bisque firing (the first firing)  ", "Reaches about 1000 °C", "Lasts eight hours"]
    chunk = _chunk("Reaches about 1000 °C\nLasts eight hours", first=4)
    units = {u.quote: u for u in units_of(chunk, lambda file: note)}
    assert "Bisque firing" in units["Reaches about 1000 °C"].context
    assert "Bisque firing" in units["Lasts eight hours"].context
    assert "Bisque" not in units_of(chunk)[0].context  # without the note's lines, the chunk alone


def test_the_value_on_the_line_after_the_name_answers(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "how much of the rope's strength does a bowline keep")
    assert not answer.refused, answer.reason
    assert "60%" in answer.answer


def test_a_paragraph_about_something_else_still_refuses(tmp_path):
    # the figure eight's paragraph gives a use, never a share of the rope's strength
    answer = _ask_notes(tmp_path, SAILING, "how much of the rope's strength does a figure eight knot keep")
    assert answer.refused, answer.answer


def test_a_title_line_is_quoted_with_the_paragraph_that_says_what_it_is():
    from rag.answer.blocks import block
    from rag.answer.evidence import Unit

    lines = SAILING["knots.md"].split("\n")
    unit = Unit("knots.md", 4, "Bowline (a loop that will not slip)", "Knots > Holding power", 0)
    quote, start, end = block(unit, lines, whole_list=False)
    assert (start, end) == (4, 5) and quote.endswith("Keeps about 60% of the rope's strength"), quote


def test_lines_of_a_list_written_without_markers_are_not_one_paragraph():
    from rag.answer.blocks import block
    from rag.answer.evidence import Unit

    # "Opening hours" is one of the lines under "Fees:", not a title whose paragraph is "Guided tours"
    lines = ["# Museum", "", "Fees:", "Opening hours (9 to 5)", "Guided tours (5 euros)", "", "Cloakroom", "- free"]
    unit = Unit("m.md", 4, "Opening hours (9 to 5)", "Museum Fees:", 0)
    assert block(unit, lines, whole_list=False) == ("Opening hours (9 to 5)", 4, 4)


def test_the_use_on_the_line_after_a_things_name_is_shown(tmp_path):
    notes = {"pottery.md": "# Tools\n\nRib (a flat wooden or metal tool)  \nUsed to smooth and compress the wall of a pot\n\n"
             "Wire tool  \nCuts the finished pot off the wheel head\n"}
    answer = _ask_notes(tmp_path, notes, "what is a rib used for")
    assert not answer.refused, answer.reason
    assert "smooth and compress" in answer.answer, answer.answer
