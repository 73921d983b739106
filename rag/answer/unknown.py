"""Words the notes never use: a question whose content words the notes never say, or that names something
beside a name the notes use, asks of what they do not cover (two of rag.answer.gate's checks, kept apart here)."""

from __future__ import annotations

import re

from ..text import STOPWORDS, stem
from .intent import Intent
from .phrasing import content_words, light_terms
from .policy import questions as Q
from .policy import DEFAULT, Policy
from .sameword import initialled, kin_in_notes, named_by_symbol
from .vocab import Vocabulary


def unknown_words(intent: Intent, vocab: Vocabulary, excused: frozenset[str] = frozenset(), policy: Policy = DEFAULT
                  ) -> list[str]:
    """The question's content words that never occur in the notes (after spelling correction). A word that
    frames what is asked ("another word for", "what does it cost") is none: notes that never say "cost"
    may still give the price; it still counts among the content words its share is taken of. Nor is a word
    whose initials, with its neighbours', spell a word of the notes (rag.answer.sameword.initialled), one a
    symbol of the notes names ("the hull speed Vh"), the question's verb (``excused``: notes
    that never say "simplify" may give what Vh simplifies to), or a word the notes hold in another form
    or by a synonym of the policy's table (:func:`kin_in_notes`)."""
    spelled = initialled(intent.question, vocab.stems)  # "personal flotation devices" where the notes say "PFD"
    spelled |= named_by_symbol(intent.question, vocab.stems)
    return [w for w in content_words(intent.question) if not w.isdigit() and w not in Q.FRAMING_WORDS
            and not vocab.knows(w) and stem(w) not in spelled and stem(w) not in excused
            and not kin_in_notes(w, vocab, policy)]


# a word as the gate reads it: a contraction or a possessive stays one word ("isn't" is never "isn")
_TOKEN = re.compile(r"[A-Za-z][\w-]*(?:['’][A-Za-z]+)*")


def unknown_name(intent: Intent, vocab: Vocabulary, policy: Policy = DEFAULT) -> str | None:
    """ "Mira Okafor" in notes that name "Mira" but never "Okafor": a word the notes never use, next to one
    they use as a name, names something they do not cover. A light word ("the Kraken every year",
    rag.answer.phrasing.light_terms) names nothing."""
    tokens = [w.lower() for w in _TOKEN.findall(intent.question)]
    light = light_terms(intent.question, policy)
    for a, b in zip(tokens, tokens[1:]):
        for name, other in ((a, b), (b, a)):
            if (name in vocab.names and other not in STOPWORDS and len(other) > 2 and not vocab.knows(other)
                    and stem(other) not in light and not kin_in_notes(other, vocab, policy)):
                return f"{a} {b}"
    return None
