"""Decide whether the retrieved notes can answer a question at all, before asking the model.

Beyond the relevance score, four checks that hold on any notes: a question whose key words mostly never
occur in the notes ("Neptune" in notes that never say it) cannot be answered from them; a question asking
for a kind of value (a duration, a size, a price, a date, a count) needs a relevant note sentence that
states a value of that kind; a "who" question needs a relevant sentence naming someone; and a question
asking one value or one definition needs one sentence that speaks of everything it asks about, in the
sentence or the headings above it. That last check refuses near misses (notes on voting that never give an age).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import STOPWORDS, numbers, stem, terms
from .evidence import counted_things, is_label, list_nouns, lists_asked, spoken_terms  # noqa: F401 (importers use it here)
from .alike import named_alike
from .kindword import word_before
from .amount import bound_of, counts_past, stated_by_unit
from .asked_of import said_of_another, unnamed_instance
from .asked_value import bound_unnamed, unsaid_in_its_note, value_unstated
from .counted import counted_noun, holds_counted
from .enumerated import counted_by_list
from .instead import elided_alternative
from .named import unnamed_thing
from .place import placeless
from .restated import restated_only
from .superlative import unranked
from .titled import sibling_task
from .who import kind_named, names_someone
from .intent import Intent, parse
from .roman import holds_roman, with_digits
from .relevant import covers_a_side, relevance, relevant_to  # noqa: F401 (engine calls gate.relevance)
from .phrasing import content_words, light_terms, named_words, phrasing_terms, unknown_action  # noqa: F401
from .policy import DEFAULT, Policy, notes as N, questions as Q, values as V
from .sameword import initialled, named_by_symbol, stands_for
from .shortening import spelling_line
from .means import unspoken_means
from .unknown import _TOKEN, unknown_name, unknown_words  # noqa: F401 (engine and tests call them here)
from .vocab import Vocabulary

if TYPE_CHECKING:
    from .evidence import Unit


def labels_above(unit: Unit, labels: list[Unit]) -> set[str]:
    """What the label lines above a sentence in its section speak of: a note states a qualifier once, as a heading-like
    line ("per-guest limits"), for the lines below ("2 bags"); full sentences above state their own facts."""
    out: set[str] = set()
    for other in labels:
        if other.chunk_id == unit.chunk_id and other.file == unit.file and other.line < unit.line:
            out |= set(terms(other.quote)) | set(terms(re.sub(r"[-/_]", " ", other.quote)))
    return out


def unspoken(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT, excused: frozenset[str] = frozenset(),
             topics: dict[str, str] | None = None) -> list[str]:
    """The asked terms that no single candidate sentence (one of the best, holding the asked kind of value) speaks of,
    in itself, its headings or the label lines above it, or ties to its phrase (rag.answer.alike): the fewest any
    leaves out ([] for none). ``excused``: the question's verb (rag.answer.phrasing); ``topics``: file -> the words
    its front matter files it under (rag.frontmatter)."""
    asked = [t for t in dict.fromkeys(intent.asked_terms) if t not in excused]
    if spelled_out(intent, ranked, policy):  # "what does LO stand for in ...": the line spelling LO out answers
        return []
    fewest: list[str] | None = None
    labels = [u for u in ranked if is_label(u.quote)]
    for unit in ranked[: policy.kind_units]:
        if not intent.holds_value(unit.quote) or other_bound(intent, unit):
            continue
        said = spoken_terms(unit) | labels_above(unit, labels) | stated(intent, unit.quote, policy) | set(
            terms((topics or {}).get(unit.file, "")))
        missing = _left_out(intent, said | counted_by_list(intent, unit, ranked, policy), policy, excused)
        missing = [] if policy.named_alike and missing and named_alike(unit, missing, asked, ranked) else missing
        if fewest is None or len(missing) < len(fewest):
            fewest = missing
        if not fewest:
            return []
    return fewest if fewest is not None else asked


def spelled_out(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """For "what does X stand for [in ...]": the best line spelling X out where the notes speak of that use
    (rag.answer.shortening); None for other questions, or when no line does."""
    return spelling_line(intent.question, ranked, spoken_terms, policy.kind_units,
                         lambda term, said: stands_for(term, said, policy))


def _left_out(intent: Intent, spoken: set[str], policy: Policy, excused: frozenset[str]) -> list[str]:
    """The asked terms a sentence speaking of ``spoken`` leaves out, the question's verb (``excused``) aside."""
    spoken = spoken | initialled(intent.question, spoken, policy) | named_by_symbol(intent.question, spoken)
    return [t for t in intent.unspoken(spoken, lambda t, said: stands_for(t, said, policy)) if t not in excused]


