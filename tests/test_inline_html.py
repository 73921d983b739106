"""HTML written inside markdown lines (rag.inline_html): a one-line "<table>" with "<ul><li>" cells, "<br/>",
entities. Each list item is its own evidence unit, read under its column and cited as an exact span of its
line; a list question quotes the item's whole list; quotes show no tags and decoded entities. Invented
gardening, music and chemistry-lab notes."""

from __future__ import annotations

from rag.answer.blocks import block
from rag.answer.compose import Composer, display
from rag.answer.evidence import Unit, units_of
from rag.answer.intent import parse
from rag.answer.verify import Source
from rag.chunk import Chunk
from rag.evaluate import quote_in_lines
from rag.inline_html import pieces, readable
from rag.tables import find_tables, reading
from rag.text import strip_markup, terms

GARDEN = ("<table><thead></thead><tbody><tr><td>Spring tasks</td><td>Autumn tasks</td></tr><tr><td><ul>"
          "<li>Sow broad beans outdoors.</li><li>Divide crowded perennials.</li><li>Feed roses with &ldquo;blood, "
          "fish and bone&rdquo;.</li></ul></td><td><ul><li>Plant tulip bulbs six inches deep.</li><li>Rake leaves "
          "into a leaf-mould cage.</li><li>Lift and store dahlia tubers.</li></ul></td></tr></tbody></table>")
LINES = ["# Garden calendar", "- What jobs belong to each season?", "", GARDEN, "", "- Water in the morning."]


def _chunk(lines=LINES) -> Chunk:
    return Chunk(0, "garden.md", 1, len(lines), "Garden calendar", "\n".join(lines), "h", list(range(1, len(lines) + 1)))


def test_each_list_item_of_an_html_table_is_its_own_unit_read_under_its_column():
    units = {u.display: u for u in units_of(_chunk())}
    bulbs = units["Plant tulip bulbs six inches deep."]
    assert bulbs.line == 4 and bulbs.quote in GARDEN
    assert "Autumn tasks" in bulbs.context and bulbs.header == "Autumn tasks"
    assert units["Sow broad beans outdoors."].header == "Spring tasks"
    # no unit is the whole table, and tag names are never words of a unit
    assert not any("<" in u.display for u in units.values())
    assert not any({"li", "td", "ul"} & set(terms(u.display)) for u in units.values())


def test_an_item_of_an_html_list_is_quoted_with_its_whole_list_for_a_list_question():
    bulbs = next(u for u in units_of(_chunk()) if u.display.startswith("Plant tulip"))
    quote, start, end = block(bulbs, LINES, whole_list=True)
    assert (start, end) == (4, 4) and quote in GARDEN
    shown = display(quote)
    assert shown == "Plant tulip bulbs six inches deep.; Rake leaves into a leaf-mould cage.; Lift and store dahlia tubers."
    assert "Sow broad beans" not in shown  # the other column's list is another list
    # ...and a fact question quotes the item alone
    assert block(bulbs, LINES, whole_list=False)[0] == "Plant tulip bulbs six inches deep."


def test_a_list_answer_from_an_html_table_reads_clean_and_its_quote_is_found_at_its_line():
    units = [u for u in units_of(_chunk()) if u.header == "Autumn tasks"]
    for n, unit in enumerate(units):
        unit.score, unit.coverage = 1.0 - n / 10, 0.8
    text, citations, *_ = Composer(lambda file: LINES).compose(
        parse("what are the autumn tasks in the garden"), [], [Source(1, "garden.md", "Garden calendar", units)], units)
    assert "Plant tulip bulbs" in text and "Lift and store dahlia tubers" in text, text
    assert "<li>" not in text and "</" not in text, text
    assert all(quote_in_lines(vars(c), {"garden.md": LINES}) for c in citations)


