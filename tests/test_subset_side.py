"""A comparison side whose name is the other side's name shortened ("butter vs brown butter"), maybe with a word
saying it is the unqualified one ("plain rye"), is the short name standing alone: its line names it without the
other side's extra word. Invented baking notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.intent import _parse
from rag.answer.policy import questions as Q
from rag.answer.versus import side_heads_of, sides_of

NOTES = {
    "bakery.md": """# Bakery

## Loaves on the shelf

Shelf plan for the week, by loaf:

* `rye.sourdough` → tangy crumb, baked for the weekend market, the rye sourdough sells out first
* `rye` → dense and dark, baked every weekday morning
* `spelt` → nutty, baked on request

## Flour

Rye flour is milled in the spring; sourdough starter is fed with rye flour twice a day.
""",
}


def test_a_shortened_name_is_a_side_of_its_own():
    assert sides_of("plain rye vs rye sourdough") == (frozenset({"rye"}), frozenset({"sourdough"}))
    assert sides_of("butter vs brown butter") == (frozenset({"butter"}), frozenset({"brown"}))
    assert side_heads_of("butter vs brown butter")[0] == ("butter", "brown")
    assert sides_of("simple syrup vs syrup")  # a word naming a kind of its own stays on its side
    assert sides_of("plain flour vs bread") == (frozenset({"plain", "flour"}), frozenset({"bread"}))  # no subset


def test_each_side_gets_its_own_line(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, "plain rye vs rye.sourdough, when is each one baked")
    assert not answer.refused, answer.reason
    assert "every weekday morning" in answer.answer and "weekend market" in answer.answer


def test_with_subset_sides_off_the_short_side_is_not_found(tmp_path, monkeypatch):
    monkeypatch.setattr(Q, "SUBSET_SIDE", False)  # the mechanism off
    _parse.cache_clear()  # questions are read once per process: read again with the mechanism off
    assert sides_of("butter vs brown butter") == ()
    answer = _ask_notes(tmp_path, NOTES, "plain rye vs rye.sourdough, when is each one baked")
    assert answer.refused or "every weekday morning" not in answer.answer
    _parse.cache_clear()
