"""The relevance floor's key-term coverage leaves out the question's verb (rag.answer.phrasing), as the gate's
other checks do: a note says in its own words how the things asked relate ("should be set to" for "be
tuned to"). Invented guitar and pottery notes."""

from __future__ import annotations

from test_gate_near_misses import _ask

from rag.answer.policy import Policy

OFF = Policy(relevance_without_verb=False)

GUITAR = {
    "guitar.md": """# Guitar

## Strings
- the low E string should be set to a frequency of 82 Hz with a clip-on meter
- new strings stretch for a week, so check them every day
""",
}


def test_the_verb_weighs_nothing_in_the_coverage(tmp_path):
    question = "what frequency should the low E string be tuned to"
    on = _ask(tmp_path, GUITAR, question)
    off = _ask(tmp_path / "off", GUITAR, question, OFF)
    assert on.relevance > off.relevance
    assert not on.refused, on.reason
    assert "82 Hz" in on.answer


def test_a_question_whose_things_the_notes_lack_stays_under_the_floor(tmp_path):
    # the verb aside, nothing is left that the notes speak of
    answer = _ask(tmp_path, GUITAR, "what gauge should a banjo drumhead be tuned to")
    assert answer.refused


def test_a_question_naming_a_thing_the_notes_never_use_keeps_the_verbs_weight(tmp_path):
    question = "what frequency should the banjo string be tuned to"
    on = _ask(tmp_path, GUITAR, question)
    off = _ask(tmp_path / "off", GUITAR, question, OFF)
    assert on.relevance == off.relevance
