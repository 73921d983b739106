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

from ..text import number_value, numbers, strip_markup, terms
from .evidence import Unit
from .intent import Intent, parse
from .policy import DEFAULT, Policy
from .verify import Checked, Citation, Source

_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|[├└│])")
# A line's depth is where its text starts: after indentation and the box-drawing characters of a tree
# diagram ("│   ├── child" is deeper than "├── parent"), so tree outlines nest like indented lists.
_LEAD = re.compile(r"^[\s\u2500-\u257f]*")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|^\s*(=+|-{3,})\s*$")
_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


def _depth(line: str) -> int:
    return len(_LEAD.match(line).group(0))


@dataclass
class Shown:
    """One sentence of the answer and where it comes from: "model" (verified), "quote", "missing", "note"."""

    text: str
    cites: list[int]
    origin: str


def neutralise_markers(text: str) -> str:
    """Note text like "[2]" or "[1][2]" must never read as our citation markers: use full-width brackets."""
    return _MARKER.sub(lambda m: f"［{m.group(1)}］", text)


def display(quote: str) -> str:
    """A quote as a reader sees it: markup stripped, lines joined with semicolons, no marker look-alikes."""
    parts = [strip_markup(line).lstrip("├└│─ ") for line in quote.split("\n") if line.strip()]
    text = parts[0] if len(parts) == 1 else parts[0].rstrip(":") + ": " + "; ".join(parts[1:])
    return neutralise_markers(text)


def _same(a: Unit, b: Unit, policy: Policy) -> bool:
    """Two sentences that say the same thing (most of their terms and all their numbers shared)."""
    ta, tb = set(terms(a.quote)), set(terms(b.quote))
    if not ta or not tb or numbers(a.quote) != numbers(b.quote):
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= policy.same_quote_overlap


