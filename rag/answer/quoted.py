"""What the quoted lines themselves hold: the gate finds some relevant line holding the kind of answer asked (a
person for "who", a value for "how much"), but the composer may quote others; an answer whose every quoted line
lacks what was asked answers nothing, and is refused (rag.answer.engine asks after composing)."""

from __future__ import annotations

import dataclasses
import re
from typing import TYPE_CHECKING, Callable

from ..markup import LIST_ITEM, depth
from ..text import STOPWORDS, stem, terms
from .compose import Shown, display
from .evidence import asks
from .intent import Intent
from .phrasing import phrasing_terms
from .policy import DEFAULT, Policy, questions as Q, values as V
from .sameword import stands_for
from .who import defined_roles, heading_names, line_names

from .verify import Citation

if TYPE_CHECKING:
    from .vocab import Vocabulary

# a table row's cell opens like a sentence ("| Tidal bore | Water rises ..."): its first word names no one
_CELL = re.compile(r"\s*\|\s*")
_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+)?([A-Za-z][\w-]+)")


def names_in(intent: Intent, citation: Citation, vocab: Vocabulary, policy: Policy = DEFAULT) -> set[str]:
    """The words of a quoted line, or of the headings over it, that may name someone. Each cell of a row opens
    like a sentence; a heading's word names someone only as a name of the notes (:func:`_named`), and neither the
    note's title over deeper headings ("Harbour Notes > Week 2") nor a row's column names ("Term | Meaning") do:
    they label the notes. With ``policy.who_defined_acronym_names``, an acronym the notes spell out in capitalised
    words (vocab.titled) names a role wherever it stands ("signed by the skipper and HM")."""
    asked = {w.lower() for w in re.findall(r"[A-Za-z][\w-]+", intent.question)}
    quote = _CELL.sub(". ", citation.quote).strip(". ")
    parts = (citation.heading or "").split(" > ")
    headed = {w for i, part in enumerate(parts) if "|" not in part and (i or len(parts) == 1)
              for w in heading_names(part, asked, i == 0) if _named(w, vocab)}
    # a line's first word, or a sentence's, names someone when the notes never write it in lower case ("Okafor
    # was the first ..."); an agent after "by" not asked ("set by the harbour board") names who
    opening = {w for w in (w.lower() for w in re.findall(r"\b[A-Z][a-z]+\b", quote)) if _named(w, vocab)}
    agents = {w.lower() for w in _AGENT.findall(quote)} - asked - STOPWORDS
    defined = defined_roles(quote, vocab, asked) if policy.who_defined_acronym_names else set()
    return line_names(quote, asked) | (opening - asked) | agents | headed | defined


def _says_all(intent: Intent, citation: Citation, policy: Policy) -> bool:
    """Whether a quoted line, with its headings, speaks of every term the question asks, its verb included."""
    spoken = set(terms(f"{citation.heading} {citation.quote}"))
    return bool(intent.asked_terms) and all(stands_for(t, spoken, policy) for t in intent.asked_terms)


def _answers_who(citation: Citation, above: Callable[[Citation], str] | None, policy: Policy) -> bool:
    """Whether a quoted line answers the notes' own question asking who (:func:`asked_above`): what it says is
    the notes' answer to it, a group or a role ("landed farmers") as much as a name."""
    return bool(policy.who_from_asked_line and above and Q.ASKS_WHO.search(above(citation)))


def _named(word: str, vocab: Vocabulary) -> bool:
    """A word the notes never write in lower case, in any form: the notes' common nouns ("notes", "terms") turn up
    in lower case somewhere, a person's name does not. (The notes' mostly-capitalised words, vocab.names, are no
    guide here: a heading repeated in the text, "Week 3", makes "week" one.)"""
    return bool(vocab.lowered) and stem(word) not in vocab.lowered


