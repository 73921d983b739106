"""A prose lead-in ending in ":" is quoted with the code blocks it announces (rag.answer.follows.code_under): one
long block right under it, or several blocks each under a short label of its own. Invented stage-lighting and
loom notes; with policy.code_under_lead_in off the lead-in is quoted alone."""

from __future__ import annotations

from rag.answer.blocks import block
from rag.answer.evidence import Unit
from rag.answer.follows import code_under
from rag.answer.policy import Policy

CUES = """# Lighting the second act

Save the cue list to the console, so the file holds both washes and the follow spot:

Washes:

```yaml
washes:
- name: amber
  level: 70
```

Follow spot:

```yaml
spot:
  iris: 40
  colour: open white
```

The stage manager calls the cues from the prompt desk.
""".split("\n")

LOOM = ["# Threading the loom", "", "Set the tie-up like this before weaving the twill:", "", "```ini"] + [
    f"treadle{n} = shafts {n} and {n % 4 + 1}" for n in range(1, 15)] + ["```", "", "Weave a header first.", ""]

PROSE = """# Tuning

Tune the harp in this order:

Start with the C strings, then the G strings.
""".split("\n")


def _unit(lines: list[str], number: int) -> Unit:
    return Unit("notes.md", number, lines[number - 1], "", chunk_id=0)


def test_lead_in_over_labelled_blocks_is_quoted_with_all_of_them():
    unit = _unit(CUES, 3)
    on, start, end = block(unit, CUES, False, Policy())
    assert "level: 70" in on and "iris: 40" in on and (start, end) == (3, 18)
    assert "stage manager" not in on  # the prose after the blocks is not announced
    off, _, end_off = block(unit, CUES, False, Policy(code_under_lead_in=False))
    assert "iris: 40" not in off and end_off == 3


def test_lead_in_over_a_long_block_is_quoted_with_it():
    unit = _unit(LOOM, 3)
    on, start, end = block(unit, LOOM, False, Policy())
    assert "treadle14 = shafts 14 and 3" in on and (start, end) == (3, 19)
    off, _, _ = block(unit, LOOM, False, Policy(code_under_lead_in=False))
    assert "treadle14" not in off


def test_code_under_leaves_other_lines_and_long_blocks():
    assert code_under(PROSE, 3, Policy()) is None  # prose follows the lead-in, not a block
    assert code_under(CUES, 21, Policy()) is None  # the line does not end in ":"
    assert code_under(LOOM, 3, Policy(code_lead_in_max_lines=10)) is None  # the block ends too far below
    assert code_under(CUES, 3, Policy(code_lead_in_max_lines=12)) == 10  # only the first labelled block fits
    assert code_under(CUES, 3, Policy(formula_blank_lines=0)) is None  # a blank line too many
