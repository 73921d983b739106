"""Two frames of English mark a question word as phrasing, not a thing asked (rag.answer.phrasing): the verb
of an infinitive after "how to" / "ways to", and the noun of a complex preposition ("in front of", "on top
of"). Invented sailing and pottery notes; each test also runs with the frames switched off."""

from __future__ import annotations

from test_gate_near_misses import _ask

from rag.answer.intent import parse
from rag.answer.phrasing import phrasing_terms
from rag.answer.policy import Policy
from rag.answer.vocab import Vocabulary
from rag.text import stem

OFF = Policy(infinitive_and_preposition_frames=False)
KILN = Vocabulary.learn(["Cone 6 glazes mature at about 1220 C.", "A shelf of test tiles sits on the bottom of the kiln."])


def test_the_verb_after_ways_to_is_phrasing():
    intent = parse("what are the two ways to figure out the firing temperature of a glaze")
    assert stem("figure") in phrasing_terms(intent, KILN)
    assert stem("figure") not in phrasing_terms(intent, KILN, OFF)


def test_the_noun_of_a_complex_preposition_is_phrasing():
    intent = parse("what sits in front of the test tiles in the kiln")
    assert stem("front") in phrasing_terms(intent, KILN)
    assert stem("front") not in phrasing_terms(intent, KILN, OFF)


def test_a_noun_after_a_determiner_is_no_preposition():
    # "in the front of the kiln" names a place in the kiln: a thing asked about
    intent = parse("what sits in the front of the kiln")
    assert stem("front") not in phrasing_terms(intent, KILN)


LIGHTS = {
    "lights.md": """# Navigation lights

## Under power
- a white light at the masthead means the boat is under power
- red and green sidelights show which way she is heading
""",
}


def test_a_line_need_not_speak_the_preposition_noun(tmp_path):
    question = "what does a white light on top of the mast mean"
    answer = _ask(tmp_path, LIGHTS, question)
    assert not answer.refused, answer.reason
    assert "under power" in answer.answer
    answer = _ask(tmp_path / "off", LIGHTS, question, OFF)
    assert answer.refused and "top" in answer.reason


def test_the_word_before_a_closing_for_asks_a_purpose():
    # "good" is a thing of these notes ("a good seal"), yet in "what is X good for" it frames the question
    vocab = Vocabulary.learn(["A fid opens the strands of a rope for splicing.", "A good seal keeps the hatch dry."])
    intent = parse("what is a fid good for")
    assert stem("good") in phrasing_terms(intent, vocab)
    assert stem("good") not in phrasing_terms(intent, vocab, OFF)
    assert stem("good") not in phrasing_terms(parse("which seal is good for a hatch"), vocab)  # no purpose frame
