"""A how-to question whose words a code block's comment line all speaks ("# One album") is answered by the command
right under that comment, though prose around the block shares as many of its words. Invented photo-tool notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.policy import DEFAULT

NOTES = {
    "photos.md": """# Photo exports

Because the export is made from the catalogue, not your camera card, every album export is repeatable and safe.

## Picking what to export

You don't have to export the whole library. Pick a photo, a set, or a pattern and keep the export small.

```bash
# One photo
phototool export -o beach.zip LIBRARY beach.raw

# One album
phototool export -o trip.zip LIBRARY albums/trip/
```

Albums that sit on another disk are skipped from the export with a warning.
""",
}

QUESTION = "how do i export only one album"


def _ask(tmp_path, policy):
    return _ask_notes(tmp_path, NOTES, QUESTION, policy)


def test_the_command_under_the_comment_answers(tmp_path):
    answer = _ask(tmp_path, DEFAULT)
    assert not answer.refused, answer.reason
    assert "albums/trip/" in answer.answer.split("[1]")[0]


def test_with_comments_not_heading_commands_it_does_not(tmp_path):
    answer = _ask(tmp_path, dataclasses.replace(DEFAULT, comment_heads_command=False))  # the mechanism off
    assert "albums/trip/" not in answer.answer.split("[1]")[0]
