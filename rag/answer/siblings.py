"""A quoted sentence read with the sentence beside it in its paragraph that holds what is asked: a line often names
its subject in one sentence and states the fact in the next ("The ketch sleeps six. Best sailed with a crew of
three."), so for "what crew does the ketch sail with" the first sentence, scored higher for naming the subject, is
quoted together with the next one, which holds the question's verb, as the paragraph writes them."""

from __future__ import annotations

from dataclasses import replace

from ..text import terms
from .policy import DEFAULT, Policy
from .units import Unit


def _span(a: Unit, b: Unit, lines: list[str]) -> str | None:
    """The text from ``a``'s start to ``b``'s end when ``b`` follows ``a`` with nothing but blanks between them."""
    if not 0 < a.line <= b.line <= b.last <= len(lines) or b.line > a.last:
        return None
    text = "\n".join(lines[a.line - 1: b.last])
    at = text.find(a.quote)
    if at < 0:
        return None
    after = at + len(a.quote)
    to = text.find(b.quote, after)
    if to < 0 or text[after:to].strip():
        return None
    return text[at: to + len(b.quote)]


def adds_asked(unit: Unit, other: Unit, asked: frozenset[str]) -> bool:
    """Whether ``other`` holds a term of the question (``asked``) that ``unit``'s own words do not."""
    return bool((set(terms(other.quote)) & asked) - set(terms(unit.quote)))


def with_sibling(unit: Unit, ranked: list[Unit], best: float, asked: frozenset[str],
                 lines: list[str], policy: Policy = DEFAULT) -> tuple[Unit, Unit | None]:
    """(``unit`` read with its neighbouring sentence, the neighbour) or (``unit``, None). A neighbour (the sentence
    right before or after it in one paragraph, among ``ranked``) joins it when it scores as strong as the best
    (``best``: the best score) or, scoring at least ``policy.sibling_min_share`` of it, holds a question term
    ``unit`` lacks. Table rows and code lines stand alone."""
    if not policy.sibling_sentences or unit.row or unit.fenced:
        return unit, None
    for other in ranked:
        if other is unit or other.file != unit.file or other.row or other.fenced or other.quote == unit.quote:
            continue
        strong = other.score >= policy.strong * best
        if not strong and not (other.score >= policy.sibling_min_share * best and adds_asked(unit, other, asked)):
            continue
        for first, second in ((unit, other), (other, unit)):
            text = _span(first, second, lines)
            if text is not None:
                end = second.last if second.last > first.line else 0
                return replace(unit, quote=text, line=first.line, end=end), other
    return unit, None


def read_with_siblings(chosen: list[Unit], ranked: list[Unit], asked: frozenset[str], lines_of,
                       policy: Policy = DEFAULT) -> list[Unit]:
    """``chosen`` (the quotes picked, best first), each read with its neighbouring sentence (:func:`with_sibling`);
    a neighbour quoted so is no longer quoted on its own."""
    if not chosen or not policy.sibling_sentences:
        return chosen
    best, out, taken = ranked[0].score if ranked else chosen[0].score, [], []
    for unit in chosen:
        if any(unit is t for t in taken):
            continue
        read, other = with_sibling(unit, ranked, best, asked, lines_of(unit.file), policy)
        taken += [other] if other is not None else []
        out.append(read)
    return [u for u in out if not any(u is t for t in taken)]
