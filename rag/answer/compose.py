"""Turn verified model sentences and scored note sentences into the answer a reader sees.

Shape: one direct sentence first when the model stated the fact and the verifier found it in a note;
then the supporting quotes, one per distinct statement (two quotes saying the same thing become one).
A list question gets the whole list block under its heading, a comparison one line per side, a two-part
question each part answered or said to be missing, and notes that disagree are flagged citing both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from ..markup import CITE_MARK, CITE_MARKS
from ..tables import find_tables, reading
from ..text import number_value, numbers, strip_markup, terms
from .blocks import block, sides_table
from .conflict import find_conflict
from .evidence import Unit, asks
from .intent import Intent, parse
from .lead import lead_lines
from .parallel import parallel_items, with_children
from .together import both_sides, degree_lines
from .sides import owns, side_line, side_lines, sides_of  # noqa: F401 (side_line: tests import it here)
from .siblings import read_with_siblings
from .subject import subject_label
from .policy import DEFAULT, Policy
from .verify import Checked, Citation, Source


@dataclass
class Shown:
    """One sentence of the answer and where it comes from: "model" (verified), "quote", "missing", "note"."""

    text: str
    cites: list[int]
    origin: str


def neutralise_markers(text: str) -> str:
    """Note text like "[2]" or "[1][2]" must never read as our citation markers: use full-width brackets."""
    return CITE_MARKS.sub(lambda m: f"［{m.group(1)}］", text)


def display(quote: str) -> str:
    """A quote as a reader sees it: markup stripped, lines joined with semicolons, no marker look-alikes;
    a table's rows read with its header ("Element water, Boiling point 100 °C; ...")."""
    rows = quote.split("\n")
    table = next(iter(find_tables(rows)), None)
    if table is not None and table.last == len(rows) - 1:  # a table, or a line introducing one, ends the quote
        intro = [strip_markup(line) for line in rows[: table.header] if line.strip()]
        read = "; ".join(r for i in table.rows if (r := reading(table.columns, rows[i])))
        return neutralise_markers(f"{intro[-1].rstrip().rstrip(':')}: {read}" if intro else read)
    parts = [strip_markup(line).lstrip("├└│─ ") for line in rows if line.strip()]
    text = parts[0] if len(parts) == 1 else parts[0].rstrip().rstrip(":") + ": " + "; ".join(p.strip() for p in parts[1:])
    return neutralise_markers(text)


def _same(a: Unit, b: Unit, policy: Policy, best: bool = False) -> bool:
    """Two sentences that say the same thing (most of their terms and all their numbers shared). A question
    says nothing: in worksheet notes ("- Who drafted the Sea Code?" over "  - Admiral Vance was ...") its few words
    all stand in its answer, yet quoting it is what shows the answer nested under it."""
    if asks(a.display) or asks(b.display):
        return False
    # two rows of one table state two things: the column names they are read with are the table's words, not
    # theirs ("Source Solar, Current DC" and "Source Chemical (batteries), Current DC")
    if a.row and b.row and (a.file, a.header) == (b.file, b.header) and a.line != b.line:
        return False
    ta, tb = set(terms(a.quote)), set(terms(b.quote))
    if not ta or not tb or numbers(a.quote) != numbers(b.quote):
        return False
    # beside the best line ``b`` (``best``), of ``a``'s own terms: most of what ``a`` says is said already. A line
    # holding the best line's few words and more states what it only names ("firm sand or sticky mud" beside
    # "any sand you like"); a shorter line within the best restates it
    of = len(ta) if best and policy.same_quote_of_longer else min(len(ta), len(tb))
    return len(ta & tb) / of >= policy.same_quote_overlap


def _within(a: Citation, b: Citation) -> bool:
    """Citation ``a`` quotes lines that citation ``b`` quotes already."""
    return a.file == b.file and b.start_line <= a.start_line and a.end_line <= b.end_line and (
        a.start_line != a.end_line or a.quote in b.quote)


