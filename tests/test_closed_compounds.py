"""Two question words the notes write closed up ("gangplank") are read as that word when the notes never use one
of them alone (Vocabulary.close_up, policy.join_as_the_notes_close): "gang plank" spaces the notes' word, and
"gang", a word they never use, must not refuse the question. Invented sailing and pottery notes, fake embedder, a
model that never answers; with the knob off the question is refused for the word the notes never mention."""

from __future__ import annotations

import dataclasses

from test_compose import _answerer, write_notes

from rag.answer.policy import DEFAULT
from rag.answer.vocab import Vocabulary

NOTES = {
    "mooring.md": """# Mooring

## Boarding

Run the gangplank out to the pontoon and lash it at both ends before anyone boards.
The gangplank is 3 metres long and takes two people at most.

## Lines

Double up the bow line and the stern line when a gale is forecast.
""",
    "pottery.md": """# Pottery

## Firing

Bisque the pots at 1000 C, then glaze them and fire again at 1240 C.
Let the kiln cool for a whole day before opening it.
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_spaced_words_the_notes_write_closed_are_closed_up():
    vocab = Vocabulary.learn(NOTES.values())
    assert vocab.close_up("how long is the gang plank") == "how long is the gangplank"
    # both words are the notes' own: left as asked ("bow line" is no "bowline" they write, and "stern line" stays)
    assert vocab.close_up("when do i double the stern line") == "when do i double the stern line"
    # a compound the notes hyphen is hyphenate's to join ("re" is no word of theirs, "re-rig" is)
    hyphened = Vocabulary.learn(["Re-rig the jib sheets before every race."])
    assert hyphened.close_up("when do i re rig the jib") == "when do i re rig the jib"
    assert Vocabulary.learn(["Rerig the jib sheets before every race."]).close_up("when do i re rig the jib") == \
        "when do i rerig the jib"


def test_a_spaced_compound_is_answered_from_the_notes_closed_word(tmp_path):
    answer = _ask(tmp_path, "how many people does the gang plank take")
    assert not answer.refused, answer.reason
    assert any("two people" in c.quote for c in answer.citations)


def test_with_the_knob_off_the_half_the_notes_never_use_refuses(tmp_path):
    answer = _ask(tmp_path, "how many people does the gang plank take", join_as_the_notes_close=False)
    assert answer.refused
