"""A contraction is one word to the gate: "isn't" is never read as a word "isn" the notes never use, and a
negated auxiliary ("doesn't", "wasn't") is a function word, never a word asked about. Invented chess and
kitchen notes."""

from __future__ import annotations

import re

from rag.answer import gate as gate_module
from rag.answer import phrasing as phrasing_module
from rag.answer import unknown as unknown_module
from rag.answer.intent import parse
from rag.answer.vocab import Vocabulary
from rag.text import STOPWORDS

CHESS = ["In the Sicilian the knight goes to f6, and the Sicilian player castles short.",
         "Many club players avoid the Sicilian because the Sicilian is sharp.",
         "The Najdorf line is the main line."]


def test_a_contraction_beside_a_name_is_no_unknown_word():
    vocab = Vocabulary.learn(CHESS)
    assert "sicilian" in vocab.names
    assert gate_module.unknown_name(parse("why the Sicilian isn't played by all"), vocab) is None


def test_split_at_the_apostrophe_the_contraction_reads_as_an_unknown_word(monkeypatch):
    monkeypatch.setattr(unknown_module, "_TOKEN", re.compile(r"[A-Za-z][\w-]*"))  # the mechanism off (unknown_name lives there)
    vocab = Vocabulary.learn(CHESS)
    assert gate_module.unknown_name(parse("why the Sicilian isn't played by all"), vocab) == "sicilian isn"


def test_a_negated_auxiliary_is_no_content_word(monkeypatch):
    question = "why doesn't the custard set and why wasn't it thick"
    assert gate_module.content_words(question) == ["custard", "set", "thick"]
    negated = frozenset(w for w in STOPWORDS if w.endswith("n't") and w not in ("isn't", "aren't", "can't", "don't"))
    monkeypatch.setattr(phrasing_module, "STOPWORDS", STOPWORDS - negated)  # as the list was before (content_words lives there)
    assert "doesn't" in gate_module.content_words(question)
