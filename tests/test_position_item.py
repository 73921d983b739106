"""A question asking an item by its position ("the first step of ...", "the last check ...") is answered by the item
at that position of the list under the heading that names the rest of the question, though no line says "first".
Invented baking and sailing notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer import engine as engine_module
from rag.answer.position import position_asked

NOTES = {
    "kitchen.md": """# Kitchen

## Sourdough Loaf Method

Work through these on baking day:

1. **Feed the starter:** equal weights of flour and water, eight hours ahead
2. **Autolyse:** mix flour and water and rest it for an hour
3. **Add salt:** pinch it in with wet hands
4. **Shape the loaf:** tighten the surface with a bench scraper

## Storage

Bread keeps three days in a linen bag.
""",
    "boat.md": """# Boat

## Casting Off Routine

- Start the engine and check the cooling water flows
- Single up the lines to the bow and stern
- Coil every line on deck before leaving the berth

The harbour speed limit is 4 knots.
""",
}


def test_position_asked_reads_ordinals_and_last():
    assert position_asked("what's the first step of the loaf method")[0] == 1
    assert position_asked("what is the third step")[0] == 3
    assert position_asked("what is the last check of the routine")[0] == -1
    assert position_asked("how do I undo the last two saves") is None  # a count, no single position
    assert position_asked("who first wrote it down") is None


def test_the_first_step_is_the_first_numbered_item(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, "what's the first step of the sourdough loaf method")
    assert not answer.refused, answer.reason
    assert "Feed the starter" in answer.answer.split("[1]")[0]


def test_the_last_step_is_the_last_bulleted_item(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, "what is the final step of the casting off routine")
    assert not answer.refused, answer.reason
    assert "Coil every line" in answer.answer.split("[1]")[0]


def test_a_position_past_the_list_is_not_an_item(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, "what's the ninth step of the sourdough loaf method")
    assert "Feed the starter" not in answer.answer.split("[1]")[0]


def test_with_positions_unread_the_first_step_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(engine_module, "positioned_item", lambda *args: None)  # the mechanism off
    answer = _ask_notes(tmp_path, NOTES, "what's the first step of the sourdough loaf method")
    assert answer.refused or "Feed the starter" not in answer.answer.split("[1]")[0]
