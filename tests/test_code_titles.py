"""A title line right above a code block ("What a clean rebase todo looks like" over the block) names what the block
shows: quoted, it comes with the block, whatever the question asks (rag.answer.blocks). A line inside the block,
or a full sentence above it, is quoted alone. Invented git and brewing notes."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.blocks import block
from rag.answer.units import Unit

GIT = {
    "git.md": """# Git notes

## Interactive rebase
What a clean rebase todo looks like
```
pick 1a2b3c fix typo in readme
squash 4d5e6f tidy imports
reword 7a8b9c release notes
```

Later commits go on top of the branch after the rebase finishes.
""",
}

BREW = [
    "# Brewing",
    "Typical mash schedule",
    "```",
    "protein rest 52C 15 min",
    "saccharification 66C 60 min",
    "```",
    "",
    "The mash is stirred every ten minutes.",
    "```",
    "mash-out 76C 10 min",
    "```",
]


def _unit(line: int, quote: str) -> Unit:
    return Unit("brew.md", line, quote, "Brewing", 0, heading="Brewing")


def test_a_title_right_above_a_code_block_is_quoted_with_the_block():
    quote, start, end = block(_unit(2, "Typical mash schedule"), BREW, whole_list=False)
    assert (start, end) == (2, 5) and "saccharification 66C 60 min" in quote, quote


def test_a_line_inside_the_block_or_a_sentence_above_one_is_quoted_alone():
    assert block(_unit(4, "protein rest 52C 15 min"), BREW, whole_list=False)[1:] == (4, 4)
    assert block(_unit(8, "The mash is stirred every ten minutes."), BREW, whole_list=False)[1:] == (8, 8)


def test_a_question_about_what_a_block_shows_gets_the_block(tmp_path):
    answer = _ask_notes(tmp_path, GIT, "what does a clean rebase todo look like")
    assert not answer.refused
    assert "squash 4d5e6f tidy imports" in answer.answer, answer.answer
    _grounded(answer, GIT)
