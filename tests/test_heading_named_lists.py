"""A short plural heading over a list names that list (rag/answer/headed.py): a question naming the heading
("companions for tomatoes", "elements of negligence") asks for the list under it, whatever its grammar, and
is answered with the whole list, not with lines that merely use the word. Notes invented from fields other
than the eval sets': a gardener's and a lawyer's."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.blocks import block
from rag.answer.evidence import Unit
from rag.answer.headed import heading_over_list, names_the_list

GARDEN = {
    "tomatoes.md": """# Tomatoes

Tomatoes need a long warm season and a lot of sun.
Good companions are a gardener's oldest trick: plant them out after the last frost.

## Companions

- basil, which is said to keep whitefly away
- marigolds around the edge of the bed
- carrots between the rows

## Watering

Water deeply twice a week rather than a little every day.
Uneven watering causes blossom end rot.
""",
    "roses.md": """# Roses

Roses want a sunny bed and rich soil; companions help them too.

## Companions


- garlic against aphids
- lavender along the path
""",
}

LAW = {
    "negligence.md": """# Negligence

A claim in negligence fails unless the claimant proves each of its elements on the balance of probabilities.
The elements are decided by the judge in turn.

## Elements

- a duty of care owed to the claimant
- breach of that duty
- damage caused by the breach
- damage that is not too remote

## Defences

- contributory negligence
- consent to the risk
""",
}


def test_a_question_naming_a_heading_over_a_list_gets_the_whole_list(tmp_path):
    answer = _ask_notes(tmp_path, GARDEN, "companions for tomatoes")
    assert not answer.refused, answer.reason
    for item in ("basil", "marigolds", "carrots between the rows"):
        assert item in answer.answer, answer.answer
    assert "garlic" not in answer.answer  # the roses' list is named by the heading too, not by the question
    _grounded(answer, GARDEN)


def test_the_list_named_without_list_grammar(tmp_path):
    answer = _ask_notes(tmp_path, LAW, "elements of negligence")
    assert not answer.refused, answer.reason
    for item in ("duty of care", "breach of that duty", "caused by the breach", "not too remote"):
        assert item in answer.answer, answer.answer
    assert "contributory" not in answer.answer  # the next heading ends the list
    _grounded(answer, LAW)


def test_blank_lines_right_under_a_heading_do_not_end_its_list(tmp_path):
    answer = _ask_notes(tmp_path, GARDEN, "companions for roses")
    assert not answer.refused, answer.reason
    assert "garlic against aphids" in answer.answer and "lavender along the path" in answer.answer, answer.answer
    _grounded(answer, GARDEN)


def _unit(line: int, quote: str, heading: str) -> Unit:
    return Unit("n.md", line, quote, heading, 1, heading=heading)


def test_which_headings_name_a_list():
    assert names_the_list("Companions", "companions for tomatoes")
    assert names_the_list("Side effects", "what side effects does aspirin have")
    assert not names_the_list("Oven", "what temperature should the oven be")  # singular: one thing
    assert not names_the_list("Analysis", "analysis of the game")  # "-is": no plural
    assert not names_the_list("Companions", "what grows well with tomatoes")  # the question does not name it
    assert not names_the_list("Notes on pruning roses", "notes on pruning roses")  # a topic, too long
    assert not names_the_list("Early companions", "companions for tomatoes")  # a word the question lacks


def test_only_a_list_right_under_its_heading_is_named_by_it():
    lines = ["## Companions", "", "- basil", "  (keeps whitefly away)", "- marigolds"]
    assert heading_over_list(_unit(5, "marigolds", "Tomatoes > Companions"), lines) == 1
    # a lead-in line says what the list is: the heading names the section, not the list
    lines = ["## Companions", "Plant these nearby:", "- basil", "- marigolds"]
    assert heading_over_list(_unit(4, "marigolds", "Tomatoes > Companions"), lines) == 0
    # a plain line is no list item
    lines = ["## Companions", "Basil keeps whitefly away."]
    assert heading_over_list(_unit(2, "Basil keeps whitefly away.", "Tomatoes > Companions"), lines) == 0


def test_a_table_the_block_cuts_off_is_left_out_whole():
    lines = ["## Knots", "", "- bowline", "- clove hitch", "", "Practise them blind.", "",
             "| Knot | Use |", "|---|---|"] + [f"| knot {n} | use {n} |" for n in range(12)]
    quote, start, end = block(_unit(3, "bowline", "Sailing > Knots"), lines, True)
    assert (start, end) == (1, 6), quote
    assert "|" not in quote


def test_a_whole_table_ending_the_block_stays():
    lines = ["## Knots", "", "- bowline", "", "| Knot | Use |", "|---|---|", "| bowline | a fixed loop |"]
    quote, start, end = block(_unit(3, "bowline", "Sailing > Knots"), lines, True)
    assert (start, end) == (1, 7) and "fixed loop" in quote, quote


SAILING = {
    "knots.md": """# Knots

