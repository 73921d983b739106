"""A question naming a run of short keys ("what do r, w and x mean") is answered by the list keyed by them.

Notes explain a set of keys, letters or flags as a list whose items open with the key written as code ("- `r` –
read the file", "- `w` – write it"). The keys are too short to be words the ranking weighs, so the list's lead-in
and the block above it rank first and say nothing of each key. When two or more keys of the question's run open
items of one list, each such item answers (rag.answer.engine, as the label lines asked). Never decides whether to answer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from .policy import DEFAULT, Policy, notes as N

if TYPE_CHECKING:
    from .intent import Intent
    from .units import Unit


def asked_keys(question: str) -> list[str]:
    """The keys of a question's run of short keys joined by commas and a last "and"/"or" ("y, n, s and q"); []
    when it has none (policy.notes.KEY_RUN)."""
    run = N.KEY_RUN.search(question)
    return [k.lower() for k in re.split(r"\s*,\s*|\s+(?:and|or)\s+", run.group(0).strip(" ,")) if k] if run else []


def keyed_items(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]],
                policy: Policy = DEFAULT) -> list[Unit]:
    """The items (one unit each, in the note's order) of a list whose items open with at least
    ``policy.keyed_items_min`` of the question's keys written as code, among the ranked lines: the answer quotes
    each, as it does the label lines asked (rag.answer.keys.label_items); [] when no list is keyed so."""
    keys = set(asked_keys(intent.question)) if policy.keyed_items_min else set()
    if len(keys) < max(policy.keyed_items_min, 2):
        return []
    by_file: dict[str, dict[int, Unit]] = {}
    for unit in ranked:  # best first: a line's best unit stands for it
        lines = note_lines(unit.file)
        if 0 < unit.line <= len(lines) and (key := N.CODE_KEY_ITEM.match(lines[unit.line - 1])) \
                and key.group(1).strip().lower() in keys:
            by_file.setdefault(unit.file, {}).setdefault(unit.line, unit)
    for items in by_file.values():
        if len(items) >= max(policy.keyed_items_min, 2):
            return [items[n] for n in sorted(items)]
    return []
