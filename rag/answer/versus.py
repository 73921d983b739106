"""How a question names two things it compares ("alto vs tenor voice", "difference between A and B"), or the
options it offers for one subject ("is a whale a fish or a mammal"): the terms on each side of its "vs"."""

from __future__ import annotations

from ..text import terms, words
from . import policy as P


def sides_of(question: str) -> tuple[frozenset[str], ...]:
    """The two things a comparison asks about ("alto vs tenor voice" -> {alto}, {tenor})."""
    sides = side_terms(question)
    if sides is None:
        return ()
    a, b = (set(side) for side in sides)
    # "alto vs tenor voice": words on both sides ("voice") do not tell the sides apart
    a, b = a - b, b - a
    return (frozenset(a), frozenset(b)) if a and b else ()


def side_heads_of(question: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The term of each side nearest the "vs", and the words that name neither side (what is compared):
    "alto vs tenor vocal range" -> ("alto", "tenor"), {"vocal", "range"}."""
    sides = side_terms(question)
    if sides is None:
        return (), frozenset()
    a, b = sides
    a_own, b_own = [t for t in a if t not in b], [t for t in b if t not in a]
    if not (a_own and b_own):
        return (), frozenset()
    heads = (a_own[-1], b_own[0])
    return heads, frozenset(terms(P.VERSUS.sub(" ", _as_versus(question)), drop_generic=True)) - set(heads)


def _as_versus(question: str) -> str:
    """ "difference between A and B" -> "A vs B"; any other question as it is."""
    match = P.DIFFERENCE.match(question)
    if not match:
        return question
    a, b, *rest = [g for g in match.groups() if g is not None]
    return f"{a} vs {b}{''.join(rest)}"


def side_terms(question: str) -> tuple[list[str], list[str]] | None:
    """The terms on each side of a comparison's "vs" (generic words left out); None when it has no two sides."""
    if offers_options(question):
        return None
    parts = P.VERSUS.split(_as_versus(question), maxsplit=1)
    return (terms(parts[0], drop_generic=True), terms(parts[1], drop_generic=True)) if len(parts) == 2 else None


def options_of(question: str) -> tuple[str, ...]:
    """The two options a question offers for its subject (:func:`offers_options`): the terms on each side of
    its "or" ("strong", "weak"); () for any other question."""
    if not offers_options(question):
        return ()
    split = P.VERSUS.search(question, P.YES_NO.match(question).end())
    before, after = terms(question[:split.start()]), terms(question[split.end():])
    return (before[-1], after[0]) if before and after else ()


def offers_options(question: str) -> bool:
    """A yes/no question whose "or" offers the answer's options for a subject named before them ("does a low
    pKa mean a strong or weak acid"): a phrase opening with an article after the subject's first words. Not
    "is the sun or the moon bigger" (the sides are the subject) nor "should I use a list or a tuple" (the
    asker chooses between two things)."""
    aux = P.YES_NO.match(question)
    split = P.VERSUS.search(question, aux.end()) if aux else None
    if split is None or split.group(0).strip().lower() != "or":
        return False
    before = words(question[aux.end():split.start()])
    if not before or before[0] in P.ASKER_WORDS:
        return False
    return any(w in P.OPTION_ARTICLES and before[i - 1] not in P.OPTION_ARTICLES for i, w in enumerate(before) if i)
