"""A "who" answer quoting a list item that names no one, under a label item ("**OPEN DAY**" over "  - Not a race,
just an open day" and "  - _Crews, Judges, Families_"): the label is the subject of every line under it, so the
line naming people is the quoted line's sibling. The quote is widened to the label with its lines (as the composer
quotes a label's block), when a sibling names someone (rag.answer.quoted.names_in); the engine asks after composing."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ..markup import LIST_ITEM, depth, item_text
from ..text import strip_markup
from .compose import Shown
from .intent import Intent
from .policy import Policy
from .quoted import names_in, requote
from .verify import Citation

if TYPE_CHECKING:
    from .vocab import Vocabulary

_LOWER = re.compile(r"[a-z]")


def _label(line: str) -> bool:
    """A list item that labels the lines under it: its text all bold ("**OPEN DAY**") or written in capitals."""
    text = item_text(line)
    return bool(text) and (bool(re.fullmatch(r"\*\*[^*]+\*\*:?", text)) or not _LOWER.search(strip_markup(text)))


def _block(lines: list[str], number: int, most: int) -> tuple[int, int] | None:
    """The label item line ``number`` (1-based) hangs under and the last line of that label's block, or None: the
    line a list item, its parent a label, the block (label included) at most ``most`` lines."""
    if not 0 < number <= len(lines) or not LIST_ITEM.match(lines[number - 1]):
        return None
    parent = number - 1
    while parent > 0 and lines[parent - 1].strip() and depth(lines[parent - 1]) >= depth(lines[number - 1]):
        parent -= 1
    if parent < 1 or not lines[parent - 1].strip() or not LIST_ITEM.match(lines[parent - 1]) or not _label(
            lines[parent - 1]):
        return None
    last = parent
    while last < len(lines) and lines[last].strip() and depth(lines[last]) > depth(lines[parent - 1]):
        last += 1
    return (parent, last) if last - parent + 1 <= most else None


def with_named_sibling(intent: Intent, citations: list[Citation], shown: list[Shown],
                       lines_of: Callable[[str], list[str]], vocab: Vocabulary, policy: Policy) -> list[Citation] | None:
    """The citations with the first list item whose label block holds a sibling line naming someone widened to
    that block (the shown sentences quoting it rewritten in place), or None when none is. Only for a "who"
    question, one part, no comparison."""
    if not (policy.who_sibling_block_max_lines and intent.who) or intent.parts or intent.comparison:
        return None
    for i, c in enumerate(citations):
        lines = lines_of(c.file)
        span = _block(lines, c.start_line, policy.who_sibling_block_max_lines)
        if span is None or c.end_line > span[1]:
            continue
        first, last = span
        siblings = [n for n in range(first + 1, last + 1) if not c.start_line <= n <= c.end_line]
        if not any(names_in(intent, Citation(0, c.file, n, n, item_text(lines[n - 1]), c.heading), vocab, policy)
                   for n in siblings):
            continue
        quote = "\n".join([item_text(lines[first - 1])] + [line.rstrip() for line in lines[first: last]])
        return citations[:i] + [requote(shown, c, first, last, quote)] + citations[i + 1:]
    return None

