"""An ordinal asked ("the third mast") is held by a line counting at least that many of the thing ("three masts"),
whose list then answers; an ordinal past the count stays a near miss. Invented sailing and kitchen notes."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import engine as engine_module, gate as gate_module
from rag.answer.amount import counts_past

SHIPS = {
    "ships.md": """# Rigs

## Square rigger
A full-rigged ship has three masts:
- Foremast
- Mainmast
- Mizzenmast

The bowsprit is never counted as a mast
""",
}


def test_a_count_holds_every_position_up_to_it():
    assert counts_past(3, "third", "what is the third mast of a ship", "A full-rigged ship has three masts:")
    assert counts_past(2, "second", "which is the second course", "a dinner of 4 courses")
    assert not counts_past(4, "fourth", "what is the fourth mast", "A full-rigged ship has three masts:")
    assert not counts_past(3, "third", "what is the third sail", "A full-rigged ship has three masts:")
    assert not counts_past(1911, "1911", "what burned in 1911", "1911 masts")  # a stated number is no position


def test_the_third_of_three_counted_things_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, SHIPS, "what is the third mast on a full-rigged ship")
    assert not answer.refused, answer.reason
    assert "Mizzenmast" in answer.answer


def test_a_position_past_the_count_is_still_refused(tmp_path):
    answer = _ask_notes(tmp_path, SHIPS, "what is the fifth mast on a full-rigged ship")
    assert answer.refused
    assert "fifth" in answer.reason


def test_with_counts_unread_the_third_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(gate_module, "counts_past", lambda *args: False)  # the mechanism off
    # ...and the list position (rag.answer.position), which answers the third item of the list on its own
    monkeypatch.setattr(engine_module, "positioned_item", lambda *args: None)
    answer = _ask_notes(tmp_path, SHIPS, "what is the third mast on a full-rigged ship")
    assert answer.refused
