"""A code block in notes is a list of its lines: the ways to write one command, the commands of a tool, a sample
output. A list question whose best line sits in a code block quotes the block whole, from the line introducing it
right above its fence (rag.answer.blocks), as an item is quoted with its list; a question asking one thing still
gets its one line. Invented telescope, darkroom and tide-gauge notes."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.blocks import block
from rag.answer.evidence import Unit
from rag.answer.policy import DEFAULT

SCOPE = ["# Mount control",
         "",
         "Ways to park the telescope before closing the dome:",
         "",
         "```bash",
         "mount park --home",
         "mount park --position west",
         "mount goto 0 90 --then-stop",
         "```",
         "",
         "Unpark with `mount unpark` at dusk."]


def _unit(line: int, quote: str) -> Unit:
    return Unit("scope.md", line, quote, "Mount control", chunk_id=0, score=1.0, heading="Mount control")


def test_a_list_question_quotes_the_whole_code_block_with_the_line_introducing_it():
    quote, start, end = block(_unit(7, "mount park --position west"), SCOPE, whole_list=True)
    assert "mount park --home" in quote and "mount goto 0 90 --then-stop" in quote, quote
    assert quote.startswith("Ways to park the telescope"), quote
    assert "unpark" not in quote and not quote.rstrip().endswith("```")
    assert (start, end) == (3, 8)


def test_the_line_introducing_a_block_is_quoted_with_it_for_a_list_question():
    quote, *_ = block(_unit(3, "Ways to park the telescope before closing the dome:"), SCOPE, whole_list=True)
    assert "mount park --home" in quote and "mount goto" in quote, quote


def test_a_question_asking_one_thing_keeps_its_one_line():
    quote, start, end = block(_unit(7, "mount park --position west"), SCOPE, whole_list=False)
    assert quote == "mount park --position west" and start == end == 7


def test_a_block_longer_than_a_list_is_not_quoted_whole():
    lines = ["```python"] + [f"exposure_{n} = {n} * base" for n in range(DEFAULT.list_max_lines + 2)] + ["```"]
    quote, start, end = block(_unit(4, "exposure_2 = 2 * base"), lines, whole_list=True)
    assert start == end == 4, quote


DARKROOM = {
    "darkroom.md": """# Developing film

Ways to agitate the tank:

```text
invert the tank four times every minute
twist the reel gently with the rod
stand development with no agitation at all
```

Fixer stays good for about a month once mixed.
""",
}


def test_all_the_ways_written_in_a_code_block_are_answered(tmp_path):
    answer = _ask_notes(tmp_path, DARKROOM, "what are all the ways to agitate the tank")
    for way in ("invert the tank four times", "twist the reel", "stand development"):
        assert way in answer.answer, answer.answer
    _grounded(answer, DARKROOM)
