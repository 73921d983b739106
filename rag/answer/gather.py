"""Gather and select the evidence for a question: retrieved chunks (plus the best lexical matches, each
comparison side's and each part's own best chunks), each part's own best sentence, and the numbered sources
shown to the model, keeping the lines a part, a side or a value question needs."""

from __future__ import annotations

import re
from dataclasses import replace

from ..retrieve import Hit
from ..text import option_flags, terms, words
from .policy import questions as Q, values as V
from .cells import keyed_rows_elsewhere
from .sides import side_lines, sides_of
from .conflict import defined_terms
from .evidence import Unit
from .gate import listing, spoken_terms, stands_for
from .intent import Intent, parse
from .policy import DEFAULT, Policy
from .verify import Source


def best_for_part(part: str, part_ranked: list[Unit], policy: Policy = DEFAULT, own: str = "") -> Unit | None:
    """The sentence that answers one part of a two-part question, from the sentences scored against that
    part alone: the best holding enough of the part's key terms; for a "what is" part, a line defining the
    asked term when one scores as well. None when none holds enough. "Holds" counts the part's asked terms
    (framing words aside) that the sentence or its headings speak of, inflections and abbreviations allowed
    ("slow-cooked" speaks of "slow"), as the gate does. ``own``: the part as the question words it, when
    ``part`` also carries the words of the part it points back to ("how do sailors use it (the bowline)"):
    those words rank the lines, but a line must hold what this part itself asks, not what the other part
    asks (a line about chlorophyll alone answers the first part, not "how do plants use it")."""
    asked = parse(part)
    mine = parse(own) if own else asked
    wanted = list(dict.fromkeys(mine.asked_terms or mine.key_terms or asked.asked_terms or asked.key_terms))
    if not wanted:
        return part_ranked[0] if part_ranked else None
    def share(u: Unit) -> float:
        return sum(stands_for(t, spoken_terms(u), policy) for t in wanted) / len(wanted)

    held = [u for u in part_ranked[: policy.kind_units] if share(u) >= policy.part_min_coverage]
    if not held:
        return None
    # a part asking a list ("what were galen's four humors") is answered by the line heading that list ("The
    # four humors are:"), whose block the answer quotes, as a list question on its own is (gate.listing)
    heads = listing(asked, held, policy)
    if heads is not None:
        return heads
    if own and own != part:
        # the other part's words lift lines about its subject ("an eruption" under "Monitoring"): of the lines
        # scoring as well as the best, the one holding most of what this part asks
        first = max((u for u in held if u.score >= policy.strong * held[0].score), key=share)
        held = [first] + [u for u in held if u is not first]
    numbered = _numbering(own or part, held, policy)
    if numbered is not None:
        return numbered
    if asked.bound:  # "X default retention": the line stating that bound ("2 hours by default") answers
        bounded = [u for u in held if V.BOUND_WORDS[asked.bound].search(u.quote) and asked.holds_value(u.quote)]
        if bounded:
            return bounded[0]
    if asked.wants_amount and policy.value_per_part:
        # "how long can X proof": of the lines about the part, the best stating a duration answers it, as the
        # gate looks for one there (rag.answer.relevant.relevant_to); a line about X stating none only names the subject
        stating = [u for u in held if asked.holds_value(u.quote)]
        if stating:
            return stating[0]
    if asked.definition:
        key = set(asked.key_terms)
        strong = [u for u in held if u.score >= policy.strong * held[0].score]
        defining = [u for u in strong if (d := defined_terms(u)) and d[0] <= key]
        if defining:
            return defining[0]
    return held[0]


_NUMBERED = re.compile(r"(?i)\b\d+(?:st|nd|rd|th)?\s+([a-z]+)|\b([a-z]+)\s+\d+\b")


