"""A question asking what a shortening stands for where it is used ("what does the T stand for in sous vide
cooking") is answered by the line spelling the shortening out, though that line does not repeat where it is
used; a shortening spelled out only for another use stays refused (rag.answer.shortening). A personal
pronoun's verb ("if I reserve a boat") need not stand in the answering line (rag.answer.phrasing); a symbol
written after words ("the escape velocity v2") names what they name (rag.answer.sameword.named_by_symbol).
Notes from a kitchen, a law course, a rowing club and orbits; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer.intent import parse
from rag.answer.phrasing import phrasing_terms
from rag.answer.shortening import asked_shortening, spells_out
from rag.answer.vocab import Vocabulary

KITCHEN = {
    "kitchen.md": """# Kitchen

## Sous vide
- sous vide cooks food sealed in a bag in a water bath
- T = temperature at the core of the food, read with a probe

## Bread
- the dough rises for 2 hours in a warm place
- knead the dough for 10 minutes
""",
    "law.md": """# Law course

## Contracts
- UCC = Uniform Commercial Code, it governs sales of goods
- an offer can be withdrawn until it is accepted
""",
}


@pytest.fixture
def no_spelling(monkeypatch):
    """The mechanism off: the words saying where the shortening is used must stand in the answering line."""
    monkeypatch.setattr("rag.answer.gate.spelled_out", lambda intent, ranked, policy=None: None)


@pytest.mark.parametrize("question, shown", [
    ("what does the T stand for in sous vide cooking", "temperature at the core"),  # one letter, "="
    ("what does UCC stand for in a contract offer", "Uniform Commercial Code"),  # "offer": another line of its passage
])
def test_the_line_spelling_a_shortening_out_answers_where_it_is_used(tmp_path, question, shown):
    answer = _ask_notes(tmp_path, KITCHEN, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


@pytest.mark.parametrize("question", [
    "what does the T stand for in sous vide cooking",
    "what does UCC stand for in a contract offer",
])
def test_with_the_mechanism_off_the_use_refuses(tmp_path, no_spelling, question):
    assert _ask_notes(tmp_path, KITCHEN, question).refused


def test_a_shortening_spelled_out_for_another_use_stays_refused(tmp_path):
    # the notes spell T out for sous vide; nothing about bread is near that line
    answer = _ask_notes(tmp_path, KITCHEN, "what does the T stand for in bread baking")
    assert answer.refused, answer.answer


@pytest.mark.parametrize("shortening, sentence, spelled", [
    ("LO", "LO = Local Oscillator", True),
    ("Q", '`Q` stands for "quadrature"', True),
    ("ETA", "ETA: estimated time of arrival", True),
    ("DHS", "the Department of Homeland Security (DHS) runs it", True),
    ("PITR", "**Point-in-Time Recovery (PITR)**: restore to any second", True),  # hyphened words apart
    ("Q", "Q: the quality of a filter", False),  # one letter after a colon may name a section
    ("UCC", "UCC governs the sale of goods", False),  # no connector
    ("UCC", "UCC = the code of the union", False),  # initials do not spell it
])
def test_spells_out(shortening, sentence, spelled):
    assert spells_out(shortening, sentence) is spelled


def test_asked_shortening_reads_the_question_frame():
    assert asked_shortening("what does LO stand for in a radio receiver") == ("LO", ["radio", "receiv"])
    assert asked_shortening("what does the Q stand for?") == ("Q", [])
    assert asked_shortening("what is the Q of a filter") is None


ROWING = {
    "club.md": """# Rowing club

## Boats
Boats can be booked at the boathouse:

- for 2 hours on weekdays
- for 4 hours at weekends
""",
}


def test_a_personal_pronouns_verb_need_not_stand_in_the_answering_line(tmp_path):
    answer = _ask_notes(tmp_path, ROWING, "if i reserve a boat at weekends how many hours do i get")
    assert not answer.refused, answer.reason
    assert "4 hours" in answer.answer
    # a thing the notes leave unsaid still refuses
    assert _ask_notes(tmp_path, ROWING, "if i reserve a canoe at weekends how many hours do i get").refused


def test_with_the_pronoun_rule_off_the_verb_refuses(tmp_path, monkeypatch):
    monkeypatch.setattr("rag.answer.phrasing._verb_after_pronoun", lambda tokens: [])
    assert _ask_notes(tmp_path, ROWING, "if i reserve a boat at weekends how many hours do i get").refused


@pytest.mark.parametrize("question, verb", [
    ("if i reserve a boat at weekends how many hours do i get", "reserv"),
    ("if you don't renew it, how long can you keep a book", "renew"),  # past "don't"
    ("when we launch the boat, how deep must the water be", "launch"),
])
def test_the_verb_after_a_personal_pronoun(question, verb):
    vocab = Vocabulary.learn(["# Notes\n- a boat and a book\n"], ["Notes"])
    assert verb in phrasing_terms(parse(question), vocab)


def test_it_and_one_are_no_personal_subject():
    # "the one pattern" counts, "it" may be an object: neither makes the next word a verb
    vocab = Vocabulary.learn(["# Notes\n- a sequence\n"], ["Notes"])
    assert "pattern" not in phrasing_terms(parse("what's the one pattern a sequence never makes"), vocab)


ORBITS = {
    "orbits.md": """# Orbits

## Formulas
- v1 = sqrt(GM/r) for a circular orbit
- v2 = sqrt(2GM/r), twice the energy of v1 squared
- the period grows with the radius
""",
}


def test_a_symbol_after_words_names_the_same_thing(tmp_path):
    # "the escape velocity v2": the notes write only the symbol; the line naming v2 speaks of the words
    answer = _ask_notes(tmp_path, ORBITS, "what does the escape velocity v2 reduce to")
    assert not answer.refused, answer.reason
    assert "sqrt(2GM/r)" in answer.answer


def test_with_the_symbol_rule_off_the_words_refuse(tmp_path, monkeypatch):
    monkeypatch.setattr("rag.answer.gate.named_by_symbol", lambda question, spoken: set())
    monkeypatch.setattr("rag.answer.unknown.named_by_symbol", lambda question, spoken: set())  # unknown_words
    assert _ask_notes(tmp_path, ORBITS, "what does the escape velocity v2 reduce to").refused


def test_a_symbol_the_notes_never_write_names_nothing(tmp_path):
    assert _ask_notes(tmp_path, ORBITS, "what does the escape velocity v3 reduce to").refused


def test_the_questions_verb_is_no_word_the_notes_never_mention(tmp_path):
    # the notes never say "reduce": the question's verb, not what it is about
    from rag.answer.gate import unknown_words
    vocab = Vocabulary.learn([ORBITS["orbits.md"]], ["Orbits", "Formulas"])
    intent = parse("what does v2 reduce to")
    assert unknown_words(intent, vocab) == ["reduce"]
    assert unknown_words(intent, vocab, phrasing_terms(intent, vocab)) == []
    answer = _ask_notes(tmp_path, ORBITS, "what does v2 reduce to")
    assert not answer.refused, answer.reason
