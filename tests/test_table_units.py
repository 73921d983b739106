"""A table row is an evidence unit read with its header (rag/tables.py, rag/answer/evidence.py units_of), cited
as written at its line (rag/answer/compose.py), kept with its header when a long table spans chunks
(rag/chunk.py); a list question about a table gets the table (rag/answer/blocks.py). Notes from other fields."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.evidence import units_of
from rag.chunk import Chunk, chunk_note
from rag.ingest import Note
from rag.tables import cells, find_tables, is_separator, reading

CHEMISTRY = {
    "solvents.md": """# Lab solvents

## Boiling points at sea level
Solvents stocked for the practical class:

|Solvent|Boiling point|Flash point|
|---|:---:|---|
|Water|100 °C|none|
|Ethanol|78 °C|13 °C|
|Acetone|56 °C|-20 °C|
|Diethyl ether|35 °C|-45 °C|

## Storage
- Keep flammable solvents in the ventilated cabinet.
- Label every bottle with the date it was opened.
""",
}

LEAGUE_ROWS = [("Harbour Town", 61), ("Mill Lane", 58), ("Rovers", 55), ("Castle Athletic", 51), ("Quarry United", 49),
               ("North End", 47), ("Riverside", 45), ("Old Boys", 44), ("Station Road", 42), ("Forest Green", 40),
               ("Bridge Street", 39), ("Hill Top", 37), ("Canal Side", 35), ("Market Square", 33), ("Park Avenue", 31),
               ("Orchard Lane", 29), ("Valley Rangers", 27), ("Meadow Park", 26), ("Chapel Field", 24), ("Dockyard", 22),
               ("Westgate", 20), ("Eastgate", 18), ("Tannery", 15), ("Windmill", 12), ("Foundry Lads", 9)]
LEAGUE = {
    "league.md": "# Sunday league\n\n## Final table, last season\n\n|Position|Club|Played|Points|\n|---|---|---|---|\n"
    + "".join(f"|{i}|{club}|30|{points}|\n" for i, (club, points) in enumerate(LEAGUE_ROWS, start=1))
    + "\n## Fixtures\n- Matches kick off at 10:30 on Sunday mornings.\n",
}

RECIPE = {
    "bread.md": """# Baking

## Country loaf
A slow overnight dough.

### Ingredients
| Ingredient | Amount |
| --- | --- |
| Strong white flour | 450 g |
| Wholemeal flour | 50 g |
| Water | 350 ml |
| Salt | 10 g |
| Dried yeast | 7 g |

