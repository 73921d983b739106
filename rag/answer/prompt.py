"""What the model is told (SYSTEM_PROMPT), and the check that a sentence it wrote only echoes that telling
(an obeyed injection), which is not worth showing. Kept apart from rag.answer.engine, which runs the steps."""

from __future__ import annotations

from ..text import terms

SYSTEM_PROMPT = (
    "You answer questions using only the numbered sources from the user's notes. "
    "Answer in one or two short sentences. Put the source number in brackets, like [1], after each sentence. "
    "If the sources do not contain the answer, say: I can't find that in your notes."
)


def echoes_instructions(sentence: str) -> bool:
    """A sentence that mostly repeats our own instructions (an obeyed injection) is not worth showing."""
    mine = set(terms(SYSTEM_PROMPT))
    said = terms(sentence)
    return bool(said) and sum(t in mine for t in said) / len(said) > 0.6
