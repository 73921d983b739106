"""A line whose subject only its heading names ("### Zaha Hadid" > "- Designed the MAXXI museum") answers a "who"
or "which <noun>" question under that heading: the quote is shown as "Zaha Hadid: “...”" (rag.answer.subject).
Notes from fields far from the eval sets (an architecture student's, a comet watcher's); fake embedder and a model
that never answers."""

from __future__ import annotations

import pytest
from test_compose import _answerer, write_notes

from rag.answer.intent import parse
from rag.answer.policy import Policy
from rag.answer.subject import asks_one_named, heading_subject

ARCHITECTS = {
    "architects.md": """# Modern architects

## Frank Lloyd Wright
- Designed Fallingwater over a waterfall in Pennsylvania
- Founded the Taliesin fellowship

## Zaha Hadid
- Designed the MAXXI museum in Rome
- First woman to win the Pritzker Prize

## Materials
- Reinforced concrete lets a floor cantilever far past its support
""",
}

def _ask(tmp_path, notes, question, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = answerer.composer.policy = policy
    return answerer.ask(question)


def _grounded(answer, notes):
    for c in answer.citations:
        lines = notes[c.file].split("\n")
        assert c.quote in "\n".join(lines[c.start_line - 1: c.end_line])


@pytest.mark.parametrize("question, name", [
    ("which architect designed fallingwater", "Frank Lloyd Wright"),
    ("who designed the maxxi museum", "Zaha Hadid"),
])
@pytest.mark.parametrize("switched_on", [True, False])
def test_the_heading_that_names_the_subject_is_shown(tmp_path, question, name, switched_on):
    policy = None if switched_on else Policy(subject_heading_max_words=0)
    answer = _ask(tmp_path, ARCHITECTS, question, policy)
    assert not answer.refused, answer.reason
    assert (f"{name}: “" in answer.answer) is switched_on, answer.answer
    _grounded(answer, ARCHITECTS)


def test_only_a_question_asking_the_name_gets_the_heading():
    line = "Returns about every 76 years"
    assert heading_subject(parse("which comet has a 76 year period"), "Comet log > Halley", line) == "Halley: "
    # the question names the comet (the line answers it), or asks no name at all: no label
    assert heading_subject(parse("how often does halley come back"), "Comet log > Halley", line) == ""
    assert heading_subject(parse("how often does the comet come back"), "Comet log > Halley", line) == ""


def test_a_line_that_names_its_subject_gets_no_label():
    intent = parse("who designed the maxxi museum")
    assert heading_subject(intent, "Modern architects > Zaha Hadid", "Designed the MAXXI museum in Rome") == "Zaha Hadid: "
    # the line says the heading's name itself, or the question does: nothing to add
    assert heading_subject(intent, "Modern architects > Zaha Hadid", "Zaha Hadid designed the MAXXI museum") == ""
    assert heading_subject(parse("what did zaha hadid design"), "Modern architects > Zaha Hadid", "Designed the MAXXI") == ""
    # a topic heading (lower-case words, a plural) is what a section is about, not the line's subject
    assert heading_subject(intent, "Study guide > Chapter 3 questions", "Designed the MAXXI museum in Rome") == ""
    assert heading_subject(intent, "Study guide > Famous Architects", "Designed the MAXXI museum in Rome") == ""
    # a long heading says something of its own, not a name
    long = "Modern architects > Buildings I saw on the spring trip to Italy"
    assert heading_subject(intent, long, "Designed the MAXXI museum in Rome") == ""


def test_which_of_a_kind_asks_a_name_a_plural_or_a_comparison_does_not():
    assert asks_one_named(parse("which architect designed fallingwater"))
    assert asks_one_named(parse("who founded the taliesin fellowship"))
    assert not asks_one_named(parse("which architects designed museums"))  # a list
    assert not asks_one_named(parse("which of them used concrete"))
    assert not asks_one_named(parse("what did frank lloyd wright design"))
    assert not asks_one_named(parse("zaha hadid vs frank lloyd wright, who designed more museums"))
