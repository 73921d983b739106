"""Words that phrase a question rather than name what it asks (rag.answer.phrasing, rag.answer.gate): light words
("actually", "usually", "every"), "till" for "until", an age stated as "they were 16", a verb with its object
("do spinners split wool into"), a copula before "as" and a partitive noun before "of", the verb after a subject
"who", a synonym the notes use ("period" for "era"). Invented cooperage, spinning, cartography and guild notes,
fake embedder and a model that never answers; the near misses beside them stay refused."""

from __future__ import annotations

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


def test_every_beside_a_name_is_no_word_the_notes_never_use(tmp_path):
    question = "how many casks of cider were shipped to Halvard every year"
    answer = _ask(tmp_path, COOPERAGE, question)
    assert not answer.refused, answer.reason
    assert "Three casks" in answer.answer
    off = _ask(tmp_path / "off", COOPERAGE, question, Policy(light_words=False))
    assert off.refused and "every" in off.reason


def test_light_words_are_phrasing():
    vocab = Vocabulary.learn(["a cask is sealed with beeswax before it is filled"])
    intent = parse("what is a cask mostly sealed with")
    assert stem("mostly") in phrasing_terms(intent, vocab)
    assert stem("mostly") not in phrasing_terms(intent, vocab, Policy(light_words=False))


def test_a_light_word_does_not_excuse_a_thing_the_notes_never_give(tmp_path):
    answer = _ask(tmp_path, COOPERAGE, "how much does a cooper actually earn every year")
    assert answer.refused


def test_till_is_until_and_they_were_16_states_an_age(tmp_path):
    assert "till" in STOPWORDS
    question = "till what age did apprentices live at the cooperage"
    answer = _ask(tmp_path, COOPERAGE, question)
    assert not answer.refused, answer.reason
    assert "until they were 16" in answer.answer
    off = _ask(tmp_path / "off", COOPERAGE, question, Policy(age_by_pronoun=False))
    assert off.refused and "age" in off.reason


def test_an_age_never_stated_is_still_refused(tmp_path):
    answer = _ask(tmp_path, COOPERAGE, "at what age were the casks of cider shipped to Halvard")
    assert answer.refused


def test_a_verb_with_its_object_before_a_preposition_is_phrasing(tmp_path):
    question = "how many skeins do spinners split wool into"
    answer = _ask(tmp_path, SPINNING, question)
    assert not answer.refused, answer.reason
    assert "six skeins" in answer.answer
    off = _ask(tmp_path / "off", SPINNING, question, Policy(verb_frames=False))
    assert off.refused and "split" in off.reason


def test_an_adverb_is_no_verb_with_an_object():
    vocab = Vocabulary.learn(["the siege went on for 40 days"])
    intent = parse("how long did the siege actually go on for")
    assert stem("go") in phrasing_terms(intent, vocab)


def test_a_copula_before_as_and_a_partitive_noun_are_phrasing(tmp_path):
    question = "whats the harbour chart that counts as one of the oldest surviving pieces of mapping"
    answer = _ask(tmp_path, MAPS, question)
    assert not answer.refused, answer.reason
    assert "Vell chart" in answer.answer
    off = _ask(tmp_path / "off", MAPS, question, Policy(copula_and_partitive_frames=False))
    assert off.refused


def test_the_verb_after_who_is_no_kind_asked(tmp_path):
    assert ("merg", "northern") not in compound_heads("who merged northern and southern guilds into one league")
    answer = _ask(tmp_path, GUILDS, "who merged northern and southern guilds into one league")
    assert not answer.refused, answer.reason
    assert "Jorund Hale" in answer.answer


def test_a_synonym_the_notes_use_is_a_word_they_use(tmp_path):
    question = "which masters were really wealthy back in the ostmark era"
    answer = _ask(tmp_path, GUILDS, question)
    assert not answer.refused, answer.reason
    assert "Ansgar" in answer.answer
    off = _ask(tmp_path / "off", GUILDS, question, Policy(unknown_by_kin=False))
    assert off.refused and "era" in off.reason


KILN = {
    "kiln.md": """# Pottery kiln

## Building the kiln
- The whole build will take you 9 days with around an hour of work per day
""",
}


def test_an_adverbial_idioms_noun_is_phrasing(tmp_path):
    question = "how many days to build the kiln from scratch"
    answer = _ask(tmp_path, KILN, question)
    assert not answer.refused, answer.reason
    assert "9 days" in answer.answer
    off = _ask(tmp_path / "off", KILN, question, Policy(light_words=False))
    assert off.refused and "scratch" in off.reason


LIGHTHOUSE = {
    "lighthouse.md": """# Lighthouse

## Keeper
- the keeper climbs 96 steps daily to trim the lamp
""",
}


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
