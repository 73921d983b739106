"""A comparison the notes make as a table: a line introducing a table whose columns are the two compared sides
is quoted with the table (rag.answer.blocks.sides_table), not alone. Invented astronomy and cooking notes."""

from __future__ import annotations

from rag.answer.compose import Composer
from rag.answer.evidence import Unit
from rag.answer.intent import parse
from rag.answer.verify import Source

SCOPES = ["# Telescopes",
          "- Refractor and reflector telescopes are compared in the chart below",
          "",
          "|  | Refractor | Reflector |",
          "| :--- | :--- | :--- |",
          "| Gathers light with | a lens | a curved mirror |",
          "| Typical flaw | chromatic aberration | coma at the edges |",
          "- Dobsonians are cheap reflectors on a simple mount."]


def _unit(line: int, quote: str, score: float) -> Unit:
    return Unit("scopes.md", line, quote, "Telescopes", chunk_id=0, score=score, coverage=0.5, heading="Telescopes")


def _compose(question: str, units: list[Unit], lines=SCOPES) -> str:
    text, *_ = Composer(lambda file: lines).compose(parse(question), [], [Source(1, "scopes.md", "Telescopes", units)],
                                                     units)
    return text


def test_a_line_introducing_a_table_of_both_sides_is_quoted_with_the_table():
    lead_in = _unit(2, "Refractor and reflector telescopes are compared in the chart below", 1.0)
    text = _compose("refractor vs reflector telescopes", [lead_in])
    assert "a lens" in text and "a curved mirror" in text and "chromatic aberration" in text, text


def test_a_table_of_other_columns_stays_out_of_a_comparison():
    lines = ["# Kitchen", "- Knives and pans are listed in the chart below", "",
             "| Item | Price |", "| :--- | :--- |", "| chef knife | $80 |", "| skillet | $40 |"]
    lead_in = Unit("k.md", 2, "Knives and pans are listed in the chart below", "Kitchen", 0, score=1.0, coverage=0.5,
                   heading="Kitchen")
    text, *_ = Composer(lambda file: lines).compose(parse("knives vs pans"), [], [Source(1, "k.md", "Kitchen", [lead_in])],
                                                     [lead_in])
    assert "$80" not in text, text  # the columns are not the sides: the line alone, as before
