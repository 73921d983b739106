"""Choosing the line to answer from (rag/answer/evidence.py lists_asked, names_asked, list_nouns; the scorer):
notes from fields other than the eval sets' (sailing, cooking, athletics)."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.evidence import Unit, list_nouns, lists_asked, names_asked
from rag.text import terms

KNOTS = {
    "knots.md": """# Sailing

A good knot is easy to tie and easy to untie, and the wrong knots can slip under a heavy load.
Sailors learn knots by tying each knot a hundred times until the knots come without thinking.

Kinds of knots:
Bowline, a fixed loop at the end of a line
Cleat hitch, to tie a line to a cleat
Figure eight, a stopper at the end of a sheet

Reefing reduces the sail area in strong wind.
""",
}


def test_a_label_line_naming_the_asked_list_quotes_its_list(tmp_path):
    # the list is labelled by a line ("Kinds of knots:"), not a heading; lines about knots in general share
    # more of the question's words than the list's own lines do
    answer = _ask_notes(tmp_path, KNOTS, "what types of knots are there")
    assert not answer.refused, answer.reason
    for knot in ("Bowline", "Cleat hitch", "Figure eight"):
        assert knot in answer.answer, answer.answer
    assert "Reefing" not in answer.answer  # the paragraph ends at the blank line
    _grounded(answer, KNOTS)


def test_words_meaning_a_kind_of_stand_for_each_other_in_a_list_heading():
    assert names_asked("Sailing > Knot Types", terms("what kinds of knots are there"))
    assert names_asked("Sailing > Kinds of knots", terms("knot types"))
    assert not names_asked("Sailing > Knot Steps", terms("what kinds of knots are there"))  # steps are no kinds


def test_a_list_word_inside_a_name_asks_no_list():
    # "step" in "step aerobics" names a class, it does not ask for steps
    question = "what kinds of moves does a step aerobics workout use"
    assert list_nouns(question) == ["kind"]
    under_name = Unit("gym.md", 3, "Warm up for ten minutes first", "Gym > Step Aerobics", 0, heading="Gym > Step Aerobics")
    assert not lists_asked(under_name, terms(question), list_nouns(question))
    assert names_asked("Gym > Step Aerobics", terms(question))  # without knowing how the question uses "step"
    assert list_nouns("what are the steps of a triple jump") == ["step"]
    assert list_nouns("what type of wax for skis") == ["type"]


def test_a_sentence_ending_in_a_colon_is_no_list_label_unless_it_is_short():
    asked = terms("what kinds of knots are there")
    long_line = Unit("k.md", 1, "Sailors tie many kinds of knots when the boat is at sea and the wind is up:", "Sailing", 0,
                     heading="Sailing")
    label = Unit("k.md", 5, "Kinds of knots:", "Sailing", 0, heading="Sailing")
    assert lists_asked(label, asked) and not lists_asked(long_line, asked)


LEVAIN = {
    "bread.md": """# Baking

## Starters
A levain is a wild yeast starter made of flour and water. It keeps for two weeks in the fridge between feedings.
Commercial yeast keeps for a year in the fridge once opened.

## Shaping
Shape the dough on a floured bench and let it rest for twenty minutes.
""",
}


def test_a_sentence_pointing_back_is_read_with_the_sentence_it_points_to(tmp_path):
    # "It keeps for two weeks" speaks of the levain only through the sentence before it on its line
    answer = _ask_notes(tmp_path, LEVAIN, "how long does a levain keep in the fridge")
    assert not answer.refused, answer.reason
    assert "two weeks" in answer.answer and "a year" not in answer.answer, answer.answer
    _grounded(answer, LEVAIN)


def test_only_a_sentence_opening_by_pointing_back_takes_the_one_before():
    from rag.answer.evidence import with_antecedents

    body = "Grip the bar with both hands. It should sit on the upper back. Keep the chest up. These cues prevent injury."
    assert with_antecedents(body) == [
        "Grip the bar with both hands.",
        "Grip the bar with both hands. It should sit on the upper back.",
        "Keep the chest up.",
        "Keep the chest up. These cues prevent injury.",
    ]
    for quote in with_antecedents(body):
        assert quote in body  # each is cited exactly as written
    assert with_antecedents("Its first sentence points back to nothing.") == ["Its first sentence points back to nothing."]
    assert with_antecedents("Itself a sentence. Items are listed below.") == ["Itself a sentence.", "Items are listed below."]


STUDY_GUIDE = {
    "guide.md": """# Astronomy study guide

## Chapter 3 questions
* Why do comets grow tails near the Sun, and which way do the tails point?
  * Sunlight heats the ice so it sublimates, and the solar wind pushes the tail away from the Sun.
* What did Kepler find about the orbits of planets? Were they circles?
  * Kepler found that planets move in ellipses with the Sun at one focus.
* Which planet has the most moons?
  * Saturn has the most confirmed moons.
""",
}


def test_a_line_that_is_a_question_is_no_answer(tmp_path):
    # study notes ask their own questions, each above its answer: the question line shares every word asked
    # and answers nothing; the line below it answers, and is what the answer quotes first
    import re

    from rag.answer import policy as P

    opens_with_a_question = re.compile(r"^“[^“”.!]*\?")
    asked = (("what did kepler find about planet orbits", "ellipses"), ("which planet has the most moons", "Saturn"),
             ("were planet orbits circles", "ellipses"))
    for question, fact in asked:
        answer = _ask_notes(tmp_path, STUDY_GUIDE, question)
        assert not answer.refused, (question, answer.reason)
        assert fact in answer.answer and not opens_with_a_question.match(answer.answer), (question, answer.answer)
        _grounded(answer, STUDY_GUIDE)
    kept = P.DEFAULT.form_question
    object.__setattr__(P.DEFAULT, "form_question", 1.0)
    try:  # the mechanism off: each answer opens with the note's question
        without = [_ask_notes(tmp_path, STUDY_GUIDE, q).answer for q, _ in asked]
    finally:
        object.__setattr__(P.DEFAULT, "form_question", kept)
    assert all(opens_with_a_question.match(a) for a in without), without


def test_a_sentence_is_a_question_by_its_closing_mark():
    from rag.answer.evidence import asks

    assert asks("What did Kepler find about the orbits of planets?") and asks("**Were they circles?**")
    assert asks('He asked "why?"') and not asks("Kepler found ellipses (why this matters is below).")
    assert not asks("Saturn has the most confirmed moons.")


HUMORS = {
    "medicine.md": """# Medieval medicine

## Worksheet
* Who was Galen? What were the four humors?
  * Galen was a Greek physician of the second century.
  * The four humors are:
    * blood
    * yellow bile
    * black bile
    * phlegm
* Who treated the poor?
  * Barber-surgeons treated the poor and pulled teeth.
""",
}


def test_a_question_line_still_heads_the_list_a_list_question_asks():
    # for a list question the notes' question line is the label of its answer list, as "Kinds of knots:" is
    from rag.answer.evidence import _form
    from rag.answer.policy import DEFAULT

    assert _form("What were the four humors?", DEFAULT, asking_list=True) == 1.0
    assert _form("What were the four humors?", DEFAULT) == DEFAULT.form_question


def test_a_list_question_over_question_and_answer_notes_gets_the_whole_list(tmp_path):
    answer = _ask_notes(tmp_path, HUMORS, "what were the four humors")
    assert not answer.refused, answer.reason
    for item in ("blood", "yellow bile", "black bile", "phlegm"):
        assert item in answer.answer, answer.answer
    _grounded(answer, HUMORS)
