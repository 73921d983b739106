"""Turn a follow-up ("and the maximum?") plus the previous question into a standalone question."""

from __future__ import annotations

import re

from ..text import terms

_CONNECTOR = re.compile(r"^\s*(?:and|but|also|or|so|then|ok|okay)?\s*(?:what|how)\s+about\s+|^\s*(?:and|but|also|or|so|then)\s+", re.I)
_PRONOUN = re.compile(r"\b(it|its|it's|that|this|they|them|those|these|there|one)\b", re.I)
_SWAP = ["default", "maximum", "minimum", "max", "min"]
MAX_CHARS = 1000  # a rewritten follow-up is capped like a typed question (rag.answer.cleaning.MAX_QUESTION_CHARS)


def is_follow_up(question: str) -> bool:
    if _CONNECTOR.match(question):
        return True
    content = terms(question, drop_generic=True)
    return len(content) == 0 or (len(content) <= 2 and bool(_PRONOUN.search(question)))


def condense(question: str, previous: list[str]) -> str:
    """Standalone form of ``question`` given earlier standalone questions (most recent last), at most MAX_CHARS."""
    if not previous or not is_follow_up(question):
        return question
    prev = previous[-1].strip().rstrip("?")[: MAX_CHARS - 8]  # room for a swapped word ("max" -> "maximum")
    core = _CONNECTOR.sub("", question).strip().rstrip("?").strip()
    core_words = set(core.lower().split())
    # "and the maximum?" after "what's the default retention?" -> "what's the maximum retention?"
    for new in _SWAP:
        if new in core_words:
            for old in _SWAP:
                if old == new:
                    continue
                # "retained by default" -> "retained at most"; "the default stay" -> "the maximum stay"
                adverb = {"maximum": "at most", "max": "at most", "minimum": "at least", "min": "at least"}.get(new, "by default")
                if re.search(rf"\bby {old}\b", prev, re.I):
                    return re.sub(rf"\bby {old}\b", adverb, prev, count=1, flags=re.I) + "?"
                if re.search(rf"\b{old}\b", prev, re.I):
                    return re.sub(rf"\b{old}\b", new, prev, count=1, flags=re.I) + "?"
    if not core:
        return prev[: MAX_CHARS - 1] + "?"
    core = core[: MAX_CHARS // 2]
    return f"{core} ({prev[: MAX_CHARS - len(core) - 4]})?"

