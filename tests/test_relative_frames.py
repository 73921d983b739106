"""Two frames of a question that name nothing the notes must say (rag.answer.phrasing): a general verb in a
relative clause before a linking preposition ("the crates that go to the galley", knob relative_general_verbs:
notes write "crates to galley"), and a noting adjective ("what's special about X", policy.questions.JUDGING_FRAME).
Invented harbour and bakery notes, fake embedder and a model that never answers; near misses stay refused."""

from __future__ import annotations

import dataclasses
import re

from test_gate_near_misses import _ask

from rag.answer import phrasing
from rag.answer.phrasing import light_terms
from rag.answer.policy import DEFAULT

HARBOUR = {
    "harbour.md": """# Harbour day

## Unloading
* **SORTING SHED**
  * Crates to the galley - dry goods only, no ice
  * Nets to the loft - hung to dry overnight
""",
}

BAKERY = {
    "bakery.md": """# Bakery notes

## Breads
* **RYE SOURDOUGH**
  * Proofed overnight in cold cellar baskets
  * First loaf of the season is given to the miller
""",
}


def test_a_relative_clauses_general_verb_need_not_be_said(tmp_path):
    answer = _ask(tmp_path, HARBOUR, "what is in the crates that go to the galley")
    assert not answer.refused, answer.reason
    assert "dry goods only" in answer.answer


def test_without_the_frame_the_relative_verb_is_asked(tmp_path):
    off = dataclasses.replace(DEFAULT, relative_general_verbs=False)
    assert _ask(tmp_path, HARBOUR, "what is in the crates that go to the galley", off).refused


def test_a_relative_verb_near_miss_stays_refused(tmp_path):
    assert _ask(tmp_path, HARBOUR, "what is in the crates that go to the smokehouse").refused


def test_a_noting_adjective_frames_the_question(tmp_path, monkeypatch):
    assert "special" in light_terms("whats special about the rye sourdough")
    answer = _ask(tmp_path, BAKERY, "whats special about the rye sourdough")
    assert not answer.refused, answer.reason
    monkeypatch.setattr(phrasing.Q, "JUDGING_FRAME", re.compile(r"(?!)"))
    assert "special" not in light_terms("whats special about the rye sourdough")
    assert _ask(tmp_path, BAKERY, "whats special about the rye sourdough").refused


def test_a_noting_adjective_near_miss_stays_refused(tmp_path):
    assert _ask(tmp_path, BAKERY, "whats special about the spelt loaf").refused


GALLEY = {
    "crew.md": """# Crew duties

## Underway
* **WATCHKEEPING**
  * GALLEY STORES - _Cook, Purser_
  * LOG ENTRIES - _Navigator_
""",
}


def test_a_light_verb_pair_frames_a_who_question(tmp_path):
    from rag.answer.lightverb import light_verb_pair

    assert light_verb_pair("who takes charge of the galley stores".split()) == ["takes", "charge"]
    assert light_verb_pair("who takes the rest of the stores".split()) == []
    answer = _ask(tmp_path, GALLEY, "who takes charge of the galley stores")
    assert not answer.refused, answer.reason
    assert "Cook" in answer.answer
    # the pair is the question's verb: neither word counts against the line (nor in the relevance floor's coverage)
    from rag.answer.intent import parse
    from rag.answer.phrasing import phrasing_terms
    from rag.answer.vocab import Vocabulary

    vocab = Vocabulary.learn(["GALLEY STORES - Cook, Purser", "LOG ENTRIES - Navigator"])
    intent = parse("who takes care of the galley stores")
    assert {"take", "care"} <= phrasing_terms(intent, vocab)
    off = dataclasses.replace(DEFAULT, light_verb_pairs=False)
    assert not {"take", "care"} & phrasing_terms(intent, vocab, off)
    assert "track" in phrasing_terms(parse("who keeps track of the log entries"), vocab)


def test_a_light_verb_near_miss_stays_refused(tmp_path):
    assert _ask(tmp_path, GALLEY, "who takes charge of the anchor chain").refused
