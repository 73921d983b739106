"""Table cell lookup: a question holding a row's cell whole ("route B", "a T", "which are Cancelled") names that
row, which outranks rows of the same table that only share the header's words (rag.answer.cells). Invented
ferry timetable, kitchen conversion table and chemistry table; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

import rag.answer.evidence as evidence
from rag.answer.cells import cell_bonus, cell_tokens, named_cells, tokens
from rag.answer.policy import DEFAULT

FERRY = {"ferry.md": """# Island ferry

Summer timetable from the harbour:

| Route | Departs | Crossing | Status |
|-------|---------|----------|--------|
| A     | 07:15   | calm bay crossing, meets route B at the pier | Running |
| C     | 11:45   | calm bay crossing, departs after route B arrives; the ferry leaves late | Not cancelled, delayed |
| B     | 09:30   | open sea crossing | Cancelled (storm swell) |
| D     | 14:05   | open sea crossing | Cancelled |
"""}

KITCHEN = {"kitchen.md": """# Kitchen conversions

| Unit | Millilitres | Notes |
|------|-------------|-------|
| t    | 5           | teaspoon, a third of a T in millilitres |
| T    | 15          | tablespoon |
| C    | 240         | cup, sixteen T |
"""}

ELEMENTS = {"elements.md": """# Metals

| Symbol | Name   | Melting point |
|--------|--------|---------------|
| Fe     | Iron   | 1538 °C |
| Co     | Cobalt | 1495 °C, a melting point close to that of Fe |
| Ni     | Nickel | 1455 °C |
"""}


def _off(monkeypatch):
    monkeypatch.setattr(evidence, "cell_bonus", lambda question, row, p=DEFAULT: 0.0)
    monkeypatch.setattr(evidence, "pick_named_rows", lambda units, bonus, p=DEFAULT: [1.0] * len(units))


def _first_quote(answer) -> str:
    return answer.answer.split("”")[0]


def test_cells_are_matched_whole_and_symbols_by_case():
    row = "| T | 15 | tablespoon |"
    assert named_cells("how many millilitres in a T", row) == [0]
    assert named_cells("how many millilitres in a t", row) == []  # "t" is another unit than "T"
    assert named_cells("what is a tablespoon in millilitres", row) == [2]  # a word: any case
    assert named_cells("how many Tablespoons", row) == []  # whole cells only
    assert named_cells("what do I use", "| I | tonic |") == []  # the pronoun names no row
    assert named_cells("what is the plan for seat 12A", "| 12 | A | window |") == [0, 1]  # two cells as one token
    assert cell_tokens("Cancelled (storm swell)") == ["Cancelled"]  # an aside is not the cell's value
    assert cell_tokens("[Iron](./iron.md)") == ["Iron"] and cell_tokens("vii<sup>o</sup>") == ["vii"]
    assert tokens("routes A / B and V/V") == ["routes", "A", "B", "and", "V/V"]
    assert cell_bonus("which route is B", "| B | 09:30 |") == DEFAULT.bonus_row_key
    assert cell_bonus("which route is B", "| 09:30 | B |") == DEFAULT.bonus_row_cell
    assert cell_bonus("which route is C", "| B | 09:30 |") == 0.0


# (notes, question, phrases of which the first quote holds one with the lookup on, and none with it off)
LEADING_ROWS = {
    "key_named": (FERRY, "when does route B depart", ("09:30",)),
    "short_symbol_as_written": (KITCHEN, "how many millilitres are in a T", ("tablespoon",)),
    "symbol_key_beats_long_cell": (ELEMENTS, "what is the melting point of Fe", ("1538",)),
    # a Cancelled row, not the row "Not cancelled" nor one only sharing "route"
    "picked_by_a_cell_value": (FERRY, "what time does the Cancelled ferry route leave", ("09:30", "14:05")),
}


@pytest.mark.parametrize("switched_on", [True, False])
@pytest.mark.parametrize("case", LEADING_ROWS)
def test_the_row_the_question_names_is_quoted_first(tmp_path, monkeypatch, case, switched_on):
    notes, question, phrases = LEADING_ROWS[case]
    if not switched_on:
        _off(monkeypatch)
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    first = _first_quote(answer)
    assert any(p in first for p in phrases) is switched_on, answer.answer


def _berths() -> dict[str, str]:
    """A long berth list, chunked in many pieces: a berth is a deck letter and a number; each fare differs."""
    rows = [f"| {deck} | {berth} | {'window' if berth % 2 else 'aisle'} | {100 + n * 3} euro |"
            for n, (deck, berth) in enumerate((d, b) for d in "ABCDEFGHIJKLMNOPQRST" for b in range(1, 21))]
    return {"berths.md": "# Night ferry berths\n\nFares by berth on the night ferry:\n\n| Deck | Berth | Side | Fare |\n"
                         "|------|-------|------|------|\n" + "\n".join(rows) + "\n"}


@pytest.mark.parametrize("switched_on", [True, False])
def test_a_berth_written_as_one_token_finds_its_row_in_a_long_table(tmp_path, monkeypatch, switched_on):
    import rag.answer.gather as gather

    if not switched_on:
        monkeypatch.setattr(gather, "keyed_rows_elsewhere", lambda question, have, chunks, p=DEFAULT: [])
        monkeypatch.setattr(evidence, "joined_names", lambda question, row: "")
    answer = _ask_notes(tmp_path, _berths(), "what is the fare for berth M14")
    fare = f"{100 + (12 * 20 + 13) * 3} euro"  # deck M (the 13th letter), berth 14
    assert (not answer.refused and fare in _first_quote(answer)) is switched_on, (answer.reason, answer.answer)


HERBS = {"herbs.md": """# Herb garden

| Herb  | Light | Watering |
|-------|-------|----------|
| basil | full sun, likes heat | often; more than thyme |
| thyme | full sun, dry soil | rarely |
| mint  | part shade | often |

Companion beds:

| Bed | Plants |
|-----|--------|
| north | mint and basil watering together |
| south | thyme and sage, basil watering nearby |
"""}


@pytest.mark.parametrize("switched_on", [True, False])
def test_a_comparison_quotes_the_rows_keyed_by_its_sides(tmp_path, monkeypatch, switched_on):
    import rag.answer.sides as sides

    if not switched_on:
        monkeypatch.setattr(sides, "keyed_by", lambda side, unit: False)
    answer = _ask_notes(tmp_path, HERBS, "how does basil differ from thyme in watering")
    assert not answer.refused, answer.reason
    both = "more than thyme" in answer.answer and "rarely" in answer.answer
    assert both is switched_on, answer.answer
