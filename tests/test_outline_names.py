"""Outline notes name people by role: emphasis underscores around a role are markup ("_Purser, Bosun_"), and a
role written as an acronym ("_2nd RO_", "QM (rigging)") names someone as a capitalised name does
(rag.answer.who, policy.notes.EMPHASIS_IS_MARKUP, ACRONYM_LETTERS). Invented sailing-club and kitchen notes, fake
embedder and a model that never answers; a shouted task name alone ("STOW THE SAILS") names no one."""

from __future__ import annotations

import pytest
from test_gate_near_misses import _ask

from rag.answer import who
from rag.answer.intent import parse

REGATTA = {
    "regatta.md": """# Regatta checklist

## Tasks and owners
* **BEFORE THE RACE**
  * BUOY LAYING - _2nd RO_
  * GALLEY STOCKING - _Purser, Cook_
  * SAIL INSPECTION - QM (rigging), Bosun (hull),
  * STOW THE SAILS
""",
}


@pytest.mark.parametrize("question,fact", [
    ("who handles the buoy laying", "2nd RO"),
    ("who does the galley stocking", "Purser"),
])
def test_a_role_in_emphasis_or_an_acronym_names_someone(tmp_path, question, fact):
    answer = _ask(tmp_path, REGATTA, question)
    assert not answer.refused, answer.reason
    assert fact in answer.answer


def test_line_names_reads_roles_in_emphasis_and_acronyms():
    asked = set()
    assert who.line_names("BUOY LAYING - _2nd RO_", asked) == {"ro"}
    assert who.line_names("GALLEY STOCKING - _Purser, Cook_", asked) == {"purser", "cook"}
    assert "qm" in who.line_names("SAIL INSPECTION - QM (rigging), Bosun (hull),", asked)
    assert who.line_names("STOW THE SAILS", asked) == set()
    assert who.line_names("the ro is on the committee boat", {"ro"}) == set()


def test_without_the_reading_the_roles_name_no_one(tmp_path, monkeypatch):
    monkeypatch.setattr(who.N, "EMPHASIS_IS_MARKUP", False)
    monkeypatch.setattr(who.N, "ACRONYM_LETTERS", 0)
    assert who.line_names("BUOY LAYING - _2nd RO_", set()) == set()
    assert who.line_names("GALLEY STOCKING - _Purser, Cook_", set()) == set()
    assert _ask(tmp_path, REGATTA, "who handles the buoy laying").refused


def test_a_shouted_task_alone_names_no_one():
    intent = parse("who will stow the sails")
    unit = type("U", (), {"quote": "STOW THE SAILS", "context": ""})()
    assert not who.names_someone(intent, unit)


def test_an_acronym_in_a_sentence_names_no_one():
    assert who.line_names("Hulls are sanded in the DB before they are painted", set()) == set()
