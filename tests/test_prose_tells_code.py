"""A what-question whose best line is a bare line of a code block ("warp  tension-lock") is answered by the prose
line next to that block naming the code line's other word ("If `warp` is locked, ..."), not by the block line that
merely repeats the asked name (rag.answer.shown). Invented hand-loom settings notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.policy import DEFAULT

NOTES = {
    "loom.md": """# Loom settings

## Setting up the loom profile

The loom reads a profile file at start-up. Write one rule per line.

```text
# loom.profile
weft      auto-advance
warp      tension-lock
heddle    manual
```

And if `warp` is set to lock, the back beam keeps every thread taut through each pass:

```text
# after start-up the panel shows
WARP LOCKED
```

## Cleaning the reed

Brush the reed after each project so lint does not build up between the dents.
""",
}

QUESTION = "what does tension-lock do when weaving"


def _ask(tmp_path, policy):
    return _ask_notes(tmp_path, NOTES, QUESTION, policy)


def test_the_prose_by_the_block_says_what_the_setting_does(tmp_path):
    answer = _ask(tmp_path, DEFAULT)
    assert not answer.refused, answer.reason
    assert answer.answer.lstrip("“\"").startswith("And if"), answer.answer
    assert "keeps every thread taut" in answer.answer


def test_with_the_rule_off_the_block_line_leads(tmp_path):
    answer = _ask(tmp_path, dataclasses.replace(DEFAULT, prose_tells_code=False))  # the mechanism off
    assert not answer.answer.lstrip("“\"").startswith("And if"), answer.answer
