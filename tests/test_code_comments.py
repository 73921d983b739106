"""A comment line inside a code block ("# will show as 'Bound'", "# hydration stays at 75% for every loaf") states
something, as a note's prose does: "# " there starts a comment, not a heading, so it is evidence (rag.answer.units).
Outside a code fence "# " still starts a heading, which names a topic and is no evidence. Also where a chunk
boundary fell inside the code block. Invented baking, telescope and tide-table notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.units import units_of
from rag.chunk import Chunk

BAKING = {
    "sourdough.md": """# Sourdough scaling

I keep the recipe as a little script so the numbers stay consistent between bakes.

```python
flour = 1000
# hydration stays at 75% for every loaf, whatever the flour
water = flour * 0.75
# the levain is always 20% of the flour weight
levain = flour * 0.20
salt = flour * 0.02
```

## Schedule
Bulk ferment until the dough has grown by half.
""",
}


def _chunk(text: str, first: int = 1) -> Chunk:
    lines = text.split("\n")
    numbers = list(range(first, first + len(lines)))
    return Chunk(id=0, file="scope.md", start_line=numbers[0], end_line=numbers[-1], heading="Telescope",
                 text=text, hash="h", line_numbers=numbers)


def test_a_comment_inside_a_code_fence_is_evidence_and_a_heading_outside_is_not():
    text = "# Collimation\n\n```bash\n# the primary mirror is adjusted last, never first\nscope --align secondary\n```"
    quotes = {u.quote for u in units_of(_chunk(text))}
    assert "the primary mirror is adjusted last, never first" in quotes
    assert "Collimation" not in quotes and not any("Collimation" == q.strip("# ") for q in quotes)


def test_a_tilde_fence_counts_and_a_heading_after_the_fence_closes_is_a_heading_again():
    text = "~~~\n# slack water lasts about twenty minutes here\n~~~\n# High water times\nHigh water is at noon"
    quotes = {u.quote for u in units_of(_chunk(text))}
    assert "slack water lasts about twenty minutes here" in quotes
    assert not any("High water times" in q for q in quotes)


def test_a_chunk_cut_inside_a_code_block_knows_it_starts_inside_one():
    note = ["# Telescope", "", "```bash", "scope --cool 30", "# let the mirror cool for thirty minutes first",
            "scope --align", "```"]
    chunk = _chunk("\n".join(note[4:]), first=5)  # the chunk starts at the comment, inside the fence
    quotes = {u.quote for u in units_of(chunk, lambda file: note)}
    assert "let the mirror cool for thirty minutes first" in quotes


def test_a_question_answered_by_a_code_comment_quotes_it(tmp_path):
    answer = _ask_notes(tmp_path, BAKING, "what hydration does the sourdough script use")
    assert "75%" in answer.answer, answer.answer
    assert any("hydration stays at 75%" in c.quote for c in answer.citations), answer.citations
