"""List blocks and two-part questions answered whole (rag/answer/blocks.py, rag/answer/evidence.py units_of,
rag/answer/gather.py best_for_part): notes from fields other than the eval sets'."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.evidence import units_of
from rag.chunk import Chunk

SAUCES = {
    "sauces.md": """# Cooking

## Mother sauces
- Béchamel
- Velouté
- Espagnole
- Hollandaise
- Tomato

## Knife skills
- Julienne: cut into thin matchsticks.
- Brunoise: cut into tiny cubes.
""",
}

CHOIR = {
    "choir.md": """# Music theory

The four voice types in a choir are:
Soprano, the highest
Alto, below soprano
Tenor, the high male voice
Bass, the lowest

Tempo is measured in beats per minute.
Dynamics tell how loud to play.
""",
}

CELLS = {
    "cells.md": """# Biology

## Cell organelles
The nucleus holds the DNA.
Mitochondria make ATP.
Ribosomes build proteins.
The Golgi apparatus packages proteins.

## Tissues
Epithelial tissue lines surfaces.
Muscle tissue contracts.
""",
}


def test_a_one_word_list_item_is_a_unit_with_its_heading_as_context():
    text = "## Mother sauces\n- Velouté\n- ok\nTomato"
    units = units_of(Chunk(0, "s.md", 1, 4, "Cooking > Mother sauces", text, "h", [1, 2, 3, 4]))
    # "- ok" says nothing, and a one-word line that is no list item is a label
    assert [(u.line, u.quote) for u in units] == [(2, "Velouté")]
    assert "Mother sauces" in units[0].context


def test_a_list_of_one_word_items_is_answered_whole(tmp_path):
    answer = _ask_notes(tmp_path, SAUCES, "list the mother sauces")
    assert not answer.refused, answer.reason
    for sauce in ("Béchamel", "Velouté", "Espagnole", "Hollandaise", "Tomato"):
        assert sauce in answer.answer, answer.answer
    _grounded(answer, SAUCES)


def test_a_line_ending_with_a_colon_quotes_the_plain_lines_of_its_paragraph(tmp_path):
    answer = _ask_notes(tmp_path, CHOIR, "what voice types are in a choir")
    assert not answer.refused, answer.reason
    for voice in ("Soprano", "Alto", "Tenor", "Bass"):
        assert voice in answer.answer, answer.answer
    assert "Tempo" not in answer.answer  # the paragraph ends at the blank line
    _grounded(answer, CHOIR)


def test_a_list_question_under_a_heading_naming_it_quotes_the_sections_lines(tmp_path):
    answer = _ask_notes(tmp_path, CELLS, "what organelles does a cell have")
    assert not answer.refused, answer.reason
    for organelle in ("nucleus", "Mitochondria", "Ribosomes", "Golgi"):
        assert organelle in answer.answer, answer.answer
    assert "Epithelial" not in answer.answer  # the next heading ends the section
    _grounded(answer, CELLS)


def test_paraphrases_of_list_questions(tmp_path):
    for notes, question, items in (
            (SAUCES, "which sauces are the mother sauces", ("Béchamel", "Tomato")),
            (SAUCES, "name the mother sauces", ("Velouté", "Hollandaise")),
            (CHOIR, "which voice types does a choir have", ("Soprano", "Bass")),
            (CELLS, "list the cell organelles", ("nucleus", "Golgi")),
            (CELLS, "which organelles are found in a cell", ("Mitochondria", "Ribosomes"))):
        answer = _ask_notes(tmp_path / question.replace(" ", "-"), notes, question)
        assert all(item in answer.answer for item in items), (question, answer.answer, answer.reason)


# -- two-part questions: each part answered by a line holding what that part asks ---------------------------------

VOLCANOES = {
    "volcanoes.md": """# Volcanoes

## Shield volcanoes
- Shield volcanoes erupt runny basalt lava that flows for kilometres.
- Shield volcanoes have gentle slopes built from many thin lava flows.

## Monitoring
- Geologists measure ground swelling with tiltmeters and GPS stations.
- A swarm of small earthquakes often comes before an eruption.
""",
}


def test_a_part_pointing_back_is_answered_by_a_line_about_itself_not_the_other_parts_subject(tmp_path):
    # "how do geologists monitor them": "them" carries "shield volcanoes" into the part's ranking, but the line
    # answering it must speak of monitoring, not merely of shield volcanoes (gather.best_for_part ``own``)
    answer = _ask_notes(tmp_path, VOLCANOES, "what lava do shield volcanoes erupt and how do geologists monitor them")
    assert not answer.refused, answer.reason
    assert "runny basalt lava" in answer.answer and "tiltmeters" in answer.answer, answer.answer
    _grounded(answer, VOLCANOES)


def test_paraphrases_of_a_part_pointing_back(tmp_path):
    for question in ("which lava comes out of shield volcanoes, and how are they monitored by geologists",
                     "what kind of lava does a shield volcano erupt and how do geologists watch it"):
        answer = _ask_notes(tmp_path, VOLCANOES, question)
        assert "basalt" in answer.answer and "tiltmeters" in answer.answer, (question, answer.answer)


def test_a_one_word_item_is_quoted_with_its_list_even_for_a_question_not_asking_a_list():
    from rag.answer.blocks import block
    from rag.answer.evidence import Unit

    lines = SAUCES["sauces.md"].split("\n")
    unit = Unit("sauces.md", 5, "Velouté", "Cooking > Mother sauces", 0, heading="Cooking > Mother sauces")
    quote, start, end = block(unit, lines, whole_list=False)
    assert (start, end) == (3, 8) and quote.startswith("## Mother sauces") and "- Tomato" in quote


BEES = {
    "bees.md": """# Beekeeping

## Honey bees
- Honey bees gather nectar from clover and lavender.
- Honey bees gather pollen in baskets on their hind legs.

## Inspections
- Beekeepers check the hives with a smoker and a veil every ten days.
- Swarms often gather on a branch near the old hive in spring.
""",
}


def test_a_pronoun_stands_for_what_the_first_part_is_about_not_its_verb():
    # "them" in "how do beekeepers check them" stands for the honey bees the first part's answer is filed under,
    # not for "gather": carrying the first part's verb lifted "Swarms often gather ..." over the check line
    from rag.answer.gather import referent

    first = units_of(Chunk(0, "bees.md", 4, 5, "Beekeeping > Honey bees", BEES["bees.md"].split("\n")[3], "h", [4]))[0]
    assert referent("what do honey bees gather", first) == "honey bees"
    # a line filed under no heading naming it: the words the line itself holds
    line = units_of(Chunk(0, "plants.md", 3, 3, "Botany", "Chlorophyll is the green pigment of leaves.", "h", [3]))[0]
    assert referent("what is chlorophyll", line) == "chlorophyll"
    assert referent("what is a stoma", line) == "stoma"  # nothing held: the first part as asked


def test_a_part_pointing_back_is_ranked_with_what_the_pronoun_stands_for(tmp_path):
    for question in ("what do honey bees gather, and how do beekeepers check them",
                     "what do honey bees gather and how often do beekeepers check on them"):
        answer = _ask_notes(tmp_path, BEES, question)
        assert "nectar" in answer.answer and "smoker" in answer.answer, (question, answer.answer)
        assert "Swarms" not in answer.answer, (question, answer.answer)
        _grounded(answer, BEES)
