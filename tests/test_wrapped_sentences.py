"""A sentence a note hard-wraps over two or three lines of one paragraph is one evidence unit, cited across
its lines as written (rag/answer/wrapped.py): the line holding a fact and the line naming what it is about
are scored, quoted and shown together. Notes invented from fields other than the eval sets': contract law,
coastal navigation."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.chunk import Chunk
from rag.answer.units import units_of

LAW = {
    "contracts.md": """# Contract law

## Limitation periods
A claim for breach of a simple contract has to be brought within
six years of the breach. For a contract made as a deed the period is twelve
years instead.

## Consideration
A promise binds only when the other side gives something in return. Past
consideration does not count, since the work was not given in exchange for the promise.
""",
}

TIDES = {
    "tides.md": """# Coastal navigation

## Tides
Spring tides come about two days after a full or a new moon, when the
range between high and low water is at its greatest. Neap tides follow the
quarter moons and have the smallest range.

- The rule of twelfths says the tide rises one twelfth in the first hour, two
  twelfths in the second hour and three twelfths in the third.
- Chart datum is the lowest astronomical tide.
""",
}


def _chunk(text: str) -> Chunk:
    lines = text.split("\n")
    return Chunk(1, "contracts.md", 1, len(lines), "Contract law > Limitation periods", text, "h", list(range(1, len(lines) + 1)))


def test_a_wrapped_sentence_is_one_unit_quoted_across_its_lines():
    text = "A claim for breach of a simple contract has to be brought within\nsix years of the breach. For a deed it is\ntwelve years."
    units = units_of(_chunk(text))
    first = next(u for u in units if "claim" in u.quote)
    assert (first.line, first.end) == (1, 2)
    assert first.quote == "A claim for breach of a simple contract has to be brought within\nsix years of the breach."
    assert first.display == "A claim for breach of a simple contract has to be brought within six years of the breach."
    deed = next(u for u in units if "deed" in u.quote)
    assert (deed.line, deed.end) == (2, 3) and deed.quote.endswith("\ntwelve years.")
    # calibration and the old reading see each line on its own
    assert all(u.end == 0 for u in units_of(_chunk(text), wrapped=False))


def test_outline_lines_stay_statements_of_their_own():
    # outline notes: a label line and the line under it are two statements, not one wrapped sentence...
    units = units_of(_chunk("Statute of limitations\nSix years apply to a simple contract."))
    assert [u.end for u in units] == [0, 0]
    # ...and so are unpunctuated statements one per line, even starting in lower case: no sentence ends
    units = units_of(_chunk("six years for a simple contract\ntwelve years for a deed"))
    assert [(u.quote, u.end) for u in units] == [("six years for a simple contract", 0), ("twelve years for a deed", 0)]


def test_the_fact_on_the_second_line_is_shown_with_the_words_on_the_first(tmp_path):
    answer = _ask_notes(tmp_path, LAW, "limitation period for breach of a simple contract")
    assert not answer.refused, answer.reason
    assert "six years" in answer.answer and "brought within six years" in answer.answer, answer.answer
    cited = [c for c in answer.citations if "six years" in c.quote]
    # cited from its first line over the second (the next sentence of the paragraph, naming the asked "period",
    # may be read with it: rag.answer.siblings)
    assert cited and cited[0].end_line >= cited[0].start_line + 1, answer.citations
    assert cited[0].quote.startswith("A claim for breach of a simple contract has to be brought within\nsix years")
    _grounded(answer, LAW)


def test_a_wrapped_list_item_reads_as_one_sentence(tmp_path):
    answer = _ask_notes(tmp_path, TIDES, "how much does the tide rise in the third hour")
    assert not answer.refused, answer.reason
    # one sentence, shown as one: not a list line and its wrapped tail read as two items ("two: twelfths")
    assert "two twelfths in the second hour" in answer.answer, answer.answer
    _grounded(answer, TIDES)
