"""One line per side of a comparison: for each side on its own, the line that names that side (in itself, or
in the heading or parent line above it) and speaks of what is compared, whatever its rank among all lines.

A side is named by its head word ("pump"), by an acronym the notes spell out ("PFD" for "Personal Flotation
Device", learned by rag.answer.vocab), or by the words of the name it stands for that the other side's name
lacks ("network"). What is compared is the question's words that name neither side ("decrease in supply vs
decrease in demand, price": "price"; "decrease" names both sides).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import numbers, strip_markup, terms
from .policy import notes as N, questions as Q, values as V
from .evidence import Unit, is_label
from .intent import Intent
from .ordinals import other_spelling
from .sidenames import name_runs, word_pairs as _pairs
from .versus import side_terms, subject_of_line as _subject


@dataclass(frozen=True)
class Side:
    """One side of a comparison as the notes may name it."""

    head: str  # the side's word next to "vs" (stemmed)
    names: tuple[frozenset[str], ...]  # sets of terms, any of which in a line names this side
    phrase: tuple[str, ...]  # the head with the words both sides share, in the question's order
    words: str  # how the question words this side, for "your notes don't say anything about ..."
    name: tuple[str, ...] = ()  # the side's words the notes write together ("dry rot"), else ``phrase``


def sides_of(intent: Intent, acronyms: dict | None = None, units: list[Unit] = ()) -> tuple[Side, ...]:
    """The two sides of a comparison, () for any other question; ``units``: lines of the notes, whose word
    pairs tell how the notes word each side ("shore power" for "power")."""
    found = side_terms(intent.question) if intent.comparison and len(intent.side_heads) == 2 else None
    if not found:
        return ()
    shared = set(found[0]) & set(found[1])
    acronyms = acronyms or {}
    runs = name_runs(found, list(intent.side_heads), _pairs(units)) if units else [[]] * 2
    out = []
    for i, (own, head) in enumerate(zip(found, intent.side_heads)):
        other_own, other_head = found[1 - i], intent.side_heads[1 - i]
        phrase = tuple(t for t in own if t == head or t in shared)
        # a number names a side only with the words it counts ("2 coats vs 3 coats": "3" alone is any 3)
        names = [frozenset(phrase) if head.isdigit() else frozenset({head})]
        names += [frozenset({a})] if (a := other_spelling(head)) and a not in other_own else []  # "first": "Primary X:"
        spelled = acronyms.get(head)
        if spelled:  # "pfd" in the question, "personal flotation device" in a line: the words telling it apart
            other_spelled = set(acronyms.get(other_head, ())) | set(other_own)
            distinct = frozenset(spelled) - other_spelled
            names += [frozenset(spelled)] + ([distinct] if distinct else [])
        for acronym, name in acronyms.items():  # "personal flotation device" asked, "PFD" in a line
            if set(name) <= set(own) and not set(name) <= set(other_own):
                names.append(frozenset({acronym}))
        worded = [t for t in own if t in shared or t in runs[i] or t == head]
        if len(worded) > Q.SIDE_MAX_WORDS:  # "coastal cruising inflatable personal flotation device": the notes' name
            worded = runs[i] or [head]
        out.append(Side(head, tuple(dict.fromkeys(names)), phrase, " ".join(intent.word_of(t) for t in worded),
                        tuple(runs[i]) or phrase))
    return tuple(out)


def topic_of(intent: Intent, sides: tuple[Side, ...], units: list[Unit]) -> frozenset[str]:
    """What is compared: the compared words less those naming the sides, in the question (on both sides:
    "decrease") or in the notes (next to a side's head as in the question: "hull speed estimate")."""
    found = side_terms(intent.question)
    if not found or not sides:
        return intent.compared
    shared = set(found[0]) & set(found[1])
    pairs = _pairs(units)
    named = {t for run in name_runs(found, [s.head for s in sides], pairs) for t in run}
    # nothing left: the question asks what each side is ("dry rot vs wet rot")
    return intent.compared - shared - named


def side_lines(intent: Intent, units: list[Unit], acronyms: dict | None = None) -> list[Unit | None]:
    """Each side's own best line (None for a side no line names); the order of ``units`` breaks ties."""
    sides = sides_of(intent, acronyms, units)
    if not sides:
        return []
    columns = column_lines(sides, units)
    if columns:
        return columns
    topic = topic_of(intent, sides, units)
    out, holds = [], (intent.holds_value if intent.wants_amount else None)  # a kind of value asked: a duration
    for i, side in enumerate(sides):
        out.append(best_line(side, sides[1 - i], topic, units, intent.bound, holds))
    return [lead_in(u, units) or u if u is not None and u.fenced and N.CODE_SIDE_LEAD_IN else u for u in out]


def lead_in(code: Unit, units: list[Unit]) -> Unit | None:
    """The prose line introducing the code block a side's line sits in ("To keep the dough warm:" over "$ oven
    hold"): the nearest line above it under its heading outside any block, ending with a colon; None when there is none.
    A side named only in a block is told apart by what its lead-in says."""
    above = [u for u in units if u.file == code.file and u.line < code.line and u.heading == code.heading]
    prose = max((u.line for u in above if not u.fenced), default=None)
    if prose is None:
        return None
    return next((u for u in above if u.line == prose and not u.fenced and u.quote.rstrip().endswith(":")), None)


def column_lines(sides: tuple[Side, ...], units: list[Unit]) -> list[Unit]:
    """When the notes lay the two sides out as two columns of one HTML table ("Duties of the landlord" |
    "Duties of the tenant"), each side's line is its column's best cell (rag.inline_html); [] when
    they do not. ``units``: best first."""
    def column_of(side: Side, other: Side, table: tuple[str, int] | None) -> Unit | None:
        return next((u for u in units if u.header and not u.row and (table is None or (u.file, u.line) == table)
                     and _names(side, set(terms(u.header))) and not _names(other, set(terms(u.header)))), None)
    first = column_of(sides[0], sides[1], None)
    second = column_of(sides[1], sides[0], (first.file, first.line)) if first else None
    return [first, second] if second else []


def best_line(side: Side, other: Side, topic: frozenset[str], units: list[Unit], bound: str | None = None,
              holds=None) -> Unit | None:
    """The line that answers for ``side``, by these criteria in turn: it states the asked bound ("by default"); it
    states the asked kind of value (``holds``: "how long does each take", a duration; Q.SIDE_HOLDS_ASKED_KIND); it
    is no table of contents' item (rag.answer.contents); it is a table row keyed by the side (:func:`keyed_by`);
    it speaks of ``topic``, or, when nothing is compared, it defines the side ("X: ...", "... is called X") and
    has the side as its subject (:func:`_subject`); it does not name the other side; it says what is compared
    itself (not only its label line above it); it states a number in the side's own section; its headings name
    more of the topic; it names the side itself rather than sitting under its heading; it names the side's whole
    phrase ("increase in rent"); then its rank (a line repeating more of the question's words earns nothing). A
    label line whose child lines hold the statement ("Point estimate" over "needs the slope") gives way to its
    best child. Of a label's child lines that answer as well, the one the topic is the largest share of ("Rotting
    of the roots" over "Increase in watering of the roots ...")."""
    rank = {id(u): n for n, u in enumerate(units)}
    paired = side_by_side(side, other, units, topic)
    labels = _labels_with_children(units)
    heads = {_text(u): set(terms(u.quote)) for u in units if id(u) in labels}
    keyed = []
    for unit in units:
        said, above = set(terms(unit.quote)), set(terms(unit.context))
        in_line = _names(side, said)
        if not in_line and not owns(side, other, terms(unit.context)):
            continue
        # a child line speaks of what its label line says ("Sauce when overreduced:" / "thick and glossy")
        under_label = [t for h, t in heads.items() if h in unit.context]
        speaks = bool(topic & said.union(*under_label))
        key = (bool(bound) and not V.BOUND_WORDS[bound].search(unit.quote),
               bool(holds and Q.SIDE_HOLDS_ASKED_KIND) and not holds(unit.quote), unit.pointer,  # a contents item
               bool(Q.SIDE_SAID_NOT_SHOWN and not topic and unit.fenced),  # a code line shows the side, says nothing of it
               not keyed_by(side, unit),
               not speaks,
               id(unit) not in paired,  # the notes set the two sides side by side: this line is the side's
               bool(not topic and not _defines(unit.quote, side)),
               bool(Q.SIDE_AS_SUBJECT and not topic and not _subject(side, unit)),  # "Knaves lie", not "X is a Knave"
               _names(other, said),
               not topic & said,  # ...and of the lines left, one saying it itself before one under its label
               not (speaks and numbers(unit.quote) and _names(side, above)),
               -len(topic & above - said),
               not in_line,
               not _holds_phrase(side.phrase, terms(unit.quote if in_line else unit.context)))
        keyed.append((key, rank.get(id(unit), len(rank)), unit))
    if not keyed:
        return None
    first = min(keyed, key=lambda k: k[:2])
    if id(first[2]) in labels:  # a label line ("Point estimate"): its child lines hold the statement
        text = _text(first[2])
        first = min((k for k in keyed if k[2].line > first[2].line and text in k[2].context), key=lambda k: k[:2],
                    default=first)
    # of a label's child lines that answer as well, the one most about the topic ("Rotting of the
    # roots" over "Increase in watering of the roots ..." under "Overwatering leads to:")
    label = next((h for h in heads if h in first[2].context), None)
    if label is None:
        return first[2]
    siblings = [(k, r, u) for k, r, u in keyed if k == first[0] and label in u.context]
    return min(siblings, key=lambda k: (-len(topic & set(terms(k[2].quote))) / max(len(terms(k[2].quote)), 1), k[1]))[2]


def side_by_side(side: Side, other: Side, units: list[Unit], topic: frozenset[str] = frozenset()) -> set[int]:
    """The lines (their ids) where the notes set this side beside the other: a line opening with the side's
    name and saying something of it, with a line opening with the other side's name among its siblings (items
    of one list, rows of one table, lines of one definition list: the same section and parent, no line of
    another level or a blank line between). "- Braising (covered; liquid; low heat)" beside "- Roasting
    (uncovered; ...; dry heat)" is the notes' own comparison, whatever lines elsewhere rank
    higher. Not a line naming both sides (it compares nothing on its own), a bare name ("- civil
    law" beside "- common law": a list of terms), nor lines that neither they nor their
    headings speak of ``topic`` (what is compared: "is a sloop faster or slower upwind" is not answered
    by another service's two kinds of reads)."""
    level = {}  # (file, line) -> the (context, header) of its units: a line of one level holds one
    for unit in units:
        level.setdefault((unit.file, unit.line), set()).add((unit.context, unit.header))
    mine = [u for u in units if _opens(side, u) and not _names(other, set(terms(u.cited))) and not is_label(u.cited)
            and (not topic or topic & set(terms(f"{u.context} {u.header} {u.quote}")))]
    theirs = [u for u in units if _opens(other, u) and not _names(side, set(terms(u.cited)))]

    def siblings(a: Unit, b: Unit) -> bool:
        if a.file != b.file or a.line == b.line or (a.context, a.header) != (b.context, b.header):
            return False
        return all((a.context, a.header) in level.get((a.file, n), ())
                   for n in range(min(a.line, b.line) + 1, max(a.line, b.line)))
    return {id(u) for u in mine if any(siblings(u, v) for v in theirs)}


def keyed_by(side: Side, unit: Unit) -> bool:
    """A table row whose first cell is the side ("| Bowline | Loop knot | ... before a hitch |"): the notes' line
    about the side, before lines that only mention it (a rigging plan), even when it names the other side.
    The first cell read with its column name holds the side's whole phrase ("Knot Bowline" for "the bowline knot";
    not "Loop Bowline" for "a bowline bend")."""
    return bool(unit.row) and _opens(side, unit) and set(side.phrase) <= set(terms(unit.quote.split(", ")[0]))


def _opens(side: Side, unit: Unit) -> bool:
    """Whether a line opens with the side's name ("Braising (covered; liquid)", "`Tare` keeps track of", a row
    whose first cell is the side): the line is about the side."""
    said = terms(unit.cited.strip(" |"))
    return any(name and set(said[:len(name)]) == name for name in side.names)


def side_line(head: str, other: str, compared: frozenset[str], units: list[Unit], bound: str | None = None) -> Unit | None:
    """One side's best line, for a side named by its head word alone (see :func:`best_line`)."""
    def plain(word: str) -> Side:
        return Side(word, (frozenset({word}),), (word,), word)
    return best_line(plain(head), plain(other), compared, units, bound)


def stating_first(units: list[Unit], head: str, compared: frozenset[str] = frozenset()) -> list[Unit]:
    """The same lines, first those in the side's own section (its heading or parent line names ``head``)
    that state a number, then those whose headings name more of what is compared beyond what the line says."""
    def key(u: Unit) -> tuple[bool, int]:
        said = set(terms(u.quote))
        return (not (numbers(u.quote) and head in set(terms(u.context))), -len(compared & set(terms(u.context)) - said))
    return sorted(units, key=key)


def _names(side: Side, said: set[str]) -> bool:
    return any(name <= said for name in side.names)


def owns(side: Side, other: Side, above: list[str]) -> bool:
    """Whether the headings and parent lines above a line put it under this side: they name it, and name
    it nearer the line than the other side ("Knots > Bends and hitches > Hitches:")."""
    if not _names(side, set(above)):
        return False
    if not _names(other, set(above)):
        return True

    def last(s: Side) -> int:
        return max((i for i, t in enumerate(above) for name in s.names if t in name and name <= set(above)), default=-1)
    return last(side) > last(other)


def _holds_phrase(phrase: tuple[str, ...], said: list[str]) -> bool:
    """Whether the terms of a line hold the side's phrase, word after word ("increase in rent")."""
    n = len(phrase)  # in either order: "rent increases" is "an increase in rent"
    return any(sorted(said[i:i + n]) == sorted(phrase) for i in range(len(said) - n + 1))


def _defines(quote: str, side: Side) -> bool:
    """ "pumps: proteins that move ions" or "proteins that move ions are called pumps": the line defines
    the side (its defined words name it)."""
    text = strip_markup(quote)
    match = N.DEFINED_BEFORE.match(text) or N.DEFINED_AFTER.search(text)
    if not match:
        return False
    defined = set(terms(next(g for g in match.groups() if g)))
    # the side's whole name as the notes write it ("dry rot", not "rot treatments"; "hitches" for
    # "hitch knots"), or a name it goes by
    return set(side.name or side.phrase) <= defined or any(name <= defined for name in side.names[1:])


def _text(unit: Unit) -> str:
    """A line as its child lines' context holds it."""
    return re.sub(r"\s+", " ", strip_markup(unit.quote)).strip()


def _labels_with_children(units: list[Unit]) -> set[int]:
    """Label lines ("Point estimate", "A rise in rates leads to:") with lines below them that they head:
    the statement is in the child lines."""
    out = set()
    for unit in units:
        if not is_label(unit.quote):
            continue
        text = _text(unit)
        if any(v.file == unit.file and v.line > unit.line and text in v.context for v in units):
            out.add(id(unit))
    return out
