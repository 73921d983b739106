"""The subject a line speaks of, when only its heading names it: notes list what someone or something did
under a heading naming them ("### Marie Curie" > "- Isolated radium"), so the line never says who. A question
asking who, or which one of a kind ("who isolated radium", "which chemist isolated radium"), is answered by that
heading, so the quote is shown under it: "Marie Curie: “Isolated radium”" (the citation's heading, which the
verifier already counts as the line's words). A heading the question or the line says already adds nothing."""

from __future__ import annotations

from ..text import terms, words
from .intent import Intent
from .policy import questions as Q, values as V
from .policy import DEFAULT, Policy


def asks_one_named(intent: Intent) -> bool:
    """The question asks for one named thing: "who ...", or "which <singular noun> ..." (not "which of", not a
    plural, which asks a list), and is no comparison nor list."""
    if intent.comparison or intent.wants_list:
        return False
    if intent.who:
        return True
    match = Q.WHICH_ONE.match(intent.question)
    return bool(match) and not Q.PLURAL_NOUN.match(match.group(1))


def reads_as_a_name(heading: str) -> bool:
    """A heading that reads as a name: every word capitalised or a number ("Marie Curie", "Henry VIII",
    "Hale-Bopp"), its last word no plural ("General Notes", "Side effects" and "Chapter 3 questions" are topics
    a section is about, not someone or something its lines speak of)."""
    tokens = heading.split()
    if not tokens or Q.PLURAL_NOUN.match(tokens[-1]):
        return False
    return all(t[0].isupper() or t[0].isdigit() for t in tokens if t[0].isalnum())


def heading_subject(intent: Intent, heading: str, quote: str, policy: Policy = DEFAULT) -> str:
    """The label ("Marie Curie: ") to show before a quoted line whose subject only its heading names, or "":
    the question asks for a name, the line's own heading (the last of its path) is a short name of at most
    ``policy.subject_heading_max_words`` words, and neither the question nor the quoted text speaks of it."""
    if not policy.subject_heading_max_words or not heading or not asks_one_named(intent):
        return ""
    name = heading.split(" > ")[-1].strip()
    own = set(terms(name))
    if not own or not 0 < len(words(name)) <= policy.subject_heading_max_words or not reads_as_a_name(name):
        return ""
    if own & set(terms(intent.question)) or own & set(terms(quote)):
        return ""
    return f"{name}: "


def slot_label(intent: Intent, context: str, quote: str, policy: Policy = DEFAULT) -> str:
    """The label ("Week 7: ") to show before a quoted line a question asking when (policy.questions.ASKS_SLOT) is
    answered by, when the line states no time of its own and the nearest slot of a schedule in its context
    (headings and parent lines: "Week 7", policy.values.SLOT) does; "" otherwise."""
    if not policy.slot_label or not Q.ASKS_SLOT.search(intent.question) or intent.parts or intent.comparison:
        return ""
    if V.SLOT.search(quote) or V.VALUE_PATTERNS["date"].search(quote):
        return ""
    found = V.SLOT.findall(context)
    return f"{found[-1]}: " if found else ""


def subject_label(intent: Intent, unit, quote: str, policy: Policy = DEFAULT) -> str:
    """The label shown before a quoted line: the heading naming its subject (:func:`heading_subject`), or the slot
    of a schedule it falls in (:func:`slot_label`)."""
    return (heading_subject(intent, unit.heading, quote, policy)
            or slot_label(intent, f"{unit.heading} {unit.context}", quote, policy))
