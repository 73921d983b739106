"""One model of what a question asks: the kind of value, its bound, yes/no, definition, list, sides, parts.

Every other module of the answer stage asks :func:`parse` instead of matching question words itself, so
"what amount is being asked for" is decided once, from the word lists in :mod:`rag.answer.policy`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Iterable

from ..text import GENERIC, STOPWORDS, stem, terms, words
from . import policy as P
from .versus import options_of, side_heads_of, side_terms, sides_of


@dataclass(frozen=True)
class Intent:
    """What a question asks for. ``value`` is the kind of value ("duration", "size", ...) or None."""

    question: str
    value: str | None = None  # price, percent, duration, date, time, size, temperature, speed, count, number
    bound: str | None = None  # max, min, default
    yes_no: bool = False
    definition: bool = False
    wants_list: bool = False
    who: bool = False  # asks for a name
    sides: tuple[frozenset[str], ...] = ()  # the two things a comparison asks about (their key terms)
    side_heads: tuple[str, ...] = ()  # the term of each side next to "vs": what names that side
    compared: frozenset[str] = frozenset()  # what a comparison compares: its words that name neither side
    parts: tuple[str, ...] = ()  # sub-questions when it asks two things
    options: tuple[str, ...] = ()  # "does a low pKa mean a strong or weak acid": the options' terms, one of which answers
    key_terms: tuple[str, ...] = field(default=())  # stemmed content terms without intent words
    asked_terms: tuple[str, ...] = field(default=())  # key terms less framing words: what is asked about
    # (modifier, head) of two-word noun compounds ("starboard tack"): the kind of a thing a question asks
    # about (rag.answer.gate.contrasted); the value's own word ("age") is never one
    heads: tuple[tuple[str, str], ...] = field(default=())
    # the words asking a degree of one thing ("how high" is the tax in Peru, "how much" oil, "which direction"):
    # "" when none (policy.DEGREE)
    degree: str = ""

    def unspoken(self, spoken: set[str], stands) -> list[str]:
        """The asked terms a text's stemmed words (``spoken``) do not speak of; ``stands(term, spoken)`` says
        whether one term does."""
        return [t for t in dict.fromkeys(self.asked_terms) if not stands(t, spoken)]

    @property
    def comparison(self) -> bool:
        return len(self.sides) == 2

    @property
    def wants_amount(self) -> bool:
        return self.value is not None

    @property
    def part_queries(self) -> tuple[str, ...]:
        """Each part as a question on its own: a later part that points back with a pronoun ("how do
        plants use it") also carries the first part's content words ("chlorophyll")."""
        if not self.parts:
            return ()
        first = " ".join(words(P.QUESTION_LEAD.sub("", self.parts[0])))
        return (self.parts[0],) + tuple(f"{part} ({first})" if P.POINTS_BACK.search(part) else part
                                        for part in self.parts[1:])

    @property
    def specific(self) -> bool:
        """Asks one value, one degree or one definition: a sentence that answers must speak of everything asked
        about. Not a time (policy.PLACED_IN_TIME)."""
        return ((self.wants_amount and self.value not in P.PLACED_IN_TIME) or self.definition or bool(self.degree)) and \
            not self.parts and not self.comparison

    def word_of(self, term: str) -> str:
        """The question's own word for a stemmed term ("voting" for "vote"), for messages."""
        return next((w for w in words(self.question) if stem(w) == term), term)

    @property
    def label(self) -> str:
        """How a refusal names what was missing: "a duration", "a number"."""
        return {"price": "a price", "percent": "a percentage", "duration": "a duration", "date": "a date",
                "size": "a size", "temperature": "a temperature", "count": "a number", "number": "a number",
                "speed": "a speed or a time", "time": "a time"}.get(self.value or "", "an answer")

    def holds_value(self, sentence: str) -> bool:
        """Whether ``sentence`` states a value of the asked kind (always True when no value is asked)."""
        if self.value is None:
            return True
        # markup inside a value ("16 **milli**meters") hides nothing
        return bool(P.VALUE_PATTERNS[self.value].search(sentence.replace("*", "").replace("`", "")))

    def defines_asked(self, sentence: str) -> bool:
        """Whether ``sentence`` defines the phrase the question ends by asking "what is" ("the boiling point
        is the temperature at which ..." for "... what is the boiling point")."""
        match = P.WHAT_IS.search(self.question)
        if not match:
            return False
        phrase = r"\s+".join(re.escape(w) for w in match.group(1).split())
        return bool(re.search(P.DEFINES.format(phrase), sentence))

    @property
    def positions(self) -> tuple[tuple[int, str], ...]:
        """The numbers the question asks about, with its own words for them: positions ("the 9th set", "the
        third law") and numbers it states ("inflation in 1995"): see :func:`positions_of`."""
        return positions_of(self.question, stated=not self.wants_list)

    def holds_positions(self, text: str) -> bool:
        """Whether ``text`` states every number the question asks about; True when it asks none."""
        return all(self.holds_position(number, text) for number, _said in self.positions)

    @staticmethod
    def holds_position(number: int, text: str) -> bool:
        """Whether ``text`` states ``number`` in digits or words ("9": "9", "9th", "ninth"; "3": "three")."""
        word = P.ORDINAL_WORDS[number] if number < len(P.ORDINAL_WORDS) else str(number)
        cardinal = next((w for w, n in P.COUNT_WORDS.items() if n == number), str(number))
        return bool(re.search(rf"(?i)(?<![\d.,]){number}(?!\d|[.,]\d)|\b(?:{word}|{cardinal})\b", text))

    def holds_name(self, sentence: str) -> bool:
        """For "who" questions: the sentence names someone the question does not (a capitalised word)."""
        asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", self.question)}
        names = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b", sentence.strip())
        return any(n.lower() not in asked for n in names)


def value_kind(question: str) -> str | None:
    """The kind of value a question asks for; None for a question asking why, what causes, a formula or what
    a phrase means, for a yes/no question weighing two things, and for a value word that names a concept with
    the noun after it ("the price index", "price elasticity": the question asks about the index)."""
    asked = _value_asked(question)
    return asked[0] if asked else None


def value_cue(question: str) -> str:
    """The words that ask for the value ("what age", "when was the magna carta signed"); "" when none."""
    asked = _value_asked(question)
    return asked[1] if asked else ""


def _value_asked(question: str) -> tuple[str, str] | None:
    """(kind of value, the words that ask for it) of :func:`value_kind`'s reading: "age" in "the minimum
    voting age in the uk"; None when the question asks no value."""
    if P.EXPLANATION.search(question) or P.MEANING.search(question) or (
            P.YES_NO.match(question) and P.COMPARATIVE.search(question)) or _asks_what_does(question):
        return None
    for pattern, kind in P.VALUE_QUESTIONS:
        for match in pattern.finditer(question):
            if not _modifies_a_noun(question, match):
                return kind, _cue(match)
    return None


def positions_of(question: str, stated: bool = True) -> tuple[tuple[int, str], ...]:
    """(number, the question's words for it) for each position it asks ("the 9th step", "the third law":
    policy.ORDINAL, ORDINAL_WORD; an ordinal word only before a noun, "who first defined" names none) and each
    number it states as a given ("inflation in 1995", policy.STATED_NUMBER) unless ``stated`` is False: a list
    question's number announces how many the list holds ("the 4 cleavages"), which notes listing them need not
    say."""
    found = [(int(m.group(1)), m.group(0)) for m in P.ORDINAL.finditer(question)]
    found += [(P.ORDINAL_WORDS.index(m.group(1).lower()), m.group(1)) for m in P.ORDINAL_WORD.finditer(question)
              if m.group(2).lower() not in STOPWORDS]
    if stated:
        found += [(int(m.group(1)), m.group(1)) for m in P.STATED_NUMBER.finditer(question)]
    return tuple(found)


def degree_asked(question: str) -> tuple[str, str]:
    """(the words asking a degree of one thing, those of them that need not stand in the answering line): policy
    .DEGREE; ("how high", "high") for "how high is the tax in Peru", ("how much", "") for "how much oil does Chad
    produce", ("which direction", "direction") for "in which direction does the tide turn"; ("", "") when the
    question asks none, or asks why, what causes, what a phrase means, or yes or no."""
    if P.EXPLANATION.search(question) or P.MEANING.search(question) or P.YES_NO.match(question):
        return "", ""
    match = P.DEGREE.search(question)
    if not match:
        return "", ""
    cue = (match.group(1) or match.group(2) or "").lower()
    if cue in STOPWORDS or cue in P.FRAMING_WORDS:
        return "", ""
    return " ".join(match.group(0).lower().split()), cue


def _asks_what_does(question: str) -> bool:
    """ "what sets the interest rate": the question word is the subject of a verb (see policy.WH_VERB)."""
    match = P.WH_VERB.match(question)
    return bool(match) and match.group(1).lower() not in STOPWORDS and match.group(1).lower() not in GENERIC


def _cue(match: re.Match) -> str:
    """The words of a value pattern's match that ask for the value (its first group, when it has one)."""
    return match.group(1) if match.re.groups and match.group(1) else match.group(0)


def _modifies_a_noun(question: str, match: re.Match) -> bool:
    """Whether a one-word value cue stands before a noun it qualifies ("price index", "size class"), so that
    the noun, not an amount, is what is asked. A function word, a framing word ("size limit"), a past participle
    ("size allowed") or the end after it leaves the cue asking for the amount."""
    cue = _cue(match)
    if " " in cue.strip():
        return False
    after = re.match(r"\s+([A-Za-z][\w-]*)", question[match.start() + match.group(0).find(cue) + len(cue):])
    if not after:
        return False
    word = after.group(1).lower()
    # a past participle after it qualifies the amount ("the total size allowed for"), as a clause would
    past = word.endswith("ed") and bool(P.PARTICIPLE.match(word))
    return len(word) > 2 and word not in STOPWORDS and word not in GENERIC and word not in P.FRAMING_WORDS and not past and not any(
        pattern.fullmatch(word) for pattern, _kind in P.VALUE_QUESTIONS)


def compound_heads(question: str, asked: tuple[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """(modifier, head) stems of each two content words that end a run of them ("on a starboard tack"
    -> ("starboard", "tack")), the value's own word and framing words left out: a kind of a thing the question
    asks about, which a line about another kind ("a port tack") does not answer. ``asked``: the question's
    (kind, words asking the value) when already read."""
    asked = asked or _value_asked(question)
    cue = {stem(w) for w in words(asked[1])} if asked else set()
    found = []
    run: list[str] = []
    # after "does"/"can" the first run of content words ends with the verb ("does a fifo queue remember")
    aux = P.DO_SUPPORT.match(question)
    verb_next = bool(aux)
    for word in words(question[aux.end():] if aux else question) + [""]:
        if word and word not in STOPWORDS and not word.isdigit() and len(word) > 1:
            run.append(word)
            continue
        if run and verb_next:
            verb_next, run = False, []
            continue
        if len(run) >= 2:
            modifier, head = stem(run[-2]), stem(run[-1])
            if not ({modifier, head} & (cue | _FRAMING)) and run[-1] not in GENERIC:
                found.append((modifier, head))
        run = []
    return tuple(found)


def bound_of(text: str) -> str | None:
    """The bound a text names: "max" for "maximum"/"up to", "min", "default"; None when none or several."""
    found = [name for name, pattern in P.BOUND_WORDS.items() if pattern.search(text)]
    return found[0] if len(found) == 1 else None


def named_by_phrases(intent: Intent, texts: Iterable[str]) -> Intent:
    """A comparison whose side the notes name with a phrase ("red giant vs white dwarf hot or cool",
    notes saying "Red Giants"): the question's words that stand next to a side's head word in the notes'
    own text, as they do in the question, name that side, so they are not what is compared ("hot").
    ``texts``: the sentences and headings best matching the question. Learned from the notes, no word list."""
    sides = side_terms(intent.question) if intent.comparison and len(intent.side_heads) == 2 else None
    if not sides:
        return intent
    pairs: set[tuple[str, str]] = set()
    for text in texts:
        found = terms(text)
        pairs.update(zip(found, found[1:]))
    names: set[str] = set()
    for side, head, other in zip(sides, intent.side_heads, intent.side_heads[::-1]):
        if head not in side:
            continue
        at = side.index(head)
        # a word the notes also pair with the other side's head is shared by both sides, not one side's
        # name: "plant vs animal cells" (notes say "plant cells" and "animal cells")
        left = at
        while left > 0 and (side[left - 1], side[left]) in pairs and (side[left - 1], other) not in pairs:
            left -= 1
        right = at
        while right + 1 < len(side) and (side[right], side[right + 1]) in pairs and (other, side[right + 1]) not in pairs:
            right += 1
        names.update(side[left:right + 1])
    compared = intent.compared - names
    # a comparison left with nothing to compare keeps its words: they still tell the sides' lines apart
    return replace(intent, compared=compared) if compared and compared != intent.compared else intent


def parts_of(question: str) -> tuple[str, ...]:
    """ "what is X and how does Y work" -> ("what is X", "how does Y work"); () for a one-part question.
    Two bounds of one value are two parts: "X default retention and max" -> ("X default retention",
    "X max retention")."""
    bounds = P.TWO_BOUNDS.search(question)
    head, tail = (question[: bounds.start()], question[bounds.end():]) if bounds else ("", "")
    # one value with two bounds: "min and max part size" or "default retention and max"; "min part size
    # + max parts" asks two values, each with its own noun (split below)
    if bounds and bound_of(bounds.group(1)) != bound_of(bounds.group(3)) and (
            not bounds.group(2).strip() or not tail.strip(" ?.")):
        return tuple(" ".join(f"{head}{b}{bounds.group(2)}{tail}".split()).strip(" ,?")
                     for b in (bounds.group(1), bounds.group(3)))
    two = P.TWO_DEFINITIONS.match(question)
    if two:
        return tuple(f"{two.group(1)}{thing}".strip() for thing in (two.group(2), two.group(3)))
    pieces = [p.strip(" ,?") for p in P.TWO_PARTS.split(question) if p and p.strip(" ,?")]
    # a later part naming only another bound ("..., and how long at most") asks the first part's value at it
    pieces = [_at_bound(pieces[0], p) if i and bound_of(p) and not terms(p, drop_generic=True) else p
              for i, p in enumerate(pieces)]
    pieces = [p for p in pieces if len(terms(p, drop_generic=True)) >= 1]
    return tuple(pieces) if len(pieces) >= 2 else ()


def _at_bound(first: str, later: str) -> str:
    """The first part asked at the later part's bound: ("how long is X kept by default", "how long at most")
    -> "how long is X kept at most"."""
    bound = P.BOUND_WORDS[bound_of(later)].search(later).group(0)
    own = bound_of(first)
    base = re.sub(rf"(?i)(?:\bby\s+)?{P.BOUND_WORDS[own].pattern.removeprefix('(?i)')}", "", first) if own else first
    return " ".join(f"{base} {bound}".split())


@lru_cache(maxsize=2048)
def parse(question: str) -> Intent:
    """The :class:`Intent` of a question (cached: every stage asks about the same question)."""
    q = question.strip()
    sides = sides_of(q)
    heads, compared = side_heads_of(q) if sides else ((), frozenset())
    asked = _value_asked(q)
    value = asked[0] if asked else None
    yes_no = bool(P.YES_NO.match(q)) and not sides
    definition = bool(P.DEFINITION.match(q)) and value is None and not sides and bound_of(q) is None
    wants_list = bool(P.PLURAL_LIST.search(q)) and value not in P.ONE_AMOUNT
    degree, degree_cue = degree_asked(q) if value is None and not sides else ("", "")
    return Intent(
        question=q,
        value=value,
        bound=bound_of(q),
        yes_no=yes_no,
        definition=definition,
        wants_list=wants_list and not sides,
        who=bool(P.WHO.search(q)),
        sides=sides,
        side_heads=heads,
        compared=compared,
        parts=parts_of(q) if not sides else (),
        options=options_of(q),
        # "vs" frames a comparison; it names neither side nor what is compared
        key_terms=(key := tuple(terms(P.VERSUS.sub(" ", q) if sides else P.STAND_FOR.sub("", q), drop_generic=True)
                                or terms(q))),
        asked_terms=_without_restated(tuple(t for t in key if t not in _FRAMING | _cue_units(q) | _bound_terms(q, value)
                                            | {stem(degree_cue)})),
        heads=compound_heads(q, asked),
        degree=degree,
    )


def _without_restated(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a term another asked term opens with ("photo" beside "photosynthesis", "cell" beside "cells-based"),
    or the one right before it ends with ("mongodb db"); one that another ends with elsewhere names another thing
    ("part" beside "multipart": "the largest part size of a multipart upload")."""
    return tuple(t for i, t in enumerate(asked)
                 if not any(t != o and len(t) < len(o) and o.startswith(t) for o in asked)
                 and not (i and len(t) < len(asked[i - 1]) and asked[i - 1].endswith(t)))


def _bound_terms(question: str, value: str | None) -> frozenset[str]:
    """The words naming the bound of an asked amount ("the largest", "upper", "at least"): the intent reads them
    as its bound, as "max" and "default" are, and a line states a bound in its own words ("shouldn't exceed
    4 KB", "up to 16 KB"), so they are no thing the answering line must name. A question asking no amount keeps
    them: "the highest court" names a court."""
    if value is None:
        return frozenset()
    return frozenset(stem(w) for pattern in P.BOUND_WORDS.values() for match in pattern.finditer(question)
                     for w in words(match.group(0)))


def _cue_units(question: str) -> frozenset[str]:
    """Unit words inside the words that ask for a value, "days" in "how many days ...", and the word after "how"
    there: "old" in "how old was she when ..." asks an age, which the line states as "at the age of 19"."""
    for pattern, _kind in P.VALUE_QUESTIONS:
        match = pattern.search(question)
        if match:
            found = words(match.group(0))
            after_how = {found[i + 1] for i in range(len(found) - 1) if found[i] == "how"}
            return frozenset(stem(w) for w in found if P.CUE_UNIT_WORDS.fullmatch(w) or w in after_how)
    return frozenset()


_FRAMING = frozenset(stem(w) for w in P.FRAMING_WORDS)
