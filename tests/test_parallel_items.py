"""A list answer quotes all of what is asked, not the best bullet alone: items opening with the question's verb under
the heading naming the subject ("- Discovered ..." twice; rag.answer.parallel.parallel_items), a line asked how a thing
is done with all its nested lines (with_children), "what all" as a list question, and an "or" joining two verbs
("come up with or build") read as no comparison (rag.answer.versus.joins_verbs). An astronomy student's notes and a
geology field guide, fields far from the eval sets; fake embedder, silent model."""

from __future__ import annotations

import dataclasses

import pytest
from test_compose import _answerer, write_notes

from rag.answer import versus
from rag.answer.intent import parse
from rag.answer.policy import DEFAULT

SKY = {
    "astronomers.md": """# Astronomers

## Caroline Herschel
- Discovered eight comets
- Catalogued nebulae with her brother
- Received a gold medal from the Royal Astronomical Society
- Discovered the galaxy NGC 205
\t- Found while sweeping the sky near Andromeda
- Worked as a singer before astronomy

## Henrietta Leavitt
- Studied variable stars in the Magellanic Clouds
- Measured how bright stars were on photographic plates
- Helped astronomers measure distances to far galaxies

## Observatory of Lund
- Domes for small telescopes
- Library of star charts
- Seminar room
- Darkroom for plates
""",
    "rocks.md": """# Field guide

## Strata
- Strata were dated with several kinds of evidence gathered in the field
\t- Fossils in each layer
\t- Ash layers from known eruptions
\t- Magnetic reversals
\t- Rates of deposition
\t\t- Varves in lake beds
- Strata were mapped by walking the outcrops
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", SKY), tmp_path / "index", "I can't find that.")
    answerer.policy = answerer.composer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


@pytest.mark.parametrize("on", [True, False])
def test_items_opening_with_the_asked_verb_are_quoted_together(tmp_path, on):
    answer = _ask(tmp_path, "what did caroline herschel discover", parallel_items=on)
    assert not answer.refused, answer.reason
    both = "eight comets" in answer.answer and "NGC 205" in answer.answer
    assert both == on, answer.answer


def test_a_question_naming_more_than_the_heading_keeps_its_one_item(tmp_path):
    # "near Andromeda" asks about one discovery: its line, not every discovery
    answer = _ask(tmp_path, "what did caroline herschel discover near andromeda")
    assert "eight comets" not in answer.answer, answer.answer


@pytest.mark.parametrize("on", [True, False])
def test_a_how_question_quotes_every_nested_line(tmp_path, on):
    answer = _ask(tmp_path, "how were the strata dated", manner_children=on)
    assert not answer.refused, answer.reason
    assert ("Magnetic reversals" in answer.answer and "Varves" in answer.answer) == on, answer.answer


def test_what_all_asks_a_list():
    assert parse("what all did caroline herschel do").wants_list
    assert parse("who all worked at the observatory").wants_list
    assert not parse("what did caroline herschel do").wants_list


def test_or_after_a_stranded_preposition_joins_two_verbs():
    assert not parse("what did the observatory come up with or build").comparison
    assert not parse("what did the survey set up or take down").comparison
    assert not parse("what did caroline herschel find or discover").comparison
    # two things compared stay so
    assert parse("what do comets or asteroids contain").comparison
    assert parse("which is bigger, the sun or the moon").comparison
    assert parse("what did they prefer, tea or coffee").comparison
    assert parse("which do sailors prefer sloops or ketches").comparison


@pytest.mark.parametrize("on", [True, False])
def test_a_verb_joined_by_or_is_no_missing_side(tmp_path, monkeypatch, on):
    if not on:  # the mechanism off: every "or" splits two sides
        monkeypatch.setattr(versus, "joins_verbs", lambda question: False)
        parse.cache_clear()
    answer = _ask(tmp_path, "what did caroline herschel find or discover")
    parse.cache_clear()
    assert ("don't say" not in answer.answer) == on, answer.answer
