"""What a list's lines speak of beyond their heading: the label line heading the list, and an item's first sentence.

A label line heading a list ("Second stage:" over numbered steps) is what its items speak of, as a parent line is.

Notes split one section into runs of steps or items with a short plain-text label ending in a colon, written at
the list's own indent ("Spring checks:" / "1. Open the hive ..."), not as a heading and not as a parent line
the items are indented under. The items never repeat the label's words, so "what do I check in spring" found
no line speaking of spring. Each item of the list (and its wrapped lines) reads under the label, in its context
(rag.answer.units), until a heading or a new paragraph at the label's indent ends the list. A chunk cut inside
the list finds its label in the whole note (rag.answer.above).

A list item's later sentences act on what its first sentence sets up ("3. Mix the wax and the oil in a jar. Leave
the mixture for 2 days."): each reads under the first, as a wrapped line of a paragraph reads under its first line.
"""

from __future__ import annotations

from ..markup import HEADING_ANY_DASHES, ITEM_WITH_TEXT, LIST_ITEM, depth
from ..text import strip_markup
from .policy import notes as N


def label_text(raw: str) -> str:
    """The label a plain line makes ("Primary stage:" -> "Primary stage:"), or "" when it is none: a heading,
    a list item, or a line not ending in a colon or longer than policy.notes.LIST_LABEL_MAX_WORDS words."""
    if not raw.strip() or HEADING_ANY_DASHES.match(raw) or LIST_ITEM.match(raw):
        return ""
    text = strip_markup(raw).strip()
    return text if text.endswith(":") and len(text.split()) <= N.LIST_LABEL_MAX_WORDS else ""


def step(label: tuple[int, str] | None, raw: str) -> tuple[int, str] | None:
    """The label in force after line ``raw`` (None for none): a label line starts one, a heading ends it, and
    so does a plain line (not a list item) at the label's indent or left of it; list items and the lines
    wrapped under them keep it."""
    if not N.LIST_LABEL_READS_OVER_LIST or not raw.strip():
        return label
    text = label_text(raw)
    if text:
        return depth(raw), text
    if label is None or HEADING_ANY_DASHES.match(raw):
        return None
    if LIST_ITEM.match(raw) and depth(raw) >= label[0] or depth(raw) > label[0]:
        return label
    return None


def under(label: tuple[int, str] | None, raw: str) -> str:
    """The label a line of the list reads under ("" for the label line itself, or no label)."""
    return label[1] if label and not label_text(raw) else ""


def item_leads(raw: str, read: list[str], plain: list[str], led: bool = False) -> list[str]:
    """For each sentence ``read`` of line ``raw``, the first sentence of its list item when it is a later one read
    alone (in ``plain``, not joined to the one before it), else "" (policy.notes.ITEM_FIRST_SENTENCE_LEADS, cut to
    ITEM_LEAD_MAX_CHARS). ``led``: the line already reads under a lead (a paragraph's first line, a code block's)."""
    if led or not N.ITEM_FIRST_SENTENCE_LEADS or len(read) < 2 or not ITEM_WITH_TEXT.match(raw):
        return [""] * len(read)
    first = read[0][: N.ITEM_LEAD_MAX_CHARS]
    return [""] + [first if s in plain and s not in read[0] else "" for s in read[1:]]
