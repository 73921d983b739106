"""A how-to whose object holds a word the notes never use ("how do I bake a brioche" in notes on bread that never say
"brioche") is refused, whatever the notes say of the verb's other objects (rag.answer.unknown_object). Notes on
baking, a field far from the eval sets; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import gate
from rag.answer.intent import parse
from rag.answer.unknown_object import unknown_object
from rag.answer.vocab import Vocabulary

BREAD = {
    "bread.md": """# Bread

## Loaves
- to bake a sandwich loaf, proof the dough in a tin for an hour, then bake at 220 C
- to bake a baguette, shape long rolls and bake them with steam

## Starter
- feed the starter with flour and water every day
""",
}


@pytest.fixture
def object_off(monkeypatch):
    """The check off: the object's words count only toward the share of unknown words, as before."""
    monkeypatch.setattr(gate, "unknown_object", lambda *a, **k: None)


def test_a_how_to_on_an_object_the_notes_never_name_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, BREAD, "how do i bake a brioche loaf with steam")
    assert answer.refused, answer.answer
    assert "brioche" in answer.reason


def test_with_the_check_off_it_is_answered_from_the_other_loaves(tmp_path, object_off):
    answer = _ask_notes(tmp_path, BREAD, "how do i bake a brioche loaf with steam")
    assert not answer.refused, answer.reason


def test_a_how_to_on_an_object_the_notes_name_is_answered(tmp_path):
    answer = _ask_notes(tmp_path, BREAD, "how do i bake a baguette with steam")
    assert not answer.refused, answer.reason
    assert "long rolls" in answer.answer


@pytest.mark.parametrize("question, unknown", [
    ("how do i bake a brioche", "brioche"),
    ("how to bake a loaf.brioche", "brioche"),  # a dotted name is read word by word
    ("how do i bake a loaf with brioche flour", None),  # past the preposition: not the object
    ("how do i feed the starter", None),
    ("what is a brioche", None),  # no how-to
])
def test_the_object_read(question, unknown):
    vocab = Vocabulary.learn([BREAD["bread.md"]])
    assert unknown_object(parse(question), vocab) == unknown


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
