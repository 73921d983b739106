"""A heading that restates the question: notes of how-to sections title each with the task it solves ("## Strip
pattern from end of string"); a question holding every key word of such a title in the title's order asks that
section's task, so lines under other titles sharing most of its words ("Strip pattern from start of string") or all
of them in another order ("Convert an RGB color to hex" for "convert a hex color to rgb") weigh less."""

from __future__ import annotations

import re

from ..text import terms


def title_terms(heading: str) -> list[str]:
    """The stemmed words of a heading path's last title, in order (hyphened words also split)."""
    name = heading.split(" > ")[-1]
    return terms(re.sub(r"[-/_]", " ", name))


def restated(key: list[str], heading: str, forms: dict[str, set[str]], min_terms: int) -> bool:
    """Whether the title ``heading`` ends with holds the question's ``key`` terms (each, or a form of it), in the
    question's order, with at least ``min_terms`` of them: a one- or two-word title ("## Knots") is a topic, not a
    task the question restates."""
    asked = list(dict.fromkeys(key))
    if len(asked) < min_terms:
        return False
    said, at = title_terms(heading), 0
    for term in asked:
        ok = {term} | forms.get(term, set())
        found = next((i for i in range(at, len(said)) if said[i] in ok), None)
        if found is None:
            return False
        at = found + 1
    return True


def restating_factors(key: list[str], headings: list[str], forms: dict[str, set[str]], min_terms: int,
                      other: float) -> list[float]:
    """Each unit's score factor: 1.0 under a title restating the question, ``other`` under any other title when
    some title does; all 1.0 when none does (the question restates no section's task)."""
    memo: dict[str, bool] = {}  # units share headings: each title is read once
    for h in headings:
        if h and h not in memo:
            memo[h] = restated(key, h, forms, min_terms)
    hit = [memo.get(h, False) for h in headings]
    if not any(hit):
        return [1.0] * len(headings)
    return [1.0 if h else other for h in hit]
