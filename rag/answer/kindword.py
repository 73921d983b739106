"""The word a line writes before a kind's head ("an *oral* lease"), read by the gate's contrast check
(rag.answer.gate.contrasted): a near miss names another kind of the asked thing in that place."""

from __future__ import annotations

from ..text import STOPWORDS, stem
from .unknown import _TOKEN


def word_before(sentence: str, head: str, form: str | None = None) -> str | None:
    """The content word right before the first word of ``sentence`` whose stem is ``head`` (and, given ``form``, that
    is ``form`` or its plural)."""
    found = _TOKEN.findall(sentence)
    for before, word in zip(found, found[1:]):
        if stem(word.lower()) == head and before.lower() not in STOPWORDS and len(before) > 2 and (
                form is None or word.lower() in (form.lower(), form.lower() + "s", form.lower() + "es")):
            return before.lower()
    return None
