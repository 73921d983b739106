"""A note line's sentences (rag.text.split_sentences), rejoined where a split fell after an abbreviation that
never ends a sentence ("(e.g., 20 kg vs. 10 kg) hold in stronger winds" is one sentence, not two)."""

from __future__ import annotations

from ..text import split_sentences
from .policy import notes as N
from .policy import DEFAULT, Policy


def sentences(text: str, policy: Policy = DEFAULT) -> list[str]:
    """``text``'s sentences; one ending in an abbreviation of N.NEVER_ENDS_SENTENCE is read with the next, joined as
    ``text`` writes them (each is an exact span of ``text`` when the split ones were), when
    ``policy.join_after_abbreviations``."""
    parts = split_sentences(text)
    if not policy.join_after_abbreviations:
        return parts
    out: list[str] = []
    for part in parts:
        if out and N.NEVER_ENDS_SENTENCE.search(out[-1]):
            begin = text.find(out[-1])
            end = text.find(part, begin + len(out[-1])) if begin >= 0 else -1
            out[-1] = text[begin:end + len(part)] if begin >= 0 and end >= 0 else f"{out[-1]} {part}"
        else:
            out.append(part)
    return out
