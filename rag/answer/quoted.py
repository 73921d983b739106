"""What the quoted lines themselves hold: the gate finds some relevant line holding the kind of answer asked (a
person for "who", a value for "how much"), but the composer may quote others; an answer whose every quoted line
lacks what was asked answers nothing, and is refused (rag.answer.engine asks after composing)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, stem, terms
from .intent import Intent
from .policy import DEFAULT, Policy
from .sameword import stands_for
from .who import heading_names, line_names

if TYPE_CHECKING:
    from .verify import Citation
    from .vocab import Vocabulary

# a table row's cell opens like a sentence ("| Tidal bore | Water rises ..."): its first word names no one
_CELL = re.compile(r"\s*\|\s*")
_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?([A-Za-z][\w-]+)")


def names_in(intent: Intent, citation: Citation, vocab: Vocabulary) -> set[str]:
    """The words of a quoted line, or of the headings over it, that may name someone. Each cell of a row opens
    like a sentence; a heading's word names someone only as a name of the notes (:func:`_named`), and neither the
    note's title over deeper headings ("Harbour Notes > Week 2") nor a row's column names ("Term | Meaning") do:
    they label the notes."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", intent.question)}
    quote = _CELL.sub(". ", citation.quote).strip(". ")
    parts = (citation.heading or "").split(" > ")
    headed = {w for i, part in enumerate(parts) if "|" not in part and (i or len(parts) == 1)
              for w in heading_names(part, asked, i == 0) if _named(w, vocab)}
    # a line's first word, or a sentence's, names someone when the notes never write it in lower case ("Okafor
    # was the first ..."); an agent after "by" not asked ("set by the harbour board") names who
    opening = {w for w in (w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", quote)) if _named(w, vocab)}
    agents = {w.lower() for w in _AGENT.findall(quote)} - asked - STOPWORDS
    return line_names(quote, asked) | (opening - asked) | agents | headed


def _named(word: str, vocab: Vocabulary) -> bool:
    """A word the notes never write in lower case, in any form: the notes' common nouns ("notes", "terms") turn up
    in lower case somewhere, a person's name does not. (The notes' mostly-capitalised words, vocab.names, are no
    guide here: a heading repeated in the text, "Week 3", makes "week" one.)"""
    return bool(vocab.lowered) and stem(word) not in vocab.lowered


def head_unsaid(intent: Intent, citations: list[Citation], missing: bool, policy: Policy = DEFAULT) -> str | None:
    """A comparison of two kinds of one thing ("salted or unsalted butter"), one kind said missing (``missing``),
    and no quoted line speaking of the thing itself: the other kind's quote is about something else ("salted
    fish"). Returns the thing, or None."""
    if not (policy.compared_head_quoted and missing and intent.comparison and intent.heads):
        return None
    head = intent.heads[-1][1]
    if head not in intent.compared:
        return None
    spoken = {t for c in citations for t in terms(f"{c.heading} {c.quote}")}
    return None if stands_for(head, spoken, policy) else intent.word_of(head)


def quotes_lack(intent: Intent, citations: list[Citation], vocab: Vocabulary, policy: Policy = DEFAULT,
                missing: bool = False) -> str | None:
    """Why the quoted lines answer nothing (a short reason), or None: a "who" question none of whose quoted lines
    (or their headings) names anyone (policy.who_quote_names). Two-part questions, comparisons and lists are left
    alone: a part may be answered by a block, a side by its table; a comparison with a side said ``missing`` needs a
    quoted line speaking of what both sides are kinds of (:func:`head_unsaid`)."""
    if citations and (thing := head_unsaid(intent, citations, missing, policy)):
        return f"no quoted line speaks of the {thing}"
    if not citations or intent.parts or intent.comparison or intent.wants_list:
        return None
    if policy.who_quote_names and intent.who and not any(names_in(intent, c, vocab) for c in citations):
        return "no quoted line names anyone"
    return None
