"""A LaTeX symbol a reader names in words is read as those words (rag.text.plain, the list
rag.answer.policy.notes.MATH_WORDS): "$$\\forall$$ Elim" is what "forall elim" asks for, "$\\int$" an
integral. Invented set-theory and physics notes, fake embedder and model; with the list emptied the symbol
reads as nothing and the question finds the wrong line."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes, _grounded

import rag.text as text_module
from rag.answer.policy import notes as N
from rag.text import terms

SETS = {
    "sets.md": """# Set theory

## Rules
- Proofs about sets use the rules below, each with its older name.
| $$\\forall$$ Split | Universal Cutting |
| $$\\exists$$ Split | Witness Naming |
- Every split rule needs a fresh name.
""",
}


@pytest.fixture
def no_math_words(monkeypatch):
    monkeypatch.setattr(N, "MATH_WORDS", {})
    text_module._math_words.cache_clear()
    yield
    text_module._math_words.cache_clear()


def test_symbols_read_as_the_words_a_reader_types():
    assert terms("$$\\forall$$ Split") == terms("forall split")
    assert "integr" in terms("the work is $\\int F \\, dx$") and "union" in terms("$A \\cup B$")
    assert terms("an $\\alpha$ particle") == ["alpha", "particl"]  # Greek letters as before
    assert terms("heat $\\rightarrow$ work") == ["heat", "work"]  # an arrow is no word


def test_a_row_named_by_its_symbol_answers(tmp_path):
    answer = _ask_notes(tmp_path, SETS, "what is exists split also called")
    assert not answer.refused and "Witness Naming" in answer.answer
    _grounded(answer, SETS)


def test_with_the_list_emptied_the_symbol_reads_as_nothing(tmp_path, no_math_words):
    assert terms("$$\\forall$$ Split") == ["split"]
    answer = _ask_notes(tmp_path, SETS, "what is exists split also called")
    assert answer.refused or "Witness Naming" not in answer.answer