### Method
- Mix everything and leave the dough overnight in the fridge.
- Bake at 230 °C for 40 minutes.
""",
}


def _chunk(text: str, heading: str = "Lab solvents > Boiling points") -> Chunk:
    lines = text.split("\n")
    return Chunk(0, "n.md", 10, 10 + len(lines) - 1, heading, text, "h", list(range(10, 10 + len(lines))))


# -- the structure of a table -------------------------------------------------------------------------------


def test_a_table_is_a_header_a_separator_and_the_rows_under_them():
    lines = ["intro", "|Solvent|Boiling point|", "|---|:--:|", "|Water|100 °C|", "|Ethanol|78 °C|", "after"]
    (table,) = find_tables(lines)
    assert (table.header, table.separator, table.rows) == (1, 2, (3, 4))
    assert table.columns == ("Solvent", "Boiling point")
    assert is_separator("--- | :---:") and not is_separator("---") and not is_separator("|a|b|")
    assert cells("| a | b \\| c |") == ["a", "b | c"]


def test_pipes_without_a_separator_row_make_no_table():
    # ASCII art of a demand curve, a shell pipeline: pipes, but no header over a separator row
    art = ["price", "|    |", "|    | demand", "|____|____ quantity", "cat log | grep error"]
    assert find_tables(art) == []


def test_a_row_is_read_with_its_header_and_empty_cells_are_left_out():
    columns = ("Number of laps", "Total time", "Lap time")
    assert reading(columns, "|2|4 min||") == "Number of laps 2, Total time 4 min"
    assert reading(("", "Points"), "|Rovers|55|") == "Rovers, Points 55"


def test_rows_are_units_matched_as_read_and_cited_as_written():
    text = "|Solvent|Boiling point|\n|---|---|\n|Water|100 °C|\n|Ethanol|78 °C|"
    units = units_of(_chunk(text))
    # the header and the separator state nothing: only the rows are units
    assert [u.line for u in units] == [12, 13]
    water = units[0]
    assert water.quote == "Solvent Water, Boiling point 100 °C"
    assert water.row == "|Water|100 °C|" and water.cited == "|Water|100 °C|"
    assert water.header == "Solvent | Boiling point"


def test_a_row_speaks_of_the_columns_it_fills_not_the_whole_header():
    # in a table of laps, a row filling only the lap-time column says nothing of the total time
    text = "|Number of laps|Total time|Lap time|\n|---|---|---|\n|2|4 min||\n|||2 min|"
    total, lap = units_of(_chunk(text, "Training > Intervals"))
    assert total.quote == "Number of laps 2, Total time 4 min" and lap.quote == "Lap time 2 min"
    assert "total" not in lap.context.lower() and lap.header == "Number of laps | Total time | Lap time"


def test_a_row_of_bare_numbers_is_a_unit_once_read_with_its_header():
    # "|3|12|" holds one word of two letters or more: as a plain line it was never a unit
    units = units_of(_chunk("|Round|Score|\n|---|---|\n|3|12|"))
    assert [u.quote for u in units] == ["Round 3, Score 12"]


def test_a_long_table_split_over_chunks_keeps_its_header_in_each_chunk():
    note = Note("league.md", "0", LEAGUE["league.md"].rstrip("\n").split("\n"))
    chunks = chunk_note(note, max_tokens=120, overlap=20)
    with_rows = [c for c in chunks if "|30|" in c.text]
    assert len(with_rows) >= 2
    for chunk in with_rows:
        lines = chunk.text.split("\n")
        assert "|Position|Club|Played|Points|" in lines[:2] and lines[lines.index("|Position|Club|Played|Points|") + 1] == "|---|---|---|---|", chunk.text
        assert chunk.line_numbers == sorted(chunk.line_numbers)
    last = with_rows[-1]
    foundry = next(u for u in units_of(last) if "Foundry" in u.quote)
    assert foundry.quote == "Position 25, Club Foundry Lads, Played 30, Points 9"


# -- answers ----------------------------------------------------------------------------------------------------


def test_a_question_naming_a_column_and_a_row_gets_that_rows_value(tmp_path):
    answer = _ask_notes(tmp_path, CHEMISTRY, "boiling point of ethanol")
    assert not answer.refused, answer.reason
    assert "78 °C" in answer.answer
    assert "|Solvent|Boiling point|Flash point|" not in answer.answer  # the header row answers nothing
    row = next(c for c in answer.citations if c.quote == "|Ethanol|78 °C|13 °C|")
    assert (row.start_line, row.end_line) == (9, 9) and "Boiling point" in row.heading
    _grounded(answer, CHEMISTRY)


def test_a_rows_value_under_another_column(tmp_path):
    answer = _ask_notes(tmp_path, CHEMISTRY, "what is the flash point of acetone")
    assert not answer.refused, answer.reason
    assert "-20 °C" in answer.answer
    _grounded(answer, CHEMISTRY)


def test_two_rows_compared(tmp_path):
    answer = _ask_notes(tmp_path, CHEMISTRY, "boiling point of water vs diethyl ether")
    assert not answer.refused, answer.reason
    assert "Boiling point 100 °C" in answer.answer and "Boiling point 35 °C" in answer.answer
    _grounded(answer, CHEMISTRY)


def test_a_row_deep_in_a_long_table_is_found_with_its_header(tmp_path):
    answer = _ask_notes(tmp_path, LEAGUE, "how many points did Foundry Lads get")
    assert not answer.refused, answer.reason
    assert "Points 9" in answer.answer
    _grounded(answer, LEAGUE)


def test_a_list_question_about_a_table_gets_its_rows(tmp_path):
    answer = _ask_notes(tmp_path, RECIPE, "what ingredients does the country loaf need")
    assert not answer.refused, answer.reason
    for item in ("Strong white flour", "Wholemeal flour", "Water", "Salt", "Dried yeast"):
        assert item in answer.answer, answer.answer
    table = next(c for c in answer.citations if c.quote.startswith("| Ingredient | Amount |"))
    assert (table.start_line, table.end_line) == (7, 13)
    _grounded(answer, RECIPE)


def test_paraphrases_find_the_row(tmp_path):
    for question in ("at what temperature does ethanol boil", "ethanol boiling point?",
                     "tell me the boiling point for ethanol"):
        answer = _ask_notes(tmp_path, CHEMISTRY, question)
        assert not answer.refused and "Boiling point 78 °C" in answer.answer, (question, answer.answer, answer.reason)
        assert "|Solvent|" not in answer.answer


def test_a_list_question_gets_the_table_a_line_introduces(tmp_path):
    answer = _ask_notes(tmp_path, CHEMISTRY, "which solvents are stocked for the practical class")
    assert not answer.refused, answer.reason
    for item in ("Water", "Ethanol", "Acetone", "Diethyl ether"):
        assert item in answer.answer, answer.answer
    block = next(c for c in answer.citations if c.quote.startswith("Solvents stocked"))
    assert (block.start_line, block.end_line) == (4, 11)
    _grounded(answer, CHEMISTRY)

