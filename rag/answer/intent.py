"""One model of what a question asks: the kind of value, its bound, yes/no, definition, list, sides, parts.

Every other module of the answer stage asks :func:`parse` instead of matching question words itself, so
"what amount is being asked for" is decided once, from the word lists in :mod:`rag.answer.policy`. The
readings it gathers live beside it: the amount asked (:mod:`rag.answer.amount`), the parts of a two-part
question (:mod:`rag.answer.parts`) and the sides of a comparison (:mod:`rag.answer.versus`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..text import GENERIC, STOPWORDS, stem, terms, words
from .policy import questions as Q, values as V
from .amount import NOTES_COMPOUNDS, bound_of, degree_asked, positions_of, term_heads, value_asked
from .parts import parts_of
from .versus import options_of, side_heads_of, sides_of


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
    options: tuple[str, ...] = ()  # "does a high tide mean a strong or weak current": the options' terms, one of which answers
    key_terms: tuple[str, ...] = field(default=())  # stemmed content terms without intent words
    asked_terms: tuple[str, ...] = field(default=())  # key terms less framing words: what is asked about
    # (modifier, head) of two-word noun compounds ("starboard tack"): the kind of a thing a question asks
    # about (rag.answer.gate.contrasted); the value's own word ("age") is never one
    heads: tuple[tuple[str, str], ...] = field(default=())
    # the words asking a degree of one thing ("how high" is the fee in court, "how much" salt, "which direction"):
    # "" when none (policy.values.DEGREE)
    degree: str = ""

    def unspoken(self, spoken: set[str], stands) -> list[str]:
        """The asked terms a text's stemmed words (``spoken``) do not speak of; ``stands(term, spoken)`` says
        whether one term does."""
        return [t for t in dict.fromkeys(self.asked_terms) if not stands(t, spoken)]

    @property
    def comparison(self) -> bool:
        return len(self.sides) == 2

    @property
    def asks_reason(self) -> bool:
        """Asks why ("why is ...", "how come ..."): a line stating a reason answers it."""
        return bool(Q.WHY_QUESTION.match(self.question))

    @property
    def how_to(self) -> bool:
        """Asks how to do something ("how do I ..."): not a comparison nor two parts."""
        return bool(Q.HOW_TO.match(self.question)) and not self.comparison and not self.parts

    @property
    def steps(self) -> bool:
        """Asks how to do something, or requests something ("copy a file out of the box"): a short code block it hits
        is quoted whole. Not a comparison nor two parts."""
        return self.how_to or (bool(Q.REQUEST.match(self.question)) and not self.comparison and not self.parts)

    @property
    def asks_command(self) -> bool:
        """Asks how to do something, for a command or option, or whether one can do something, in any of its parts
        ("how do I ..., and what ..."): a prose line is quoted with the code block that follows it. No comparison."""
        return not self.comparison and bool(Q.HOW_TO.match(self.question) or Q.REQUEST.match(self.question)
                                                 or Q.ASKS_COMMAND.match(self.question))

    @property
    def wants_amount(self) -> bool:
        return self.value is not None

    @property
    def part_queries(self) -> tuple[str, ...]:
        """Each part as a question on its own: a later part that points back with a pronoun ("how do
        plants use it") also carries the first part's content words ("chlorophyll")."""
        if not self.parts:
            return ()
        first = " ".join(words(Q.QUESTION_LEAD.sub("", self.parts[0])))
        return (self.parts[0],) + tuple(f"{part} ({first})" if Q.POINTS_BACK.search(part) else part
                                        for part in self.parts[1:])

    @property
    def specific(self) -> bool:
        """Asks one value, one degree or one definition: a sentence that answers must speak of everything asked
        about. Not a time (policy.values.PLACED_IN_TIME)."""
        return ((self.wants_amount and self.value not in V.PLACED_IN_TIME) or self.definition or bool(self.degree)) and \
            not self.parts and not self.comparison

    def word_of(self, term: str) -> str:
        """The question's own word for a stemmed term ("voting" for "vote"), for messages."""
        return next((w for w in words(self.question) if stem(w) == term), term)

    def word_of_all(self, terms: list[str]) -> str:
        """The question's own words for stemmed terms, joined, for messages."""
        return " ".join(self.word_of(t) for t in terms)

    @property
    def label(self) -> str:
        """How a refusal names what was missing: "a duration", "a number"."""
        return {"price": "a price", "percent": "a percentage", "duration": "a duration", "date": "a date",
                "size": "a size", "temperature": "a temperature", "count": "a number", "number": "a number",
                "speed": "a speed or a time", "time": "a time"}.get(self.value or "", "an answer")

    @property
    def asks_quantity(self) -> bool:
        """A degree asked of a thing by its amount ("how much flour goes in", policy.values.QUANTITY_DEGREE): a line
        measuring a quantity answers it ("250 g of flour"; rag.answer.evidence)."""
        return self.degree == V.QUANTITY_DEGREE

    def holds_value(self, sentence: str) -> bool:
        """Whether ``sentence`` states a value of the asked kind (always True when no value is asked)."""
        if self.value is None:
            return True
        # markup inside a value ("16 **milli**meters") hides nothing
        return bool(V.VALUE_PATTERNS[self.value].search(sentence.replace("*", "").replace("`", "")))

    def defines_asked(self, sentence: str) -> bool:
        """Whether ``sentence`` defines the phrase the question ends by asking "what is" ("the boiling point
        is the temperature at which ..." for "... what is the boiling point")."""
        match = Q.WHAT_IS.search(self.question)
        if not match:
            return False
        phrase = r"\s+".join(re.escape(w) for w in match.group(1).split())
        return bool(re.search(Q.DEFINES.format(phrase), sentence))

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
        """Whether ``text`` states ``number`` in digits or words ("9": "9", "9th", "ninth"; "3": "three"; "1":
        "primary", policy.values.ORDINAL_ADJECTIVES)."""
        word = V.ORDINAL_WORDS[number] if number < len(V.ORDINAL_WORDS) else str(number)
        cardinal = next((w for w, n in V.COUNT_WORDS.items() if n == number), str(number))
        adjective = V.ORDINAL_ADJECTIVES[number - 1] if 0 < number <= len(V.ORDINAL_ADJECTIVES) else word
        return bool(re.search(rf"(?i)(?<![\d.,]){number}(?!\d|[.,]\d)|\b(?:{word}|{cardinal}|{adjective})\b", text))

    def holds_name(self, sentence: str) -> bool:
        """For "who" questions: the sentence names someone the question does not (a capitalised word)."""
        asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", self.question)}
        names = re.findall(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Za-z]+)?\b", sentence.strip())
        return any(n.lower() not in asked for n in names)


