"""A yes/no question whose "or" offers the answer's options for a subject ("is a whale a fish or a mammal",
"does a low pH mean an acid or a base") is no comparison of two things (rag.answer.intent._offers_options), and
its options weigh as one term when lines are scored: the line that answers states one of them, and a line
holding both option words merely shares them (rag.answer.evidence.Scorer). Invented biology, geology, music."""

from __future__ import annotations

import pytest

from rag.answer.evidence import Scorer, Unit
from rag.answer.intent import parse


@pytest.mark.parametrize("question, options", [
    ("is a whale a fish or a mammal", ("fish", "mammal")),
    ("does a high chord number mean a bright or dark tone", ("bright", "dark")),
    ("is basalt an igneous or a sedimentary rock", ("igneous", "sedimentari")),
])
def test_options_offered_for_a_subject_are_no_comparison(question, options):
    intent = parse(question)
    assert not intent.comparison, intent.sides
    assert intent.options == options and intent.yes_no


@pytest.mark.parametrize("question", [
    "is the sun or the moon bigger",  # the subject is the two things
    "are plant or animal cells bigger",
    "should I use a chisel or a gouge",  # the asker chooses between two things
    "does heating or cooling speed up the reaction",
])
def test_two_things_compared_stay_a_comparison(question):
    intent = parse(question)
    assert intent.comparison and intent.options == ()


def _unit(quote: str) -> Unit:
    return Unit("rocks.md", 1, quote, "Rocks", 0, heading="Rocks")


def test_the_line_stating_one_option_outranks_a_line_sharing_both_option_words():
    answer = _unit("Basalt is a fine-grained igneous rock formed from lava.")
    both = _unit("Sedimentary layers often sit on an igneous rock basement.")
    ranked = Scorer({}).score("is basalt an igneous or a sedimentary rock", [both, answer], {0: 1})
    assert ranked[0] is answer, [(u.quote, u.coverage) for u in ranked]
    assert answer.coverage == 1.0  # basalt, rock and one option: all it asks
