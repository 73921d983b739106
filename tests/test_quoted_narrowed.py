"""Answerable questions the quoted-line checks (rag.answer.quoted) must not refuse: a "when was" question whose
quoted answer sits under the notes' own study question holding the time and the thing asked (a hint may follow the
question), or that closes on a state after a preposition ("in power"); a question asking its answer in a unit whose
quoted line writes the number out ("at least six hours", "two weeks"); a "who" question answered by a group under
the notes' own "who" question. Each is refused with its narrowing switched off. A "when" answer line whose
year stands only in the study question above it is quoted with that question (rag.answer.studied). Invented notes
(pottery, guilds, harbour wardens), fake embedder, a silent model."""

from __future__ import annotations

import pytest
from test_compose import _answerer, _grounded, write_notes

from rag.answer.policy import Policy
from rag.answer.quoted import asked_above

GUILD = {
    "guild.md": """# Masons and Quarries in the Nineteenth Century

## Okafor and the Masons' Guild
- Who led the masons' guild?  Why did the wardens oppose it?
  - Okafor led it from the harbour lodge. The wardens feared its hold over the quarries.
- What was the significance of the three charters Okafor issued in 1842?  What did he say in them?  How did it turn out for him?
  - Their significance was Okafor's move towards a break with the wardens. He aired his grievances over tolls, courts and quarry rights. Okafor was banished from the harbour, so he was hidden by an ally.
- What did the wardens do in reply?
  - The wardens closed the lodge and its courts for a season.
""",
}


