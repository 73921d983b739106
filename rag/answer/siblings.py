"""A quoted sentence read with the sentence beside it in its paragraph that holds what is asked: a line often names
its subject in one sentence and states the fact in the next ("The ketch sleeps six. Best sailed with a crew of
three."), so for "what crew does the ketch sail with" the first sentence, scored higher for naming the subject, is
quoted together with the next one, which holds the question's verb, as the paragraph writes them."""

from __future__ import annotations

import re
from dataclasses import replace

from ..markup import HEADING, LIST_ITEM, NUMBERED, depth
from ..text import numbers, terms
from .policy import questions as Q
from .policy import DEFAULT, Policy
from .units import Unit


def _span(a: Unit, b: Unit, lines: list[str], next_line: bool = False, next_step: bool = False) -> str | None:
    """The text from ``a``'s start to ``b``'s end when ``b`` follows ``a`` with nothing but blanks between them: on
    ``a``'s (last) line, or (``next_line``) opening the next line of one plain paragraph (same indent, no list item,
    heading or table row); or (``next_step``) opening the next numbered step, the rest of ``a``'s step between."""
    if not 0 < a.line <= b.line <= b.last <= len(lines) or b.line > a.last + (next_line or next_step):
        return None
    below = b.line > a.last
    step = below and next_step and _next_step(lines[a.last - 1], lines[b.line - 1])
    if below and not step and not (next_line and _goes_on(lines[a.last - 1], lines[b.line - 1])):
        return None
    text = "\n".join(lines[a.line - 1: b.last])
    at = text.find(a.quote)
    if at < 0:
        return None
    after = at + len(a.quote)
    to = text.find(b.quote, after)
    gap = text[after:to]
    if to < 0 or (not ("\n" in gap and _STEP_MARK.fullmatch(gap.rsplit("\n", 1)[-1])) if step else gap.strip()):
        return None
    return text[at: to + len(b.quote)]


_STEP_MARK = re.compile(r"\s*\d+[.)]\s+")  # what opens a numbered step's line


def _next_step(line: str, below: str) -> bool:
    """Whether ``below`` is the step numbered right after ``line``'s, at its indent ("5. ..." over "6. ...")."""
    if not (NUMBERED.match(line) and NUMBERED.match(below)) or depth(line) != depth(below):
        return False
    return int(re.match(r"\s*(\d+)", below).group(1)) == int(re.match(r"\s*(\d+)", line).group(1)) + 1


def _goes_on(line: str, below: str) -> bool:
    """Whether ``below`` continues ``line``'s plain paragraph."""
    plain = [bool(x.strip()) and not (LIST_ITEM.match(x) or HEADING.match(x) or x.lstrip().startswith("|"))
             for x in (line, below)]
    return all(plain) and depth(line) == depth(below)


def adds_asked(unit: Unit, other: Unit, asked: frozenset[str]) -> bool:
    """Whether ``other`` holds a term of the question (``asked``) that ``unit``'s own words do not."""
    return bool((set(terms(other.quote)) & asked) - set(terms(unit.quote)))


def gives_value(unit: Unit, other: Unit, thing: frozenset[str]) -> bool:
    """Whether ``other`` gives the thing a "what X do ..." question asks (``thing``: X's terms) a number ``unit``
    does not: "The more sail the more speed." beside "Carry at least 40 m2 of sail." for "what sail do I need"."""
    return bool(thing) and not numbers(unit.quote) and bool(numbers(other.quote)) and thing <= set(terms(other.quote))


def thing_asked(question: str) -> frozenset[str]:
    """The terms of the thing a "what/which X does ..." question asks (policy.questions.THING_ASKED), or none."""
    match = Q.THING_ASKED.match(question)
    return frozenset(terms(match.group(1))) if match else frozenset()


def with_sibling(unit: Unit, ranked: list[Unit], best: float, asked: frozenset[str],
                 lines: list[str], policy: Policy = DEFAULT, thing: frozenset[str] = frozenset()
                 ) -> tuple[Unit, Unit | None]:
    """(``unit`` read with its neighbouring sentence, the neighbour) or (``unit``, None). A neighbour (the sentence
    right before or after it in one paragraph, among ``ranked``) joins it when it scores as strong as the best
    (``best``: the best score) or, scoring at least ``policy.sibling_min_share`` of it, holds a question term
    ``unit`` lacks. A numbered step is read with the step after it, never the one before: a step goes on in the
    next. Table rows and code lines stand alone."""
    if not policy.sibling_sentences or unit.row or unit.fenced:
        return unit, None
    for other in ranked:
        if other is unit or other.file != unit.file or other.row or other.fenced or other.quote == unit.quote:
            continue
        strong = other.score >= policy.strong * best
        near = other.score >= policy.sibling_min_share * best
        if not strong and not (near and (adds_asked(unit, other, asked) or policy.sibling_gives_value
                                         and gives_value(unit, other, thing))):
            continue
        for first, second in ((unit, other), (other, unit)):
            text = _span(first, second, lines, policy.sibling_next_line, policy.sibling_next_step and first is unit)
            if text is not None:
                end = second.last if second.last > first.line else 0
                return replace(unit, quote=text, line=first.line, end=end), other
    return unit, None


def read_with_siblings(chosen: list[Unit], ranked: list[Unit], question: str, lines_of,
                       policy: Policy = DEFAULT) -> list[Unit]:
    """``chosen`` (the quotes picked, best first), each read with its neighbouring sentence (:func:`with_sibling`);
    a neighbour quoted so is no longer quoted on its own."""
    if not chosen or not policy.sibling_sentences:
        return chosen
    best, out, taken = max(u.score for u in chosen), [], []
    asked, thing = frozenset(terms(question)), thing_asked(question)
    for unit in chosen:
        if any(unit is t for t in taken):
            continue
        read, other = with_sibling(unit, ranked, best, asked, lines_of(unit.file), policy, thing)
        # another quote on the lines the pair spans would read as quoted already (rag.answer.compose): keep apart
        if other is not None and any(c is not unit and c is not other and c.file == unit.file
                                     and read.line <= c.line <= read.last for c in chosen):
            read, other = unit, None
        taken += [other] if other is not None else []
        out.append(read)
    return [u for u in out if not any(u is t for t in taken)]
