"""A comparison's sides set side by side in the notes (items of one list, rows of one table) are each side's
line, whatever other lines naming a side rank higher (rag/answer/sides.py side_by_side). Notes invented
from fields other than the eval sets': baking, sailing."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.evidence import Unit
from rag.answer.sides import side_line


def _unit(quote: str, context: str, line: int) -> Unit:
    return Unit("n.md", line, quote, context, 0, heading=context)


def test_a_line_set_beside_the_other_sides_line_is_the_sides_line():
    # "sourdough vs yeast": the notes compare them as two items of one list; a line elsewhere that names
    # sourdough ranks higher and says nothing of how they differ
    units = [_unit("Sourdough has a very specific meaning among bakers", "Bread > Words", 9),
             _unit("Sourdough (wild culture; sour taste; slow rise)", "Bread > Leavening", 3),
             _unit("Yeast (dry granules; neutral taste; fast rise)", "Bread > Leavening", 4)]
    assert side_line("sourdough", "yeast", frozenset(), units) is units[1]
    assert side_line("yeast", "sourdough", frozenset(), units) is units[2]


def test_lines_of_another_level_between_them_are_no_siblings():
    # the yeast line sits under a parent line of its own (another context): not the same list
    units = [_unit("Sourdough has a very specific meaning among bakers", "Bread > Words", 9),
             _unit("Sourdough (wild culture; sour taste; slow rise)", "Bread > Leavening", 3),
             _unit("Instant kinds:", "Bread > Leavening", 4),
             _unit("Yeast (dry granules; neutral taste; fast rise)", "Bread > Leavening Instant kinds:", 5)]
    assert side_line("sourdough", "yeast", frozenset(), units) is units[0]


def test_a_bare_name_beside_the_other_is_a_list_of_terms():
    # a glossary list ("- Sourdough loaf" / "- Yeast loaf") names the sides and says nothing of them
    units = [_unit("Sourdough starter wants feeding daily", "Bread > Care", 9),
             _unit("Sourdough loaf", "Bread > Glossary", 1),
             _unit("Yeast loaf", "Bread > Glossary", 2)]
    assert side_line("sourdough", "yeast", frozenset(), units) is units[0]


def test_side_by_side_lines_must_speak_of_what_is_compared():
    # "sourdough vs yeast crust": the two leavening items say nothing of the crust; the line under the
    # crust's heading does
    units = [_unit("Sourdough (wild culture; slow rise)", "Bread > Leavening", 3),
             _unit("Yeast (dry granules; fast rise)", "Bread > Leavening", 4),
             _unit("Sourdough bakes darker", "Bread > Crust", 8)]
    assert side_line("sourdough", "yeast", frozenset({"crust"}), units) is units[2]


SAILS = {
    "sails.md": """# Sail trim

## Words
Cunningham has a very specific meaning on racing boats and does not mean any downhaul.
Vang is short for boom vang, and every dinghy class rules on it differently.

## Controls
Three controls shape the mainsail:

- Cunningham (pulls the luff down; flattens the front of the sail; for strong wind)
- Vang (pulls the boom down; keeps the leech tight; holds power downwind)
- Outhaul (pulls the clew out; flattens the bottom of the sail)
""",
}


def test_each_side_is_quoted_from_the_list_that_sets_them_side_by_side(tmp_path):
    answer = _ask_notes(tmp_path, SAILS, "cunningham vs vang")
    assert not answer.refused, answer.reason
    assert "flattens the front of the sail" in answer.answer
    assert "keeps the leech tight" in answer.answer
    assert "very specific meaning" not in answer.answer
