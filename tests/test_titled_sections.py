"""A section title restating the question (rag.answer.titled): how-to notes title each section with its task;
a question holding the title's key words in its order asks that section, not a sibling section sharing the words
in another order or all but one of them. Invented cooking, sailing and pottery notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.titled import restated, restating_factors

KITCHEN = {
    "conversions.md": """# Kitchen conversions

## Convert cups to grams

Multiply by 120 for plain flour, by 200 for sugar.

## Convert grams to cups

To convert grams of flour back into cups, divide the grams by 120.
""",
}

SAILING = {
    "reefing.md": """# Reefing

## Reef the mainsail in strong wind

Ease the mainsheet, lower the halyard to the first mark and hook the tack on the horn.

## Shake out the mainsail reef in light wind

Once the strong wind drops, reef the mainsail no longer: ease the reef line and hoist the halyard again.
""",
}


def _first(text: str, right: str, sibling: str) -> bool:
    """The right section's line is quoted, and before the sibling section's line if that one is quoted too."""
    return right in text and (sibling not in text or text.index(right) < text.index(sibling))


def test_the_title_in_the_questions_order_is_answered_not_its_mirror(tmp_path):
    answer = _ask_notes(tmp_path, KITCHEN, "convert cups to grams")
    assert _first(answer.answer, "Multiply by 120", "divide the grams")


def test_the_title_holding_every_asked_word_outranks_one_missing_a_word(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "how do i reef the mainsail in strong wind")
    assert _first(answer.answer, "hook the tack", "hoist the halyard again")


def test_order_and_every_word_are_needed_and_a_short_title_is_a_topic():
    forms: dict[str, set[str]] = {}
    assert restated(["center", "clay", "wheel"], "Pottery > Center the clay on the wheel", forms, 3)
    assert not restated(["wheel", "clay", "center"], "Pottery > Center the clay on the wheel", forms, 3)
    assert not restated(["center", "clay", "kiln"], "Pottery > Center the clay on the wheel", forms, 3)
    assert not restated(["glaze"], "Pottery > Glaze", forms, 3)  # one word: a topic, not a task
    # no title restates the question: every line keeps its weight
    key = ["trim", "foot", "bowl"]
    assert restating_factors(key, ["Pottery > Glaze", "Pottery > Firing"], forms, 3, 0.4) == [1.0, 1.0]
    assert restating_factors(key, ["Pottery > Trim the foot of a bowl", "Pottery > Glaze"], forms, 3, 0.4) == [1.0, 0.4]
