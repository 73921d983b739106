"""The lines an answer quotes must hold what is asked (rag.answer.quoted). A "who" question is refused when none
of the quoted lines names anyone, though some relevant line passed the gate's broader reading: a row's cells and
column names and heading words the notes also write in lower case ("Harbour Notes > Week 3") name no one; a line
opening with a name the notes never write in lower case, or an agent after "by", does. A comparison of two kinds of
one thing, one kind never mentioned, needs a quoted line speaking of the thing; a "when was" question needs a quoted
time stated of the thing asked, not of a sibling; one asking its answer in a unit ("in m/s") a quoted number.
Invented notes (tides, brewing, finishing wood, hulls), fake embedder, a model that never answers."""

from __future__ import annotations

import pytest
from test_compose import _answerer, write_notes

from rag.answer.policy import Policy

ROWS = {
    "tides.md": """# Tide Sheet

## Terms

| Term | Meaning |
| --- | --- |
| Tidal bore | Water rises up a river mouth as one wave when the flood tide meets the current |
| Slack water | The still time between the ebb and the flood |

- this tide sheet gives each term with its meaning, for the water of the harbour
""",
}

WEEKS = {
    "lectures.md": """# Harbour Notes

## Week 3 Tuesday
- Spring tides - the largest range of the month, near the new and the full moon
- Neap tides - the smallest range, near the quarter moons

## Week 4 Friday
- Read Harbour Notes, Week 3, again: the Notes of Week 3 hold the tide tables and Week 4 adds the charts
- The Harbour Notes of Week 4 cover the lights, and Week 5 the buoys
- keep these notes on the harbour with the tide table; each week adds a page, and each term in the meaning column is one line
""",
}

TITLED = {
    "soundings.md": """# Pilot Digest

## soundings
- Fathom - six feet of depth, the unit of soundings on older charts
- a sounding line is marked at each fathom with leather and cloth
""",
}

NAMED = {
    "brewing.md": """# brewing log

## history of the mash tun
- Okafor was the first to lauter the mash through a slotted false bottom
- the first mash tun to lauter through slots came from Leeds

## rules
- the water hardness limit is set by the district board each spring
- a water hardness limit was first proposed in Leeds
""",
}


def _ask(tmp_path, notes, question, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = policy
    return answerer.ask(question)


NEAR_MISSES = [
    (ROWS, "who discovered the tidal bore"),  # a row: "Water" opens a cell, "Meaning" names a column
    (WEEKS, "who discovered the spring tides"),  # "Harbour Notes > Week 3 Tuesday": words the notes write in lower case
    (TITLED, "who invented the fathom"),  # "Pilot Digest" is the note's title, over a deeper heading
]


@pytest.mark.parametrize("notes, question", NEAR_MISSES)
def test_quoted_lines_naming_no_one_are_refused(tmp_path, notes, question):
    answer = _ask(tmp_path, notes, question)
    assert answer.refused
    assert "names anyone" in answer.reason


@pytest.mark.parametrize("notes, question", NEAR_MISSES)
def test_with_the_mechanism_off_they_are_answered(tmp_path, notes, question):
    assert not _ask(tmp_path, notes, question, Policy(who_quote_names=False)).refused


@pytest.mark.parametrize("question, said", [
    ("who was the first to lauter the mash", "Okafor"),  # a name opening the line, never written in lower case
    ("who sets the water hardness limit", "district board"),  # an agent after "by"
])
def test_a_line_naming_someone_still_answers(tmp_path, question, said):
    answer = _ask(tmp_path, NAMED, question)
    assert not answer.refused, answer.reason
    assert said in answer.answer


FINISHING = {
    "finishing.md": """# finishing the tiller

## oil
- wipe on an oil finish in thin coats and let each coat cure for a day
- rub the oil in along the grain with a soft rag

## spring work
- sand the tiller lightly before the season, then brush on the varnish in a dry week
""",
}


def test_a_comparison_whose_other_kind_is_quoted_apart_from_the_thing_is_refused(tmp_path):
    # "lacquer" is never mentioned; the oil lines speak of an oil finish, never of a varnish (the notes' spring work does)
    question = "should i use an oil or a lacquer varnish on the tiller"
    answer = _ask(tmp_path / "on", FINISHING, question)
    assert answer.refused
    assert "varnish" in answer.reason
    assert not _ask(tmp_path / "off", FINISHING, question, Policy(compared_head_quoted=False)).refused


def test_a_comparison_whose_quote_speaks_of_the_thing_still_answers(tmp_path):
    answer = _ask(tmp_path, FINISHING, "should i use an oil or a lacquer finish on the tiller")
    assert not answer.refused, answer.reason
    assert "oil finish" in answer.answer


HULLS = {
    "hulls.md": """# hull design

## laws
- The law of lift was proposed by Okafor in 1905, for flat sails
- The law of sheer says the deck line curves up at both ends of the hull

## history
- the guilds of shipwrights rose to power in 1450, when the ports grew
""",
}


def test_a_when_question_quoting_a_siblings_time_is_refused(tmp_path):
    question = "when was the law of sheer proposed"  # the year is the law of lift's
    answer = _ask(tmp_path / "on", HULLS, question)
    assert answer.refused
    assert "sheer" in answer.reason
    assert not _ask(tmp_path / "off", HULLS, question, Policy(time_quote_of_asked=False)).refused


def test_a_time_stated_of_the_thing_asked_still_answers_whatever_the_verbs_form(tmp_path):
    answer = _ask(tmp_path, HULLS, "when did the guilds of shipwrights rise to power")  # "rise" / "rose"
    assert not answer.refused, answer.reason
    assert "1450" in answer.answer


SPEEDS = {
    "speeds.md": """# boat speed

## symbols
- $$v_h$$ - the hull speed of a displacement hull ($$\\frac{m}{s}$$)
- $$L$$ - the waterline length of the hull ($$m$$)
""",
}


def test_a_question_asking_its_answer_in_a_unit_needs_a_quoted_number(tmp_path):
    answer = _ask(tmp_path / "on", SPEEDS, "hull speed of a displacement hull in m/s")
    assert answer.refused
    assert "m/s" in answer.reason
    assert not _ask(tmp_path / "off", SPEEDS, "hull speed of a displacement hull in m/s",
                    Policy(unit_asks_a_number=False)).refused


def test_a_quoted_number_in_the_unit_still_answers(tmp_path):
    notes = {"speeds.md": SPEEDS["speeds.md"] + "- the hull speed of a 9 m displacement hull is about 3.9 m/s\n"}
    answer = _ask(tmp_path, notes, "hull speed of a 9 m displacement hull in m/s")
    assert not answer.refused, answer.reason
    assert "3.9" in answer.answer


def test_a_line_saying_all_that_is_asked_answers_by_a_role(tmp_path):
    notes = {"rules.md": "# Harbour Rules\n\n## moorings\n- A mooring permit must be signed before two wardens\n"
                         "- Moorings were laid out by Okafor in 1890\n"}
    answer = _ask(tmp_path, notes, "who must sign a mooring permit")
    assert not answer.refused, answer.reason
    assert "two wardens" in answer.answer
