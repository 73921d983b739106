"""Whether the notes give the name a question asks: "what was the X called", "what is the name of the X".

A line speaking of the thing ("Kept a ship's log") is no answer to what it was called: the answer is a name. A
line gives one (read from the line's writing, no word list of names) when it

- names it with a naming verb ("is called the dog watch", "known as a bight"), not "named after" (an origin);
- quotes a term ("the log was a “deck book”") or defines one ("a bight is the loop of a rope");
- writes a capitalised word (past the sentence's start, not the question's) joined to a word of the thing by
  nothing but articles, "of", a form of "be", a naming verb or punctuation ("the schooner Bluenose", "the Bluenose,
  a schooner"): "built in honour of Neptune" names the god, not the ship; or
- sits under a heading that reads as a name the question does not say ("### Bluenose" > "- a fishing schooner");

and the line, with its headings, speaks of every word of the thing's own phrase (before a preposition or a clause):
"a Breton schooner" answers no question about a Norwegian one, "Originally named Seabrook" none about a new marina. A line
naming by its words (the first two ways) may leave one of them unsaid (policy.name_line_may_leave_out): notes word
the kind of thing their own way ("the median voter theorem: ..." for "what is the theory called").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, GENERIC, stem, terms
from .evidence import spoken_terms
from .policy import DEFAULT, Policy, questions as Q
from .sameword import stands_for
from .subject import reads_as_a_name

if TYPE_CHECKING:
    from .evidence import Unit
    from .intent import Intent

_WORD = re.compile(r"[A-Za-z][\w'’-]*|\d+")


def thing_named(question: str) -> str | None:
    """The thing whose name the question asks (policy.questions.NAME_ASKED), or None when it asks none."""
    for pattern in Q.NAME_ASKED:
        match = pattern.search(question.strip())
        if match:
            return match.group("thing")
    return None


def unnamed_thing(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> str | None:
    """For a question asking a name: the thing asked, when no relevant line (one of the best, sharing
    policy.kind_min_coverage of the question's key terms) names it (see the module doc); None when one does, or the
    question asks no name (policy.name_must_be_given)."""
    if not policy.name_must_be_given or intent.comparison or intent.parts or intent.wants_list:
        return None
    thing = thing_named(intent.question)
    if not thing:
        return None
    wanted = [t for t in dict.fromkeys(terms(_own_phrase(thing))) if t not in STOPWORDS and t not in GENERIC]
    if not wanted:
        return None
    asked = {w.lower() for w in _WORD.findall(intent.question)}
    relevant = [u for u in ranked[: policy.kind_units] if u.coverage >= policy.kind_min_coverage]
    for unit in relevant:
        said = spoken_terms(unit)
        missing = sum(not stands_for(t, said, policy) for t in wanted)
        # a line naming by its words may leave one word of the thing unsaid (the notes' own "theorem" for "theory");
        # a capitalised word or a heading names the thing only in a line speaking of all of it ("the Breton
        # rigging style" names no Norwegian one; "Originally named ..." speaks of no new city)
        if missing <= policy.name_line_may_leave_out and _names_by_words(unit.quote, asked):
            return None
        if not missing and (_names_by_heading(unit, asked) or _joined_name(unit.quote, asked, wanted, policy)):
            return None
    return thing.strip()


def _own_phrase(thing: str) -> str:
    """The thing's own words, before a preposition or a clause ("the splicing technique" of "the splicing technique
    from the video"): a line naming the technique need not repeat where it was shown. A pronoun ("what do you call it
    when ...") leaves none: the clause describes a situation the notes may word in their own way."""
    own = []
    for word in _WORD.findall(thing.lower()):
        if word in Q.PREPOSITIONS or word in Q.CLAUSE_WORDS or word in Q.RELATIVE_WORDS:
            break
        own.append(word)
    return "" if own and own[0] in Q.SUBJECT_PRONOUNS else " ".join(own)


def _names_by_words(quote: str, asked: set[str]) -> bool:
    """A naming verb before a word, a quoted term, or a term the line defines, none of them the question's."""
    for found in Q.NAMING_VERB.finditer(quote):
        if found.group(1).lower() not in asked:
            return True
    for found in Q.QUOTED_TERM.finditer(quote):
        if {w.lower() for w in _WORD.findall(found.group(1))} - asked:
            return True
    defined = Q.DEFINED_TERM.match(quote)
    return bool(defined) and not {w.lower() for w in _WORD.findall(defined.group(1))} & asked


def _names_by_heading(unit: Unit, asked: set[str]) -> bool:
    """The line's own heading reads as a name ("Bluenose") that the question does not say."""
    name = unit.heading.split(" > ")[-1].strip() if unit.heading else ""
    return bool(name) and reads_as_a_name(name) and not {w.lower() for w in _WORD.findall(name)} & asked


def _joined_name(quote: str, asked: set[str], wanted: list[str], policy: Policy) -> bool:
    """A capitalised word past the sentence's start, not the question's, joined to a word of the thing by links
    only (policy.questions.NAME_LINKS): articles, "of", a form of "be", a naming verb."""
    tokens = _WORD.findall(quote)
    for i, token in enumerate(tokens):
        if not i or not token[0].isupper() or token.lower() in asked or len(token) < 2:
            continue
        for step in (-1, 1):
            at = i + step
            # the rest of the name ("Linear A") and the links between it and the thing
            while 0 <= at < len(tokens) and (tokens[at][0].isupper() and tokens[at].lower() not in asked
                                             or tokens[at].lower() in Q.NAME_LINKS):
                at += step
            if 0 <= at < len(tokens) and stands_for(stem(tokens[at].lower()), set(wanted), policy):
                return True
    return False
