"""A number the question writes in digits ("grade 2 building", "phase 2") that the notes write as a roman numeral
after a name ("Grade II building", "Phase II"): the same number, so the line speaks of it."""

from __future__ import annotations

import re

from .policy import values as V


def roman(number: int) -> str:
    """``number`` (1..3999) as an upper-case roman numeral: 4 -> "IV"."""
    out = ""
    for value, letters in V.ROMAN_VALUES:
        while number >= value:
            out, number = out + letters, number - value
    return out


def holds_roman(number: int, text: str) -> bool:
    """Whether ``text`` writes ``number`` (at most V.ROMAN_MAX) as a roman numeral right after a capitalised word
    ("a Grade I building", "Phase II"): a lone "I" is the pronoun, and so is an "I" after its sentence's first word
    ("When I"), so 1 is read only after a name inside a sentence."""
    if not 0 < number <= V.ROMAN_MAX:
        return False
    return with_digits(number, text) != text


def with_digits(number: int, text: str) -> str:
    """``text`` with each roman numeral :func:`holds_roman` reads as ``number`` written in digits ("a Grade 1
    building"), so what counts the noun after it (rag.answer.counted) reads it as it reads digits."""
    if not 0 < number <= V.ROMAN_MAX:
        return text
    opens = "" if number > 1 else r"(?<![.!?:;]\s)(?<!^)"  # only "I" is also a pronoun
    pattern = rf"{opens}(\b[A-Z][a-z]+[*_]*\s+[*_]*){roman(number)}(?![\w'’])"
    return "".join(re.sub(pattern, rf"\g<1>{number}", sentence)
                   for sentence in re.split(r"((?<=[.!?])\s+|\n)", text))
