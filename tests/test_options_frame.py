""""what are my options for X" asks the ways of doing X: the frame's noun ("options") is a light word no line need
say, so notes stating what to do answer it. Invented baking notes."""

from __future__ import annotations

import dataclasses

from test_compose import _answerer, _ask_notes, write_notes

from rag.answer.engine import Answerer
from rag.answer.phrasing import light_terms
from rag.answer.policy import DEFAULT

NOTES = {
    "dough.md": """# Dough

## Over-proofed dough

If the dough over-proofs and you want to save it, knock it back and shape it again, or bake it flat as focaccia.

## Oven

Preheat the stone for forty minutes before baking.
""",
}

QUESTION = "what are my options for saving dough that over-proofs"


def test_the_frame_noun_is_light():
    assert "option" in light_terms(QUESTION)
    assert "choic" in light_terms("what choices do I have for a sunken cake")
    assert "option" not in light_terms("which options does the oven timer take")


def test_the_ways_answer(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, QUESTION)
    assert not answer.refused, answer.reason
    assert "knock it back" in answer.answer


def test_with_the_frame_read_as_a_thing_it_is_refused(tmp_path):
    asker = _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index", "I can't find that in your notes.")
    off = dataclasses.replace(DEFAULT, options_frame_light=False)  # the mechanism off
    asker = Answerer(asker.retriever, asker.generator, asker.settings, off)
    assert asker.ask(QUESTION).refused