def _numbering(part: str, held: list[Unit], policy: Policy) -> Unit | None:
    """For a part asking which one of a kind ("what percentile is that"), the first line as strong as the best
    that writes a number beside the kind's word ("the 93rd percentile", "floor 4"); None otherwise."""
    which = Q.WHICH_NUMBERED.match(part) if policy.numbered_one_per_part else None
    if not which:
        return None
    kind = terms(which.group(1))
    for unit in (u for u in held if u.score >= policy.strong * held[0].score):
        beside = _NUMBERED.findall(unit.quote)
        if kind and any(terms(w) == kind for pair in beside for w in pair if w):
            return unit
    return None


def referent(first: str, answer: Unit, policy: Policy = DEFAULT) -> str:
    """What a later part's pronoun stands for ("how do geologists monitor them"): the first part's words that
    name what its answering line is filed under (its heading path: "Shield volcanoes"), else those the line
    itself holds; the whole first part when neither holds any. Not the first part's other words: its verb
    ("which lava comes out of shield volcanoes") lifted an unrelated line using the same verb ("a swarm
    often comes before an eruption") above the line answering the later part."""
    said = words(Q.QUESTION_LEAD.sub("", first))
    for where in (answer.heading.split(" > ")[-1], answer.heading, f"{answer.context} {answer.display}"):
        held = set(terms(where))
        named = [w for w in said if terms(w) and stands_for(terms(w)[0], held, policy)]
        if named:
            return " ".join(named)
    return " ".join(said)


