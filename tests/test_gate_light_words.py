"""Words that phrase a question rather than name what it asks (rag.answer.phrasing, rag.answer.gate): light words
("actually", "usually", "every"), "till" for "until", an age stated as "they were 16", a verb with its object
("do spinners split wool into"), a copula before "as" and a partitive noun before "of", the verb after a subject
"who", a synonym the notes use ("period" for "era"). Invented cooperage, spinning, cartography and guild notes,
fake embedder and a model that never answers; the near misses beside them stay refused."""

from __future__ import annotations

import pytest
from test_gate_near_misses import _ask

from rag.answer.intent import compound_heads, parse
from rag.answer.phrasing import phrasing_terms
from rag.answer.policy import Policy
from rag.answer.sameword import kin_in_notes, stands_for
from rag.answer.vocab import Vocabulary
from rag.text import STOPWORDS, stem

COOPERAGE = {
    "cooperage.md": """# Cooperage

## Trade
- Three casks of cider were shipped yearly to Halvard as rent
- Apprentices lived at the cooperage until they were 16
- a cask is sealed with beeswax before it is filled
""",
}

SPINNING = {
    "spinning.md": """# Spinning

## Skeins
- spinners divide wool into six skeins before dyeing
""",
}

MAPS = {
    "maps.md": """# Harbour archive

## Charts
- One of the oldest surviving maps of the harbour is the Vell chart, drawn in 1610
""",
}

GUILDS = {
    "guilds.md": """# Guilds

## Founding
- Jorund Hale joined the northern and southern guilds into one league

## Ostmark
- Masters of this period (Ansgar, Bera and Tove) were very wealthy
- furs from Ostmark were traded on the coast
- the coins of Ostmark were silver
- the Ostmark fairs were held in spring
""",
}


def test_light_words_are_phrasing():
    vocab = Vocabulary.learn(["a cask is sealed with beeswax before it is filled"])
    intent = parse("what is a cask mostly sealed with")
    assert stem("mostly") in phrasing_terms(intent, vocab)
    assert stem("mostly") not in phrasing_terms(intent, vocab, Policy(light_words=False))


def test_a_light_word_does_not_excuse_a_thing_the_notes_never_give(tmp_path):
    answer = _ask(tmp_path, COOPERAGE, "how much does a cooper actually earn every year")
    assert answer.refused


def test_an_age_never_stated_is_still_refused(tmp_path):
    answer = _ask(tmp_path, COOPERAGE, "at what age were the casks of cider shipped to Halvard")
    assert answer.refused


def test_an_adverb_is_no_verb_with_an_object():
    vocab = Vocabulary.learn(["the siege went on for 40 days"])
    intent = parse("how long did the siege actually go on for")
    assert stem("go") in phrasing_terms(intent, vocab)


def test_the_verb_after_who_is_no_kind_asked(tmp_path):
    assert ("merg", "northern") not in compound_heads("who merged northern and southern guilds into one league")
    answer = _ask(tmp_path, GUILDS, "who merged northern and southern guilds into one league")
    assert not answer.refused, answer.reason
    assert "Jorund Hale" in answer.answer


KILN = {
    "kiln.md": """# Pottery kiln

## Building the kiln
- The whole build will take you 9 days with around an hour of work per day
""",
}


LIGHTHOUSE = {
    "lighthouse.md": """# Lighthouse

## Keeper
- the keeper climbs 96 steps daily to trim the lamp
""",
}


DORY = {
    "boats.md": """# Boats

## Rowing
- a dory is rowed by two oarsmen facing aft
""",
}


def test_like_as_a_preposition_is_still_asked(tmp_path):
    # "like" after a comma is a filler; "a boat like the dory" names a likeness the notes never state
    vocab = Vocabulary.learn(["a dory is rowed by two oarsmen facing aft"])
    assert stem("like") in phrasing_terms(parse("what does a dory mean, like if two oarsmen row it"), vocab)
    assert stem("like") not in phrasing_terms(parse("who rowed a boat like the dory"), vocab)


def test_every_day_is_daily(tmp_path):
    vocab = Vocabulary.learn(["the keeper climbs 96 steps daily to trim the lamp"])
    assert kin_in_notes("day", vocab) and stands_for(stem("day"), {stem("daily")})
    assert kin_in_notes("era", Vocabulary.learn(["Masters of this period were wealthy"]))
    answer = _ask(tmp_path, LIGHTHOUSE, "how many steps are climbed by the keeper every day")
    assert not answer.refused, answer.reason
    assert "96 steps" in answer.answer


def test_at_the_questions_end_the_last_word_of_the_run_is_the_verb():
    vocab = Vocabulary.learn(["seeds store 9 units of oil", "the oil seeds are pressed"])
    excused = phrasing_terms(parse("how many units of oil does a rape kernel store"), vocab)
    assert stem("store") in excused and stem("kernel") not in excused


# One row per mechanism: (notes, question, a phrase of its answer, the knob that turns the mechanism off, a word the
# refusal names with it off, or None). Each question is answered; with its knob off it is refused.
CASES = {
    "every_beside_a_name": (COOPERAGE, "how many casks of cider were shipped to Halvard every year", "Three casks",
                            "light_words", "every"),
    "age_by_pronoun": (COOPERAGE, "till what age did apprentices live at the cooperage", "until they were 16",
                       "age_by_pronoun", "age"),
    "verb_with_object": (SPINNING, "how many skeins do spinners split wool into", "six skeins", "verb_frames", "split"),
    "copula_and_partitive": (MAPS, "whats the harbour chart that counts as one of the oldest surviving pieces of mapping",
                             "Vell chart", "copula_and_partitive_frames", None),
    "synonym_in_notes": (GUILDS, "which masters were really wealthy back in the ostmark era", "Ansgar", "unknown_by_kin",
                         "era"),
    "adverbial_idiom": (KILN, "how many days to build the kiln from scratch", "9 days", "light_words", "scratch"),
    # "like" as a filler after a comma ("... mean, like if ...") asks nothing a line must say
    "like_as_filler": (DORY, "what does a dory mean, like if two oarsmen row it", "two oarsmen", "light_words", "like"),
}


@pytest.mark.parametrize("case", CASES)
def test_the_phrasing_word_is_not_asked_and_with_its_knob_off_it_is(tmp_path, case):
    notes, question, phrase, knob, named = CASES[case]
    answer = _ask(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert phrase in answer.answer
    off = _ask(tmp_path / "off", notes, question, Policy(**{knob: False}))
    assert off.refused and (named is None or named in off.reason), off.reason


def test_till_is_a_stopword_as_until_is():
    assert "till" in STOPWORDS
