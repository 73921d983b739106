"""What the quoted lines themselves hold: the gate finds some relevant line holding the kind of answer asked (a
person for "who", a value for "how much"), but the composer may quote others; an answer whose every quoted line
lacks what was asked answers nothing, and is refused (rag.answer.engine asks after composing)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS
from .intent import Intent
from .policy import DEFAULT, Policy
from .who import heading_names, line_names

if TYPE_CHECKING:
    from .verify import Citation
    from .vocab import Vocabulary

# a table row's cell opens like a sentence ("| Tidal bore | Water rises ..."): its first word names no one
_CELL = re.compile(r"\s*\|\s*")
# a heading holding a number or a row's column names ("Week 2", "Term | Meaning") labels a part of the notes
_LABEL_HEADING = re.compile(r"\d|\|")
_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?([A-Za-z][\w-]+)")


def names_in(intent: Intent, citation: Citation, vocab: Vocabulary) -> set[str]:
    """The words of a quoted line, or of the headings over it, that may name someone. Each cell of a row opens
    like a sentence; a heading's word names someone only when the notes mostly write it capitalised mid-sentence
    (vocab.names): "Lecture Notes > Week 2" and a row's column names ("Term | Meaning") label, they name no one."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", intent.question)}
    quote = _CELL.sub(". ", citation.quote).strip(". ")
    parts = (citation.heading or "").split(" > ")
    headed = {w for i, part in enumerate(parts) if not _LABEL_HEADING.search(part) and (i or len(parts) == 1)
              for w in heading_names(part, asked, i == 0) if w in vocab.names}
    # a line's first word, or a sentence's, names someone when the notes mostly write it capitalised, or never in
    # lower case ("Okafor was the first ..."); an agent after "by" not asked ("set by the harbour board") names who
    opening = {w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", quote)}
    opening = {w for w in opening if w in vocab.names or (vocab.lowered and w not in vocab.lowered)}
    agents = {w.lower() for w in _AGENT.findall(quote)} - asked - STOPWORDS
    return line_names(quote, asked) | (opening - asked) | agents | headed


def quotes_lack(intent: Intent, citations: list[Citation], vocab: Vocabulary, policy: Policy = DEFAULT) -> str | None:
    """Why the quoted lines answer nothing (a short reason), or None: a "who" question none of whose quoted lines
    (or their headings) names anyone (policy.who_quote_names). Two-part questions, comparisons and lists are left
    alone: a part may be answered by a block, a side by its table."""
    if not citations or intent.parts or intent.comparison or intent.wants_list:
        return None
    if policy.who_quote_names and intent.who and not any(names_in(intent, c, vocab) for c in citations):
        return "no quoted line names anyone"
    return None