def compound_heads(question: str, asked: tuple[str, str] | None = None) -> tuple[tuple[str, str], ...]:
    """(modifier, head) stems of each two content words that end a run of them ("on a starboard tack"
    -> ("starboard", "tack")), the value's own word and framing words left out: a kind of a thing the question
    asks about, which a line about another kind ("a port tack") does not answer. ``asked``: the question's
    (kind, words asking the value) when already read."""
    asked = asked or value_asked(question)
    cue = {stem(w) for w in words(asked[1])} if asked else set()
    found = []
    run: list[str] = []
    # after "does"/"can" the first run of content words ends with the verb ("does a copper kettle tarnish")
    aux = Q.DO_SUPPORT.match(question)
    verb_next = bool(aux)
    # "who united upper and lower egypt": the word right after a subject "who" is its verb, no modifier of a kind
    verb = Q.WHO_VERB.match(question) if not aux else None
    for word in words(question[verb.end():] if verb else question[aux.end():] if aux else question) + [""]:
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


def parse(question: str) -> Intent:
    """The :class:`Intent` of a question, read in the sense of the notes being answered from (the terms they share
    with it, rag.answer.amount.NOTES_COMPOUNDS)."""
    return _parse(question.strip(), NOTES_COMPOUNDS.get())


@lru_cache(maxsize=2048)
def _parse(q: str, _compounds: frozenset) -> Intent:
    """:func:`parse`, cached per question and notes' compounds: every stage asks about the same question."""
    sides = sides_of(q)
    heads, compared = side_heads_of(q) if sides else ((), frozenset())
    asked = value_asked(q)
    value = asked[0] if asked else None
    yes_no = bool(Q.YES_NO.match(q)) and not sides
    definition = bool(Q.DEFINITION.match(q)) and value is None and not sides and bound_of(q) is None
    wants_list = bool(Q.PLURAL_LIST.search(q)) and value not in V.ONE_AMOUNT
    degree, degree_cue = degree_asked(q) if value is None and not sides else ("", "")
    return Intent(
        question=q,
        value=value,
        bound=bound_of(q),
        yes_no=yes_no,
        definition=definition,
        wants_list=wants_list and not sides,
        who=bool(Q.WHO.search(q)),
        sides=sides,
        side_heads=heads,
        compared=compared,
        parts=parts_of(q) if not sides else (),
        options=options_of(q),
        # "vs" frames a comparison; it names neither side nor what is compared
        key_terms=(key := tuple(terms(Q.VERSUS.sub(" ", q) if sides else Q.STAND_FOR.sub("", q), drop_generic=True)
                                or terms(q))),
        asked_terms=_without_restated(tuple(t for t in key if t not in (_FRAMING - term_heads(q)) | _cue_units(q) | _bound_terms(q, value)
                                            | {stem(degree_cue)})),
        heads=compound_heads(q, asked),
        degree=degree,
    )


