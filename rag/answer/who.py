"""Whether the notes name someone for a "who" question: a line naming a person or a body the question does not, and
for "who invented the X receiver", one that speaks of that kind of thing too (rag.answer.gate asks).

(A stricter reading of a name, a capitalised word the notes never write in lower case, refused a near miss on the
practice sets but was dropped: the held-out gate found it refusing two answerable "who" questions.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import stem
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy, values as V
from .sameword import stands_for

if TYPE_CHECKING:
    from .evidence import Unit


def names_someone(intent: Intent, unit: Unit) -> bool:
    """For a "who" question: the line, or its headings, names someone the question does not."""
    return intent.holds_name(unit.quote) or intent.holds_name(unit.context)


# a number before a noun ("the second judge", "the three sisters") names a position or a count, not a kind
_NUMBER_STEMS = frozenset(stem(w) for w in (*V.ORDINAL_WORDS, *V.COUNT_WORDS, "one"))


def kind_named(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> str | None:
    """A "who" question about one kind of a thing ("who invented the folding kayak") needs a line
    naming someone that speaks of both words of the kind, in itself or its headings: a name beside another kind
    ("a sea kayak"), or in a heading's date, is no answer. A number before a noun ("the second
    judge", "the three sisters") names a position or a count, checked apart (Intent.positions), not a kind.
    Returns the kind no naming line speaks of, or None."""
    if not (policy.who_names_the_kind and intent.who) or intent.parts or intent.comparison:
        return None
    kinds = [(m, h) for m, h in intent.heads if m not in _NUMBER_STEMS]
    naming = [spoken_terms(u) for u in ranked[: policy.kind_units] if names_someone(intent, u)]
    for modifier, head in kinds:
        if not any(stands_for(modifier, said, policy) and stands_for(head, said, policy) for said in naming):
            return f"{intent.word_of(modifier)} {intent.word_of(head)}"
    return None
