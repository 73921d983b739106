"""How a question names two things it compares ("sloop vs ketch rig", "difference between A and B"), or the
options it offers for one subject ("is a whale a fish or a mammal"): the terms on each side of its "vs", and
the words the notes pair with a side's head word to name it (:func:`named_by_phrases`)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from ..text import STOPWORDS, stem, terms, words
from .policy import DEFAULT, questions as Q, values as V

if TYPE_CHECKING:  # the Intent is built from this module's readings (rag.answer.intent imports it)
    from .intent import Intent


def sides_of(question: str) -> tuple[frozenset[str], ...]:
    """The two things a comparison asks about ("sloop vs ketch rig" -> {sloop}, {ketch})."""
    sides = side_terms(question)
    if sides is None:
        return ()
    a, b = (set(side) for side in sides)
    # "sloop vs ketch rig": words on both sides ("rig") do not tell the sides apart
    # ...but a side that is the other's name shortened ("butter vs brown butter") is its whole name, standing alone
    short = shortened_side(question)
    a, b = (a if short == 0 else a - b), (b if short == 1 else b - a)
    return (frozenset(a), frozenset(b)) if a and b else ()


def side_heads_of(question: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The term of each side nearest the "vs", and the words that name neither side (what is compared):
    "sloop vs ketch sail area" -> ("sloop", "ketch"), {"sail", "area"}."""
    sides = side_terms(question)
    if sides is None:
        return (), frozenset()
    a, b = sides
    a_own, b_own = [t for t in a if t not in b], [t for t in b if t not in a]
    if shortened_side(question) is not None:  # "butter vs brown butter"
        a_own, b_own = a_own or a[-1:], b_own or b[:1]
    if not (a_own and b_own):
        return (), frozenset()
    heads = (a_own[-1], b_own[0])
    compared = frozenset(terms(Q.VERSUS.sub(" ", _as_versus(question)), drop_generic=True)) - set(heads)
    compared -= Q.PLAIN_FORM_WORDS - set(a) - set(b)  # "plain" dropped from a side names it, compares nothing
    compared -= _vague_stems()  # "a specific container": "specific" is not what is compared either
    judging = frozenset(terms(" ".join(Q.JUDGING_WORDS))) if DEFAULT.judging_word_not_compared else frozenset()
    return heads, (compared - judging) or compared


def _as_versus(question: str) -> str:
    """ "difference between A and B" -> "A vs B"; any other question as it is."""
    match = Q.DIFFERENCE.match(question)
    if not match:
        return _each_as_versus(question)
    a, b, *rest = [g for g in match.groups() if g is not None]
    return f"{a} vs {b}{''.join(rest)}"


def _each_as_versus(question: str) -> str:
    """ "how many crew do A and B each need" -> "how many crew do A vs B need" (policy.questions
    EACH_OF_TWO_AS_SIDES): one question asked of each of two things; any other question as it is."""
    match = Q.EACH_OF_TWO_AS_SIDES and next(filter(None, (p.match(question) for p in _each_patterns())), None)
    if not match:
        return question
    before, a, b, rest = match.groups()
    return f"{before}{a} vs {b.rstrip(',')}{rest}"


@lru_cache(maxsize=1)
def _each_patterns() -> tuple[re.Pattern, re.Pattern]:
    """ "<up to the first auxiliary> A and B each|respectively <rest>", "<...> both A and B<rest>"."""
    aux = "|".join(sorted(Q.AUXILIARIES | Q.BE_FORMS | {"have", "has", "had"}))
    before = r"((?:(?!\b(?:%s)\b).)*?\b(?:%s)\s+)" % (aux, aux)
    side = r"(\S+(?:\s+\S+){0,%d}?)" % (Q.EACH_SIDE_MAX_WORDS - 1)
    asker = "|".join(sorted(Q.SUBJECT_PRONOUNS | Q.ASKER_WORDS))
    floating = "|".join(Q.EACH_WORDS)
    return (re.compile(rf"(?i)^{before}(?!(?:{asker})\b){side}\s+and\s+{side},?\s+(?:{floating})\b(.*?)\??$"),
            re.compile(rf"(?i)^{before}both\s+{side}\s+and\s+(.+?)()\??$"))


def side_terms(question: str) -> tuple[list[str], list[str]] | None:
    """The terms on each side of a comparison's "vs" (generic words left out); None when it has no two sides."""
    if offers_options(question) or joins_verbs(question):
        return None
    parts = Q.VERSUS.split(_as_versus(question), maxsplit=1)
    if len(parts) != 2:
        return None
    vague = _vague_stems()  # "a specific container": "specific" names no side
    a, b = ([t for t in terms(p, drop_generic=True) if t not in vague] for p in parts)
    if not (a and b):
        return None
    return _plain_dropped(a, b), _plain_dropped(b, a)


@lru_cache(maxsize=1)
def _vague_stems() -> frozenset[str]:
    """The stems of policy.questions.VAGUE_SIDE_WORDS: words naming no side of a comparison."""
    return frozenset(stem(w) for w in Q.VAGUE_SIDE_WORDS)


