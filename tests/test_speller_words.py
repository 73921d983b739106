"""The speller corrects typos but never rewrites a real English word into a word of the notes."""

from __future__ import annotations

from rag.dictionary import common_words
from rag.retrieve import Speller

# invented sailing and cooking notes: "reef" and "bad" are near "reed"/"band" but the question means its own word
NOTES = ["Reef the mainsail early when the wind freshens.", "A bad sear leaves the steak grey and wet.",
         "The reactive load of a winch motor is small."]


def test_a_common_word_is_kept_even_when_the_notes_never_use_it():
    speller = Speller(NOTES, frozenset({"band", "relative"}))
    assert speller.correct_word("band") == "band"
    assert speller.correct_word("relative") == "relative"


def test_without_the_word_list_the_real_word_is_rewritten():
    # the mechanism switched off: the notes' nearest word replaces the question's
    speller = Speller(NOTES)
    assert speller.correct_word("relative") == "reactive"


def test_typos_are_still_corrected():
    speller = Speller(NOTES, frozenset({"band", "relative"}))
    assert speller.correct_word("mainsial") == "mainsail"
    assert speller.correct_word("freshnes") == "freshens"


def test_the_bundled_list_holds_common_words_and_no_word_pieces():
    words = common_words()
    assert {"band", "relative", "scratch", "water"} <= words
    assert not any(w.startswith("#") for w in words)
    assert "mainsial" not in words


def test_a_common_word_is_not_read_as_a_shortening_by_its_stem():
    from rag.answer.vocab import Vocabulary

    # invented law notes: "relative" stems to "relat", which starts "relationship"; it is a word, not a shortening
    vocab = Vocabulary.learn(["The relationship between tenant and landlord is set by the lease.",
                              "A specification of the premises is annexed."])
    assert vocab.expansion("relative", 5, frozenset({"relative", "specs"})) is None
    assert vocab.expansion("relative", 5) == "relationship"  # the stem rule alone, switched off
    assert vocab.expansion("landl", 5, frozenset({"relative"})) == "landlord"  # a shortening still expands
