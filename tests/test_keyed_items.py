"""A question naming a run of short keys ("what do k, p and yo mean") is answered by the items of the list keyed by
them ("- `k` – knit the stitch"), each quoted, not by the lead-in and chart above the list that rank first
(rag.answer.keyed). Invented knitting-chart notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.keyed import asked_keys
from rag.answer.policy import DEFAULT

NOTES = {
    "chart.md": """# Reading a lace chart

## Chart symbols in the shawl pattern

Every row of the shawl pattern chart is read from right to left, and the pattern chart shows each stitch of the row:

```text
Row 1: k p yo k2tog k p
Row 2: p k p p k p
```

- `k` – knit the stitch
- `p` – purl it from the front
- `yo` – wrap the yarn over the needle, making a hole
- `ssk` – slip two, knit them together

This chart repeats every eight rows until the shawl reaches its width.
""",
}

QUESTION = "in the shawl pattern chart what do k, p and yo mean"


def _ask(tmp_path, policy):
    return _ask_notes(tmp_path, NOTES, QUESTION, policy)


def test_the_keyed_items_answer(tmp_path):
    answer = _ask(tmp_path, DEFAULT)
    assert not answer.refused, answer.reason
    for said in ("knit the stitch", "purl it from the front", "making a hole"):
        assert said in answer.answer, answer.answer


def test_with_the_rule_off_an_item_is_missed(tmp_path):
    answer = _ask(tmp_path, dataclasses.replace(DEFAULT, keyed_items_min=0))  # the mechanism off
    assert not all(s in answer.answer for s in ("knit the stitch", "purl it from the front", "making a hole"))


def test_a_run_of_short_keys_only():
    assert asked_keys("what do k, p and yo mean") == ["k", "p", "yo"]
    assert asked_keys("what do -a or -b do") == ["-a", "-b"]
    assert asked_keys("should I knit or purl the edge") == []
