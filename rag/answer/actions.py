"""Whether the notes tell the action a "how do I <verb> <thing>" question asks, or another action on that thing.

A how-to question's verb is excused as phrasing (rag.answer.phrasing: notes say "explain" for "look up"), so a
command under "## Remove a sail" would answer "how do I rebind a sail". But a heading in the imperative, a verb
then a determiner and the thing ("Remove a sail"), states which action the lines under it do: when it names the
asked thing and another verb, those lines do that other action, not the asked one.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, stem, terms
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy, questions as Q
from .sameword import stands_for

if TYPE_CHECKING:
    from .evidence import Unit

_IMPERATIVE = re.compile(rf"^\s*([A-Za-z][a-z]+)\s+(?:{'|'.join(sorted(Q.DETERMINERS))})\s+(.+)$", re.IGNORECASE)


def other_action(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT,
                 excused: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """(the asked verb, the heading naming another action) when the question asks how to do something, its verb
    (``excused``) stands nowhere in the best line, its headings or lead-in, and that line's own heading is an
    imperative on the asked thing with another verb ("Remove a sail" for "how do I rebind a sail"); None otherwise."""
    if not (policy.heading_names_the_action and intent.how_to and excused and ranked):
        return None
    best = ranked[0]
    said = spoken_terms(best)
    verbs = [t for t in excused if not stands_for(t, said, policy)]
    if not verbs:
        return None
    heading = best.heading.split(" > ")[-1] if best.heading else ""
    match = _IMPERATIVE.match(heading)
    if not match or match.group(1).lower() in STOPWORDS:
        return None
    verb, thing = stem(match.group(1).lower()), terms(match.group(2))
    asked = set(intent.asked_terms)
    if any(stands_for(v, {verb}, policy) for v in verbs) or not thing or not all(
            stands_for(t, asked, policy) for t in thing):
        return None
    return intent.word_of(verbs[0]), heading.strip()
