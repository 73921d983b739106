"""A question naming whose view it asks ("... according to Holmes") is answered by the line stating that view even
when only a line above it in the notes names the source (rag.answer.attributed); the source must be named there.
Invented law and sailing notes, fake embedder and model; with ``attribution_above`` off the gate refuses."""

from __future__ import annotations

import dataclasses

from test_compose import _answerer, _grounded
from conftest import write_notes

from rag.answer.policy import questions as Q

TORTS = {
    "torts.md": """# Torts

## Negligence
- What is Holmes trying to show in the lecture?
- General problem with contributory negligence: it bars any recovery, even for a slightly careless plaintiff
- Comparative fault: damages are cut by the plaintiff's share of the blame.
- Cardozo wrote the opinion in Palsgraf.
""",
}

QUESTION = "what's the problem with contributory negligence according to holmes"


def _ask(tmp_path, notes, question, **knobs):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    answerer.policy = dataclasses.replace(answerer.policy, **knobs)
    return answerer.ask(question)


def test_the_source_is_read_from_the_question():
    assert Q.ATTRIBUTION.search(QUESTION).group(1) == "holmes"
    assert Q.ATTRIBUTION.search("what is a tack in the view of Joshua Slocum").group(1) == "Joshua Slocum"
    assert Q.ATTRIBUTION.search("what is contributory negligence") is None


def test_a_view_named_above_its_line_is_answered(tmp_path):
    answer = _ask(tmp_path, TORTS, QUESTION)
    assert not answer.refused and "bars any recovery" in answer.answer
    _grounded(answer, TORTS)


def test_with_the_knob_off_the_gate_asks_the_name_of_the_line(tmp_path):
    answer = _ask(tmp_path, TORTS, QUESTION, attribution_above=False)
    assert answer.refused


def test_a_source_named_only_below_the_line_is_not_excused(tmp_path):
    # Cardozo is named, but under the line, of another case: the line states nobody's view of Cardozo
    answer = _ask(tmp_path, TORTS, "what's the problem with contributory negligence according to cardozo")
    assert answer.refused
