"""A question's verb need not stand in the line that answers it (rag.answer.phrasing): "how long does the
library lend a book" is answered by "the loan period is 21 days for books". A word naming a thing still must:
near misses stay refused, and the refusal names the thing the notes leave unsaid. Notes from fields far from
the eval sets (a library, a bakery, a camera, rowing, mortgages), fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer import phrasing
from rag.answer.intent import parse
from rag.answer.phrasing import phrasing_terms
from rag.answer.vocab import Vocabulary

LIBRARY = {
    "library.md": """# Library

## Loans
- The loan period is 21 days for books
- Up to 8 items per member card
- the reading room holds magazines

## Fines
- the late fine is 20 cents per day
""",
}

BAKERY = {
    "bakery.md": """# Bakery

## Sourdough
- the starter is fed twice a day
- bulk fermentation takes 4 to 6 hours at room temperature
- each loaf proofs for 12 hours in the fridge

## Rye
- rye dough needs less kneading than wheat dough
""",
}

CAMERA = {
    "camera.md": """# Camera

## Memory cards
- the total size of all photos on one memory card must not exceed 32 GB
- raw photos take about 25 MB each
""",
}


@pytest.fixture
def no_verbs(monkeypatch):
    """The mechanism off: every asked word must be spoken, verbs too."""
    monkeypatch.setattr("rag.answer.gate.phrasing_terms", lambda intent, vocab, *policy: frozenset())
    monkeypatch.setattr("rag.answer.engine.phrasing_terms", lambda intent, vocab, *policy: frozenset())


@pytest.mark.parametrize("notes, question, shown", [
    (LIBRARY, "how many days does a book stay on loan", "21 days"),  # the verb after the subject
    (LIBRARY, "how many days does a book loan period run for", "21 days"),
    (LIBRARY, "how many items can be borrowed on one member card", "8 items"),  # a participle before "on"
    (BAKERY, "how many hours does a loaf sit in the fridge", "12 hours"),
    (CAMERA, "max combined size of photos on a memory card", "32 GB"),  # a participle qualifying the value
])
def test_the_questions_verb_need_not_stand_in_the_answering_line(tmp_path, notes, question, shown):
    answer = _ask_notes(tmp_path, notes, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


@pytest.mark.parametrize("notes, question", [
    (LIBRARY, "how many days does a book stay on loan"),
    (LIBRARY, "how many days does a book loan period run for"),
    (LIBRARY, "how many items can be borrowed on one member card"),
    (CAMERA, "max combined size of photos on a memory card"),
])
def test_with_the_mechanism_off_the_verb_refuses(tmp_path, no_verbs, notes, question):
    answer = _ask_notes(tmp_path, notes, question)
    assert answer.refused, answer.answer


@pytest.mark.parametrize("notes, question, missing", [
    # the thing asked about is what the notes leave unsaid: the verb excused, the thing still refuses
    (LIBRARY, "how many days does a magazine loan period run for", "magazine"),
    (BAKERY, "how many hours does a rye loaf sit in the fridge", "rye"),
])
def test_near_misses_on_a_thing_stay_refused_and_name_it(tmp_path, notes, question, missing):
    answer = _ask_notes(tmp_path, notes, question)
    assert answer.refused, answer.answer
    assert missing in answer.reason


def _vocab(text: str) -> Vocabulary:
    return Vocabulary.learn([text], [line.lstrip("# ") for line in text.splitlines() if line.startswith("#")])


def test_a_word_the_notes_use_as_a_thing_is_never_excused():
    question = parse("how long is the mortgage rate fixed for")
    # notes that only say the rate "is fixed": "fixed" relates, and is excused
    plain = _vocab("# Mortgages\n- the rate is fixed for 5 years\n")
    assert "fix" in phrasing_terms(question, plain)
    # notes that speak of "a fixed rate" (against "a variable rate"): "fixed" names a kind of rate
    kinds = _vocab("# Mortgages\n- a fixed rate lasts 5 years\n- a variable rate follows the base rate\n")
    assert "fix" not in phrasing_terms(question, kinds)


def test_a_heading_or_bold_label_names_a_thing():
    question = parse("how many members does a rowing eight seat")
    assert "seat" in phrasing_terms(question, _vocab("# Rowing\n- an eight takes 8 rowers\n"))
    assert "seat" not in phrasing_terms(question, _vocab("# Rowing\n## Seat\n- an eight takes 8 rowers\n"))
    assert "seat" not in phrasing_terms(question, _vocab("# Rowing\n- **Seat**: where a rower sits\n"))


@pytest.mark.parametrize("question", [
    "when was the treaty of paris signed",  # the words asking the value ("when was ... signed")
    "what is the minimum voting age in norway",  # an "-ing" word before a noun names a kind
    "what is connection draining",  # ...and at the end
    "what is the population of the united states",  # a participle naming a thing
    "does the word subsidy refer to a payment",  # one word after a candidate may be the verb itself
])
def test_words_that_name_or_ask_are_not_verbs(question):
    vocab = _vocab("# Notes\n- a word\n")
    intent = parse(question)
    excused = phrasing_terms(intent, vocab)
    assert not excused & {"sign", "vote", "drain", "unit", "subsidi"}, excused


@pytest.mark.parametrize("question, verb, not_verbs", [
    ("how often does a sourdough starter need feeding", "need", {"starter", "feed"}),  # "-ing" is no plain form
    ("what does the word subsidy refer to", "refer", {"subsidi", "word"}),  # one plain word after: it is the verb
    ("how many days does the fair store its records", "store", {"fair", "record"}),
    ("does a high gear mean a faster ride", None, {"gear", "high"}),  # the verb is "mean": the run holds none
])
def test_the_verb_after_the_subject(question, verb, not_verbs):
    vocab = _vocab("# Notes\n- the sourdough starter is fed twice a day\n- the fair keeps the records\n")
    excused = phrasing_terms(parse(question), vocab)
    assert not excused & not_verbs, excused
    if verb:
        assert verb in excused


WINE = {
    "wine.md": """# Restaurant

