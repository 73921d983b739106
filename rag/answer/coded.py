"""A subject naming a code written with digits ("how many days does lab 2b3 open", "does route 66 close") is still
the subject of the verb after it. The digits break the run of words that rag.answer.phrasing reads as the subject,
so the verb went unread and a line stating the value in the notes' own words ("Lab 2B3: 12 days per term") was
refused for not saying "open"."""

from __future__ import annotations

from ..text import stem
from .amount import value_cue
from .intent import Intent
from .phrasing import _TOKEN, _a_thing, _content, _verb_after_subject
from .policy import DEFAULT, Policy, questions as Q
from .vocab import Vocabulary


def coded_subject_verb(intent: Intent, vocab: Vocabulary, policy: Policy = DEFAULT) -> frozenset[str]:
    """The stem of the question's verb after an auxiliary and a subject holding a number between two of its words
    (knob Policy.coded_subject_verb), read as rag.answer.phrasing reads a verb with the number (and a letter glued to
    it: "4b") left out of the subject; empty when the subject holds none, or for a question asking the point or
    date of an event, whose verb names that event."""
    if not policy.coded_subject_verb or Q.AT_POINT.match(intent.question) or Q.EVENT_DATE.match(intent.question):
        return frozenset()
    tokens = [t.lower() for t in _TOKEN.findall(intent.question)]
    if policy.light_words:
        tokens = [t for t in tokens if t not in Q.LIGHT_WORDS]
    inner: set[int] = set()
    for i in range(1, len(tokens) - 1):
        glued = i + 1 + (len(tokens[i + 1]) == 1)  # "4b" is read as "4" and "b"
        if tokens[i][0].isdigit() and _content(tokens[i - 1]) and glued < len(tokens) and _content(tokens[glued]):
            inner |= set(range(i, glued))
    if not inner:
        return frozenset()
    cue = {stem(w) for w in _TOKEN.findall(value_cue(intent.question).lower())}
    found = _verb_after_subject([t for i, t in enumerate(tokens) if i not in inner], vocab, policy.verb_frames)
    return frozenset(stem(w) for w in found
                     if stem(w) in set(intent.asked_terms) and stem(w) not in cue and not _a_thing(w, vocab))