def _ask(tmp_path, notes, question, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = policy
    return answerer.ask(question)


def test_the_study_question_above_an_answer_is_the_line_it_answers():
    lines = GUILD["guild.md"].split("\n")
    answer = next(n for n, line in enumerate(lines, 1) if "Their significance" in line)
    assert "1842" in asked_above(lines, answer)
    assert asked_above(lines, answer - 1) == ""  # the question itself answers no question above it
    assert asked_above(lines, 1) == ""


def test_a_time_held_by_the_study_question_the_quote_answers_is_the_times_of_the_thing(tmp_path):
    question = "when were okafor's charters issued"
    answer = _ask(tmp_path / "on", GUILD, question)
    assert not answer.refused, answer.reason
    assert "break with the wardens" in answer.answer
    # (the answer line alone, as the composer quotes it without the study question: rag.answer.studied off)
    off = _ask(tmp_path / "off", GUILD, question, Policy(time_from_asked_line=False, time_quoted_with_asked_line=False))
    assert off.refused
    assert "charters" in off.reason


def test_a_study_question_further_up_still_holds_the_time_of_its_answer(tmp_path):
    # a first answer line stands between: the question is not quoted with the second (rag.answer.studied)
    between = "  - Masons gathered at the lodge to hear them read.\n  - Their significance"
    notes = {"guild.md": GUILD["guild.md"].replace("  - Their significance", between)}
    question = "when were okafor's charters issued"
    answer = _ask(tmp_path / "on", notes, question)
    assert not answer.refused, answer.reason
    assert "break with the wardens" in answer.answer
    off = _ask(tmp_path / "off", notes, question, Policy(time_from_asked_line=False))
    assert off.refused
    assert "charters" in off.reason


def test_the_study_question_holding_the_time_is_quoted_with_its_answer(tmp_path):
    question = "when were okafor's charters issued"
    answer = _ask(tmp_path / "on", GUILD, question)
    assert "1842" in answer.answer and "break with the wardens" in answer.answer
    _grounded(answer, GUILD)
    off = _ask(tmp_path / "off", GUILD, question, Policy(time_quoted_with_asked_line=False))
    assert "1842" not in off.answer


POTTERY = {
    "kiln.md": """# kiln log

## firing
- the kiln takes 14 pots on two shelves and fires them for 9 hours at cone six
- a bisque firing runs 7 hours, and a glaze firing 9 hours with a slow rise at the end
- dry the greenware for 3 days in summer and 5 days in winter before a bisque firing

## cooling
- let the glazed pots cool in the closed kiln for at least six hours before opening it
- for the first two weeks, store raku pieces away from damp and turn them every day
""",
}


@pytest.mark.parametrize("question, said", [
    ("how long should glazed pots cool in the closed kiln in hours", "six hours"),
    ("how long should raku pieces be stored away from damp in days", "two weeks"),
])
def test_a_number_written_out_answers_a_unit_asked(tmp_path, question, said):
    answer = _ask(tmp_path / "on", POTTERY, question)
    assert not answer.refused, answer.reason
    assert said in answer.answer
    off = _ask(tmp_path / "off", POTTERY, question, Policy(unit_number_in_words=False))
    assert off.refused
    assert "number" in off.reason


STRIKE = {
    "strike.md": """# Quarry Towns

## Toward a Wage Economy

* What was the "toll revolt", also called the "quarry strike"?
  * A rising of the masons in the 1840s against the tolls on cut stone.
  * What is a toll?
    * A charge on each cart of stone leaving the quarry.
  * Who were the winners and losers of this shift?
    * Winners were quarry masons and carters with their own carts. The losers were toll wardens and harbour clerks.
* What is a lodge court?
  * A court of masons that heard disputes over wages and stone.
""",
}


def test_a_line_answering_the_notes_own_who_question_answers_by_a_group(tmp_path):
    question = "who were the winners of the toll revolt"
    answer = _ask(tmp_path / "on", STRIKE, question)
    assert not answer.refused, answer.reason
    assert "quarry masons" in answer.answer
    off = _ask(tmp_path / "off", STRIKE, question, Policy(who_from_asked_line=False))
    assert off.refused
    assert "names anyone" in off.reason


WARDENS = {
    "wardens.md": """# Harbour Towns in the Nineteenth Century

## The Wardens
- Who was the harbour master from 1842-60?  Of which family was he?  \\(hint, read the whole section first\\)
  - Okafor was of the Adeyemi family and the son of the old warden. He rebuilt the quays and dredged the channel.
- What did the wardens do in winter?
  - They laid up the buoys and mended the chains.
""",
}


def test_a_parent_item_holding_a_question_before_its_hint_is_the_question_answered(tmp_path):
    lines = WARDENS["wardens.md"].split("\n")
    answer = next(n for n, line in enumerate(lines, 1) if "Adeyemi" in line)
    assert "1842" in asked_above(lines, answer)
    assert asked_above(lines, answer, question_anywhere=False) == ""
    question = "when was okafor harbour master"
    assert not _ask(tmp_path / "on", WARDENS, question).refused
    off = _ask(tmp_path / "off", WARDENS, question, Policy(asked_item_question_anywhere=False))
    assert off.refused
    assert "master" in off.reason


DYNASTIES = {
    "pilots.md": """# Harbour Guilds

## The Guild of Pilots
- 1450 to 1520, until the harbour board took the pilotage over
- pilots were sworn in at the guild hall

## The Guild of Carters
- carried stone from the quarries to the quays, until the railway took their power away
""",
}


def test_the_state_a_when_question_closes_on_after_a_preposition_need_not_be_quoted(tmp_path):
    question = "when was the guild of pilots in power"
    answer = _ask(tmp_path / "on", DYNASTIES, question)
    assert not answer.refused, answer.reason
    assert "1450 to 1520" in answer.answer
    off = _ask(tmp_path / "off", DYNASTIES, question, Policy(time_complement_unasked=False))
    assert off.refused
    assert "giving a time" in off.reason


PILOTS = {
    "pilots.md": """# Harbour Pilots

## Okafor
- Okafor (1801-1860) charted the shoals of the outer harbour
- his charts were printed by the harbour board

## Adeyemi
- Adeyemi laid out the inner moorings for the ferries
""",
}


def test_a_word_the_notes_never_use_is_not_asked_of_a_quoted_time(tmp_path):
    question = "when was okafor alive"  # "alive" stands nowhere in the notes
    answer = _ask(tmp_path / "on", PILOTS, question)
    assert not answer.refused, answer.reason
    assert "1801-1860" in answer.answer
    off = _ask(tmp_path / "off", PILOTS, question, Policy(time_unknown_word_unasked=False))
    assert off.refused
    assert "alive" in off.reason
