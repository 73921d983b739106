"""Check every sentence of a model answer against the sources it cites; keep only what the notes support.

A sentence is supported by a source sentence (a :class:`Unit`) when every number it states (with its
unit, "30 days" is not "30 seconds") and every distinctive term (acronyms, names) appears there, and
most of its other content words do. Citations are re-pointed to the source that really supports the
sentence; sentences no source supports are dropped (or kept, marked unverified, on request).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .evidence import Unit
from .text import STOPWORDS, number_value, numbers, split_sentences, stem, terms, words

MIN_COVERAGE = 0.6  # share of a sentence's content words that the supporting text must contain
_CITE = re.compile(r"\s*\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_ANY_BRACKET = re.compile(r"\s*\[[^\]]{0,12}\]")
_UNIT_WORDS = {
    stem(w): w
    for w in """second seconds sec secs s minute minutes min mins hour hours hr hrs day days week weeks month months
    year years ms millisecond milliseconds kb mb gb tb pb kib mib gib byte bytes request requests percent
    message messages record records shard shards az azs region regions times x""".split()
}
_NUM_UNIT = re.compile(r"(\d+(?:[.,]\d+)*)\s*(%|[A-Za-z]+)?")
_REFUSAL_HINTS = re.compile(r"(?i)\b(can(?:no|')t find|not (?:in|covered)|no information|don't know|do not know|unable to)\b")


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
        return max(u.line for u in self.units)


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


def number_units(text: str) -> set[tuple[str, str]]:
    """(number, unit) pairs: "30 seconds" -> ("30", "second"); a bare number gets unit ""."""
    out = set()
    for num, unit in _NUM_UNIT.findall(text):
        num = num.replace(",", "")
        stemmed = stem(unit) if unit and unit != "%" else unit
        out.add((num, stemmed if stemmed in _UNIT_WORDS or unit == "%" else ""))
    return out


def _distinctive(sentence: str) -> set[str]:
    """Acronyms and names (SQS, FIFO, CloudFront): a claim about another one is a different claim."""
    found = set()
    for token in re.findall(r"\b[A-Za-z][A-Za-z0-9-]*\b", sentence):
        if (token.isupper() and len(token) >= 2) or re.search(r"[a-z][A-Z]", token):
            if token.lower() not in STOPWORDS:
                found.add(stem(token))
    return found


_NEGATION = re.compile(r"(?i)\b(not|no|never|cannot|can't|isn't|aren't|doesn't|don't|won't|without|neither|nor)\b|n't\b")
_MAX_WORD = re.compile(r"(?i)\b(max(?:imum)?|largest|biggest|longest|highest|at most|up to)\b")
_MIN_WORD = re.compile(r"(?i)\b(min(?:imum)?|smallest|shortest|lowest|at least)\b")


def _negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def _range_end_claim(sentence: str, source: str) -> str:
    """ "The maximum is 1 day" when the note says "1 day to 10 years": the wrong end of a range."""
    said = [n for n in numbers(sentence)]
    have = sorted(numbers(source), key=number_value)
    if len(have) < 2 or len(said) != 1 or said[0] not in have:
        return ""
    if _MAX_WORD.search(sentence) and not _MAX_WORD.search(source) and said[0] != have[-1]:
        return f"'{said[0]}' is not the maximum the cited text gives"
    if _MIN_WORD.search(sentence) and not _MIN_WORD.search(source) and said[0] != have[0]:
        return f"'{said[0]}' is not the minimum the cited text gives"
    return ""


def supports(sentence: str, unit: Unit, question_terms: set[str] = frozenset()) -> tuple[bool, str]:
    """Whether ``unit`` (with its heading context) supports ``sentence``; the reason when it does not."""
    source_text = unit.quote
    context_text = f"{unit.context} {unit.quote}"
    claim_nums = number_units(sentence)
    if claim_nums:
        have_nums = number_units(source_text)
        have_bare = {n for n, _ in have_nums}
        for num, unit_word in claim_nums:
            if (num, unit_word) in have_nums:
                continue
            if unit_word == "" and num in have_bare:
                continue
            return False, f"'{num}{' ' + unit_word if unit_word else ''}' is not in the cited text"
    if _negated(sentence) != _negated(source_text):
        return False, "it negates what the cited text says" if _negated(sentence) else "the cited text says the opposite"
    if sentence.rstrip().endswith(":"):
        return False, "it introduces a list instead of stating a fact"
    bound = _range_end_claim(sentence, source_text)
    if bound:
        return False, bound
    have_terms = set(terms(context_text))
    missing = _distinctive(sentence) - have_terms - {stem(w) for w in words(context_text)}
    if missing:
        return False, f"'{sorted(missing)[0]}' is not in the cited text"
    claim_terms = [t for t in terms(sentence) if not t.isdigit()]
    # Words the user asked about are fine to repeat even if the note phrases them differently.
    claim_terms = [t for t in claim_terms if t not in question_terms or t in have_terms]
    if not claim_terms:
        return bool(claim_nums), "no checkable content"
    covered = sum(1 for t in claim_terms if t in have_terms) / len(claim_terms)
    own = set(terms(source_text))
    if not own.intersection(claim_terms) and not claim_nums:
        return False, "the cited sentence does not mention it"
    if covered < MIN_COVERAGE:
        return False, f"only {covered:.0%} of its words are in the cited text"
    return True, ""


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


def verify(answer: str, sources: list[Source], question: str = "") -> list[Checked]:
    """Verify each sentence against its cited sources first, then against any other source."""
    by_n = {s.n: s for s in sources}
    question_terms = set(terms(question))
    checked = parse_answer(answer, set(by_n))
    for item in checked:
        if _REFUSAL_HINTS.search(item.text):
            item.reason = "the model said it could not answer"
            continue
        order = item.cited + [n for n in by_n if n not in item.cited]
        reasons = []
        for n in order:
            best = None
            for unit in by_n[n].units:
                ok, why = supports(item.text, unit, question_terms)
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
