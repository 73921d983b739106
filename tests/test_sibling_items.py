"""A list item whose first sentence points back ("These need 24 hours between coats") is read with the sibling item
right above it at the same indent (rag/answer/across.sibling_items, policy.notes.SIBLING_ITEM_POINTS_BACK), which
names what it speaks of; the pair is shown without the second item's list marker. Notes invented from a field other
than the eval sets': woodworking."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.chunk import Chunk
from rag.answer.policy import notes as N
from rag.answer.units import units_of

SHOP = {
    "finishes.md": """# Workshop

## Finishes

* **OIL FINISHES**
  * Danish oil, tung oil and linseed oil.
  * These need 24 hours between coats
* **WAX**
  * Paste wax goes over a cured oil finish.
  * Buff it off after ten minutes
""",
}


def _chunk(text: str) -> Chunk:
    lines = text.split("\n")
    return Chunk(1, "finishes.md", 1, len(lines), "Workshop > Finishes", text, "h", list(range(1, len(lines) + 1)))


def test_an_item_pointing_back_is_read_with_the_item_above():
    text = "* **OIL FINISHES**\n  * Danish oil, tung oil and linseed oil.\n  * These need 24 hours between coats"
    pair = next(u for u in units_of(_chunk(text)) if "These need" in u.quote)
    assert (pair.line, pair.end) == (2, 3) and "tung oil" in pair.quote
    assert pair.display == "Danish oil, tung oil and linseed oil. These need 24 hours between coats"
    # an item that does not point back stays on its own
    other = units_of(_chunk("* Paste wax goes over a cured oil finish.\n* Buff it off after ten minutes"))
    assert all(u.end == 0 for u in other)


def test_off_the_item_stays_alone(monkeypatch):
    monkeypatch.setattr(N, "SIBLING_ITEM_POINTS_BACK", False)
    text = "* **OIL FINISHES**\n  * Danish oil, tung oil and linseed oil.\n  * These need 24 hours between coats"
    assert all(u.end == 0 for u in units_of(_chunk(text)))


def test_a_question_naming_the_item_above_is_answered_by_the_pair(tmp_path):
    answer = _ask_notes(tmp_path, SHOP, "how long between coats of tung oil")
    assert not answer.refused and "24 hours" in answer.answer
    _grounded(answer, SHOP)
