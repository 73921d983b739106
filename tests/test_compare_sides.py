"""A comparison quotes, for each side, the line that speaks of what is compared (rag/answer/versus.py
named_by_phrases, rag/answer/sides.py side_line / stating_first); notes from fields other than the eval sets'."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.sides import side_line, stating_first
from rag.answer.evidence import Unit
from rag.answer.intent import parse
from rag.answer.versus import named_by_phrases

CELL = {
    "transport.md": """# Cell transport

## Ion channels
- Up to 10 million ions per second pass one ion channel
- Passive: ions flow down their gradient

## Pumps
- Active: pumps use ATP to move ions against the gradient
- Pumps are slower than channels
""",
}


def _unit(quote: str, context: str, line: int) -> Unit:
    return Unit("n.md", line, quote, context, 0, heading=context)


def test_words_the_notes_use_as_a_sides_name_are_not_what_is_compared():
    intent = parse("ion channel vs pump passive or active")
    assert intent.side_heads == ("channel", "pump") and "ion" in intent.compared
    texts = ["Cell transport > Ion channels", "Up to 10 million ions per second pass one ion channel"]
    named = named_by_phrases(intent, texts)
    assert "ion" not in named.compared
    assert {"passiv", "activ"} <= named.compared


def test_a_word_the_notes_pair_with_both_sides_stays_shared():
    # "unitary states" and "federal states": "states" names neither side alone
    intent = parse("unitary vs federal states powers")
    texts = ["unitary states keep power central", "federal states split powers"]
    assert named_by_phrases(intent, texts).compared == intent.compared


def test_a_comparison_left_with_nothing_to_compare_keeps_its_words():
    intent = parse("security group vs nacl")
    assert named_by_phrases(intent, ["Security Groups", "security groups filter traffic"]) == intent


def test_a_sides_line_speaking_of_what_is_compared_beats_one_merely_naming_the_side():
    units = [_unit("Up to 5 pumps per membrane patch", "Transport > Pumps", 1),
             _unit("Active: they spend ATP", "Transport > Pumps", 2)]
    assert side_line("pump", "channel", frozenset({"activ", "passiv"}), units) is units[1]


def test_a_sides_line_stating_a_value_in_its_own_section_comes_first():
    units = [_unit("Speed is limited in pumps", "Transport", 1),
             _unit("Slow: up to 300 ions per second", "Transport > Pumps", 2),
             _unit("A pump table: 900 units", "Transport > Tables", 3)]
    assert side_line("pump", "channel", frozenset({"speed", "slow"}), units) is units[1]
    # a number in another section's line earns nothing
    assert stating_first([units[0], units[2]], "pump") == [units[0], units[2]]


def test_each_side_gets_its_line_about_what_is_compared(tmp_path):
    answer = _ask_notes(tmp_path, CELL, "ion channel vs pump passive or active")
    assert not answer.refused, answer.reason
    assert "Passive: ions flow down their gradient" in answer.answer
    assert "Active: pumps use ATP" in answer.answer
    assert "10 million" not in answer.answer


def test_a_sides_line_under_the_compared_subjects_heading_comes_first():
    # "is the pond water frozen or thawed": of two lines naming the side and the water, the one under the
    # pond's heading, though the freezer's line ranks first
    units = [_unit("Frozen water keeps in the freezer", "Kitchen > Freezer", 1),
             _unit("Frozen water by December", "Garden > Pond", 2)]
    assert side_line("frozen", "thaw", frozenset({"pond", "water"}), units) is units[1]