def _squash(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


_LABEL = re.compile(r"^\s*([^:.!?]{1,60}?)\s*:\s+(?=\S)")


def unlabel(sentence: str, unit: Unit) -> str:
    """Drop leading labels ("political culture: modernization: transition ...") that only echo the heading
    or parent line the cited sentence sits under; a label the sentence itself states ("modernization") stays."""
    own = set(terms(unit.quote))
    while (match := _LABEL.match(sentence)) and (label := set(terms(match.group(1)))) and not label <= own \
            and label <= set(terms(f"{unit.heading} {unit.context}")):
        sentence = sentence[match.end():]
    return sentence[:1].upper() + sentence[1:] if sentence else sentence


def _lexical_part(part: str, units: list[Unit], policy: Policy) -> Unit | None:
    key = set(parse(part).key_terms)
    shares = [(len(key & set(terms(f"{u.context} {u.quote}"))) / max(len(key), 1), u.score, i) for i, u in enumerate(units)]
    best = max((s for s in shares if s[0] >= policy.part_min_coverage), default=None)
    return None if best is None else units[best[2]]


def _side_label(intent: Intent, unit: Unit, quote: str, sides: tuple) -> str:
    """ "For overwatering: " before a comparison side's quote that does not name its side itself (a line
    under the side's heading or parent line: "Rotting of the roots"), so the reader sees which is which."""
    if not intent.comparison:
        return ""
    said = set(terms(quote))
    named = [s for s, other in zip(sides, sides[::-1]) if owns(s, other, terms(unit.context))]
    if len(named) != 1 or any(name <= said for s in sides for name in s.names):
        return ""
    return f"For {named[0].words}: "


class Composer:
    """Builds answers; ``lines_of(file)`` gives a note's lines as ingestion sees them (for list blocks)."""

    def __init__(self, lines_of: Callable[[str], list[str]], policy: Policy = DEFAULT):
        self.lines_of = lines_of
        self.policy = policy

    # -- choosing ---------------------------------------------------------------------------------------
    def _pick(self, intent: Intent, top: list[Unit], part_units: list[Unit | None] = (),
              anchor: Unit | None = None, ranked: list[Unit] = ()) -> tuple[list[Unit], list[str]]:
        """The note sentences to quote, and the parts of a two-part question no sentence answers
        (``part_units``: each part's own best sentence, or None)."""
        p = self.policy
        if not top:
            return [], []
        # a summary's line ("tldr: ...") restates a line below it: quote the full line when one is as strong
        body = [u for u in top if not u.summary]
        if body and body[0].score >= p.strong * top[0].score:
            top = body
        if intent.comparison:
            # each side's own line (rag.answer.sides), chosen from all the evidence; a side no line names is
            # said to be missing, as a part of a two-part question is
            lines = list(part_units) if len(part_units) == 2 and all(u is None or u in top for u in part_units) \
                else side_lines(intent, top)
            chosen = [u for i, u in enumerate(lines) if u is not None and u not in lines[:i]]
            # the notes' own comparison in one line (rag.answer.together) comes first; lines saying how one
            # thing varies answer both of its degrees ("high vs low tide"): no side is missing
            degrees = degree_lines(intent, list(ranked[: p.kind_units]) or top, p) if p.one_line_comparisons else []
            if degrees:
                return degrees, []
            both = both_sides(intent, top, p) if p.one_line_comparisons else None
            chosen = [both] * bool(both) + [u for u in chosen if u is not both]
            if chosen:
                return chosen, [f"anything about {side.words}" for side, u in zip(sides_of(intent, units=top), lines) if u is None]
        if intent.parts:
            if len(part_units) != len(intent.parts):  # no part scored alone: the sentence holding most of it
                part_units = [_lexical_part(part, top, p) for part in intent.parts]
            chosen, missing = [], []
            for part, best in zip(intent.parts, part_units):
                if best is None or best not in top:
                    missing.append(part)
                elif best not in chosen:
                    chosen.append(best)
            if chosen:
                return chosen, missing
        chosen = [anchor if anchor is not None and anchor in top else top[0]]
        for unit in top:
            if unit is chosen[0]:
                continue
            if len(chosen) == p.max_quotes:
                break
            if unit.score < p.strong * top[0].score:
                break
            if any(unit.line == c.line and unit.file == c.file for c in chosen) or any(_same(unit, c, p, c is chosen[0]) for c in chosen):
                continue
            chosen.append(unit)
        return read_with_siblings(chosen, list(ranked) or top, intent.question, self.lines_of, p), []

    def _covers_key_fact(self, intent: Intent, answer: str, strong: list[Unit]) -> bool:
        """An amount question must get the amount the best sentences state (the right end for max/min)."""
        if not (intent.wants_amount or intent.bound):
            return True
        said = numbers(answer)
        with_numbers = [u for u in strong if numbers(u.quote)]
        if not with_numbers:
            return True
        for unit in with_numbers:
            have = numbers(unit.quote)
            if not said & have:
                continue
            values = sorted(have, key=number_value)
            if intent.bound == "max" and len(values) > 1:
                return values[-1] in said
            if intent.bound == "min" and len(values) > 1:
                return values[0] in said
            return True
        return False

    # -- the answer -------------------------------------------------------------------------------------
    def may_lead(self, sources: list[Source]) -> Callable[[Checked], bool]:
        """Whether a model sentence may lead the answer: verified, and its line one of :func:`lead_lines` (among
        the best of ``sources`` by score or coverage). The first such sentence is the only one that can lead."""
        lines = lead_lines(sources, self.policy)
        return lambda c: c.verified and c.support[0][1] in lines

    def compose(self, intent: Intent, checked: list[Checked], sources: list[Source], ranked: list[Unit],
                part_units: list[Unit | None] = (), anchor: Unit | None = None, items: list[Unit] = ()):
        """(text, citations, mode, conflict, shown); mode is "model", "extractive" or "refused". ``anchor``:
        the line that answers a value or definition question (rag.answer.gate.answering), quoted first;
        ``items``: headings that are a list's items (rag.answer.headed), each quoted as it stands."""
        p = self.policy
        top = sorted((u for s in sources for u in s.units), key=lambda u: -u.score)
        if not top:
            return "", [], "refused", False, []
        strong = [u for u in top if u.score >= p.strong * top[0].score][:4]
        headings = {(u.file, u.line): s.heading for s in sources for u in s.units}
        may_lead = self.may_lead(sources)  # built once: it sorts every unit of the sources
        accepted = [c for c in checked if may_lead(c)]
        lead = accepted[0] if accepted and self._covers_key_fact(intent, accepted[0].text, strong) else None
        quotes, missing = (list(items), []) if items else self._pick(intent, top, part_units, anchor, ranked)
        if lead is not None:
            unit = lead.support[0][1]
            quotes = [unit] + [q for q in quotes if q is not unit and not _same(q, unit, p)]
        citations: list[Citation] = []
        keyed: dict[tuple, int] = {}
        readings: dict[int, str] = {}  # a table row cited as written, shown as read with its header
        asked = frozenset(terms(intent.question))

        sides = sides_of(intent, units=top)

        def cite(unit: Unit, expand: bool) -> int:
            lines = self.lines_of(unit.file)
            # a comparison the notes make as a table of both sides is quoted with that table
            table = sides_table(unit, lines, [s.names for s in sides], p) if expand and sides else None
            # "- Invented ..." twice under one heading; a line asked "how" with its nested lines
            table = table or (parallel_items(unit, lines, intent, p) or with_children(unit, lines, intent, p) if expand else None)
            quote, start, end = table or (block(unit, lines, intent.wants_list, p, asked, intent.steps, intent.asks_command) if expand else (unit.cited, unit.line, unit.last))
            key = (unit.file, start, end, quote)
            if key not in keyed:
                keyed[key] = len(citations) + 1
                heading = headings.get((unit.file, unit.line), "")
                if unit.header:  # a row's column names are shown with it: what its values are
                    heading = f"{heading} > {unit.header}" if heading else unit.header
                    if quote == unit.row:
                        readings[keyed[key]] = unit.display
                if unit.end and quote == unit.quote:  # a sentence wrapped over lines reads as one line
                    readings[keyed[key]] = unit.display
                citations.append(Citation(keyed[key], unit.file, start, end, quote, heading))
            return keyed[key]

        def shown_quote(n: int) -> str:
            return neutralise_markers(readings[n]) if n in readings else display(citations[n - 1].quote)

        shown: list[Shown] = []
        if lead is not None:
            n = cite(lead.support[0][1], False)
            text = unlabel(lead.text, lead.support[0][1]).rstrip(".!?")
            shown.append(Shown(f"{text} [{n}].", [n], "model"))
        quoted: list[int] = []
        for unit in quotes:
            n = cite(unit, unit not in items)
            c = citations[n - 1]
            # a block quoted already, or lying inside one quoted already (two sentences of one list), is shown once
            if any(_within(c, citations[m - 1]) for m in quoted):
                continue
            if lead is not None and unit is lead.support[0][1] and (
                    (len(quotes) == 1 and c.start_line == c.end_line) or _squash(shown_quote(n)) in _squash(lead.text)):
                continue  # the lead sentence already states exactly this line (a block around it adds to it)
            # ...and a block quoted earlier that lies inside this one gives way to it
            inside = [m for m in quoted if _within(citations[m - 1], c)]
            shown = [s for s in shown if not (s.origin == "quote" and s.cites and s.cites[0] in inside)]
            quoted = [m for m in quoted if m not in inside]
            quoted.append(n)
            label = _side_label(intent, unit, c.quote, sides) or subject_label(intent, unit, c.quote, p)
            shown.append(Shown(f"{label}“{shown_quote(n)}” [{n}]", [n], "quote"))
        said = " ".join(f"{c.heading} {c.quote}" for c in citations)
        for part in missing:
            # a quoted block (a list under its heading) may answer a part no single sentence did
            key = set(parse(part).key_terms)
            if key and len(key & set(terms(said))) / len(key) >= p.part_min_coverage:
                continue
            shown.append(Shown(f"Your notes don't say {part.rstrip('?')}.", [], "missing"))
        conflict = find_conflict(intent, ranked, p)
        if conflict:
            a, b = conflict
            na, nb = cite(a, False), cite(b, False)
            shown.append(Shown(f"Note that your notes disagree here: [{na}] says “{display(a.quote)}” but [{nb}] says "
                               f"“{display(b.quote)}”.", [na, nb], "note"))
        # Drop citations no shown sentence uses (a quote folded into the lead), then renumber in order.
        used = [n for s in shown for n in s.cites]
        order = list(dict.fromkeys(used))
        renumber = {old: new for new, old in enumerate(order, start=1)}
        for s in shown:
            s.text = CITE_MARK.sub(lambda m: f"[{renumber[int(m.group(1))]}]", s.text)
            s.cites = [renumber[n] for n in s.cites]
        citations = [Citation(renumber[c.n], c.file, c.start_line, c.end_line, c.quote, c.heading) for c in citations if c.n in renumber]
        citations.sort(key=lambda c: c.n)
        mode = "model" if lead is not None else "extractive"
        return " ".join(s.text for s in shown), citations, mode, bool(conflict), shown