def other_bound(intent: Intent, unit: Unit) -> bool:
    """The line states its value at another bound than the one asked ("Minimum berth length: 8 m" for "the largest
    berth length"); a line naming no bound, or several, may answer."""
    if not intent.bound:
        return False
    found = bound_of(unit.quote)
    return found is not None and found != intent.bound


def unnamed_bound(intent: Intent, relevant: list[Unit], ranked: list[Unit], policy: Policy = DEFAULT) -> str | None:
    """The bound asked ("the default stay") when it is one no value shows by itself (policy.values
    .STATED_ONLY_BOUNDS) and no relevant line names it, in itself, its headings or a label line above: an example's
    "timeout: 5" is no default. None when the question asks no such bound or a line names it."""
    if not (policy.default_must_be_stated and intent.bound in V.STATED_ONLY_BOUNDS):
        return None
    words_of = V.BOUND_WORDS[intent.bound]
    labels = [u for u in ranked if is_label(u.quote)]
    for unit in relevant:
        above = " ".join(o.quote for o in labels if o.chunk_id == unit.chunk_id and o.file == unit.file and o.line < unit.line)
        if words_of.search(f"{unit.heading} {unit.context} {unit.lead_in} {unit.quote} {above}"):
            return None
    return intent.bound


def stated(intent: Intent, line: str = "", policy: Policy = DEFAULT) -> set[str]:
    """What a line holding the asked value speaks of by its unit alone (rag.answer.amount.stated_by_unit)."""
    return stated_by_unit(intent.question, intent.value, line, policy) | elided_alternative(intent.question, line, policy)


def contrasted(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT, excused: frozenset[str] = frozenset()
               ) -> tuple[str, str] | None:
    """A near miss on a qualifier: the question asks about one kind of a thing ("a written lease"), the
    notes name that kind somewhere, and the line that speaks of everything else it asks names another kind in
    that place ("an oral lease"), while no line speaks of everything. Returns (asked, found) phrases, or None.
    (Both kinds must be phrases of the notes, "tests whether" is none; and the found kind's head the asked word
    itself, a plural aside: "Harbour Master" shares a stem with "harbour mastering", not its meaning.)"""
    if intent.comparison or intent.parts or intent.wants_list or not intent.heads:
        return None
    missing = [(u, _left_out(intent, spoken_terms(u), policy, excused)) for u in ranked[: policy.kind_units]]
    if any(not left for _u, left in missing):
        return None
    pairs = {pair for u in ranked for found in [terms(u.quote)] for pair in zip(found, found[1:])}
    for modifier, head in intent.heads:
        best = next((u for u, left in missing if left == [modifier]), None)
        head_word = intent.word_of(head)
        other = word_before(best.quote, head, head_word if policy.contrast_same_word else None) if best and (
            modifier, head) in pairs else None
        if other and stem(other) != modifier and (stem(other), head) in pairs:
            return f"{intent.word_of(modifier)} {head_word}", f"{other} {head_word}"
    return None


def answering(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT, excused: frozenset[str] = frozenset()
              ) -> Unit | None:
    """For a question asking one value or one definition: the best sentence that holds the asked kind of value and
    speaks of everything asked but the question's verb (``excused``), or ties it to its phrase (rag.answer.alike)."""
    if not (intent.specific and intent.asked_terms):
        return None
    spelling = spelled_out(intent, ranked, policy)
    if spelling:
        return spelling
    for unit in ranked[: policy.kind_units]:
        if intent.holds_value(unit.quote) and not other_bound(intent, unit) and (not (left := _left_out(
                intent, spoken_terms(unit) | stated(intent, unit.quote, policy), policy, excused)) or policy.named_alike
                and named_alike(unit, left, [t for t in intent.asked_terms if t not in excused], ranked)):
            return unit
    return None


