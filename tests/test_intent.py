"""The one model of what a question asks (rag.answer.intent), on questions from several fields."""

from __future__ import annotations

import pytest

from rag.answer.intent import parse

CASES = [
    # (question, value, bound, yes_no, definition, wants_list, who, comparison, parts)
    ("what's the default visibility timeout?", None, "default", False, False, False, False, False, 0),
    ("max memory for a function", None, "max", False, False, False, False, False, 0),
    ("how long do antibodies last after infection", "duration", None, False, False, False, False, False, 0),
    ("how many chromosomes does a human cell have", "count", None, False, False, False, False, False, 0),
    ("what year was the treaty of westphalia signed", "date", None, False, False, False, False, False, 0),
    ("how much does a court filing fee cost", "price", None, False, False, False, False, False, 0),
    ("what percentage of the vote did the party get", "percent", None, False, False, False, False, False, 0),
    ("how big can a TCP window be", "size", None, False, False, False, False, False, 0),
    ("is a tomato a fruit?", None, None, True, False, False, False, False, 0),
    ("what is mitosis", None, None, False, True, False, False, False, 0),
    ("types of authoritarian regimes", None, None, False, False, True, False, False, 0),
    ("who wrote the federalist papers", None, None, False, False, False, True, False, 0),
    ("tcp vs udp", None, None, False, False, False, False, True, 0),
    ("difference between mitosis and meiosis", None, None, False, False, False, False, True, 0),
    ("what is civil society and how do authoritarian regimes restrict it", None, None, False, True, False, False, False, 2),
    ("what is nigeria's gini coefficient", "number", None, False, False, False, False, False, 0),
    # value words must be whole words: "feed" holds "fee", "surcharge" is a price but "charger" is not
    ("How often should I feed the sourdough starter?", None, None, False, False, False, False, False, 0),
    ("which charger does the camera need", None, None, False, False, False, False, False, 0),
    ("what are the library's late fees", "price", None, False, False, False, False, False, 0),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_intent(case):
    question, value, bound, yes_no, definition, wants_list, who, comparison, parts = case
    intent = parse(question)
    assert (intent.value, intent.bound) == (value, bound)
    assert intent.yes_no is yes_no
    assert intent.definition is definition
    assert intent.wants_list is wants_list
    assert intent.who is who
    assert intent.comparison is comparison
    assert len(intent.parts) == parts


def test_sides_are_the_distinct_words_of_each_side():
    intent = parse("alias vs cname record")
    assert intent.sides == (frozenset({"alia"}), frozenset({"cname", "record"}))


def test_value_kinds_match_sentences_of_that_kind():
    assert parse("how long are messages kept").holds_value("Messages are kept for 4 days.")
    assert not parse("how long are messages kept").holds_value("Messages are kept in a queue.")
    assert parse("what year was the magna carta signed").holds_value("signed in 1215 at Runnymede")
    assert not parse("what year was the magna carta signed").holds_value("Magna Carta: first rule of law")
    assert parse("who wrote the manifesto with Marx").holds_name("written by Marx and Engels")
    assert not parse("who wrote the manifesto with Marx").holds_name("rooted in ideas of Marx")


def test_binary_prefix_alone_states_a_size():
    """Notes on disks, memory and containers write sizes with an IEC binary prefix alone ("8Gi", "512Mi");
    a lower-case "pi" after a number is no size."""
    asks = parse("how big is the photo archive disk")
    assert asks.holds_value("archive disk: 8Gi")
    assert asks.holds_value("memory limit 512 Mi per worker")
    assert not asks.holds_value("turn the dial 2 pi radians")
    assert not asks.holds_value("the archive disk is fast")


def test_no_question_word_lists_outside_intent_and_policy():
    """'what amount is asked for' is decided in one place: other answer modules hold no question regexes."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "rag" / "answer"
    for module in ("evidence.py", "gate.py", "compose.py", "verify.py", "engine.py"):
        text = (root / module).read_text()
        assert not re.search(r"how (many|much|long)", text), module


@pytest.mark.parametrize("question, heads, compared", [
    ("alb vs nlb osi layer", ("alb", "nlb"), {"osi", "layer"}),
    ("mitosis vs meiosis daughter cells", ("mitosi", "meiosi"), {"daughter", "cell"}),
    ("referendum vs plebiscite", ("referendum", "plebiscit"), set()),
    ("difference between empirical and normative statements", ("empir", "normat"), {"statement"}),
])
def test_comparison_sides_are_named_by_the_words_next_to_vs(question, heads, compared):
    intent = parse(question)
    assert intent.side_heads == heads and set(intent.compared) == compared


def test_two_asks_joined_by_a_preposition_or_a_plus_are_two_parts():
    # "..., and for how long ..." keeps "how long" as the second ask; "+" is note-taking shorthand for "and"
    assert parse("does the enzyme work at low pH, and for how long does it stay active?").parts == (
        "does the enzyme work at low pH", "how long does it stay active")
    assert parse("minimum wage + maximum weekly hours").parts == ("minimum wage", "maximum weekly hours")
    assert parse("what is C++ used for").parts == ()


def test_a_part_pointing_back_with_a_pronoun_carries_the_first_parts_subject():
    intent = parse("what is photosynthesis and where in the cell does it happen")
    assert intent.part_queries == ("what is photosynthesis", "where in the cell does it happen (photosynthesis)")
    assert parse("what is a levain and how long does bulk fermentation take").part_queries[1] == \
        "how long does bulk fermentation take"
