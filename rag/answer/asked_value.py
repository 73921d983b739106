"""Values a question asks that a line must state of the asked thing, which the kind-of-value check does not see: a
version number ("which release added X") and the amount of a difference ("how much faster ... than"). Each
refuses a near miss whose notes speak of the thing but never give the value: a tool's notes that never say which
release added a command, or say a method is faster but not by how much. And the notes' subject word, which lines
leave unsaid, is not left unsaid by a line of a note that never speaks of it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from ..text import stem
from .evidence import spoken_terms
from .policy import DEFAULT, Policy
from .policy import values as V

if TYPE_CHECKING:
    from .evidence import Unit
    from .intent import Intent


def _plain(line: str) -> str:
    """The line without markup: "`bash` 4+" states "bash 4+"."""
    return line.replace("`", "").replace("*", "")


def version_unstated(intent: Intent, ranked: list[Unit], left_out: Callable[[Unit], list[str]],
                     policy: Policy = DEFAULT) -> str | None:
    """For a question asking a version (policy.values.VERSION_ASKED): the asked word ("version") when no best line
    holds a version number (VERSION_STATED) and speaks of everything else asked but policy.value_terms_unsaid
    terms (``left_out(unit)``: the asked terms a line leaves out); None when one does, or the question asks no version."""
    match = V.VERSION_ASKED.search(intent.question) if policy.version_must_be_stated else None
    if not match or intent.parts or intent.comparison:
        return None
    word = stem(match.group(1).lower())
    for unit in ranked[: policy.kind_units]:
        if V.VERSION_STATED.search(_plain(unit.quote)) and len(
                [t for t in left_out(unit) if stem(t) != word]) <= policy.value_terms_unsaid:
            return None
    return match.group(1).lower()


def difference_unstated(intent: Intent, ranked: list[Unit], left_out: Callable[[Unit], list[str]],
                        policy: Policy = DEFAULT) -> str | None:
    """For "how much faster is X than Y" (policy.values.DIFFERENCE_ASKED): the comparative when the best lines
    that say it or its plain form ("X is faster", "twice as fast") state no amount (a number, a multiple: DIFFERENCE_STATED) in a line speaking of what else is asked (but
    policy.value_terms_unsaid terms, ``left_out`` as for versions); None when one does,
    when none says it (other checks judge those), or the question asks no difference."""
    match = V.DIFFERENCE_ASKED.search(intent.question) if policy.difference_must_be_stated else None
    if not match or intent.parts:
        return None
    comparative = match.group(1).lower()
    said = re.compile(rf"(?i)\b(?:{'|'.join(map(re.escape, _plain_forms(comparative)))})(?:er|r|est|st)?\b")
    saying = [u for u in ranked[: policy.kind_units] if said.search(u.quote)]
    if saying and not any(V.DIFFERENCE_STATED.search(_plain(u.quote)) and len(
            [t for t in left_out(u) if not said.fullmatch(t)]) <= policy.value_terms_unsaid for u in saying):
        return comparative
    return None


def _plain_forms(comparative: str) -> list[str]:
    """The adjective a comparative is made of, as it may be written: "faster" -> "fast", "bigger" -> "big",
    "heavier" -> "heavy", "larger" -> "large"."""
    base = comparative[:-2]
    forms = [base, base + "e"]
    if base.endswith("i"):
        forms.append(base[:-1] + "y")
    if len(base) > 2 and base[-1] == base[-2]:
        forms.append(base[:-1])
    return forms


def unsaid_in_its_note(intent: Intent, term: str, ranked: list[Unit], left_out: Callable[[Unit], list[str]],
                       policy: Policy = DEFAULT) -> bool:
    """Whether a word the notes use all over (their subject, which lines leave unsaid) is missing from the best lines
    holding the asked value because they are about something else: each such line leaving it out lies in
    a note none of whose ranked lines speaks of it ("entries expire after 90 days" in a note on the logbook, for
    "how long do drafts last", in notes mostly on drafts). False when one lies in a note speaking of it."""
    if not policy.subject_word_in_its_note:
        return False
    holding = [u for u in ranked[: policy.kind_units] if intent.holds_value(u.quote) and term in left_out(u)]
    speaking = {u.file for u in ranked if term in spoken_terms(u)}
    return bool(holding) and all(u.file not in speaking for u in holding)


def way_unstated(intent: Intent, ranked: list[Unit], left_out: Callable[[Unit], list[str]],
                 policy: Policy = DEFAULT) -> str | None:
    """For a how-to whose object is a value question ("how do I change how long X lasts", policy.values.WAY_TO_SET):
    the verb when no best line speaks of it and of everything else asked (``left_out``); a line stating the value
    alone tells no way to change it. None when one does, or the question asks no such thing."""
    match = V.WAY_TO_SET.search(intent.question) if policy.way_must_be_stated else None
    if not match or intent.parts or intent.comparison:
        return None
    verb = stem(match.group(1).lower())
    for unit in ranked[: policy.kind_units]:
        if verb in spoken_terms(unit) and not [t for t in left_out(unit) if t != verb]:
            return None
    return match.group(1).lower()


def value_unstated(intent: Intent, ranked: list[Unit], left_out: Callable[[Unit], list[str]],
                   policy: Policy = DEFAULT) -> str | None:
    """Why no best line states the version, the way to set a value or the difference's amount the question asks
    (each check above); None when it asks none, or a line states it."""
    if (version := version_unstated(intent, ranked, left_out, policy)):
        return f"no relevant line states the {version}"
    if (verb := way_unstated(intent, ranked, left_out, policy)):
        return f"the notes state the value but not how to {verb} it"
    if (comparative := difference_unstated(intent, ranked, left_out, policy)):
        return f"the notes say {comparative!r} but not by how much"
    return None


def bound_unnamed(intent: Intent, relevant: list[Unit], left_out: Callable[[Unit], list[str]],
                  policy: Policy = DEFAULT) -> str | None:
    """For a count asked at its upper bound ("the maximum number of guests"): "maximum" when no relevant line holding
    a number names a bound (policy.values.COUNT_BOUND_STATED), in itself or its headings, and speaks of what else is
    asked (but policy.value_terms_unsaid terms, ``left_out``); a number in a line naming none ("item 0", "in one
    step") is not the most there may be, nor is another thing's bound. None when one does, or no such count is asked."""
    if not (policy.count_bound_must_be_named and intent.value == "count" and intent.bound == "max") or intent.parts:
        return None
    if any(intent.holds_value(u.quote) and V.COUNT_BOUND_STATED.search(f"{u.heading} {u.context} {u.quote}")
           and len(left_out(u)) <= policy.value_terms_unsaid for u in relevant):
        return None
    return "maximum"
