"""Check every sentence of a model answer against the sources it cites; keep only what the notes support.

A sentence is supported by a source sentence (a :class:`Unit`) when every number it states (with its
unit, "30 days" is not "30 seconds") and every content word it adds beyond the question stand in that
sentence (strict support: lexical overlap with a heading is not enough). Citations are re-pointed to the
sentence that really supports it; sentences no sentence supports are dropped, with the reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..markup import CITE_MARKS
from ..text import number_value, numbers, split_sentences, stem, terms, words
from .policy import notes as N, values as V
from .evidence import Unit
from .amount import bound_of
from .sameword import synonyms_of

_CITE = re.compile(r"\s*" + CITE_MARKS.pattern)  # a citation mark with the blank before it
_ANY_BRACKET = re.compile(r"\s*\[[^\]]{0,12}\]")
# a number starts where rag.text.numbers says one does: not inside a symbol such as "M2" or "B12", whose digit is
# part of a name (practice6 m025: "... 2 [1]" passed against a line holding only "M2")
_NUM_UNIT = re.compile(r"(?<![\w.])(\d+(?:[.,]\d+)*)\s*(%|[A-Za-z]+)?")
REFUSAL_HINTS = re.compile(r"(?i)\b(can(?:no|')t find|not (?:in|covered)|no information|don't know|do not know|unable to)\b")
_GENERIC_UNIT_STEMS = frozenset(stem(w) for w in N.GENERIC_UNITS)


@dataclass
class Source:
    """A numbered passage shown to the model: sentences of one retrieved chunk."""

    n: int
    file: str
    heading: str
    units: list[Unit]

    @property
    def start_line(self) -> int:
        return min(u.line for u in self.units)

    @property
    def end_line(self) -> int:
        return max(u.last for u in self.units)


@dataclass
class Citation:
    n: int
    file: str
    start_line: int
    end_line: int
    quote: str
    heading: str = ""

    def to_dict(self) -> dict:
        return {"n": self.n, "file": self.file, "start_line": self.start_line, "end_line": self.end_line, "quote": self.quote}


@dataclass
class Checked:
    text: str  # sentence without citation markers
    cited: list[int]  # what the model cited (valid numbers only)
    support: list[tuple[int, Unit]] = field(default_factory=list)  # (source n, unit) that supports it
    reason: str = ""  # why it was not verified

    @property
    def verified(self) -> bool:
        return bool(self.support)


def number_units(text: str, units: frozenset[str] = frozenset()) -> set[tuple[str, str]]:
    """(number, unit) pairs: "30 seconds" -> ("30", "second"); a bare number gets unit "".

    ``units`` are stemmed unit words learned from the notes (:mod:`rag.answer.vocab`), on top of the generic
    units of time and size in the policy.
    """
    known = _GENERIC_UNIT_STEMS | units
    out = set()
    for num, unit in _NUM_UNIT.findall(text):
        num = num.replace(",", "")
        stemmed = stem(unit) if unit and unit != "%" else unit
        out.add((num, stemmed if stemmed in known or unit == "%" else ""))
    return out


_GLUE = frozenset(stem(w) for w in N.GLUE_WORDS)


def added_terms(sentence: str, question: str = "") -> list[str]:
    """The content words a sentence adds beyond the question (stemmed; glue words like "called" excluded)."""
    asked = set(terms(question))
    return [t for t in terms(sentence) if t not in asked and t not in _GLUE and not t.replace(".", "").isdigit()]


def unsupported_terms(sentence: str, quote: str, question: str = "") -> list[str]:
    """Added words of ``sentence`` that do not stand in ``quote`` (inflections and synonyms allowed)."""
    have = set(terms(quote)) | {stem(w) for w in words(quote)}
    return [t for t in added_terms(sentence, question) if t not in have and not (synonyms_of(t) & have)]


def faithful(sentence: str, quote: str, question: str = "") -> bool:
    """Strict support: every added word and every added number of ``sentence`` stands in ``quote``."""
    new_numbers = numbers(sentence) - numbers(question)
    return not unsupported_terms(sentence, quote, question) and new_numbers <= numbers(quote)


_NEGATION = re.compile(r"(?i)\b(not|no|never|cannot|can't|isn't|aren't|doesn't|don't|won't|without|neither|nor)\b|n't\b")
_MAX_WORD = V.BOUND_WORDS["max"]
_MIN_WORD = V.BOUND_WORDS["min"]


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _range_end_claim(sentence: str, source: str) -> str:
    """ "The maximum is 2 weeks" when the note says "2 weeks to 6 months": the wrong end of a range."""
    said = [n for n in numbers(sentence)]
    have = sorted(numbers(source), key=number_value)
    if len(have) < 2 or len(said) != 1 or said[0] not in have:
        return ""
    if _MAX_WORD.search(sentence) and not _MAX_WORD.search(source) and said[0] != have[-1]:
        return f"'{said[0]}' is not the maximum the cited text gives"
    if _MIN_WORD.search(sentence) and not _MIN_WORD.search(source) and said[0] != have[0]:
        return f"'{said[0]}' is not the minimum the cited text gives"
    return ""


def _one_alternative(sentence: str, source: str) -> str:
    """ "X is called a leasehold" when the note says "either freehold or leasehold": one of two
    alternatives kept, the other dropped."""
    said = set(terms(sentence))
    for first, second in N.ALTERNATIVES.findall(source):
        a, b = set(terms(first)), set(terms(second))
        if a and b and bool(a & said) != bool(b & said):
            return f"it keeps one of '{first}' or '{second}' where the cited text gives both"
    return ""


def supports(sentence: str, unit: Unit, question: str = "", units: frozenset[str] = frozenset()) -> tuple[bool, str]:
    """Whether ``unit`` supports ``sentence`` strictly; the reason when it does not.

    Every number (with its unit: "30 days" is not "30 seconds") and every content word the sentence adds
    beyond the question must stand in the cited sentence itself, not merely under the same heading;
    negation and bounds ("maximum" where the note says "by default") must agree; a sentence that only
    repeats the question is not an answer.
    """
    source_text = unit.quote
    claim_nums = number_units(sentence, units)
    if claim_nums:
        have_nums = number_units(source_text, units)
        have_bare = {n for n, _ in have_nums}
        for num, unit_word in claim_nums:
            if (num, unit_word) in have_nums or (unit_word == "" and num in have_bare):
                continue
            return False, f"'{num}{' ' + unit_word if unit_word else ''}' is not in the cited text"
    if _negated(sentence) != _negated(source_text):
        return False, "it negates what the cited text says" if _negated(sentence) else "the cited text says the opposite"
    if sentence.rstrip().endswith(":"):
        return False, "it introduces a list instead of stating a fact"
    narrowed = _one_alternative(sentence, source_text)
    if narrowed:
        return False, narrowed
    bound = _range_end_claim(sentence, source_text)
    if bound:
        return False, bound
    claimed = bound_of(sentence)
    range_end = claimed in ("max", "min") and len(numbers(source_text)) >= 2 and numbers(sentence) & numbers(source_text)
    if claimed and not V.BOUND_WORDS[claimed].search(source_text) and not range_end:
        return False, f"it says '{claimed}' where the cited text does not"
    quoted = _quoted_elsewhere(sentence, source_text)
    if quoted:
        return False, f"it quotes '{quoted}', which the cited text does not say"
    # the heading the line sits under is shown with the citation, so its words count as cited
    missing = unsupported_terms(sentence, f"{unit.heading} {source_text}", question)
    if missing:
        return False, f"'{missing[0]}' is not in the cited text"
    if not added_terms(sentence, question) and not (numbers(sentence) - numbers(question)):
        return False, "it only repeats the question"
    return True, ""


def _quoted_elsewhere(sentence: str, source: str) -> str:
    """A phrase the sentence quotes (quotation marks, code span) that the cited text does not hold as written
    (case, spacing and the marks around it aside); "" when every quoted phrase stands there."""
    said = " ".join(words(source))
    for groups in N.QUOTED_PHRASE.findall(sentence):
        phrase = next(g for g in groups if g)
        if words(phrase) and f" {' '.join(words(phrase))} " not in f" {said} ":
            return phrase
    return ""


def parse_answer(answer: str, valid: set[int]) -> list[Checked]:
    """Split the model's answer into sentences with the citations each carries; drop invalid numbers."""
    out: list[Checked] = []
    for sentence in split_sentences(answer.replace("\n", " ")):
        cited: list[int] = []
        for group in _CITE.findall(sentence):
            for n in re.split(r"\s*[,;]\s*", group):
                if int(n) in valid and int(n) not in cited:
                    cited.append(int(n))
        text = _ANY_BRACKET.sub("", sentence).strip()
        text = re.sub(r"\s+([.,;:!?])", r"\1", text)
        if len(words(text)) >= 2:
            out.append(Checked(text, cited))
    return out


def verify(answer: str, sources: list[Source], question: str = "", units: frozenset[str] = frozenset()) -> list[Checked]:
    """Verify each sentence against its cited sources first, then against any other source."""
    by_n = {s.n: s for s in sources}
    checked = parse_answer(answer, set(by_n))
    for item in checked:
        if REFUSAL_HINTS.search(item.text):
            item.reason = "the model said it could not answer"
            continue
        order = item.cited + [n for n in by_n if n not in item.cited]
        reasons = []
        for n in order:
            best = None
            for unit in by_n[n].units:
                ok, why = supports(item.text, unit, question, units)
                if ok:
                    best = unit
                    break
                if n in item.cited:
                    reasons.append(why)
            if best is not None:
                item.support.append((n, best))
                break  # one supporting source is enough; the first cited one that holds wins
        if not item.support:
            item.reason = reasons[0] if reasons else ("no citation, and no source supports it" if not item.cited else "unsupported")
    return checked
