"""A question asking what a shortening stands for, and the note line that spells it out.

"what does PFD stand for in a sailing dinghy" asks the words "PFD" is short for; the words after it
("in a sailing dinghy") say where it is used, not what the answer must speak of. A note spells a
shortening out once, in its own way ("PFD = Personal Flotation Device", "`M` stands for "mise"", "Estimated Time of
Arrival (ETA)"), and seldom repeats where it is used on that line: the line spelling it out answers, when
the notes speak of that use around it (its headings, or another line of its passage). No word list of any
field: the question's frame and the note's connectors are plain English (rag.answer.policy).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, strip_markup, terms
from .policy import notes as N, questions as Q
from .vocab import acronyms_in

if TYPE_CHECKING:
    from .evidence import Unit


def asked_shortening(question: str) -> tuple[str, list[str]] | None:
    """(shortening, stemmed words of where it is used) for "what does X stand for [in ...]"; None otherwise."""
    found = Q.STANDS_FOR_IN.search(question)
    if not found:
        return None
    return found.group("short"), terms(found.group("use") or "")


def spells_out(shortening: str, sentence: str) -> bool:
    """Whether a note sentence spells ``shortening`` out: the shortening, a connector ("=", ":", "stands for",
    "short for", an opening bracket) and words whose initials are its letters, in order (small words such as
    "of" may give none); or the words, then the shortening in brackets. A shortening of one letter is spelled
    by a word starting with it after "stands for" or "=" only ("M stands for mise")."""
    text = strip_markup(sentence)
    short = shortening.lower()
    if len(short) > 1 and short in acronyms_in(text):
        return True
    if len(short) > 1:  # "Power-of-Attorney Document (POAD)": the words before the bracket, hyphened ones apart
        for match in re.finditer(r"(?i)([A-Za-z][\w\s-]{0,80}?)\s*\(\s*" + re.escape(shortening) + r"\s*\)", text):
            if _initials(short[::-1], re.findall(r"[A-Za-z]\w*", match.group(1))[::-1]):
                return True
    pattern = re.compile(r"(?i)(?<![\w-])" + re.escape(shortening) + r"(?![\w-])\W{0,2}?\s*(" + N.SPELLED_OUT_BY + r")\s*(.*)")
    for match in pattern.finditer(text):
        if len(short) == 1 and not N.SPELLED_OUT_ONE_LETTER.fullmatch(match.group(1)):
            continue
        spelled = [w for w in re.findall(r"[A-Za-z][\w-]*", match.group(2))]
        if _initials(short, spelled):
            return True
    return False


def _initials(letters: str, spelled: list[str]) -> bool:
    """The first words of ``spelled`` give ``letters`` by their initials (small words may give none)."""
    want = list(letters)
    for word in spelled:
        if not want:
            break
        low = word.lower()
        if low[0] == want[0]:
            want.pop(0)
        elif low in N.INITIALS_SKIPPED or low in STOPWORDS and len(want) < len(letters):
            continue
        else:
            return False
    return not want


def spelling_line(question: str, ranked: list[Unit], spoken, limit: int, stands=lambda term, said: term in said
                  ) -> Unit | None:
    """For "what does X stand for [in ...]": the best of the first ``limit`` lines that spells X out and, when the
    question says where X is used, sits where the notes speak of that: ``spoken(unit)`` (the unit's words with
    its headings) or another line of its passage holds one of those words (``stands(term, words)``). None when
    no line does."""
    asked = asked_shortening(question)
    if not asked:
        return None
    shortening, use = asked
    for unit in ranked[:limit]:
        if not spells_out(shortening, unit.quote):
            continue
        passage = spoken(unit).union(*(spoken(u) for u in ranked if u.chunk_id == unit.chunk_id and u.file == unit.file))
        if not use or any(stands(t, passage) for t in use):
            return unit
    return None
