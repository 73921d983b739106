"""A passive's irregular participle ("are made with", "is kept in") is the question's verb as a regular "-ed" one is
(rag.answer.phrasing, policy.questions.IRREGULAR_PARTICIPLES): no answering line need say it. Invented pottery
and beekeeping notes; with policy.irregular_participles off the participle stays a thing asked."""

from __future__ import annotations

from test_gate_near_misses import _ask

from rag.answer.intent import parse
from rag.answer.phrasing import phrasing_terms
from rag.answer.policy import Policy
from rag.answer.vocab import Vocabulary
from rag.text import stem

OFF = Policy(irregular_participles=False)
KILN = Vocabulary.learn(["Potters use wood ash for celadon and tenmoku glazes.", "The kiln is fired to cone 10.",
                         "Most glazes are made in small batches."])


def test_an_irregular_participle_is_the_verb():
    for question, verb in [("which glazes are made with wood ash", "made"), ("which pots are sold at the spring fair", "sold"), ("which saggars are built from fireclay", "built")]:
        intent = parse(question)
        assert stem(verb) in phrasing_terms(intent, KILN), question
        assert stem(verb) not in phrasing_terms(intent, KILN, OFF), question


def test_a_word_of_that_form_naming_a_thing_stays_asked():
    # "made" before a noun is no passive's verb here: it is followed by neither a preposition nor a determiner
    assert stem("made") not in phrasing_terms(parse("how long do made glazes keep"), KILN)
    # a preposition ending the question: what the glaze is made of is asked, the line must say the making
    assert stem("made") not in phrasing_terms(parse("what is a celadon glaze made of"), KILN)


HIVES = {
    "hives.md": """# Hives

## Wax
- beeswax goes into candles, polish and lip balm
- cappings are melted in a solar extractor
""",
}


def test_the_floor_coverage_leaves_the_participle_out(tmp_path):
    question = "which things are made from beeswax"
    on = _ask(tmp_path, HIVES, question)
    off = _ask(tmp_path / "off", HIVES, question, OFF)
    assert on.relevance > off.relevance
