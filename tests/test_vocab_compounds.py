"""The notes use each word of a hyphened compound they write ("a half-hitch" speaks of a hitch), as the lines'
terms do (rag.text.terms), so a question writing the words apart is not asking about words the notes never
mention. Invented sailing notes."""

from __future__ import annotations

from test_gate_near_misses import _ask

from rag.answer import vocab as vocab_module
from rag.answer.vocab import Vocabulary

KNOTS = {
    "knots.md": """# Knots

## Hitches
- a round-turn and two half-hitches holds a mooring line under load
- a clove-hitch slips when the load comes from the side
""",
}


def test_the_parts_of_a_compound_are_words_of_the_notes():
    vocab = Vocabulary.learn(KNOTS.values())
    assert vocab.knows("hitch") and vocab.knows("half") and vocab.knows("clove")


def test_without_the_parts_the_split_words_are_unknown(monkeypatch):
    monkeypatch.setattr(vocab_module, "compound_parts", lambda word: [])  # the mechanism off
    vocab = Vocabulary.learn(KNOTS.values())
    assert not vocab.knows("clove")


def test_a_question_writing_the_compound_apart_is_answered(tmp_path):
    answer = _ask(tmp_path, KNOTS, "what does a round turn and two half hitches hold")
    assert not answer.refused, answer.reason
    assert "mooring line" in answer.answer