def head_unsaid(intent: Intent, citations: list[Citation], vocab: Vocabulary, missing: bool,
                policy: Policy = DEFAULT) -> str | None:
    """A comparison of two kinds of one thing the notes speak of ("salted or unsalted butter"), one kind said
    missing (``missing``), and no quoted line speaking of the thing itself: the other kind's quote is about
    something else ("salted fish"). A closing word the notes never use names the missing side alone ("sourdough
    vs zeppelin airship"), no thing of both. Returns the thing, or None."""
    if not (policy.compared_head_quoted and missing and intent.comparison and intent.heads):
        return None
    head = intent.heads[-1][1]
    if head not in intent.compared or not vocab.knows(intent.word_of(head)):
        return None
    spoken = {t for c in citations for t in terms(f"{c.heading} {c.quote}")}
    return None if stands_for(head, spoken, policy) else intent.word_of(head)


def _subject(intent: Intent, vocab: Vocabulary, policy: Policy) -> list[str]:
    """The asked terms a "when" question's time must be stated of: all but its verb, whatever the verb's form in
    the line ("rise" / "rose"): the gate asks the verb apart (policy.date_verb_must_be_spoken); and, with
    ``policy.time_complement_unasked``, but the state a copula question closes on after a preposition ("in power");
    with ``policy.time_unknown_word_unasked``, but words the notes never use ("alive")."""
    # read as a verb even where the notes also use the word as a thing ("the rise of the guilds")
    verb = phrasing_terms(intent, dataclasses.replace(vocab, things=frozenset()),
                          dataclasses.replace(policy, date_verb_must_be_spoken=False))
    # "when were the guilds in power": what follows the subject after a preposition says what state the time is
    # asked of, in the question's words ("in power"); the line gives the time of the guilds ("1450 to 1520")
    rest = V.TIME_OF_A_THING.sub("", intent.question, count=1)
    state = V.TIME_COMPLEMENT.search(rest) if policy.time_complement_unasked else None
    verb = set(verb) | (set(terms(state.group(1))) - set(terms(rest[: state.start()])) if state else set())
    # a word the notes never use ("when was the guild's founder alive") names none of their things: no quote can
    # speak of it, and a sibling's time is told apart by the words they do use (the gate weighs unknown words)
    return [t for t in dict.fromkeys(intent.asked_terms) if t not in verb
            and (vocab.knows(intent.word_of(t)) or not policy.time_unknown_word_unasked)]


def asked_above(lines: list[str], number: int, question_anywhere: bool = True) -> str:
    """The question the notes ask themselves that line ``number`` (1-based) answers, or "": a list item's parent
    item ("- What did the guild publish in 1450?" over "  - Its charter ..."), or the text line just above a
    paragraph (one blank line between), when that line is a question (a parent item holding one anywhere, with
    ``question_anywhere``, policy.asked_item_question_anywhere). A study question often states the time or the
    thing its answer goes on to speak of only as "it" or "its"."""
    if not 0 < number <= len(lines):
        return ""
    line, above = lines[number - 1], number - 1
    while above > 0 and not lines[above - 1].strip() and number - above < 2:
        above -= 1
    if LIST_ITEM.match(line):  # the nearest shallower line is the item this one hangs under
        while above > 0 and (not lines[above - 1].strip() or depth(lines[above - 1]) >= depth(line)):
            above -= 1
        # a study item may go on after its question ("Who held the see from 1556?  (hint: read the section)")
        if above > 0 and question_anywhere and "?" in lines[above - 1]:
            return lines[above - 1].strip()
    if above < 1 or not lines[above - 1].strip() or not asks(lines[above - 1]):
        return ""
    return lines[above - 1].strip()


def time_of_another(intent: Intent, citations: list[Citation], vocab: Vocabulary, policy: Policy = DEFAULT,
                    above: Callable[[Citation], str] | None = None) -> str | None:
    """A "when" question whose quoted lines state times only of something else: no quoted line holding a time
    speaks, in itself, its headings, or the notes' question it answers (``above``, :func:`asked_above`, when
    ``policy.time_from_asked_line``), of every word asked (the question's verb aside): "when was the law of sheer
    proposed" quoting "the law of lift was proposed in 1905". Returns the words unsaid, or None."""
    if not (policy.time_quote_of_asked and intent.value in V.PLACED_IN_TIME and V.TIME_OF_A_THING.match(
            intent.question)) or intent.parts or intent.comparison:
        return None
    asked = _subject(intent, vocab, policy)
    # the question read with a line only adds what the line speaks of: it makes no line hold a time it did not
    asked_of = (lambda c: above(c) if above and policy.time_from_asked_line else "")
    timed = [set(terms(f"{c.heading} {asked_of(c)} {c.quote}")) for c in citations
             if intent.holds_value(f"{c.heading} {c.quote}")]
    if not timed or not asked:
        return None
    unsaid = min(([t for t in asked if not stands_for(t, spoken, policy)] for spoken in timed), key=len)
    return intent.word_of_all(unsaid) if unsaid else None


