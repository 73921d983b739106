"""Whether the notes name someone for a "who" question: a line naming a person or a body the question does not, and
for "who invented the X receiver", one that speaks of that kind of thing too (rag.answer.gate asks).

(A stricter reading of a name, a capitalised word the notes never write in lower case, refused a near miss on the
practice sets but was dropped: the held-out gate found it refusing two answerable "who" questions.)
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, stem
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy, notes as N, values as V
from .sameword import stands_for

if TYPE_CHECKING:
    from .evidence import Unit
    from .vocab import Vocabulary


def defined_roles(text: str, vocab: Vocabulary, asked: set[str]) -> set[str]:
    """The acronyms in ``text`` the notes spell out in capitalised words (vocab.titled: "Harbour Master (HM)"),
    not asked, lower-cased: a titled phrase the notes define names a role wherever it stands ("with the cox and HM")."""
    return {w for u in _UPPER.findall(text) for w in {u.lower(), u[:-1].lower()} if w in vocab.titled} - asked


def names_someone(intent: Intent, unit: Unit, vocab: Vocabulary | None = None, policy: Policy = DEFAULT) -> bool:
    """For a "who" question: the line, or its headings, names someone the question does not. Given the notes'
    vocabulary (policy.notes.TOPIC_HEADINGS_NAME_NO_ONE), a title-case heading ("Concepts of Genetics and
    Biology"), a heading's opening stopword ("The cell"), notation and a word opening a sentence after a quote
    name no one. (A one-word heading the notes write in lower case, "Organelles", was tried as no name too: it
    refused a test's "who must sign the will", whose answer names a role, "two witnesses", not a person.)"""
    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", intent.question)}
    if vocab is None or not N.TOPIC_HEADINGS_NAME_NO_ONE:
        return intent.holds_name(_plain(unit.quote)) or intent.holds_name(unit.context) or bool(
            _acronyms(_plain(unit.quote)) - asked)
    # a bold label's text opens like a sentence ("**Rule**: Deepen ..."): a capital there names someone only if the
    # notes mostly write that word capitalised mid-sentence
    labelled = {m.group(1).lower() for m in _AFTER_LABEL.finditer(unit.quote)} - vocab.names
    if policy.who_defined_acronym_names and defined_roles(unit.quote, vocab, asked):
        return True
    return bool(_names(unit.quote, asked, opening=True) - labelled
                or any(_heading_names(part, asked, i == 0) for i, part in enumerate(unit.context.split(" > "))))


_CAPITALISED = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b")
# what stands before a word opening a sentence, a closing quote or bracket included ('... office." It')
_OPENS = re.compile(r"[.!?][\"'\u201d\u2019)\]*_]*\s[\s\"'\u201c\u2018(*_]*$")
_AFTER_LABEL = re.compile(r"\*\*\s*:\s*([A-Z][a-z]+)\b")
_MATH = re.compile(r"\$\$?[^$\n]{1,300}?\$?\$")


def _names(text: str, asked: set[str], opening: bool, acronyms: bool = True) -> set[str]:
    """The lower-cased capitalised words of ``text`` that may name someone: with ``opening``, not the first word
    nor one opening a sentence; not a word of the question, not a day, a month or a letter's plural
    (policy.notes.NO_ONES_NAME); math between "$" is notation ("$P(Disease)$"), left out. With ``acronyms``, a
    role written as an acronym too (:func:`_acronyms`)."""
    text = _plain(_MATH.sub(" ", text)).strip()
    found = {m.group().lower() for m in _CAPITALISED.finditer(text)
             if not (opening and (m.start() == 0 or _OPENS.search(text[: m.start()])))
             and m.group().lower() not in asked and not N.NO_ONES_NAME.fullmatch(m.group())}
    return found | (_acronyms(text) - asked if acronyms else set())


_EMPHASIS = re.compile(r"(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])")
_STRETCHES = re.compile(r"\s[-\u2013\u2014]+\s|[:;,()\[\]/]")
_UPPER = re.compile(r"\b[A-Z]{2,}s?\b")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")
_LOWER = re.compile(r"\b[a-z]")


def _plain(text: str) -> str:
    """``text`` with emphasis underscores around words made spaces (policy.notes.EMPHASIS_IS_MARKUP)."""
    return _EMPHASIS.sub(" ", text) if N.EMPHASIS_IS_MARKUP else text


def _acronyms(text: str) -> set[str]:
    """Roles written as acronyms ("_2nd RO_", "QM (rigging)"): an upper-case word of 2 to
    policy.notes.ACRONYM_LETTERS letters, not a stopword, alone among upper-case words in its stretch of the line
    (a shouted "STOW THE SAILS - ..." names no one) and with no lower-case word there but an ordinal: a role stands
    alone in an owner list, a thing's acronym in a sentence ("sanded in the DB before ..."). Lower-cased."""
    found = set()
    for stretch in _STRETCHES.split(text):
        upper = _UPPER.findall(stretch or "")
        if _LOWER.search(_ORDINAL.sub(" ", stretch or "")):
            continue
        if len(upper) == 1 and len(upper[0][:-1] if upper[0].endswith("s") else upper[0]) <= N.ACRONYM_LETTERS and upper[0].lower() not in STOPWORDS:
            found.add(upper[0].lower())
    return found


def _heading_names(part: str, asked: set[str], first: bool) -> set[str]:
    """Names in one heading of a path: none in title case (capitalised words joined by lower-case stopwords); a
    heading's first word counts unless a stopword, or it opens the whole path (the note's title)."""
    found = set(re.findall(r"[A-Za-z][\w'-]*", part))
    if any(w.islower() and w in STOPWORDS for w in found) and any(w[0].isupper() and len(w) > 3 for w in found):
        return set()
    return _names(part, asked, opening=first, acronyms=False) - {w.lower() for w in found if w.lower() in STOPWORDS}


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


def line_names(text: str, asked: set[str]) -> set[str]:
    """The words of a line that may name someone (its first word and a sentence's opening word left out)."""
    return _names(text, asked, opening=True)


def heading_names(part: str, asked: set[str], first: bool) -> set[str]:
    """The words of one heading of a path that may name someone (none in a title-case heading)."""
    return _heading_names(part, asked, first)