def listing(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """For a list question: the best line under a heading that names the asked list ("Cell Types" for
    "connective tissue cell types"), or the best label line naming it ("Kinds of knots:"), whose list the
    answer quotes whole. None when no heading or label does."""
    if not intent.wants_list:
        return None
    asked = terms(intent.question)
    nouns = list_nouns(intent.question)
    counted = counted_things(intent.question)
    return next((u for u in ranked[: policy.kind_units] if lists_asked(u, asked, nouns, counted)), None)


def check(intent: Intent, ranked: list[Unit], vocab: Vocabulary, policy: Policy = DEFAULT,
          excused: frozenset[str] | None = None, topics: dict[str, str] | None = None) -> str | None:
    """Why the notes cannot answer the question (a short reason), or None when they may. ``excused``: the
    question's verb (rag.answer.phrasing), read here from the question when the caller has not already;
    ``topics``: see :func:`unspoken`."""
    # a two-part question is refused only when every part is about something the notes never mention;
    # a part they never mention is said to be missing in the answer
    # ...and a comparison only when neither side is: the side they never mention is said to be missing
    asked = [parse(part) for part in intent.parts] or [intent]
    excused = phrasing_terms(intent, vocab, policy) if excused is None else excused
    left_out = lambda u: _left_out(intent, spoken_terms(u), policy, excused)  # noqa: E731  asked words a line leaves out
    unknown_parts = []
    for part in asked:
        unknown = unknown_words(part, vocab, excused, policy)
        content = named_words(part.question, excused, policy)
        groups = [[w for w in content if stem(w) not in other] for other in intent.sides[::-1]] or [content]
        if unknown and all(g and sum(w in unknown for w in g) / len(g) > policy.unknown_share for g in groups):
            unknown_parts.append(" ".join(unknown))
    if len(unknown_parts) == len(asked):
        return f"the notes never mention {' / '.join(unknown_parts)!r}"
    action = unknown_action(intent, vocab, policy)
    if action:
        return f"the notes never mention {action!r}"
    named = unknown_name(intent, vocab, policy) if not intent.comparison else None
    if named:
        return f"the notes never mention {named!r}"
    relevant = [u for u in ranked[: policy.kind_units] if u.coverage >= policy.kind_min_coverage
                or (intent.comparison and covers_a_side(intent, u, policy))]
    # each number asked about must stand in some relevant line ("2 coats vs 3 coats": one row each)
    # ...and a number counting the noun after it ("a 40 seat restaurant") must stand beside that noun (rag.answer.counted)
    # ...or, for an ordinal, count at least that many of the thing ("four reefs" holds "the third reef")
    unheld = [said for number, said in intent.positions if stem(said.lower()) not in excused
              and not any(holds_number(intent, number, text := f"{u.heading} {u.context} {u.quote}", vocab, policy)
                         or policy.ordinal_by_count and counts_past(number, said, intent.question, text)
                         for u in relevant)]
    if unheld:
        return f"no sentence speaks of the {' / '.join(unheld)}"
    # an ordinal held by a line's count is spoken by that count: no line need name "third" (rag.answer.amount)
    excused = excused | {stem(said.lower()) for number, said in intent.positions if policy.ordinal_by_count
                         and any(counts_past(number, said, intent.question, f"{u.heading} {u.context} {u.quote}")
                                 for u in relevant)}
    # a line defining the very phrase asked ("the boiling point is ...") answers "what is" it: its own words
    # make it relevant, whatever else the question's wording adds ("at sea level, what is the boiling point")
    if any(intent.defines_asked(u.quote) for u in ranked[: policy.kind_units]):
        return None
    # each part that asks for a kind of value needs a relevant sentence holding one; refuse when none does
    valued = [part for part in asked if part.wants_amount]
    if valued and len(valued) == len(asked) and not any(
            part.holds_value(u.quote) for part in valued for u in relevant_to(part, intent, relevant, ranked, policy)):
        return f"no relevant sentence states {valued[0].label}"
    # a version, a way to set a value, or a difference no line states (rag.answer.asked_value)
    if (unstated := value_unstated(intent, ranked, left_out, policy)):
        return unstated
    # a bound asked ("the longest"), and every relevant line stating the value states it at another bound
    holding = [u for u in relevant if intent.wants_amount and intent.holds_value(u.quote)]
    if holding and all(other_bound(intent, u) for u in holding):
        return f"the notes give the {bound_of(holding[0].quote)}, not the {intent.bound}"
    unnamed = unnamed_bound(intent, relevant, ranked, policy) or bound_unnamed(intent, relevant, left_out, policy)
    if unnamed:
        return f"no relevant line states the {unnamed}"
    # only where the relevant lines state amounts at all: "the range of dishes the inn serves" asks no numbers
    # ...nor where the notes define "range" as a term of their own ("**Range**": high water less low water, of a tide)
    if (policy.range_must_be_stated and V.RANGE_ASKED.search(intent.question) and not intent.comparison
            and not (policy.defined_range_is_a_term and any(V.RANGE_ASKED.fullmatch(w) for w in vocab.labelled))
            and any(numbers(u.quote) for u in relevant)
            and not any(V.RANGE_STATED.search(f"{u.quote} {u.context}") for u in relevant)):
        return "no relevant line states a range"
    if intent.specific and intent.asked_terms:
        missing = unspoken(intent, ranked, policy, excused, topics)
        # notes leave their own subject unsaid line by line ("leave about 20 kg of honey for the winter" in notes on
        # keeping a hive): one missing word the notes use all over (policy.notes.SUBJECT_WORD_SHARE) asks nothing apart
        if len(missing) == 1 and vocab.pervasive(intent.word_of(missing[0]), N.SUBJECT_WORD_SHARE,
                                                 N.SUBJECT_WORD_TEXTS) and not unsaid_in_its_note(intent, missing[0], ranked, left_out, policy):
            missing = []
        if missing and len(missing) < len(set(intent.asked_terms) - excused):
            said = [intent.word_of(t) for t in dict.fromkeys(intent.asked_terms) if t not in missing and t not in excused]
            return (f"no sentence about {' '.join(said)!r} speaks of "
                    f"{' '.join(intent.word_of(t) for t in missing)!r}")
    other = said_of_another(intent, ranked, policy, excused)
    if other:
        return f"no line about {other[1]!r} speaks of {other[0]!r}: the notes speak of it about something else"
    instance = unnamed_instance(intent, ranked, policy)
    if instance:
        return f"no relevant line names which {instance}"
    if (thing := unnamed_thing(intent, ranked, policy)):
        return f"no relevant line gives the name of {thing!r}"
    kind = kind_named(intent, ranked, policy)
    if kind:
        return f"no sentence naming someone speaks of the {kind}"
    contrast = contrasted(intent, ranked, policy, excused)
    if contrast:
        return f"the notes speak of {contrast[1]!r}, not {contrast[0]!r}"
    # a how-to question whose nearest section title words a sibling task ("Knit a scarf in garter stitch": "seed stitch")
    if policy.sibling_title_refuses and intent.how_to and not intent.wants_list and (sibling := sibling_task(
            intent, ranked[: policy.kind_units], left_out, policy, excused)):
        return f"the notes speak of {' '.join(sibling[1])!r}, not {intent.word_of_all(sibling[0])!r}"
    if (means := unspoken_means(intent, ranked, spoken_terms, policy)):
        return f"no relevant line speaks of doing it by its {means!r}"
    if placeless(intent, ranked, policy):
        return "no relevant line states a place"
    if restated_only(intent, ranked, policy):
        return "the notes state it but say no more (no reason, no manner)"
    if (ranking := unranked(intent, ranked, policy)):
        return f"no relevant line says which is the {ranking}"
    if intent.who and not any(names_someone(intent, u, vocab, policy) for u in relevant):
        return "no relevant sentence names anyone"
    return None


def holds_number(intent: Intent, number: int, text: str, vocab: Vocabulary, policy: Policy = DEFAULT) -> bool:
    """Whether ``text`` states a number the question asks about; one it writes before a noun ("a 40 seat restaurant")
    only beside that noun (policy.number_counts_its_noun), not as another thing's value ("Table 40")."""
    if not intent.holds_position(number, text):
        if not (policy.roman_numerals and holds_roman(number, text)):
            return False
        text = with_digits(number, text)  # "a Grade I building" counts buildings as "a grade 1 building" asks
    noun = counted_noun(intent.question, number, vocab.things) if policy.number_counts_its_noun else None
    return noun is None or holds_counted(number, noun, text, policy)
