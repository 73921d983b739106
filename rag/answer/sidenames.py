"""How the notes write a comparison side's name (rag.answer.sides): the question's words around the side's head word
that the notes also write right next to each other, within a phrase ("shore power", "hull speed estimate"). A
question's "teak deck oil vs linseed oil" names "teak deck oil" when a line writes those words together.
"""

from __future__ import annotations

import re

from ..text import terms, words
from .evidence import Unit

_PUNCTUATION = re.compile(r"[:;,.!?()\[\]=|]")


def word_pairs(units: list[Unit]) -> set[tuple[str, str]]:
    """The notes' adjacent word pairs, within a phrase: "PFD: fitting" labels a line, it does not name "PFD
    fitting"; "teak deck oil" names one."""
    pairs: set[tuple[str, str]] = set()
    for unit in units:
        for text in (part for whole in (unit.quote, unit.context) for part in _PUNCTUATION.split(whole)):
            # words right next to each other: "outside the handler" is a place, not a name "outside handler"
            said = [(terms(w) or [None])[0] for w in words(text)]
            pairs.update((a, b) for a, b in zip(said, said[1:]) if a and b)
    return pairs


def name_runs(found: tuple[list[str], list[str]], heads: list[str], pairs: set) -> list[list[str]]:
    """Each side's name as the notes write it: the question's words around the side's head that the notes
    also write next to each other ("shore power", "hull speed estimate")."""
    runs = []
    for own, head in zip(found, heads):
        if head not in own:
            runs.append([head])
            continue
        left = right = own.index(head)
        while left > 0 and (own[left - 1], own[left]) in pairs:
            left -= 1
        while right + 1 < len(own) and (own[right], own[right + 1]) in pairs:
            right += 1
        runs.append(own[left:right + 1])
    return runs