## Staff
- a sommelier is also called a wine steward
- the maitre d' greets guests at the door
""",
}


def test_another_word_for_asks_a_name(tmp_path):
    # "word" frames the question as "name" does: the line names the other word without saying "word"
    answer = _ask_notes(tmp_path, WINE, "what's another word for a sommelier")
    assert not answer.refused, answer.reason
    assert "wine steward" in answer.answer


MORTGAGE = {
    "mortgage.md": """# Mortgages

## Rates
- the central bank's base rate decides the interest rate of a tracker mortgage
- a fixed rate stays the same for the whole deal
""",
}


@pytest.mark.parametrize("question, value", [
    ("what sets the interest rate of a mortgage", None),  # the question word is the verb's subject
    ("who decides the score of a dive", None),
    ("what is the interest rate of a mortgage", "number"),  # "is": a function word, the amount is asked
    ("what kind of rate does a mortgage have", None),
    ("how much time does bread dough need to rise", "duration"),
    ("how soon does a tracker mortgage follow the base rate", "duration"),
])
def test_what_does_the_thing_asks_no_amount(question, value):
    assert parse(question).value == value


def test_what_sets_a_rate_is_answered_by_what_decides_it(tmp_path):
    answer = _ask_notes(tmp_path, MORTGAGE, "what sets the interest rate of a tracker mortgage")
    assert not answer.refused, answer.reason
    assert "base rate decides" in answer.answer


BIRDS = {
    "birds.md": """# Birds

## Wren
- a wren's egg is about 16 **milli**meters long
- wrens nest in hedges and ivy

## Kitchen
- bake the bread at 220 °C for 30 minutes
- olive oil burns easily in a hot pan
- butter has a low melting temperature, so keep it in the fridge
""",
}


@pytest.mark.parametrize("question, shown", [
    ("how big is a wren's egg", "16"),  # a length is a size; markup inside the unit hides nothing
    ("what temperature should bread be baked at", "220"),  # "220 °C" says it is a temperature
])
def test_sizes_and_temperatures_of_things(tmp_path, question, shown):
    answer = _ask_notes(tmp_path, BIRDS, question)
    assert not answer.refused, answer.reason
    assert shown in answer.answer


def test_a_temperature_the_notes_never_give_is_refused(tmp_path):
    # a line that speaks of butter's melting temperature without giving one: a near miss, not a definition
    answer = _ask_notes(tmp_path, BIRDS, "what is the melting temperature of butter")
    assert answer.refused, answer.answer
    assert "states a temperature" in answer.reason


def test_someone_names_nothing(tmp_path):
    # an indefinite pronoun stands for whoever asks: no line need speak of "someone"
    answer = _ask_notes(tmp_path, LIBRARY, "how many items can someone borrow on one member card")
    assert not answer.refused, answer.reason
    assert "8 items" in answer.answer
