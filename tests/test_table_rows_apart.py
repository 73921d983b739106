"""Two rows of one table are two statements, never one said twice: the column names both are read with are
the table's words, not theirs (rag/answer/compose.py _same). A question filtering a table's rows gets each
row that answers. Notes invented from fields other than the eval sets': wine, knitting."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.compose import _same
from rag.answer.evidence import Unit
from rag.answer.policy import DEFAULT

HEADER = "Grape, Colour"


def _row(line: int, reading: str, row: str, header: str = HEADER, file: str = "w.md") -> Unit:
    return Unit(file, line, reading, "Wine > Grapes", 0, row=row, header=header)


def test_two_rows_of_one_table_are_not_the_same_statement():
    a = _row(3, "Grape Merlot, Colour red", "|Merlot|red|")
    b = _row(4, "Grape Pinot noir, Colour red", "|Pinot noir|red|")
    assert not _same(a, b, DEFAULT)
    # the same row met twice, or the same words in two notes' tables, still say one thing
    assert _same(a, _row(3, "Grape Merlot, Colour red", "|Merlot|red|"), DEFAULT)
    assert _same(a, _row(9, "Grape Merlot, Colour red", "|Merlot|red|", file="x.md"), DEFAULT)


WINE = {
    "wine.md": """# Wine notes

### Grapes
|Grape|Colour|
|---|---|
|Merlot|red|
|Pinot noir|red|
|Chardonnay|white|

### Serving
Chill whites to 8 degrees and serve reds at room temperature.
""",
}


def test_a_question_filtering_a_tables_rows_gets_each_row_that_answers(tmp_path):
    answer = _ask_notes(tmp_path, WINE, "which grapes give red wine")
    assert not answer.refused, answer.reason
    assert "Merlot" in answer.answer and "Pinot noir" in answer.answer, answer.answer
