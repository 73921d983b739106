"""A question naming what a thing replaces ("... has a hash in it instead of a name") is answered by a line saying
"instead" with the replaced thing left unsaid ("if it shows a hash instead, ..."): English drops the "of X" once
the contrast is clear, so that line speaks of X. A line naming its own "instead of Y" does not."""

from __future__ import annotations

import re

from ..text import terms
from .policy import DEFAULT, Policy, questions as Q


def elided_alternative(question: str, line: str, policy: Policy = DEFAULT) -> set[str]:
    """The stemmed words of the question's "instead of X" (policy.questions.INSTEAD_OF) that ``line`` speaks of by
    its bare "instead" (policy.questions.BARE_INSTEAD); empty when either is missing (knob elided_alternative)."""
    if not policy.elided_alternative:
        return set()
    asked = Q.INSTEAD_OF.search(question)
    if not asked or not Q.BARE_INSTEAD.search(line):
        return set()
    return set(terms(asked.group(1)))
