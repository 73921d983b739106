"""A question word the notes hold in another inflection or derivation ("painters" where they say "painted")
is a word they use (rag.answer.sameword.kin_in_notes): it does not count towards "the notes never mention ...".
Invented sailing and kitchen notes, fake embedder and a model that never answers."""

from __future__ import annotations

from test_gate_near_misses import _ask

from rag.answer.sameword import kin_in_notes
from rag.answer.policy import Policy
from rag.answer.vocab import Vocabulary

YARD = {
    "yard.md": """# Boatyard

## History
- the hull was painted by Ada Vance and Piet Horn in 1988
- the mast was replaced after the storm of 2004
""",
}


def test_a_derived_word_is_known_by_its_kin():
    vocab = Vocabulary.learn(["The hull was painted by Ada Vance.", "Whisk the butter into the reduction."])
    assert kin_in_notes("painters", vocab)
    assert kin_in_notes("whisking", vocab)
    assert not kin_in_notes("sponsors", vocab)  # no word of the notes shares its stem's first letters
    assert not kin_in_notes("painters", vocab, Policy(unknown_by_kin=False))


def test_painters_are_answered_by_the_line_saying_painted(tmp_path):
    answer = _ask(tmp_path, YARD, "who were the three painters of the hull")
    assert not answer.refused, answer.reason
    assert "Ada Vance" in answer.answer


def test_with_kin_off_the_derived_word_is_never_mentioned(tmp_path):
    answer = _ask(tmp_path, YARD, "who were the three painters of the hull", Policy(unknown_by_kin=False))
    assert answer.refused
    assert "never mention" in answer.reason


def test_a_word_without_kin_in_the_notes_is_still_unknown(tmp_path):
    answer = _ask(tmp_path, YARD, "who were the three sponsors of the hull")
    assert answer.refused
    assert "sponsors" in answer.reason