def unit_asked(intent: Intent, vocab: Vocabulary) -> str | None:
    """The unit a question closes by asking its answer in ("the hull speed in m/s", "the draft in metres"): a
    written rate, or a word the notes write after numbers (vocab.units). None when it names none."""
    match = V.IN_A_UNIT.search(intent.question)
    if not match:
        return None
    unit = match.group(1)
    return unit if "/" in unit or stem(unit.lower()) in vocab.units else None


def states_a_number(quote: str, unit: str, vocab: Vocabulary, policy: Policy = DEFAULT) -> bool:
    """Whether a quoted line states a number: in digits, or (``policy.unit_number_in_words``) written out before a
    word the notes write after numbers, before the unit asked, or before any unit of time when a time is asked in
    one ("for the first two weeks" answers "in days": the one converts to the other)."""
    if V.A_NUMBER.search(quote):
        return True
    counted, of_time = vocab.units | {stem(unit.lower())}, V.DURATION_WORD.fullmatch(unit)
    return policy.unit_number_in_words and any(
        stem(m.group(1).lower()) in counted or (of_time and V.DURATION_WORD.fullmatch(m.group(1)))
        for m in V.NUMBER_IN_WORDS.finditer(quote))


def quotes_lack(intent: Intent, citations: list[Citation], vocab: Vocabulary, policy: Policy = DEFAULT,
                missing: bool = False, above: Callable[[Citation], str] | None = None) -> str | None:
    """Why the quoted lines answer nothing (a short reason), or None: a comparison with a side said ``missing``
    and no quoted line speaking of what both sides are kinds of (:func:`head_unsaid`); a "when was X ..." question
    quoting only another thing's time (:func:`time_of_another`, reading each quoted line with the notes' question
    it answers, ``above``); a question asking its answer in a unit and no quoted number (:func:`unit_asked`,
    :func:`states_a_number`); a "who" question none of whose quoted lines (or their headings) names anyone
    (:func:`names_in`) nor answers the notes' own "who" question (:func:`_answers_who`). Two-part questions,
    comparisons and lists are otherwise left alone: a part may be answered by a block, a side by its table."""
    if citations and (thing := head_unsaid(intent, citations, vocab, missing, policy)):
        return f"no quoted line speaks of the {thing}"
    if citations and (unsaid := time_of_another(intent, citations, vocab, policy, above)):
        return f"no quoted line giving a time speaks of {unsaid!r}"
    if not citations or intent.parts or intent.comparison or intent.wants_list:
        return None
    if policy.unit_asks_a_number and (unit := unit_asked(intent, vocab)) and not any(
            states_a_number(c.quote, unit, vocab, policy) for c in citations):
        return f"no quoted line states a number in {unit}"
    # a line saying all the question asks, its verb too, answers by a role ("a mooring permit must be signed before
    # two wardens" for "who must sign a mooring permit"): no name need stand in it
    if policy.who_quote_names and intent.who and not any(
            names_in(intent, c, vocab, policy) or _says_all(intent, c, policy) or _answers_who(c, above, policy)
            for c in citations):
        return "no quoted line names anyone"
    return None


def quoting(shown: list[Shown], citation: Citation) -> list[Shown]:
    """The shown sentences that quote ``citation``."""
    return [s for s in shown if s.origin == "quote" and citation.n in s.cites and display(citation.quote) in s.text]


def requote(shown: list[Shown], citation: Citation, first: int, last: int, quote: str) -> Citation:
    """The citation widened to lines ``first``..``last`` quoting ``quote``, the shown sentences quoting it rewritten
    to match (in place): a quote read with the lines saying what it lacks (rag.answer.studied, .labelled_block)."""
    for s in quoting(shown, citation):
        s.text = s.text.replace(display(citation.quote), display(quote))
    return Citation(citation.n, citation.file, first, last, quote, citation.heading)
