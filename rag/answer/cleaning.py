"""A typed question made safe to answer: control characters and surplus blanks gone, a length cap, and a clear
error for a question with no words (every entry point checks it before loading a model or an index)."""

from __future__ import annotations

import re

from ..errors import QuestionError

MAX_QUESTION_CHARS = 1000  # a longer question is cut at the last word before this


def clean_question(question: str) -> str:
    """Strip control characters and excess whitespace; refuse questions with no words."""
    if question is None:
        raise QuestionError("the question is empty; type a question about your notes")
    text = str(question).encode("utf-8", "replace").decode("utf-8")  # lone surrogates from crafted input
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("the question is empty; type a question about your notes")
    if not re.search(r"\w", text):
        raise QuestionError("the question has no words in it; type a question about your notes")
    if len(text) > MAX_QUESTION_CHARS:
        text = text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0]
    return text
