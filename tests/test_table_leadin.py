"""A table's lead-in line ("Record what each site gave in the chart below") says what its rows are: a chunk
holding the rows holds it too, even where the chunk boundary fell between them (rag.tables.rows_with, used by
rag.chunk), and a row is read under it (rag.answer.evidence.units_of). Invented geology and orchard notes."""

from __future__ import annotations

from rag.answer.evidence import units_of
from rag.chunk import chunk_note
from rag.ingest import Note
from rag.tables import lead_in

FIELD_TRIP = """# Field trip to the coast

- Bring walking boots, a hard hat and a hand lens; the cliffs shed loose stones after rain.
- Meet at the car park at nine; the tide turns at noon and covers the lower ledges by two.
- Wrap each specimen in newspaper and label it with the site and the bed it came from.
- Do not hammer the cliff face itself; collect only from fallen blocks on the beach.
- Record what each site gave in the chart below, with the rock it came out of.

| Site | Fossils found | Rock |
|---|---|---|
| North cliff | ammonites, belemnites and a shark tooth | blue lias limestone |
| Quarry floor | brachiopods and trilobite fragments | shale |
| Stream bed | crinoid stems | sandstone |
"""


def _note(text: str) -> Note:
    return Note("trip.md", "0", text.rstrip("\n").split("\n"))


def test_a_chunk_holding_a_tables_rows_holds_its_lead_in_line():
    chunks = chunk_note(_note(FIELD_TRIP), max_tokens=80, overlap=10)
    with_rows = [c for c in chunks if "North cliff" in c.text]
    assert with_rows
    for chunk in with_rows:
        assert "- Record what each site gave in the chart below, with the rock it came out of." in chunk.text, chunk.text
        assert chunk.line_numbers == sorted(chunk.line_numbers)
    row = next(u for c in with_rows for u in units_of(c) if "North cliff" in u.quote)
    assert "Record what each site gave" in row.context and row.line == 11


def test_a_row_is_read_under_its_tables_lead_in():
    text = "# Orchard\nApple varieties we grow, by season of picking:\n\n|Variety|Picked|\n|---|---|\n|Discovery|August|\n|Bramley|October|"
    chunks = chunk_note(_note(text))
    row = next(u for u in units_of(chunks[0]) if "Bramley" in u.quote)
    assert "Apple varieties we grow" in row.context


def test_a_heading_or_another_table_is_no_lead_in():
    units = list(enumerate(["## Prices", "|a|b|", "|---|---|", "|1|2|"], start=1))
    assert lead_in(units, 1) == []
    units = list(enumerate(["|x|y|", "|---|---|", "|3|4|", "", "|a|b|", "|---|---|"], start=1))
    assert lead_in(units, 4) == []
    units = list(enumerate(["Some words.", "", "", "|a|b|", "|---|---|"], start=1))
    assert lead_in(units, 3) == []  # two blank lines: a paragraph of its own
