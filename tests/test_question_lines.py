"""Worksheet notes: a question as a bullet, its answer nested under it. The question line asks, it states
nothing, so it never "says the same thing" as a statement (rag.answer.compose._same): quoting it shows the answer
under it, which a model's shorter paraphrase must not replace. Invented wine and astronomy notes."""

from __future__ import annotations

from rag.answer.compose import Composer, _same
from rag.answer.evidence import Unit
from rag.answer.intent import parse
from rag.answer.policy import DEFAULT
from rag.answer.verify import Checked, Source

WINE = ["# Italian wine",
        "- Which grape is Barolo made from? Where is it grown?",
        "  - Barolo is made from Nebbiolo, a late-ripening grape from Piedmont.",
        "- What is a tannin?",
        "  - Tannin is a bitter compound from grape skins and seeds. Tannins dry the mouth."]


def _unit(line: int, quote: str, score: float) -> Unit:
    return Unit("wine.md", line, quote, "Italian wine", chunk_id=0, score=score, coverage=0.5, heading="Italian wine")


def _compose(question: str, units: list[Unit], lead: Checked, anchor: Unit | None = None) -> str:
    composer = Composer(lambda file: WINE)
    text, *_ = composer.compose(parse(question), [lead], [Source(1, "wine.md", "Italian wine", units)], units, (),
                                anchor)
    return text


def test_a_question_line_never_says_the_same_as_the_line_answering_it():
    question = _unit(2, "Which grape is Barolo made from?", 1.0)
    answer = _unit(3, "Barolo is made from Nebbiolo, a late-ripening grape from Piedmont.", 0.9)
    assert not _same(question, answer, DEFAULT) and not _same(answer, question, DEFAULT)
    # two statements sharing most of their words still are one thing said twice
    again = _unit(3, "Barolo is made from the Nebbiolo grape of Piedmont.", 0.8)
    assert _same(answer, again, DEFAULT)


def test_the_answer_under_a_question_shows_when_a_model_paraphrase_leaves_out_the_name():
    question = _unit(2, "Which grape is Barolo made from?", 1.0)
    answer = _unit(3, "Barolo is made from Nebbiolo, a late-ripening grape from Piedmont.", 0.9)
    lead = Checked("A late-ripening grape from Piedmont", [1], support=[(1, answer)])
    text = _compose("what grape is barolo made from", [question, answer], lead, anchor=question)
    assert "Nebbiolo" in text, text
    assert text.startswith("A late-ripening grape from Piedmont [1]."), text


def test_a_definition_under_a_question_shows_when_the_model_paraphrases_another_sentence():
    question = _unit(4, "What is a tannin?", 1.0)
    first = _unit(5, "Tannin is a bitter compound from grape skins and seeds.", 0.95)
    second = _unit(5, "Tannins dry the mouth.", 0.9)
    lead = Checked("Tannins dry the mouth", [1], support=[(1, second)])
    text = _compose("what's a tannin", [question, first, second], lead, anchor=question)
    assert "bitter compound" in text, text