Every crew member should be able to tie these in the dark.

## Bowline (essential)

A fixed loop at the end of a line that does not slip or jam under load.

## Clove hitch (essential)

Quick to tie around a post, but it can slip when the load keeps changing direction.

## Sheet bend (optional)

Joins two lines of different thickness.

## Monkey's fist (optional)

A weighted ball at the end of a heaving line.

# Weather

## Fog (dangerous)

Slow down and sound the horn every two minutes.
""",
}


def test_a_lists_items_can_be_the_headings_of_its_subsections(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "which knots are essential, not optional")
    assert not answer.refused, answer.reason
    assert "Bowline (essential)" in answer.answer and "Clove hitch (essential)" in answer.answer, answer.answer
    assert "Sheet bend" not in answer.answer and "Monkey" not in answer.answer, answer.answer
    assert "Fog" not in answer.answer  # another section's subsections are not the knots
    _grounded(answer, SAILING)


def test_heading_items_need_the_asked_words_in_the_headings(tmp_path):
    from rag.answer.headed import heading_items
    from rag.answer.intent import parse

    lines = SAILING["knots.md"].split("\n")
    under = Unit("knots.md", 7, "A fixed loop at the end of a line that does not slip or jam under load.",
                 "Knots > Bowline (essential)", 1, heading="Knots > Bowline (essential)")
    items = heading_items(parse("which knots are optional"), [under], lambda f: lines)
    assert [(u.line, u.quote) for u in items] == [(13, "Sheet bend (optional)"), (17, "Monkey's fist (optional)")]
    # the question asks something of the knots' sections, not which of them a heading marks
    assert heading_items(parse("which knots slip under load"), [under], lambda f: lines) == []
    # no list asked
    assert heading_items(parse("how do I tie a bowline"), [under], lambda f: lines) == []


CHESS = {
    "tournament.md": """# Club tournament

Rounds start at seven sharp; a player who is late loses on time after thirty minutes.
Nobody needs a rating to play in the open section.

## Requirements

- a membership card or a national federation id
- your own clock, set to 90 minutes with a 30 second increment
  Digital clocks only: the arbiter will not accept an analogue one.
- a score sheet for every game

## Pairings

Pairings go up on the board by Thursday noon.
""",
}


def test_a_heading_naming_the_list_by_a_synonym_of_the_questions_verb(tmp_path):
    # "Requirements" names what "what do I need" asks (need/require: the policy's synonym table); the item
    # with a line of its own under it is quoted with the whole list, not alone
    answer = _ask_notes(tmp_path, CHESS, "what do i need for the club tournament")
    assert not answer.refused, answer.reason
    for item in ("membership card", "your own clock", "score sheet"):
        assert item in answer.answer, answer.answer
    assert "Thursday" not in answer.answer
    _grounded(answer, CHESS)


def test_the_list_is_anchored_on_an_item_without_lines_of_its_own():
    from rag.answer.headed import named_list
    from rag.answer.intent import parse

    lines = CHESS["tournament.md"].split("\n")
    heading = "Club tournament > Requirements"
    clock = Unit("tournament.md", 9, "your own clock, set to 90 minutes with a 30 second increment", heading, 1,
                 heading=heading)
    card = Unit("tournament.md", 8, "a membership card or a national federation id", heading, 1, heading=heading)
    # the clock item has a line of its own under it: quoted from it, the block would be that item alone
    assert named_list(parse("what do i need for the club tournament"), [clock, card], lambda f: lines) is card
    assert named_list(parse("what do i need for the club tournament"), [clock], lambda f: lines) is clock


def test_only_a_question_asking_for_the_named_thing_gets_the_list():
    from rag.answer.headed import asks_for

    assert asks_for("Companions", "companions for tomatoes")
    assert asks_for("Companions", "which companions suit tomatoes")
    assert asks_for("Requirements", "what do i need for the tournament")
    assert asks_for("Elements", "list the elements of negligence")
    assert not asks_for("Companions", "how many companions does basil have")  # a count of them
    assert not asks_for("Companions", "do companions need extra water")  # a yes/no of them
    assert not asks_for("Requirements", "what size clock do i need")  # asks a size


def test_a_how_or_yes_no_question_about_a_named_list_is_not_answered_with_the_list(tmp_path):
    for question in ("how do companions help tomatoes", "do tomatoes have companions"):
        answer = _ask_notes(tmp_path / question.replace(" ", "-"), GARDEN, question)
        assert "Companions:" not in answer.answer, (question, answer.answer)
