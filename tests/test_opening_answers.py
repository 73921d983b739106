"""Notes in question-and-answer form title a section with the problem and answer it in the section's first line
(rag/answer/opening.py): a question the title restates is answered by that line, not by a later line of the
section sharing more of its words. Notes invented from sailing and gardening."""

from __future__ import annotations

import dataclasses

from conftest import write_notes
from test_compose import _answerer, _grounded

from rag.answer.policy import DEFAULT

FAQ = {
    "dinghy-faq.md": """# Dinghy problems

## The jib sheet keeps jamming in the fairlead when tacking

Thread a smaller sheet through the block instead.
The jib sheet jams in the fairlead more often once the sheet is worn.
Check the jib sheet and the fairlead before each race when tacking a lot.

## The tiller feels heavy on a reach

Ease the mainsheet until the helm is light again.
""",
    "garden.md": """# Garden

## Tomatoes split their skins after heavy rain

Water them evenly through the dry weeks.
""",
}


def _ask(tmp_path, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", FAQ), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = answerer.scorer.policy = dataclasses.replace(DEFAULT, **knobs)
    return answerer.ask(question)


def test_the_first_line_under_a_title_restating_the_problem_answers(tmp_path):
    answer = _ask(tmp_path, "jib sheet keeps jamming in the fairlead when tacking")
    assert not answer.refused, answer.reason
    assert answer.answer.startswith("“Thread a smaller sheet"), answer.answer
    _grounded(answer, FAQ)


def test_off_a_later_line_sharing_the_words_comes_first(tmp_path):
    answer = _ask(tmp_path, "jib sheet keeps jamming in the fairlead when tacking", opening_answers_title=False)
    assert not answer.answer.startswith("“Thread a smaller sheet"), answer.answer


def test_a_title_of_two_asked_words_is_a_topic(tmp_path):
    from rag.answer.opening import restates
    assert not restates("Dinghy problems > Jib sheet tips and tricks", ["jib", "sheet"], DEFAULT)
    assert restates("Dinghy problems > The jib sheet keeps jamming in the fairlead", ["jib", "sheet", "jam"], DEFAULT)
