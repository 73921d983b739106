"""A note's table of contents (rag/answer/contents.py): list items naming sections of the same note point to
them and state nothing, so the section's own lines answer, also for a comparison side (rag/answer/sides.py);
and with nothing compared, a side's line is one the side is the subject of (policy.questions SIDE_AS_SUBJECT).
Notes invented from fields other than the eval sets': sailing, law, cooking."""

from __future__ import annotations

from dataclasses import replace

from test_compose import _answerer, _grounded

from conftest import write_notes

from rag.answer.contents import contents_lines, demote_contents
from rag.answer.evidence import Unit
from rag.answer.intent import parse
from rag.answer.policy import DEFAULT, questions as Q
from rag.answer.sides import side_lines

SAILING = """# Sailing manoeuvres

This guide walks through the manoeuvres every crew practises:

- **Tacking**: learn how to turn the bow through the wind and when to call it.
- **Jibing**: explore how to turn the stern through the wind, and the dangers of the boom.
- **Reefing**: see how to shrink the sail when the wind builds.

## Tacking

Tacking turns the bow through the wind; the sails cross over slowly.

## Jibing

Jibing turns the stern through the wind; the boom swings across hard and fast.

## Reefing

Reefing ties part of the sail down so less cloth catches the wind.
"""


def _lines(text: str) -> list[str]:
    return text.splitlines()


def test_list_items_naming_later_headings_are_a_table_of_contents():
    assert contents_lines(_lines(SAILING)) == {5, 6, 7}
    # a list whose items name no section, or only one, is the note's statement, not its contents
    plain = "# Knots\n\n- **Bowline**: a fixed loop\n- **Cleat hitch**: ties to a cleat\n\n## Bowline\n\nThe rabbit.\n"
    assert contents_lines(_lines(plain)) == set()
    linked = "# Torts\n\n- [Negligence](#negligence)\n- [Nuisance](#nuisance)\n\n## Negligence\n\nA duty breached.\n\n## Nuisance\n\nInterference with land.\n"
    assert contents_lines(_lines(linked)) == {3, 4}


def _unit(line: int, quote: str, score: float, context: str = "Sailing manoeuvres") -> Unit:
    return Unit("sail.md", line, quote, context, 0, score=score, heading=context)


def test_a_contents_item_ranks_below_its_sections_own_line_and_the_knob_turns_it_off():
    pointer = _unit(6, "Jibing: explore how to turn the stern through the wind, and the dangers of the boom.", 0.6)
    section = _unit(15, "Jibing turns the stern through the wind; the boom swings across hard and fast.", 0.5,
                    "Sailing manoeuvres > Jibing")
    ranked = demote_contents([pointer, section], lambda f: _lines(SAILING))
    assert ranked[0] is section and pointer.pointer
    off = replace(DEFAULT, contents_item_factor=1.0)
    again = [replace(pointer, score=0.6, pointer=False), replace(section, score=0.5)]
    assert demote_contents(again, lambda f: _lines(SAILING), off)[0].quote == pointer.quote


def test_a_comparison_side_is_not_answered_by_a_contents_item():
    # nothing is compared: both lines "define" jibing ("Jibing: ..."), the contents item ranks first
    units = [_unit(6, "Jibing: explore how to turn the stern through the wind.", 0.7),
             _unit(5, "Tacking: learn how to turn the bow through the wind.", 0.7),
             _unit(15, "Jibing: the boom swings across hard and fast.", 0.5, "Sailing manoeuvres > Jibing"),
             _unit(11, "Tacking: the sails cross over slowly.", 0.5, "Sailing manoeuvres > Tacking")]
    intent = parse("tacking vs jibing")
    assert [u.line for u in side_lines(intent, units)] == [5, 6]  # without the mechanism: the pointers
    ranked = demote_contents([replace(u) for u in units], lambda f: _lines(SAILING))
    assert sorted(u.line for u in side_lines(intent, ranked)) == [11, 15]


def test_a_side_is_answered_by_the_line_it_is_the_subject_of(monkeypatch):
    units = [Unit("law.md", 9, "Case 2: the occupant is a licensee.", "Occupiers", 0, score=0.52),
             Unit("law.md", 3, "Tenants hold an estate in the land.", "Occupiers", 0, score=0.51),
             Unit("law.md", 20, "Licensees hold only a permission to be there.", "Occupiers", 0, score=0.50)]
    intent = parse("tenants vs licensees")
    assert [u.line for u in side_lines(intent, units)] == [3, 20]
    monkeypatch.setattr(Q, "SIDE_AS_SUBJECT", False)
    assert [u.line for u in side_lines(intent, units)] == [3, 9]


KITCHEN = {"pastry.md": """# Pastry

These notes cover the doughs I make most:

- **Shortcrust**: explore the rubbing-in method and its common mistakes.
- **Puff pastry**: learn the folds and why the butter must stay cold.

## Shortcrust

Rub the butter into the flour until it looks like breadcrumbs.
Common mistakes: overworking the dough makes it tough, and warm hands melt the fat.

## Puff pastry

Fold the butter block into the dough six times, chilling between folds.
"""}


def test_a_question_on_a_section_quotes_the_section_not_the_contents(tmp_path):
    corpus = write_notes(tmp_path / "notes", KITCHEN)
    answer = _answerer(corpus, tmp_path / "index", "I can't find that in your notes.").ask(
        "common mistakes with shortcrust?")
    assert "overworking the dough makes it tough" in answer.answer
    assert "rubbing-in method" not in answer.answer
    _grounded(answer, KITCHEN)


def test_a_list_inside_a_section_naming_its_subsections_states_them():
    note = ("# Sauces\n\n## Mother sauces\n\nThey split by their liquid:\n\n- **Bechamel**: milk thickened with roux\n"
            "- **Veloute**: stock thickened with roux\n\n### Bechamel\n\nInfuse the milk.\n\n### Veloute\n\nUse light stock.\n")
    assert contents_lines(_lines(note)) == set()


def test_a_side_named_by_a_phrase_is_the_subject_only_of_a_line_opening_with_the_whole_phrase():
    units = [Unit("law.md", 30, "Case", "Old reading list", 0, score=0.6),
             Unit("law.md", 9, "Equity: fairness in the courts of chancery", "Sources", 0, score=0.52),
             Unit("law.md", 3, "Statute law: made by parliament", "Sources", 0, score=0.51),
             Unit("law.md", 20, "Case law: made by judges deciding disputes", "Sources", 0, score=0.50)]
    assert [u.line for u in side_lines(parse("statute law vs case law"), units)] == [3, 20]


def test_a_later_part_asking_which_one_of_a_kind_is_answered_by_a_line_numbering_it():
    from rag.answer.gather import best_for_part
    part = "what grade is that"
    ranked = [Unit("ski.md", 4, "To turn a slope's angle into a grade, use the resort's chart.", "Slopes", 0, score=0.80),
              Unit("ski.md", 4, "An angle of 30 degrees is grade 3 on the resort's chart.", "Slopes", 0, score=0.78)]
    assert best_for_part(part, ranked) is ranked[1]
    assert best_for_part(part, ranked, replace(DEFAULT, numbered_one_per_part=False)) is ranked[0]


def test_that_ending_a_later_part_points_back_at_the_first():
    parts = parse("how steep is the north run, and what grade is that").part_queries
    assert len(parts) == 2 and "north" in parts[1]
    assert parse("how steep is the north run, and what grade is it").part_queries[1] == parts[1].replace(" that", " it")
