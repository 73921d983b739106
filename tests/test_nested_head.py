"""A bold outline line heads its nested lines though their context drops its stars (rag.answer.nested): a
why-question restating "**Reefing early**" leaves the reason to the nested line under it. Invented sailing notes,
fake embedder and a model that never answers."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.nested import heads_nested
from rag.answer.policy import DEFAULT

SAILING = {
    "sailing.md": """# Dinghy handling

## Heavy weather
- **Launch**
  - Rig on the slipway, bow to the wind
- **--> REEFING EARLY <--**
  - Far harder to tuck a reef once the gust hits
- **Heaving to**
- Crews practise heaving to in the bay

## Light weather
- Sit forward to lift the transom
""",
}

OFF = dataclasses.replace(DEFAULT, nested_head_as_read=False)


def test_a_bold_line_leaves_the_reason_to_its_nested_line(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "why does reefing early matter so much")
    assert not answer.refused
    assert any("Far harder to tuck a reef" in c.quote for c in answer.citations)


def test_with_the_knob_off_the_bold_line_restates_the_question(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "why does reefing early matter so much", OFF)
    assert answer.refused
    assert "no reason" in answer.reason


def test_a_bold_line_with_nothing_nested_under_it_still_gives_no_reason(tmp_path):
    answer = _ask_notes(tmp_path, SAILING, "why do crews practise heaving to in the bay")
    assert answer.refused
    assert "no reason" in answer.reason


class _Unit:
    def __init__(self, line, quote, context, file="a.md"):
        self.file, self.line, self.quote, self.context = file, line, quote, context


def test_heads_nested_reads_both_lines_without_their_emphasis():
    parent = _Unit(3, "**Brining**", "Pickles > Brining")
    child = _Unit(4, "Salt draws the water out", "Pickles > Brining")
    other = _Unit(9, "Jars are boiled", "Pickles > Jars", file="b.md")
    assert heads_nested(parent, [parent, child, other])
    assert not heads_nested(parent, [parent, child, other], OFF)
    assert not heads_nested(parent, [parent, other])
