"""A question that asks two things ("what is X and how does Y work", "min and max part size"), split into its parts."""

from __future__ import annotations

import re

from ..text import terms
from .amount import bound_of
from .policy import questions as Q, values as V


def parts_of(question: str) -> tuple[str, ...]:
    """ "what is X and how does Y work" -> ("what is X", "how does Y work"); () for a one-part question.
    Two bounds of one value are two parts: "X default retention and max" -> ("X default retention",
    "X max retention")."""
    bounds = V.TWO_BOUNDS.search(question)
    head, tail = (question[: bounds.start()], question[bounds.end():]) if bounds else ("", "")
    # one value with two bounds: "min and max part size" or "default retention and max"; "min part size
    # + max parts" asks two values, each with its own noun (split below)
    if bounds and bound_of(bounds.group(1)) != bound_of(bounds.group(3)) and (
            not bounds.group(2).strip() or not tail.strip(" ?.")):
        return tuple(" ".join(f"{head}{b}{bounds.group(2)}{tail}".split()).strip(" ,?")
                     for b in (bounds.group(1), bounds.group(3)))
    two = Q.TWO_DEFINITIONS.match(question)
    if two:
        return tuple(f"{two.group(1)}{thing}".strip() for thing in (two.group(2), two.group(3)))
    pieces = [p.strip(" ,?") for p in Q.TWO_PARTS.split(question) if p and p.strip(" ,?")]
    # a later part naming only another bound ("..., and how long at most") asks the first part's value at it
    pieces = [_at_bound(pieces[0], p) if i and bound_of(p) and not terms(p, drop_generic=True) else p
              for i, p in enumerate(pieces)]
    pieces = [p for p in pieces if len(terms(p, drop_generic=True)) >= 1]
    return tuple(pieces) if len(pieces) >= 2 else ()


def _at_bound(first: str, later: str) -> str:
    """The first part asked at the later part's bound: ("how long is X moored by default", "how long at most")
    -> "how long is X moored at most"."""
    bound = V.BOUND_WORDS[bound_of(later)].search(later).group(0)
    own = bound_of(first)
    base = re.sub(rf"(?i)(?:\bby\s+)?{V.BOUND_WORDS[own].pattern.removeprefix('(?i)')}", "", first) if own else first
    return " ".join(f"{base} {bound}".split())
