"""A comparison of two options written only in code blocks ("oven -k" vs "oven -x") is answered, for each side, by
the prose line introducing its block ("To keep the loaves warm after baking:"), quoted with the block
(rag.answer.sides.lead_in); and a chunk writing an option the question names is gathered though BM25 reads no
option (rag.answer.gather.flag_chunks). Invented bread-oven notes."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

from test_compose import _ask_notes

from rag.answer.gather import flag_chunks
from rag.answer.policy import DEFAULT, notes as N

NOTES = {
    "oven.md": """# Proving oven

## Ending a bake

By default, `oven stop` switches every element off. To keep the loaves warm after baking:

```bash
oven stop --keep-warm
# or shorter:
oven stop -k
```

To also vent the steam out of the chamber (rarely needed):

```bash
oven stop --vent
# or shorter:
oven stop -x
```
""",
}

QUESTION = "what's the difference between oven stop -k and oven stop -x"


def test_each_side_is_its_blocks_lead_in(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, QUESTION)
    assert not answer.refused, answer.reason
    assert "keep the loaves warm" in answer.answer and "vent the steam" in answer.answer, answer.answer


def test_with_the_rule_off_the_code_lines_answer(tmp_path, monkeypatch):
    monkeypatch.setattr(N, "CODE_SIDE_LEAD_IN", False)  # the mechanism off
    answer = _ask_notes(tmp_path, NOTES, QUESTION)
    assert "keep the loaves warm" not in answer.answer or "vent the steam" not in answer.answer, answer.answer


def _chunk(n: int, text: str):
    return SimpleNamespace(id=n, text=text)


def test_chunks_writing_an_asked_flag_are_gathered():
    chunks = [_chunk(0, "knead the dough"), _chunk(1, "oven stop -k"), _chunk(2, "oven stop -x\noven stop -k")]
    assert [c.id for c in flag_chunks("oven stop -k vs -x", [chunks[0]], chunks)] == [2, 1]
    assert flag_chunks("oven stop -k vs -x", [chunks[0]], chunks, dataclasses.replace(DEFAULT, flag_chunks=0)) == []
    assert flag_chunks("how do I stop the oven", [], chunks) == []
