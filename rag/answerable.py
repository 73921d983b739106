"""Decide whether the retrieved notes can answer a question at all, before asking the model.

Two checks beyond retrieval scores, both general: a question that names a service the notes never
mention ("Amazon Neptune") cannot be answered from them, and a question that asks for an amount of a
kind (a duration, a size, a price, a percentage, a count) needs a relevant note sentence that states
an amount of that kind.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .evidence import Unit

_NUMBER_WORDS = r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|hundred|thousand|million|unlimited)"
_TIME = re.compile(rf"(?i){_NUMBER_WORDS}\s*-?\s*(?:to\s+\S+\s+)?(?:ms|milli\w*|sec\w*|s\b|min\w*|mins?|hours?|hrs?|h\b|days?|weeks?|months?|years?|yrs?)|\b(?:never|indefinite\w*|forever)\b")
_SIZE = re.compile(rf"(?i){_NUMBER_WORDS}\s*(?:bytes?|[kmgtp]i?b\b|[kmgtp]b/?s?\b|kilobytes?|megabytes?|gigabytes?|terabytes?|characters|chars)")
_MONEY = re.compile(r"(?i)\$\s?\d|\d\s?(?:usd|cents?)\b|\bfree\b")
_PERCENT = re.compile(rf"(?i){_NUMBER_WORDS}\s*(?:%|percent)")
_COUNT = re.compile(rf"(?i){_NUMBER_WORDS}|\b(?:unlimited|no limit)\b")

# (question pattern, what a supporting sentence must contain). First match wins.
EXPECTATIONS = [
    (re.compile(r"(?i)\b(cost|costs|price|pricing|priced|charge[sd]?|how much (?:do|does|is|are|will)\b.*\b(pay|cost|charge))"), _MONEY, "a price"),
    (re.compile(r"(?i)\b(percent|percentage|sla)\b|%"), _PERCENT, "a percentage"),
    (re.compile(r"(?i)\b(how long|duration|how far back|retention|retain(?:ed)?|expir\w*|ttl|how many (?:days|hours|minutes|seconds|years))\b"), _TIME, "a duration"),
    (re.compile(r"(?i)\b(how (?:big|large)|size|payload|how much (?:data|storage|memory))\b"), _SIZE, "a size"),
    (re.compile(r"(?i)\b(how many|number of|limit on|max(?:imum)? number)\b"), _COUNT, "a number"),
]
_SERVICE = re.compile(r"(?i)\b(?:aws|amazon)\s+([a-z][\w-]*)(?:\s+([a-z][\w-]*))?")
_SERVICE_STOP = {"is", "a", "an", "the", "and", "or", "vs", "for", "in", "on", "of", "to", "with", "do", "does", "used",
                 "what", "how", "service", "services", "account", "accounts", "use", "console", "cli", "sdk"}


def expected_kind(question: str):
    for pattern, need, label in EXPECTATIONS:
        if pattern.search(question):
            return need, label
    return None, None


def unknown_service(question: str, vocabulary: dict) -> str | None:
    """'amazon neptune' when 'neptune' never occurs in the notes; None when every named word does."""
    for match in _SERVICE.finditer(question):
        for word in match.groups():
            if not word or word.lower() in _SERVICE_STOP:
                break
            if word.lower() not in vocabulary:
                return match.group(0)
    return None


def check(question: str, ranked: list[Unit], vocabulary: dict, min_coverage: float = 0.1) -> str | None:
    """Why the notes cannot answer ``question`` (a short reason), or None when they may."""
    service = unknown_service(question, vocabulary)
    if service:
        return f"the notes never mention {service!r}"
    need, label = expected_kind(question)
    if need is None:
        return None
    for unit in ranked[:24]:
        if unit.coverage >= min_coverage and need.search(unit.quote):
            return None
    return f"no relevant sentence states {label}"