def shortened_side(question: str) -> int | None:
    """Which side (0, 1) of a comparison is the other side's name shortened ("butter vs brown butter": 0), read on
    all its words, stopwords too ("service port vs the port pods use" shortens nothing); None when neither is."""
    sides = side_terms(question) if Q.SUBSET_SIDE else None
    if not sides:
        return None
    full = [{stem(w) for w in words(p)} - Q.PLAIN_FORM_WORDS for p, _o in _halves(question)]
    a, b = set(sides[0]), set(sides[1])
    if a < b and full[0] < full[1]:
        return 0
    if b < a and full[1] < full[0]:
        return 1
    return None


def _halves(question: str) -> list[tuple[str, str]]:
    """The text of each side of a comparison's "vs", with the other's."""
    a, b = Q.VERSUS.split(_as_versus(question), maxsplit=1)
    return [(a, b), (b, a)]


def _plain_dropped(side: list[str], other: list[str]) -> list[str]:
    """A side less the words saying it is the unqualified one ("plain rye" vs "rye sourdough": "rye"), when what is
    left is the other side's name shortened (policy.questions.PLAIN_FORM_WORDS); else the side as it is."""
    kept = [t for t in side if t not in Q.PLAIN_FORM_WORDS]
    return kept if Q.SUBSET_SIDE and kept != side and kept and set(kept) < set(other) else side


def named_stopwords(question: str) -> frozenset[str]:
    """The stopwords that name a comparison's side, to keep as terms while it is answered (policy.questions
    SIDE_NAME_STOPWORDS): a side the question writes with no content word ("service vs return": "service" is a stopword) is
    named by its word nearest the "vs"; not a function word nor a number word ("the one vs the other")."""
    if not Q.SIDE_NAME_STOPWORDS or offers_options(question) or joins_verbs(question):
        return frozenset()
    parts = Q.VERSUS.split(_as_versus(question), maxsplit=1)
    if len(parts) != 2:
        return frozenset()
    left, right = words(parts[0])[::-1], words(parts[1])  # each side's words from the "vs" out
    out = set()
    for own, other in ((left, right), (right, left)):
        if terms(" ".join(own), drop_generic=True):
            continue  # a side with a word of its own is named by it
        word = next((w for w in own if w not in other), "")
        if word in STOPWORDS and word not in Q.SIDE_NAME_NOT and word not in V.COUNT_WORDS:
            out.add(word)
    return frozenset(out)


def options_of(question: str) -> tuple[str, ...]:
    """The two options a question offers for its subject (:func:`offers_options`): the terms on each side of
    its "or" ("strong", "weak"); () for any other question."""
    if not offers_options(question):
        return ()
    split = Q.VERSUS.search(question, Q.YES_NO.match(question).end())
    before, after = terms(question[:split.start()]), terms(question[split.end():])
    return (before[-1], after[0]) if before and after else ()


def offers_options(question: str) -> bool:
    """A yes/no question whose "or" offers the answer's options for a subject named before them ("does a high
    tide mean a strong or weak current"): a phrase opening with an article after the subject's first words. Not
    "is the sun or the moon bigger" (the sides are the subject) nor "should I use a list or a tuple" (the
    asker chooses between two things)."""
    aux = Q.YES_NO.match(question)
    split = Q.VERSUS.search(question, aux.end()) if aux else None
    if split is None or split.group(0).strip().lower() != "or":
        return False
    before = words(question[aux.end():split.start()])
    if not before or before[0] in Q.ASKER_WORDS:
        return False
    return any(w in Q.OPTION_ARTICLES and before[i - 1] not in Q.OPTION_ARTICLES for i, w in enumerate(before) if i)


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


def joins_verbs(question: str) -> bool:
    """ "what did the guild come up with or sell", "what did she find or discover": an "or" joining two verbs of one
    ask, whose object is the question word, compares no two things. Read so in a question opening with
    what/which/who (policy.questions.WH_SUBJECT) when the "or" follows a preposition the question word left
    stranded ("come up with" what), or when an auxiliary follows "what" or "who" (the question word is the verbs'
    object: "what did ...") and one word alone follows the "or", the question's last, with no comma before it
    ("what did they prefer, tea or coffee" and "which do sailors prefer sloops or ketches" offer two things)."""
    split = Q.VERSUS.search(question)
    if split is None or split.group(0).strip().lower() != "or":
        return False
    before, after = words(question[:split.start()]), words(question[split.end():])
    if len(before) < 3 or before[0] not in Q.WH_SUBJECT:
        return False
    stranded = before[-1] in Q.PREPOSITIONS or before[-1] in Q.PARTICLES
    second_verb = before[0] != "which" and before[1] in Q.AUXILIARIES and len(after) == 1 and "," not in question
    return stranded or second_verb


def subject_of_line(side, unit) -> bool:
    """Whether a line opens with a comparison side's whole phrase and says more ("Knaves always lie", not "Guard
    1 is a Knave" nor a bare "Knaves"): the side is what it speaks of (rag.answer.sides.best_line)."""
    said, phrase = terms(unit.cited.strip(" |")), set(side.phrase)
    return len(said) > len(phrase) and set(said[:len(phrase)]) == phrase
