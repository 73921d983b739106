"""Words a question and a line share only in spelling, or only in the asking, do not make the line answer: a stopword
the notes use as a defined term ("the will") counts in those notes (rag.answer.vocab.Vocabulary.kept); a
question's verb ("thickened") is not found in a line's agent noun ("thickener", rag.answer.evidence.agent_only); a
comparison's judging word ("better") is not what it compares (rag.answer.versus). Notes from other fields."""

from __future__ import annotations

import dataclasses

from test_compose import _answerer
from conftest import write_notes

from rag.answer import versus
from rag.answer.evidence import Scorer, Unit, agent_only
from rag.answer.intent import parse
from rag.answer.policy import DEFAULT
from rag.answer.sides import side_line
from rag.answer.vocab import Vocabulary
from rag.text import KEPT_STOPWORDS, terms

ESTATES = """# Estates

## Will
- **Will**: a document saying who inherits the estate
- The will must be signed before two witnesses
- A will names an executor, and the will can be changed by a codicil

## Lease
- A lease must be signed by the landlord and the tenant
"""


def _unit(quote: str, context: str, line: int) -> Unit:
    return Unit("n.md", line, quote, context, 0, heading=context)


def _ranked(question: str, units: list[Unit], policy=DEFAULT) -> list[str]:
    return [u.quote for u in Scorer({}, None, policy).score(question, units, {0: 1})]


def test_a_stopword_the_notes_label_and_name_as_a_thing_is_kept():
    vocab = Vocabulary.learn([ESTATES], {"Estates > Will", "Estates > Lease"})
    assert vocab.kept(DEFAULT.stopword_as_term_uses) == {"will"}
    # notes that only use "will" as an auxiliary never label it: nothing is kept
    plain = Vocabulary.learn(["# Tides\n- The tide will turn at noon\n- It will rise two metres"], {"Tides"})
    assert plain.kept(DEFAULT.stopword_as_term_uses) == frozenset()


def test_a_kept_stopword_makes_the_line_speaking_of_it_answer():
    units = [_unit("A lease must be signed by the landlord and the tenant", "Estates > Lease", 9),
             _unit("The will must be signed before two witnesses", "Estates", 5)]
    question = "who must sign the will"
    token = KEPT_STOPWORDS.set(frozenset())
    try:
        assert "will" not in " ".join(terms(question))  # off: only "sign" is asked, the lease line ranks first
        assert _ranked(question, units)[0].startswith("A lease")
        KEPT_STOPWORDS.set(Vocabulary.learn([ESTATES], {"Estates > Will"}).kept(DEFAULT.stopword_as_term_uses))
        assert _ranked(question, units)[0].startswith("The will")
    finally:
        KEPT_STOPWORDS.reset(token)


def test_the_answerer_keeps_the_notes_stopwords_while_answering_only(tmp_path):
    answerer = _answerer(write_notes(tmp_path / "notes", {"estates.md": ESTATES}), tmp_path / "index", "none")
    assert answerer.kept == {"will"} and "will" in answerer.scorer.idf
    answer = answerer.ask("who must sign the will")
    assert "two witnesses" in answer.answer
    assert KEPT_STOPWORDS.get() == frozenset()  # set back once the answer is out
    off = _answerer(tmp_path / "notes", tmp_path / "index", "none")
    off.__init__(off.retriever, off.generator, off.settings, dataclasses.replace(DEFAULT, stopword_as_term_uses=0))
    assert off.kept == frozenset()


def test_a_questions_verb_is_not_found_in_a_lines_agent_noun():
    assert agent_only("Whisk in a thickener such as cornstarch", {"thicken"}) == {"thicken"}
    assert agent_only("A thickener thickens the sauce", {"thicken"}) == set()  # the verb is said too
    units = [_unit("The sauce is reduced over low heat until it coats a spoon", "Sauces", 1),
             _unit("A thickener such as cornstarch can ruin a sauce", "Sauces", 2)]
    question = "how is the sauce thickened"
    assert _ranked(question, units)[0].startswith("The sauce is reduced")
    off = dataclasses.replace(DEFAULT, agent_noun_is_not_the_verb=False)
    assert _ranked(question, units, off)[0].startswith("A thickener")


