"""An option flag is a word (rag.text.option_flags, policy.notes.OPTION_FLAG): "what does -s do" asks about the
row keyed "`-s`", whose one letter the word reader dropped, and a table cell holding a flag keeps its dash
(rag.answer.cells), which a list line would lose as its bullet. Invented knitting-machine and darkroom notes, fake
embedder, a model that never answers; with OPTION_FLAG set to None the flag asks nothing and the row is not found."""

from __future__ import annotations

import pytest

from test_compose import _answerer, write_notes

from rag.answer.cells import named_cells
from rag.answer.policy import notes as N
from rag.text import terms

NOTES = {
    "loom.md": """# Knitting machine commands

## Row options

| Option | Needs | What it does |
| ------ | ----- | ------------ |
| `-s` | `row` | Slips every second stitch of the row. |
| `-S` | `row` | Leaves the whole row bare. |
| `-p` | `row` | Purls the row instead of knitting it. |
| `-a` | `yarn` | Adds a new colour of yarn. |

## Check the tension before casting on

Pull a 10 cm swatch and count the stitches: twenty-two stitches means the tension is right.
Check again after every new cone of yarn.
""",
    "darkroom.md": """# Darkroom

## Developing a print

Develop the paper for ninety seconds, then stop it in the acid bath for ten seconds.
Check the print under white light only once it has been fixed.
""",
}


@pytest.fixture()
def off(monkeypatch):
    monkeypatch.setattr(N, "OPTION_FLAG", None)


def _ask(tmp_path, question):
    answerer = _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index", "I can't find that in your notes.")
    return answerer.ask(question)


def test_a_flag_whose_letters_are_no_word_is_a_term_as_written():
    assert terms("what does -s check") == ["-s", "check"]
    assert "-S" in terms("| `-S` | `row` |") and "-s" not in terms("| `-S` | `row` |")
    assert "-it" in terms("run it with -it to stay inside")  # a stopword's letters
    # a hyphened word, a negative number and a longer flag read as before
    assert terms("re-knit -1 --tension") == ["reknit", "knit", "1", "tension"]
    assert not [t for t in terms("re-knit the row, -1 stitch, --tension 5") if t.startswith("-")]


def test_without_the_flag_pattern_a_one_letter_flag_is_no_term(off):
    assert terms("what does -s check") == ["check"]


def test_a_cell_holding_a_flag_is_named_by_that_flag_only():
    row = "| `-s` | `row` | Slips every second stitch of the row. |"
    assert named_cells("what does -s check", row) == [0]
    assert named_cells("what does -S check", row) == []
    # the article "a" names no row keyed "-a"
    assert named_cells("how do i add a colour", "| `-a` | `yarn` | Adds a new colour of yarn. |") == []


def test_without_the_flag_pattern_a_flag_cell_loses_its_dash(off):
    assert named_cells("what does -s check", "| `-s` | `row` | Slips every second stitch of the row. |") == []
    assert named_cells("how do i add a colour", "| `-a` | `yarn` | Adds a new colour of yarn. |") == [0]


def _cited(answer) -> str:
    return " ".join(c.quote for c in answer.citations)


def test_the_row_a_flag_keys_answers_what_the_flag_does(tmp_path):
    answer = _ask(tmp_path, "what does -s check")
    assert not answer.refused
    assert "Slips every second stitch" in _cited(answer)
    assert "tension" not in _cited(answer) and "white light" not in _cited(answer)
    answer = _ask(tmp_path, "what does -S check")
    assert "Leaves the whole row bare" in _cited(answer)
    assert "Slips" not in _cited(answer)


def test_without_the_flag_pattern_the_lines_sharing_the_verb_answer(tmp_path, off):
    answer = _ask(tmp_path, "what does -s check")
    assert "Slips every second stitch" not in _cited(answer)