class Composer:
    """Builds answers; ``lines_of(file)`` gives a note's lines as ingestion sees them (for list blocks)."""

    def __init__(self, lines_of: Callable[[str], list[str]], policy: Policy = DEFAULT):
        self.lines_of = lines_of
        self.policy = policy

    # -- choosing ---------------------------------------------------------------------------------------
    def _pick(self, intent: Intent, top: list[Unit]) -> tuple[list[Unit], list[str]]:
        """The note sentences to quote, and the parts of a two-part question no sentence answers."""
        p = self.policy
        if not top:
            return [], []
        if intent.comparison:
            chosen = []
            heads, attribute = intent.side_heads, intent.compared
            for i, side in enumerate(intent.sides):
                other = next(o for o in intent.sides if o is not side)
                # first a line naming this side (not the other) that speaks of what is compared, most of it first
                own = []
                if attribute and len(heads) == 2:
                    head, other_head = heads[i], heads[1 - i]
                    own = [u for u in top if u not in chosen and head in set(terms(f"{u.context} {u.quote}"))
                           and other_head not in set(terms(u.quote)) and attribute & set(terms(u.quote))]
                    own.sort(key=lambda u: -len(attribute & set(terms(u.quote))))
                # then a line defining this side ("**federal states**: ..."); a line about this side only; one
                # naming both; one under this side's heading
                own = own or [u for u in top if (d := _definition(u)) and side & d[0] and not other & d[0] and u not in chosen]
                own = own or [u for u in top if side & set(terms(u.quote)) and not other & set(terms(u.quote)) and u not in chosen]
                own = own or [u for u in top if side & set(terms(u.quote)) and u not in chosen]
                own = own or [u for u in top if side & set(terms(u.context)) and u not in chosen]
                if own:
                    chosen.append(own[0])
            if len(chosen) == 2:
                return chosen, []
        if intent.parts:
            chosen, missing = [], []
            for part in intent.parts:
                key = set(parse(part).key_terms)
                scored = [(len(key & set(terms(f"{u.context} {u.quote}"))) / max(len(key), 1), u) for u in top]
                scored = [(c, u) for c, u in scored if c >= p.part_min_coverage]
                if scored:
                    best = max(scored, key=lambda cu: (cu[0], cu[1].score))[1]
                    if best not in chosen:
                        chosen.append(best)
                else:
                    missing.append(part)
            if chosen:
                return chosen, missing
        chosen = [top[0]]
        for unit in top[1:]:
            if len(chosen) == p.max_quotes:
                break
            if unit.score < p.strong * top[0].score:
                break
            if any(unit.line == c.line and unit.file == c.file for c in chosen) or any(_same(unit, c, p) for c in chosen):
                continue
            chosen.append(unit)
        return chosen, []

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

    # -- quoting ----------------------------------------------------------------------------------------
    def block(self, unit: Unit, whole_list: bool) -> tuple[str, int, int]:
        """(quote, start, end): a topic line with the list under it; for a list question, the whole list
        the sentence belongs to, from its parent line. Falls back to the sentence itself."""
        lines = self.lines_of(unit.file)
        if not 0 < unit.line <= len(lines) or unit.quote not in lines[unit.line - 1]:
            return unit.quote, unit.line, unit.line
        text = unit.display
        start = unit.line
        topic = text.endswith(":") or (len(text.split()) <= 8 and not text.endswith((".", "!", "?")))
        if whole_list and self._has_children(lines, start):
            topic = True  # "unitary states: ..." with its examples indented under it
        elif whole_list and _LIST_ITEM.match(lines[start - 1]):
            # climb to the parent line (less indented, or a heading) that introduces this list
            indent = _depth(lines[start - 1])
            for number in range(start - 1, max(0, start - self.policy.list_max_lines), -1):
                line = lines[number - 1]
                if not line.strip():
                    continue
                if _depth(line) < indent or _HEADING.match(line):
                    start = number
                    break
            topic = topic or start != unit.line
        if not topic:
            return unit.quote, unit.line, unit.line
        head = lines[start - 1]
        indent = _depth(head)
        heading = bool(_HEADING.match(head))
        last, blanks = start, 0
        for number in range(start + 1, min(len(lines), start + self.policy.list_max_lines) + 1):
            line = lines[number - 1]
            if not line.strip():
                blanks += 1
                if blanks > 1:
                    break
                continue
            deeper = _depth(line) > indent or heading
            same_level_item = _LIST_ITEM.match(line) and _depth(line) >= indent and head.rstrip().endswith(":")
            if not (deeper or same_level_item) or _HEADING.match(line):
                break
            last, blanks = number, 0
        if last == start:
            return unit.quote, unit.line, unit.line
        first = head if start != unit.line else head[head.find(unit.quote):]
        first = first.lstrip() if start != unit.line else first
        return "\n".join([first] + lines[start:last]), start, last

    @staticmethod
    def _has_children(lines: list[str], number: int) -> bool:
        """Whether the next non-blank line after line ``number`` is indented deeper (a nested list)."""
        indent = _depth(lines[number - 1])
        for line in lines[number:]:
            if line.strip():
                return _depth(line) > indent
        return False

    # -- the answer -------------------------------------------------------------------------------------
    def compose(self, intent: Intent, checked: list[Checked], sources: list[Source], ranked: list[Unit]):
        """(text, citations, mode, conflict, shown); mode is "model", "extractive" or "refused"."""
        p = self.policy
        top = sorted((u for s in sources for u in s.units), key=lambda u: -u.score)
        if not top:
            return "", [], "refused", False, []
        strong = [u for u in top if u.score >= p.strong * top[0].score][:4]
        headings = {(u.file, u.line): s.heading for s in sources for u in s.units}
        # a verified sentence leads when its line is among the best, by score or by coverage of the question
        best_cov = max(u.coverage for u in top)
        accepted = [c for c in checked if c.verified and (c.support[0][1] in strong or (
            c.support[0][1] in top and c.support[0][1].coverage >= p.strong * best_cov))]
        lead = accepted[0] if accepted and self._covers_key_fact(intent, accepted[0].text, strong) else None
        quotes, missing = self._pick(intent, top)
        if lead is not None:
            unit = lead.support[0][1]
            quotes = [unit] + [q for q in quotes if q is not unit and not _same(q, unit, p)]
        citations: list[Citation] = []
        keyed: dict[tuple, int] = {}

        def cite(unit: Unit, expand: bool) -> int:
            quote, start, end = self.block(unit, intent.wants_list) if expand else (unit.quote, unit.line, unit.line)
            key = (unit.file, start, end, quote)
            if key not in keyed:
                keyed[key] = len(citations) + 1
                citations.append(Citation(keyed[key], unit.file, start, end, quote, headings.get((unit.file, unit.line), "")))
            return keyed[key]

        shown: list[Shown] = []
        if lead is not None:
            n = cite(lead.support[0][1], False)
            text = lead.text.rstrip(".!?")
            shown.append(Shown(f"{text} [{n}].", [n], "model"))
        quoted: set[int] = set()
        for unit in quotes:
            n = cite(unit, True)
            if n in quoted:
                continue  # two sentences of one list block: the block is quoted once
            quoted.add(n)
            quote = citations[n - 1].quote
            if lead is not None and quote == lead.support[0][1].quote and unit is lead.support[0][1] and len(quotes) == 1:
                continue  # the lead sentence already stands on exactly this line
            shown.append(Shown(f"“{display(quote)}” [{n}]", [n], "quote"))
        for part in missing:
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
            s.text = re.sub(r"\[(\d+)\]", lambda m: f"[{renumber[int(m.group(1))]}]", s.text)
            s.cites = [renumber[n] for n in s.cites]
        citations = [Citation(renumber[c.n], c.file, c.start_line, c.end_line, c.quote, c.heading) for c in citations if c.n in renumber]
        citations.sort(key=lambda c: c.n)
        mode = "model" if lead is not None else "extractive"
        return " ".join(s.text for s in shown), citations, mode, bool(conflict), shown


