"""Two readings of a note's text: a number asked in digits stands in a line writing it as a roman numeral after a
name ("level 2" / "Level II", "type 1 error" / "Type I error"; rag.answer.roman), and a sentence is not cut after
"vs." or "e.g." (rag.answer.sentences). Invented excavation and cooking notes; each knob off reads as before."""

from __future__ import annotations

import pytest

from rag.answer.gate import holds_number
from rag.answer.intent import parse
from rag.answer.policy import Policy
from rag.answer.roman import holds_roman, roman, with_digits
from rag.answer.sentences import sentences
from rag.answer.vocab import Vocabulary

DIG = ["Level IV of the trench held Roman coins and a bronze brooch",
       "A **Type I error** in the survey log marks a feature where none was found",
       "When I dig I keep the finds trays in the shed"]
VOCAB = Vocabulary.learn(DIG)


def test_roman_numerals_up_to_twenty():
    assert [roman(n) for n in (1, 4, 9, 14, 19, 20)] == ["I", "IV", "IX", "XIV", "XIX", "XX"]


@pytest.mark.parametrize("question, number, line", [
    ("what was found in level 4 of the trench", 4, DIG[0]),
    ("what does a type 1 error in the survey log mean", 1, DIG[1]),
])
def test_number_asked_in_digits_stands_in_a_roman_numeral(question, number, line):
    intent = parse(question)
    assert holds_number(intent, number, line, VOCAB, Policy())
    assert not holds_number(intent, number, line, VOCAB, Policy(roman_numerals=False))


def test_the_pronoun_i_is_no_numeral():
    assert not holds_roman(1, DIG[2])  # "When I dig I keep ..."
    assert not holds_roman(1, "I keep the trays in the shed")
    assert with_digits(1, DIG[1]) == "A **Type 1 error** in the survey log marks a feature where none was found"
    assert not holds_roman(2, DIG[0]) and not holds_roman(21, "Level XXI")


def test_no_sentence_ends_after_vs_or_eg():
    line = "Thicker pans (e.g. 5 mm vs. 2 mm) hold heat longer. Preheat them well."
    assert sentences(line) == ["Thicker pans (e.g. 5 mm vs. 2 mm) hold heat longer.", "Preheat them well."]
    assert "2 mm) hold heat longer." in sentences(line, Policy(join_after_abbreviations=False))
    assert sentences("Stir often, etc. Then rest it.") == ["Stir often, etc.", "Then rest it."]  # "etc." may end one


def test_no_sentence_ends_after_a_persons_title(monkeypatch):
    """Invented law-clinic notes: a title before a name ends no sentence; with titles off the split comes back."""
    import re

    from rag.answer.policy import notes as N
    line = "The brief was argued by Dr. Ruth Oyelaran and Prof. Ivo Brandt. The court reserved judgment."
    assert sentences(line) == ["The brief was argued by Dr. Ruth Oyelaran and Prof. Ivo Brandt.",
                               "The court reserved judgment."]
    assert sentences("Served on Mrs. Dale Kerr and Mr. Tom Ash in May.") == [
        "Served on Mrs. Dale Kerr and Mr. Tom Ash in May."]
    monkeypatch.setattr(N, "NEVER_ENDS_SENTENCE", re.compile(r"(?i)(?:^|[\s(\[])(?:vs|e\.g|i\.e|cf|viz)\.$"))
    assert "The brief was argued by Dr." in sentences(line)  # the title list off: the split after "Dr." is back
