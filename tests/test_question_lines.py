"""Worksheet notes: a question as a bullet, its answer nested under it. The question line asks, it states
nothing, so it never "says the same thing" as a statement (rag.answer.compose._same): quoting it shows the answer
under it, which a model's shorter paraphrase must not replace. Flash cards and review questions write the answer
in the paragraph after the question instead, often past a blank line or inside a code block
(rag.answer.blocks): the question is quoted with it. Invented wine, anatomy and astronomy notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.blocks import block
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


# -- the answer in the paragraph after the question ---------------------------------------------------------
REVIEW = {
    "review.md": """# Review questions

```
Can a person live with one kidney?

Yes, one healthy kidney can do the work of two

Which bone is the longest in the body?
The femur
```

## Notes
- the heart has four chambers
""",
}


def _card(line: int, quote: str) -> Unit:
    return Unit("review.md", line, quote, "Review questions", 0)


def test_a_question_line_is_quoted_with_the_answer_after_a_blank_line():
    lines = REVIEW["review.md"].split("\n")
    quote, start, end = block(_card(4, "Can a person live with one kidney?"), lines, whole_list=False)
    assert (start, end) == (4, 6), quote
    assert quote.startswith("Can a person live with one kidney?") and quote.endswith("do the work of two")
    assert "femur" not in quote and "longest" not in quote  # the next question starts the next card


def test_the_answer_stops_at_the_code_fence():
    lines = REVIEW["review.md"].split("\n")
    quote, start, end = block(_card(8, "Which bone is the longest in the body?"), lines, whole_list=False)
    assert (start, end) == (8, 9) and quote.endswith("The femur"), quote


def test_a_question_with_nothing_after_it_is_quoted_alone():
    lines = ["# Open questions", "", "Why is the sky dark at night?", "", "", "## Later", "- Olbers"]
    assert block(Unit("q.md", 3, "Why is the sky dark at night?", "Open questions", 0), lines,
                 whole_list=False) == ("Why is the sky dark at night?", 3, 3)
    # two blank lines part a question from the next paragraph: that is no answer to it
    apart = ["Why is the sky dark at night?", "", "", "Stars are far apart"]
    assert block(Unit("q.md", 1, apart[0], "", 0), apart, whole_list=False) == (apart[0], 1, 1)
    # the answer is at most detail_max_lines lines long, with or without a blank line before it
    long = ["What do owls eat?", "", "mice", "voles", "beetles", "fish"]
    assert block(Unit("q.md", 1, long[0], "", 0), long, whole_list=False)[1:] == (1, 5)
    assert block(Unit("q.md", 1, long[0], "", 0), [long[0]] + long[2:], whole_list=False)[1:] == (1, 4)


def test_a_yes_no_question_gets_the_notes_answer(tmp_path):
    answer = _ask_notes(tmp_path, REVIEW, "can you live with only one kidney")
    assert not answer.refused, answer.reason
    assert "Yes, one healthy kidney" in answer.answer, answer.answer


def test_the_cli_source_line_shows_the_card_without_its_blank_line(runner, fake_models, tmp_path, monkeypatch):
    from conftest import write_notes
    from rag.cli import main

    monkeypatch.setenv("RAG_CORPUS", str(write_notes(tmp_path / "notes", REVIEW)))
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "index"))
    fake_models.replies = ["I can't find that in your notes."]
    result = runner.invoke(main, ["ask", "can a person live with one kidney"])
    assert result.exit_code == 0, result.output
    source = [line for line in result.stdout.splitlines() if line.startswith("[1] ")]
    assert source and source[0].startswith("[1] review.md:4-6  "), result.stdout
    assert "one kidney? / Yes, one healthy kidney" in source[0] and "/  /" not in source[0], source
