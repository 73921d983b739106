"""The means a how-to imposes ("how do I sort the jars by their date"): a line doing it otherwise (by their label)
does not do it that way, so when no best line speaks of that means the question is refused."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import stem
from .intent import Intent
from .policy import DEFAULT, Policy
from .policy import questions as Q

if TYPE_CHECKING:
    from .evidence import Unit


def unspoken_means(intent: Intent, ranked: list[Unit], spoken, policy: Policy = DEFAULT) -> str | None:
    """For a how-to imposing a means or key ("how do I sort the jars by their date", policy.questions.HOW_TO_MEANS):
    the noun when no best line speaks of it (``spoken(unit)``: the stemmed terms a line speaks of); None when one
    does, or the question imposes none."""
    match = Q.HOW_TO_MEANS.search(intent.question) if policy.means_must_be_spoken and intent.how_to else None
    if not match:
        return None
    noun = stem(match.group(1).lower())
    return None if any(noun in spoken(u) for u in ranked[: policy.kind_units]) else match.group(1).lower()