parse.cache_clear = _parse.cache_clear  # type: ignore[attr-defined]  # a test switching a knob reads anew


def _without_restated(asked: tuple[str, ...]) -> tuple[str, ...]:
    """Drop a term another asked term opens with ("sail" beside "sailcloth", "herb" beside "herbs-based"),
    or the one right before it ends with ("saucepan pan"); one that another ends with elsewhere names another thing
    ("boat" beside "houseboat": "the largest boat length of a houseboat mooring")."""
    return tuple(t for i, t in enumerate(asked)
                 if not any(t != o and len(t) < len(o) and o.startswith(t) for o in asked)
                 and not (i and len(t) < len(asked[i - 1]) and asked[i - 1].endswith(t)))


def _bound_terms(question: str, value: str | None) -> frozenset[str]:
    """The words naming the bound of an asked amount ("the largest", "upper", "at least"): the intent reads them
    as its bound, as "max" and "default" are, and a line states a bound in its own words ("shouldn't exceed
    2 kg", "up to 5 kg"), so they are no thing the answering line must name. A question asking no amount keeps
    them: "the highest court" names a court."""
    if value is None:
        return frozenset()
    return frozenset(stem(w) for pattern in V.BOUND_WORDS.values() for match in pattern.finditer(question)
                     for w in words(match.group(0)))


def _cue_units(question: str) -> frozenset[str]:
    """Unit words inside the words that ask for a value, "days" in "how many days ...", and the word after "how"
    there: "old" in "how old was she when ..." asks an age, which the line states as "at the age of 19"."""
    for pattern, _kind in V.VALUE_QUESTIONS:
        match = pattern.search(question)
        if match:
            found = words(match.group(0))
            after_how = {found[i + 1] for i in range(len(found) - 1) if found[i] == "how"}
            return frozenset(stem(w) for w in found if V.CUE_UNIT_WORDS.fullmatch(w) or w in after_how)
    return frozenset()


_FRAMING = frozenset(stem(w) for w in Q.FRAMING_WORDS)
