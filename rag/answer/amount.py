"""What amount a question asks for: the kind of value and the words asking it, its bound, a degree, its numbers.

Read from the word lists in :mod:`rag.answer.policy` only; :func:`rag.answer.intent.parse` gathers these
readings into one :class:`~rag.answer.intent.Intent`, which the rest of the answer stage asks.
"""

from __future__ import annotations

import re
from contextvars import ContextVar

from ..text import GENERIC, STOPWORDS, stem, terms, words
from .policy import DEFAULT, Policy, questions as Q, values as V


# The two-term compounds a question shares with the notes ("depth charge" where the notes write "A depth
# charge is a drum ..."), as stemmed pairs: set by the answerer for the question it is answering (:func:`notes_compounds`).
NOTES_COMPOUNDS: ContextVar[frozenset] = ContextVar("notes_compounds", default=frozenset())


def notes_compounds(question: str, pairs: frozenset[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The question's neighbouring terms that the notes also write side by side (``pairs``, learned from the
    notes by :class:`rag.answer.vocab.Vocabulary`)."""
    found = terms(question)
    return frozenset(pair for pair in zip(found, found[1:]) if pair in pairs)


def value_kind(question: str) -> str | None:
    """The kind of value a question asks for; None for a question asking why, what causes, a formula or what
    a phrase means, for a yes/no question weighing two things, and for a value word that names a concept with
    the noun after it ("the tide table", "tide height": the question asks about the table)."""
    asked = value_asked(question)
    return asked[0] if asked else None


def value_cue(question: str) -> str:
    """The words that ask for the value ("what age", "when was the lease signed"); "" when none."""
    asked = value_asked(question)
    return asked[1] if asked else ""


def stated_by_unit(question: str, value: str | None, line: str = "", policy: Policy = DEFAULT) -> set[str]:
    """What a line holding the asked value speaks of by its unit alone: the words asking a temperature, a size,
    a duration, a price or a share ("the smoking point" is spoken by "190 °C"); nothing for a number. An
    age is stated as a person's number after "was"/"were" ("until they were 16", policy.values.AGE_STATED):
    such a line speaks of the age asked ("till what age did cadets"; knob Policy.age_by_pronoun)."""
    cue = {stem(w) for w in words(value_cue(question))}
    if value in V.STATED_BY_UNIT:
        return cue
    if policy.age_by_pronoun and "age" in cue and V.AGE_STATED.search(line):
        return cue
    return set()


def value_asked(question: str) -> tuple[str, str] | None:
    """(kind of value, the words that ask for it) of :func:`value_kind`'s reading: "age" in "the minimum
    voting age in the uk"; None when the question asks no value."""
    if Q.EXPLANATION.search(question) or Q.MEANING.search(question) or (
            Q.YES_NO.match(question) and Q.COMPARATIVE.search(question)) or _asks_what_does(question) or (
            Q.OWN_ACTION is not None and Q.OWN_ACTION.match(question)):
        return None
    compounds = NOTES_COMPOUNDS.get()
    for pattern, kind in V.VALUE_QUESTIONS:
        for match in pattern.finditer(question):
            if not _modifies_a_noun(question, match) and not (
                    kind in V.TERM_HEAD_KINDS and _heads_notes_term(question, match, compounds)):
                return kind, _cue(match)
    return None


def term_heads(question: str) -> frozenset[str]:
    """The stemmed value cues of the question that head a term of the notes (:func:`_heads_notes_term`): words it
    names a thing with, not words asking an amount."""
    compounds = NOTES_COMPOUNDS.get()
    return frozenset(stem(_cue(match).strip().lower()) for pattern, kind in V.VALUE_QUESTIONS
                     if kind in V.TERM_HEAD_KINDS for match in pattern.finditer(question)
                     if _heads_notes_term(question, match, compounds))


def _heads_notes_term(question: str, match: re.Match, compounds: frozenset) -> bool:
    """Whether a one-word value cue heads a term the notes write: the question's word right before it stands
    beside it in the notes too ("depth charge"). A cue of several words ("how much ... cost") asks an amount, and so
    does the term in a question asking "how much"/"how many" ("how much is the mooring fee")."""
    cue = _cue(match).strip()
    if not compounds or " " in cue or V.AMOUNT_ASKED.search(question):
        return False
    before = re.search(r"([A-Za-z][\w-]*)\s+$", question[: _cue_start(match, cue)])
    return bool(before) and before.group(1).lower() not in STOPWORDS and (
        stem(before.group(1).lower()), stem(cue.lower())) in compounds


def positions_of(question: str, stated: bool = True) -> tuple[tuple[int, str], ...]:
    """(number, the question's words for it) for each position it asks ("the 9th step", "the third law":
    policy.values.ORDINAL, ORDINAL_WORD; an ordinal word only before a noun, "who first defined" names none) and each
    number it states as a given ("the regatta in 1995", policy.values.STATED_NUMBER) unless ``stated`` is False: a list
    question's number announces how many the list holds ("the 4 burners"), which notes listing them need not
    say."""
    found = [(int(m.group(1)), m.group(0)) for m in V.ORDINAL.finditer(question)]
    found += [(V.ORDINAL_WORDS.index(m.group(1).lower()), m.group(1)) for m in V.ORDINAL_WORD.finditer(question)
              if m.group(2).lower() not in STOPWORDS]
    if stated:
        found += [(int(m.group(1)), m.group(1)) for m in V.STATED_NUMBER.finditer(question)]
    elif Q.GIVEN_COUNT:  # ...but a count set as a condition ("exactly 5 heads") is stated, in a list question too
        found += [(int(m.group(1)), m.group(1)) for given in Q.GIVEN_COUNT.finditer(question)
                  for m in V.STATED_NUMBER.finditer(given.group(0))]
    return tuple(found)


def degree_asked(question: str) -> tuple[str, str]:
    """(the words asking a degree of one thing, those of them that need not stand in the answering line): policy.values
    .DEGREE; ("how high", "high") for "how high is the fee in court", ("how much", "") for "how much salt does the brine
    need", ("which direction", "direction") for "in which direction does the tide turn"; ("", "") when the
    question asks none, or asks why, what causes, what a phrase means, or yes or no."""
    if Q.EXPLANATION.search(question) or Q.MEANING.search(question) or Q.YES_NO.match(question):
        return "", ""
    match = V.DEGREE.search(question)
    if not match:
        return "", ""
    cue = (match.group(1) or match.group(2) or "").lower()
    if cue in STOPWORDS or cue in Q.FRAMING_WORDS:
        return "", ""
    return " ".join(match.group(0).lower().split()), cue


def _asks_what_does(question: str) -> bool:
    """ "what sets the interest rate": the question word is the subject of a verb (see policy.questions.WH_VERB)."""
    match = Q.WH_VERB.match(question)
    return bool(match) and match.group(1).lower() not in STOPWORDS and match.group(1).lower() not in GENERIC


def _cue(match: re.Match) -> str:
    """The words of a value pattern's match that ask for the value (its first group, when it has one)."""
    return match.group(1) if match.re.groups and match.group(1) else match.group(0)


def _cue_start(match: re.Match, cue: str) -> int:
    """Where a value pattern's cue words start in the question."""
    return match.start() + match.group(0).find(cue)


def _modifies_a_noun(question: str, match: re.Match) -> bool:
    """Whether a one-word value cue stands before a noun it qualifies ("price index", "size class"), so that
    the noun, not an amount, is what is asked. A function word, a framing word ("size cap"), a past participle
    ("size allowed") or the end after it leaves the cue asking for the amount, as does "what size" ("what size pan")."""
    cue = _cue(match)
    if " " in cue.strip():
        return False
    # "what size wok should i buy": "what size" asks the size of the noun after it (policy.values
    # .VALUE_WORD_ASKED)
    end = _cue_start(match, cue) + len(cue)
    if V.VALUE_WORD_ASKED.search(question[:end]):
        return False
    after = re.match(r"\s+([A-Za-z][\w-]*)", question[end:])
    if not after:
        return False
    word = after.group(1).lower()
    # a past participle after it qualifies the amount ("the total size allowed for"), as a clause would
    past = word.endswith("ed") and bool(Q.PARTICIPLE.match(word))
    return len(word) > 2 and word not in STOPWORDS and word not in GENERIC and word not in Q.FRAMING_WORDS and not past and not any(
        pattern.fullmatch(word) for pattern, _kind in V.VALUE_QUESTIONS)


def bound_of(text: str) -> str | None:
    """The bound a text names: "max" for "maximum"/"up to", "min", "default"; None when none or several."""
    found = [name for name, pattern in V.BOUND_WORDS.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


_COUNTED = re.compile(r"(?i)(?<![\w.,$-])(" + "|".join(V.COUNT_WORDS) + r"|\d{1,2})(?![\w.,%-])\s+([A-Za-z][\w-]*)")


def counts_past(number: int, said: str, question: str, text: str) -> bool:
    """A position asked by its ordinal ("the third reef") is held by a line counting at least that many of the
    thing ("the mainsail has four reefs"): the list it announces has a third. A number the question states
    as a given ("in 1995") is no position and is never held this way."""
    if said.isdigit():
        return False
    asked = re.search(rf"(?i)\b{re.escape(said)}\s+([A-Za-z][\w-]*)", question)
    if not asked:
        return False
    noun = stem(asked.group(1).lower())
    for count, thing in _COUNTED.findall(text):
        n = int(count) if count.isdigit() else V.COUNT_WORDS[count.lower()]
        if n >= number and stem(thing.lower()) == noun:
            return True
    return False
