"""A question closing on a clause that names a moment ("how long does the wax melt before the dye goes in") is answered
by the line stating the rest when the notes' step order places that moment: the nearest line of the answer's section
speaking of the clause's thing stands later for "before", earlier for "after" (rag.answer.moment). Invented
candle-making notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.policy import DEFAULT

NOTES = {
    "candles.md": """# Container candles

## Steps

1. Wipe the dye cup clean and set the dye chips aside on a plate.
2. Put the soy wax flakes in the double boiler over a gentle flame.
3. Let the wax melt for about 15 minutes, stirring now and then.
4. Stir in the dye chips and a few drops of scent oil.
5. Pour the wax into the glass jars and let the candles cure for 2 days.

## Storage

Keep finished candles out of direct sunlight.
""",
}


def _ask(tmp_path, question, policy=DEFAULT):
    return _ask_notes(tmp_path, NOTES, question, policy)


def test_a_moment_the_next_step_names_is_no_word_the_line_must_say(tmp_path):
    answer = _ask(tmp_path, "how long does the wax melt before the dye goes in")
    assert not answer.refused, answer.reason
    assert "15 minutes" in answer.answer


def test_with_the_rule_off_the_moment_is_an_unspoken_word(tmp_path):
    off = dataclasses.replace(DEFAULT, moment_by_step_order=False)  # the mechanism off
    answer = _ask(tmp_path, "how long does the wax melt before the dye goes in", off)
    assert answer.refused and "dye" in answer.reason


def test_a_moment_on_the_wrong_side_of_the_steps_stays_refused(tmp_path):
    # the dye goes in after the melting (step 4 is nearer than step 1): "after" names no moment the notes place
    answer = _ask(tmp_path, "how long does the wax melt after the dye goes in")
    assert answer.refused and "dye" in answer.reason


def test_a_moment_whose_thing_no_step_names_stays_refused(tmp_path):
    answer = _ask(tmp_path, "how long does the wax melt before the glitter goes in")
    assert answer.refused
