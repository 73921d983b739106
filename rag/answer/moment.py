"""A closing clause naming a moment ("how long does the stock simmer before the barley goes in") names no thing the
answering line must speak: the notes' step order tells it, the nearest line of the answer's section speaking of the
moment's thing standing on the asked side (later for "before", earlier for "after")."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from ..text import stem, terms
from .evidence import spoken_terms
from .intent import Intent
from .policy import DEFAULT, Policy, questions as Q
from .sameword import stands_for
from .unknown import _TOKEN

if TYPE_CHECKING:
    from .evidence import Unit
    from .vocab import Vocabulary

_HEADING = "#"


def moment_terms(intent: Intent, ranked: list[Unit], note_lines: Callable[[str], list[str]], vocab: Vocabulary,
                 excused: frozenset[str], policy: Policy = DEFAULT) -> frozenset[str]:
    """The stems of the question's closing moment clause, which its answer need not speak (see the module doc;
    knob Policy.moment_by_step_order); empty when it has none or the notes' steps do not place it."""
    if not policy.moment_by_step_order:
        return frozenset()
    tokens = [t.lower() for t in _TOKEN.findall(intent.question)]
    found = moment_clause(intent, tokens, ranked, note_lines, vocab, excused, policy)
    return frozenset(t for t in found if t in set(intent.asked_terms))


def clause_at_end(tokens: list[str], vocab: Vocabulary) -> tuple[int, str, list[str]] | None:
    """The question's closing clause naming a moment: (order, the stem of its subject, the stems of its words),
    order +1 for "before" and -1 for "after" (policy.questions.MOMENT_CONJUNCTIONS). A clause is a conjunction, a
    determiner, a thing of the notes and a word that is none (its verb: "before the barley goes in"); "before the
    last frost" names a time, no clause. None when the question closes on no such clause."""
    for i in range(len(tokens) - 3, 0, -1):
        order = Q.MOMENT_CONJUNCTIONS.get(tokens[i])
        if order is None or tokens[i + 1] not in Q.DETERMINERS:
            continue
        body = tokens[i + 2:]
        if 2 <= len(body) <= 4 and body[0] in vocab.things and body[1] not in vocab.things and not body[1][0].isdigit():
            return order, stem(body[0]), [stem(w) for w in body]
        return None
    return None


def moment_clause(intent: Intent, tokens: list[str], ranked: list[Unit], note_lines: Callable[[str], list[str]],
                  vocab: Vocabulary, excused: frozenset[str], policy: Policy = DEFAULT) -> frozenset[str]:
    """The closing moment clause's stems, when one of the best lines (holding the asked kind of value) speaks of
    everything else asked and the nearest line of its section speaking of the clause's subject ("... add the
    barley") stands on the clause's side. Empty otherwise: the notes place no such moment there."""
    clause = clause_at_end(tokens, vocab)
    if not clause:
        return frozenset()
    order, subject, words = clause
    own = set(words)
    rest = [t for t in intent.asked_terms if t not in own and t not in excused]
    if not rest:
        return frozenset()
    for unit in ranked[: policy.kind_units]:
        if intent.specific and not intent.holds_value(unit.quote):
            continue
        left = [t for t in intent.unspoken(spoken_terms(unit), lambda t, said: stands_for(t, said, policy)) if t not in excused]
        if left and all(t in own for t in left) and _nearest_side(unit, subject, note_lines(unit.file)) == order:
            return frozenset(own)
    return frozenset()


def _nearest_side(unit: Unit, subject: str, lines: list[str]) -> int:
    """Where the nearest line of the unit's section speaking of ``subject`` stands: +1 after the unit, -1 before
    it, 0 when none does or two stand equally near ("wash the barley" three steps up, "add the barley" three down)."""
    first, last = unit.line - 1, (unit.end or unit.line) - 1
    for step in range(1, len(lines)):
        after = _speaks(lines, last + step, subject, first)
        before = _speaks(lines, first - step, subject, first)
        if after is None and before is None:
            return 0
        if after or before:
            return 0 if after and before else (1 if after else -1)
    return 0


def _speaks(lines: list[str], at: int, subject: str, first: int) -> bool | None:
    """Whether line ``at`` speaks of ``subject``; None past the note's ends or the section of line ``first``."""
    if not 0 <= at < len(lines):
        return None
    between = range(first + 1, at + 1) if at > first else range(at, first)
    if any(lines[i].lstrip().startswith(_HEADING) for i in between):
        return None
    return subject in terms(lines[at])
