"""Notes written with accents or math notation are matched as a reader types them (rag.text.plain): "Gödel"
is "godel", "$\\text{pK}_a$" is "pKa", while quotes still show the note as written; a line that only shows a
picture states nothing. Logic, pharmacology, physics and geology notes, fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes, _grounded

from rag.text import plain, terms, words


@pytest.mark.parametrize("text, expected", [
    ("The smaller the $\\text{pK}_a$, the stronger", ["the", "smaller", "the", "pka", "the", "stronger"]),
    ("$pK_{a}$ and $H_2O$", ["pka", "and", "h2o"]),
    ("max_length and \\d+ outside math", ["max", "length", "and", "d", "outside", "math"]),  # code stays as is
    ("costs $5 and $6", ["costs", "5", "and", "6"]),  # dollar amounts are not math
    ("$\\ce{CO2}$ dissolves", ["co2", "dissolves"]),
    ("an $\\alpha$-helix $\\rightarrow$ a sheet", ["an", "alpha", "helix", "a", "sheet"]),  # arrows are not words
    ("Gödel, Brønsted, Łódź, naïve café", ["godel", "bronsted", "lodz", "naive", "cafe"]),
    ("сила тока", ["сила", "тока"]),  # other scripts are words too, not dropped
    ("plain ascii stays, 1,000 items", ["plain", "ascii", "stays", "1,000", "items"]),
])
def test_words_read_as_typed(text, expected):
    assert words(text) == expected


def test_plain_leaves_ascii_text_alone():
    text = "a **bold** line - with `code` and 10% off"
    assert plain(text) is text


LOGIC = {
    "logic.md": """# Logic

## Incompleteness
- Gödel proved the incompleteness theorems in 1931.
- Turing showed the halting problem is undecidable in 1936.
""",
}

DRUGS = {
    "drugs.md": """# Pharmacology

## Acids
- Aspirin has a $\\text{pK}_a$ of 3.5, so it is mostly un-ionised in the stomach.
- Ibuprofen is taken with food to spare the stomach.
""",
}


def test_accented_name_typed_without_accent(tmp_path):
    answer = _ask_notes(tmp_path, LOGIC, "when did godel prove the incompleteness theorems")
    assert not answer.refused and "1931" in answer.answer and "Gödel" in answer.answer
    _grounded(answer, LOGIC)


def test_value_named_in_math_notation(tmp_path):
    answer = _ask_notes(tmp_path, DRUGS, "what is the pka of aspirin")
    assert not answer.refused and "3.5" in answer.answer
    assert "$\\text{pK}_a$" in answer.answer or any("$\\text{pK}_a$" in c.quote for c in answer.citations)
    _grounded(answer, DRUGS)


VOLCANOES = {
    "volcanoes.md": """# Volcanoes

## Shield volcanoes
![](assets/shield-volcano-shape.png)
<img src="assets/shield-volcano-shape-side.png" width=400>
- Shield volcanoes have gentle slopes built up by runny basalt lava.
""",
}


def test_a_line_showing_only_a_picture_is_no_evidence(tmp_path):
    # the picture's file name holds every word of the question, but states nothing
    answer = _ask_notes(tmp_path, VOLCANOES, "what shape is a shield volcano")
    assert not answer.refused and "gentle slopes" in answer.answer
    assert all(".png" not in c.quote for c in answer.citations)
    _grounded(answer, VOLCANOES)
