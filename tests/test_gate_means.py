"""A how-to imposing a means ("how do I sort the jars by their date") is refused when no best line speaks of it: the
notes do it another way (rag.answer.means). Invented pantry notes; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import gate

PANTRY = {
    "pantry.md": """# Pantry

## Jars
- sort the jars by their label colour, grains on the top shelf
- store the jars in a dry cupboard away from the oven
""",
}


@pytest.fixture
def means_off(monkeypatch):
    """The check off: the means a how-to imposes need not be spoken."""
    monkeypatch.setattr(gate, "unspoken_means", lambda *a, **k: None)


def test_a_how_to_by_a_means_the_notes_never_speak_of_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, PANTRY, "how do i sort the jars by their date")
    assert answer.refused, answer.answer
    assert "date" in answer.reason


def test_with_the_means_check_off_it_is_answered_by_the_other_key(tmp_path, means_off):
    answer = _ask_notes(tmp_path, PANTRY, "how do i sort the jars by their date")
    assert not answer.refused, answer.reason


def test_a_how_to_by_a_means_the_notes_speak_of_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, PANTRY, "how do i sort the jars by their label")
    assert not answer.refused, answer.reason
    assert "label colour" in answer.answer