def find_conflict(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> tuple[Unit, Unit] | None:
    """Two strong sentences from different notes that state different amounts about the question's subject."""
    if not ranked:
        return None
    strong = [u for u in ranked[:6] if u.score >= policy.conflict * ranked[0].score]
    first = strong[0]
    key = set(intent.key_terms)

    def amounts(unit: Unit) -> set[str]:
        if intent.wants_amount and not intent.holds_value(unit.quote):
            return set()
        return numbers(unit.quote)

    if not intent.wants_amount:
        found = _defined_differently(strong, key, policy)
        if found:
            return found
    mine = amounts(first)
    if not mine:
        return None
    for other in strong[1:]:
        theirs = amounts(other)
        # one sentence stating more than the other ("... 10240MB, time out: 15mins") is not a disagreement
        if other.file == first.file or not theirs or theirs <= mine or mine <= theirs:
            continue
        # the sentences themselves must be about the same aspect, not merely sit under the same heading
        if key & set(terms(other.quote)) & set(terms(first.quote)):
            return first, other
    return None


_DEFINED = re.compile(r"^([^:]{1,60}?)\s*:\s+(.{3,})$")


def _definition(unit: Unit) -> tuple[frozenset[str], set[str]] | None:
    """ "**political culture**: basic norms ..." -> ({polit, cultur}, {basic, norm, ...}); None otherwise."""
    match = _DEFINED.match(strip_markup(unit.quote))
    if not match:
        return None
    term, body = frozenset(terms(match.group(1))), set(terms(match.group(2)))
    return (term, body) if term and body else None


def _defined_differently(strong: list[Unit], key: set[str], policy: Policy) -> tuple[Unit, Unit] | None:
    """Two notes defining the same term (one the question asks about) in words that mostly differ."""
    defined = [(u, d) for u in strong if (d := _definition(u)) and d[0] <= key | d[0] and d[0] & key]
    for i, (a, (term_a, body_a)) in enumerate(defined):
        for b, (term_b, body_b) in defined[i + 1:]:
            if a.file == b.file or term_a != term_b:
                continue
            if len(body_a & body_b) / min(len(body_a), len(body_b)) < policy.same_quote_overlap:
                return a, b
    return None
