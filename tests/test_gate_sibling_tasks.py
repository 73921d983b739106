"""A how-to question whose nearest section title words a sibling task is refused (rag.answer.titled.sibling_task):
notes of how-to sections title each with its task, and "Knit a scarf in garter stitch" does not say how to knit one
in seed stitch. Invented knitting, woodworking and brewing notes, fake embedder, a model that never answers; with
policy.sibling_title_refuses off the sibling section's lines answer."""

from __future__ import annotations

import dataclasses

from test_compose import _answerer, write_notes

from rag.answer.policy import DEFAULT
from rag.answer.titled import sibling_gap
from rag.text import terms

NOTES = {
    "knitting.md": """# Knitting

## Knit a scarf in garter stitch

Knit every row with 4 mm needles until the scarf is 150 cm long.

## Block a finished shawl

Soak the wool shawl for twenty minutes, press out the water and pin it flat to dry.
""",
    "workshop.md": """# Workshop

## Sharpen a chisel on a whetstone

Hold the bevel flat on the 1000 grit side, then polish the edge on the 6000 grit side.

## Glue up a tabletop

Alternate the growth rings of the boards and clamp every 30 cm.
""",
    "brewing.md": """# Brewing

## Brew a pale ale

Mash the pale malt at 66 C for an hour, then boil with the hops for sixty minutes.

A pale lager takes the same mash, then ferments cold for four weeks.
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_a_sibling_titles_lines_do_not_answer_the_task_it_is_sibling_to(tmp_path):
    for question in ("how do i knit a scarf in seed stitch", "how do i sharpen a chisel on a diamond plate",
                     "how do i brew a pale wheat beer"):
        answer = _ask(tmp_path, question)
        assert answer.refused, question
        assert "the notes speak of" in answer.reason
        assert not _ask(tmp_path, question, sibling_title_refuses=False).refused, question


def test_the_task_the_title_names_is_answered(tmp_path):
    answer = _ask(tmp_path, "how do i knit a scarf in garter stitch")
    assert not answer.refused
    assert any("Knit every row" in c.quote for c in answer.citations)
    answer = _ask(tmp_path, "how do i brew a pale ale")
    assert not answer.refused
    assert any("pale malt" in c.quote for c in answer.citations)


def test_a_line_speaking_of_the_asked_words_answers_under_a_sibling_title(tmp_path):
    # "Brew a pale ale" is a sibling title of "brew a pale lager", but a line under it speaks of the lager: it answers
    answer = _ask(tmp_path, "how do i brew a pale lager")
    assert not answer.refused
    assert any("pale lager" in c.quote for c in answer.citations)


def test_a_word_the_notes_say_near_the_question_or_a_purpose_names_no_sibling(tmp_path):
    # "wool" is said under another title: the question sets a scene the notes speak of, it asks no other scarf
    assert not _ask(tmp_path, "how do i knit a scarf with wool").refused
    assert _ask(tmp_path, "how do i knit a scarf with alpaca").refused  # a word the notes never say: another scarf
    # what the task is for ("for paring") is no part of which task it is
    answer = _ask(tmp_path, "how do i sharpen a chisel for paring")
    assert not answer.refused
    assert any("bevel flat" in c.quote for c in answer.citations)
    assert _ask(tmp_path, "how do i sharpen a chisel on a diamond plate for paring").refused
    # a number word ("the finished ones") names no thing: the gate's number checks read numbers
    answer = _ask(tmp_path, "how do i block the finished ones")
    assert not answer.refused
    assert any("pin it flat" in c.quote for c in answer.citations)


def test_only_one_short_stretch_after_a_shared_word_makes_a_sibling():
    def gap(question, heading):
        return sibling_gap(terms(question), heading, lambda t, w: t == w, 3, 3, 2)

    assert gap("knit a scarf in seed stitch", "Knitting > Knit a scarf in garter stitch") == (["seed"], ["garter"])
    assert gap("brew a pale lager", "Brew a pale ale") == (["lager"], ["ale"])
    # the verb worded another way before the first shared word: the same task
    assert gap("make a brine for olives", "Prepare a brine for olives") is None
    # a title of two words is a topic, not a task
    assert gap("knit a scarf in seed stitch", "Knitting > Scarf stitches") is None
    # two stretches differ: another task, not a sibling
    assert gap("glue up a tabletop with clamps", "Glue two boards of a tabletop with dowels") is None
    # the question adds more than a qualifier (an example it quotes), or the title names far more
    assert gap("brew a pale ale like the one from the old harbour inn", "Brew a pale ale quickly") is None
    assert gap("brew a pale lager", "Brew a pale ale with a long cool ferment") is None
    # the title holds every word asked: nothing differs
    assert gap("brew a pale ale", "Brew a pale ale") is None