def test_entities_are_decoded_and_breaks_end_a_piece_in_what_a_reader_sees():
    feed = next(u for u in units_of(_chunk()) if u.display.startswith("Feed roses"))
    assert feed.display == "Feed roses with “blood, fish and bone”."
    assert strip_markup("**What key is a minor scale relative to?<br/>**") == "What key is a minor scale relative to?"
    assert readable("Major ---&gt; minor") == "Major ---> minor"


def test_html_in_code_spans_and_look_alikes_stay_as_written():
    assert readable("wrap items in `<li>` and escape `&amp;` as &amp;") == "wrap items in `<li>` and escape `&amp;` as &"
    assert pieces("a `<br>` in code") == []
    assert readable("List<String> and a < b > c; R&D") == "List<String> and a < b > c; R&D"
    assert pieces("- Fold the egg whites in gently.") == []


def test_a_table_cell_holding_an_html_list_reads_as_its_items():
    lines = ["| Reagent | Hazards |", "| --- | --- |", "| Acetone | <ul><li>Flammable</li><li>Eye irritant</li></ul> |"]
    table = find_tables(lines)[0]
    assert reading(table.columns, lines[2]) == "Reagent Acetone, Hazards Flammable; Eye irritant"


def test_a_slice_of_a_long_html_line_keeps_its_column_from_the_whole_line():
    # a long line is chunked in slices; a slice of the autumn list has no header row of its own
    at = GARDEN.index("Plant tulip")
    piece = Chunk(1, "garden.md", 4, 4, "Garden calendar", GARDEN[at:], "h", [4])
    alone = {u.display: u for u in units_of(piece)}
    whole = {u.display: u for u in units_of(piece, lambda file: LINES)}
    assert alone["Plant tulip bulbs six inches deep."].header == ""
    assert whole["Plant tulip bulbs six inches deep."].header == "Autumn tasks"
    assert whole["Plant tulip bulbs six inches deep."].quote in GARDEN


def test_a_multi_line_html_list_gives_one_unit_per_item():
    lines = ["# Scales", "<ul>", "  <li>The natural minor lowers the third, sixth and seventh.</li>",
             "  <li>The harmonic minor raises the seventh again.</li>", "</ul>"]
    chunk = Chunk(0, "music.md", 1, 5, "Scales", "\n".join(lines), "h", [1, 2, 3, 4, 5])
    shown = [u.display for u in units_of(chunk)]
    assert shown == ["The natural minor lowers the third, sixth and seventh.", "The harmonic minor raises the seventh again."]
    assert all(u.quote in lines[u.line - 1] for u in units_of(chunk))


DIVISION = ["# Cell division",
            "- Both kinds start after the DNA has been copied, and the question is what each makes.",
            "<table><tr><td>Mitosis</td><td>Meiosis</td></tr><tr><td><ul><li>Makes two identical daughter cells.</li>"
            "<li>Used for growth and repair of tissue.</li></ul></td><td><ul><li>Makes four genetically different cells."
            "</li><li>Used to make gametes for sexual reproduction.</li></ul></td></tr></table>",
            "- Mitosis is quick in skin cells, which divide every day or so."]


def test_a_comparison_laid_out_as_two_html_columns_quotes_each_sides_column():
    chunk = Chunk(0, "cells.md", 1, 4, "Cell division", "\n".join(DIVISION), "h", [1, 2, 3, 4])
    units = units_of(chunk)
    for n, unit in enumerate(sorted(units, key=lambda u: u.line != 4)):  # the loose mitosis line ranks first
        unit.score, unit.coverage = 1.0 - n / 20, 0.6
    ranked = sorted(units, key=lambda u: -u.score)
    text, citations, *_ = Composer(lambda file: DIVISION).compose(
        parse("mitosis vs meiosis"), [], [Source(1, "cells.md", "Cell division", ranked)], ranked)
    for item in ("Makes two identical daughter cells", "Used for growth and repair of tissue",
                 "Makes four genetically different cells", "Used to make gametes"):
        assert item in text, text
    assert "<" not in text and text.index("identical") < text.index("four genetically"), text
    assert all(quote_in_lines(vars(c), {"cells.md": DIVISION}) for c in citations)