def test_a_judging_word_is_not_what_a_comparison_compares(monkeypatch):
    question = "sloop vs cutter which one handles heavy weather better"
    units = [_unit("A cutter is better for long passages than a sloop", "Rigs > Cutter", 1),
             _unit("Unlike a sloop, the cutter's twin headsails handle heavy weather", "Rigs > Cutter", 2)]
    compared = parse(question).compared
    assert "better" not in compared and {"heavi", "weather"} <= compared
    assert side_line("cutter", "sloop", compared, units) is units[1]
    monkeypatch.setattr(versus, "DEFAULT", dataclasses.replace(DEFAULT, judging_word_not_compared=False))
    compared = versus.side_heads_of(question)[1]  # (parse caches its reading)
    assert "better" in compared
    assert side_line("cutter", "sloop", compared, units) is units[0]


SOILS = """# Soils

## Clay soil
- Clay soil drains slowly and compacts when wet, so roots rot in a rainy spring
- Clay soil holds nutrients well

## Sandy soil
- Sandy soil drains fast and warms early
"""


def test_a_judging_frames_adjective_is_no_word_the_notes_must_say(tmp_path, monkeypatch):
    import re

    from rag.answer import phrasing
    from rag.answer.phrasing import light_terms

    assert "wrong" in light_terms("whats wrong with clay soil")
    assert "good" in light_terms("what is good about sandy soil")
    answerer = _answerer(write_notes(tmp_path / "notes", {"soils.md": SOILS}), tmp_path / "index", "none")
    answer = answerer.ask("whats wrong with clay soil")
    assert not answer.refused and "Clay soil" in answer.answer
    monkeypatch.setattr(phrasing.Q, "JUDGING_FRAME", re.compile(r"(?!)"))  # the frame unread: "wrong" is asked
    assert "wrong" not in light_terms("whats wrong with clay soil")
    assert answerer.ask("whats wrong with clay soil").refused


VOICE = """# Singing

## Range
- The **range** is the highest note less the lowest note a singer reaches
- A trained voice gains 2 or 3 semitones of range a year

## Breath
- Breathe in for 4 counts before a long phrase
"""


def test_a_range_the_notes_define_as_a_term_needs_no_stated_numeric_range(tmp_path):
    answerer = _answerer(write_notes(tmp_path / "notes", {"voice.md": VOICE}), tmp_path / "index", "none")
    assert "range" in answerer.vocab.labelled
    answer = answerer.ask("range formula")
    assert not answer.refused and "highest note less the lowest" in answer.answer
    off = dataclasses.replace(DEFAULT, defined_range_is_a_term=False)
    answerer.__init__(answerer.retriever, answerer.generator, answerer.settings, off)
    assert answerer.ask("range formula").refused  # off: read as asking a numeric range no line states


YARN = """# Yarn

## One-ply
- One-ply yarn is a single strand that pills quickly

## Two-ply
- Two-ply yarn twists two strands together and wears well
"""


def test_words_the_notes_only_write_hyphened_are_joined_so():
    vocab = Vocabulary.learn([YARN, "Book a follow-up visit; follow up by phone"], {"Yarn > One-ply"})
    assert vocab.hyphenate("difference between one ply and two ply yarn") == \
        "difference between one-ply and two-ply yarn"
    assert vocab.hyphenate("when to follow up") == "when to follow up"  # the notes write it apart too


def test_a_comparison_of_hyphened_siblings_quotes_both(tmp_path):
    answerer = _answerer(write_notes(tmp_path / "notes", {"yarn.md": YARN}), tmp_path / "index", "none")
    question = "difference between one ply and two ply yarn"
    answer = answerer.ask(question)
    assert "single strand" in answer.answer and "wears well" in answer.answer
    assert parse(answerer.prepare(question)).side_heads  # joined: two sides, "oneply" and "twoply"
    off = dataclasses.replace(DEFAULT, join_as_the_notes_hyphen=False)
    answerer.__init__(answerer.retriever, answerer.generator, answerer.settings, off)
    assert answerer.prepare(question) == question
    assert parse(question).side_heads == ()  # apart, "one" and "two" are stopwords: both sides read "ply"


def test_a_sentence_setting_its_subject_against_the_one_before_is_read_with_it(monkeypatch):
    from rag.answer import units as unit_module
    from rag.answer.policy import questions as Q

    line = ("Nylon rope stretches, so it absorbs shock loads on an anchor line. "
            "Polyester, on the other hand, barely stretches and suits halyards.")
    second = unit_module.with_antecedents(line)[1]
    assert second.startswith("Nylon rope") and second.endswith("suits halyards.")
    monkeypatch.setattr(unit_module.Q, "POINTS_BACK_LEAD", Q.points_back_lead(contrast=False))
    assert unit_module.with_antecedents(line)[1].startswith("Polyester")