class Gatherer:
    """Evidence for one retriever and scorer (either may be a fake in tests)."""

    def __init__(self, retriever, scorer, policy: Policy = DEFAULT, acronyms: dict | None = None):
        self.retriever = retriever
        self.scorer = scorer
        self.policy = policy
        self.acronyms = acronyms or {}  # learned from the notes (rag.answer.vocab): "pfd" -> its spelled-out name

    def select_sources(self, ranked: list[Unit], intent: Intent | None = None,
                       part_units: list[Unit | None] = ()) -> list[Source]:
        """The best sentences, grouped by chunk into at most MAX_SOURCES numbered sources; ``part_units``
        (each part's line, each comparison side's line, or the line answering a value question) are kept even
        when other lines score higher."""
        if not ranked:
            return []
        p = self.policy
        floor = ranked[0].score * p.source_floor
        # each part's own best line, so a part the other part's lines outscore is still answered
        firsts: list[Unit] = [u for i, u in enumerate(part_units) if u is not None and u not in part_units[:i]]
        if intent is not None and intent.comparison and not firsts:
            firsts = [u for u in side_lines(intent, ranked, self.acronyms) if u is not None]
            firsts = [u for i, u in enumerate(firsts) if u not in firsts[:i]]
        groups: dict[int, list[Unit]] = {}
        order: list[int] = []
        for unit in firsts + [u for u in ranked if u not in firsts]:
            if unit.score < floor and groups and unit not in firsts:
                break
            if unit.chunk_id not in groups:
                if len(order) == p.max_sources:
                    continue
                groups[unit.chunk_id] = []
                order.append(unit.chunk_id)
            if len(groups[unit.chunk_id]) < p.units_per_source:
                groups[unit.chunk_id].append(unit)
        sources = []
        for n, chunk_id in enumerate(order, start=1):
            units = sorted(groups[chunk_id], key=lambda u: u.line)
            heading = self.retriever.store.chunks[chunk_id].heading
            sources.append(Source(n, units[0].file, heading, units))
        return sources

    def part_units(self, intent: Intent, units: list[Unit], ranks: dict[int, int]) -> list[Unit | None]:
        """For a two-part question, each part's best sentence, scored against that part alone (on copies:
        scoring sets a unit's score, and the whole question's scores stay as they are); for a comparison, each
        side's line (None for a side no line names)."""
        if intent.comparison:
            return self.side_units(intent, units)
        chosen: list[Unit | None] = []
        for part, own in zip(intent.part_queries, intent.parts):
            if chosen and chosen[0] is not None and part != own:
                part = f"{own} ({referent(intent.parts[0], chosen[0], self.policy)})"
            copies = [replace(u) for u in units]
            best = best_for_part(part, self.scorer.score(part, copies, ranks), self.policy, own)
            chosen.append(None if best is None else _original(best, units))
        return chosen

    def side_units(self, intent: Intent, units: list[Unit]) -> list[Unit | None]:
        """Each comparison side's line (rag.answer.sides), from all the evidence whatever its rank; ties go
        to the line the whole question scores best (scored against one side alone, "outside the harbour"
        ranked "the dinghy is launched outside your harbour" over the line about the harbour: measured)."""
        return side_lines(intent, sorted(units, key=lambda u: -u.score), self.acronyms)

    def _side_queries(self, intent: Intent) -> list[str]:
        """Each side on its own with what is compared ("authority", with what is compared), its acronym
        spelled out as the notes spell it."""
        out = []
        for side in sides_of(intent, self.acronyms):
            said = {t for name in side.names for t in name} - {side.head}
            out.append(" ".join([intent.word_of(t) for t in (*side.phrase, *sorted(intent.compared - set(side.phrase)))]
                                + sorted(said)))
        return out

    def side_hits(self, intent: Intent, hits: list[Hit]) -> list[Hit]:
        """For a comparison, the best chunks for each side on its own ("authority", with what is compared);
        for a two-part question, for each part: a side or part the whole question ranks low is still scored."""
        queries = list(intent.part_queries)
        if intent.comparison and intent.side_heads:
            queries = self._side_queries(intent)
        have = {h.chunk.id for h in hits}
        extra: list[Hit] = []
        for query in queries:
            for hit in self.retriever.retrieve(query, self.policy.side_chunks):
                if hit.chunk.id not in have:
                    have.add(hit.chunk.id)
                    extra.append(Hit(hit.chunk, 0.0, 0.0, 0.0, len(hits) + len(extra) + 1))
        return extra

    def hits(self, question: str, n: int) -> list[Hit]:
        """The fused retrieval hits plus the best lexical matches fusion ranked lower: a rare word of the
        question ("bowsprit") found in one chunk is strong evidence even when dense similarity is weak."""
        hits = self.retriever.retrieve(question, n)
        have = {h.chunk.id for h in hits}
        bm25 = getattr(self.retriever, "bm25", None)
        if bm25 is None:
            return hits
        for idx, score in bm25.search(question, self.policy.lexical_chunks):
            chunk = self.retriever.store.chunks[idx]
            if chunk.id not in have:
                have.add(chunk.id)
                hits.append(Hit(chunk, 0.0, 0.0, score, len(hits) + 1))
        # a long table's piece holding the row whose key the question names (rag.answer.cells)
        stored = self.retriever.store.chunks
        for chunk in keyed_rows_elsewhere(question, [h.chunk for h in hits], stored, self.policy):
            hits.append(Hit(chunk, 0.0, 0.0, 0.0, len(hits) + 1))
        for chunk in flag_chunks(question, [h.chunk for h in hits], stored, self.policy):
            hits.append(Hit(chunk, 0.0, 0.0, 0.0, len(hits) + 1))
        return hits


def flag_chunks(question: str, have: list, chunks: list, p: Policy = DEFAULT) -> list:
    """The chunks writing an option flag the question names ("-u", "-a") that retrieval left out, those writing
    more of its flags first, at most ``p.flag_chunks``: BM25 reads no flag (rag.retrieve) and a flag says little to
    the dense ranking, yet the line writing it is the one asked about."""
    flags = {flag for *_, flag in option_flags(question)} if p.flag_chunks else set()
    if not flags:
        return []
    ids = {c.id for c in have}
    held = [(len(flags & {f for *_, f in option_flags(c.text)}), n, c) for n, c in enumerate(chunks) if c.id not in ids]
    return [c for k, _n, c in sorted(held, key=lambda h: (-h[0], h[1])) if k][: p.flag_chunks]


def _original(copy: Unit, units: list[Unit]) -> Unit:
    """The unit a scored copy was made from (same note, line and sentence)."""
    return next(u for u in units if (u.file, u.line, u.quote) == (copy.file, copy.line, copy.quote))
