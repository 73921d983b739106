"""Evidence units: single sentences of retrieved chunks with exact line numbers, scored against a question."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from ..chunk import Chunk
from ..ingest import looks_like_instruction
from ..inline_html import pieces
from ..tables import find_tables, header_text, lead_in, reading
from ..text import GENERIC, numbers, split_sentences, strip_markup, terms, words
from . import intent as intents
from . import policy as P
from .policy import DEFAULT, Policy
from .sameword import stands_for

_HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s|^\s*(=+|-+)\s*$")
_WORDS = re.compile(r"[A-Za-z0-9]{2,}")
_LEAD = re.compile(r"^\s*(?:[-*+•]+\s*|\d+[.)]\s*|#{1,6}\s+)?")
_DEPTH = re.compile(r"^[\s\u2500-\u257f]*")  # indentation and box-drawing characters
# A line that only shows a picture ("![](assets/cell.png)", "<img src=...>", "<p align=center>") states
# nothing: its file name's words are no evidence.
_PICTURE_ONLY = re.compile(r"(?:\s*(?:!\[[^\]]*\]\([^)]*\)|</?[A-Za-z][^<>]*>))+\s*")
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+\S")


@dataclass
class Unit:
    """One sentence of a note. ``quote`` is an exact substring of line ``line`` (after ingestion repair)."""

    file: str
    line: int
    quote: str
    context: str  # heading path and parent outline lines: what the sentence is about
    chunk_id: int
    score: float = 0.0
    sim: float = 0.0  # embedding similarity to the question
    coverage: float = 0.0  # share of the question's key terms in the sentence and its context
    heading: str = ""  # the heading path the sentence sits under (shown with its citation)
    summary: bool = False  # sits under a summary label ("tldr", "Summary"): restates what the note says below
    # A table row: ``quote`` is the row read with its header ("Number of sets 2, Total satisfaction $30"),
    # which is what scoring and matching see; ``row`` is the row as written at its line (what a citation
    # quotes) and ``header`` the column names (shown with the citation).
    row: str = ""
    header: str = ""
    joined: bool = False  # a sentence read with the one before it (:func:`with_antecedents`)

    @property
    def display(self) -> str:
        return strip_markup(self.quote)

    @property
    def cited(self) -> str:
        """The text a citation of this unit quotes: exactly as written at its line."""
        return self.row or self.quote


def units_of(chunk: Chunk, note_lines: Callable[[str], list[str]] | None = None) -> list[Unit]:
    """Split a chunk into sentence units, each remembering its parent outline lines for context.
    ``note_lines(file)``: the note's lines, asked only for a line written in HTML (see :func:`_whole_line`)."""
    units: list[Unit] = []
    parents: list[tuple[int, str]] = []  # (indent, text) stack
    lines = chunk.text.split("\n")
    # a table's header and separator rows answer nothing; each row is one unit, read with its header
    skip, row_of, lead_of = set(), {}, {}
    numbered = len(chunk.line_numbers) == len(lines)
    for table in find_tables(lines, chunk.line_numbers if numbered else None):
        skip |= {table.header, table.separator}
        row_of.update(dict.fromkeys(table.rows, table))
        # the line introducing the table says what its rows are ("Fill in the chart on the exchange of crops")
        lead = lead_in(list(zip(chunk.line_numbers, lines)), table.header) if numbered else []
        lead_of[table] = strip_markup(lead[0][1]) if lead else ""
    for offset, raw in enumerate(lines):
        if not raw.strip() or offset in skip:
            continue
        indent = len(_DEPTH.match(raw).group(0))  # tree diagrams ("│   ├── x") nest like indented lists
        while parents and parents[-1][0] >= indent:
            parents.pop()
        if offset in row_of:
            above = [p for _, p in parents[-2:]] + [lead_of[row_of[offset]]] * bool(lead_of[row_of[offset]])
            unit = _row_unit(chunk, offset, raw, row_of[offset].columns, list(dict.fromkeys(above)))
            units.extend([unit] if unit else [])
            continue
        if "<" in raw and (parts := pieces(raw)):
            line, parts = _whole_line(chunk, offset, raw, parts, note_lines)
            units.extend(_piece_units(chunk, offset, line, parts, [p for _, p in parents[-2:]]))
            parents.append((indent, strip_markup(raw)[:120]))
            continue
        body = raw[_LEAD.match(raw).end():].strip()
        # A line that reads like an order to the assistant is note text, never evidence for an answer.
        # a list item of one word ("- Velouté" under "Mother sauces") names one member of its list; other
        # lines of one word are labels, and state nothing, as do items like "- ok"
        least = 1 if _ITEM.match(raw) and any(len(w) > 2 for w in _WORDS.findall(body)) and terms(body) else 2
        if (not _HEADING_LINE.match(raw) and len(_WORDS.findall(body)) >= least and not looks_like_instruction(body)
                and not _PICTURE_ONLY.fullmatch(body)):
            context = " ".join([chunk.heading] + [p for _, p in parents[-2:]])
            summary = any(_summary_label(p) for _, p in parents) or _summary_label(chunk.heading.split(" > ")[-1])
            plain = split_sentences(body)
            for sentence in with_antecedents(body):
                units.append(Unit(chunk.file, chunk.line_numbers[offset], sentence, context, chunk.id,
                                  heading=chunk.heading, summary=summary, joined=sentence not in plain))
        parents.append((indent, strip_markup(raw)[:120]))
    return units


def with_antecedents(body: str) -> list[str]:
    """A line's sentences, each that opens by pointing back ("It is stored in the liver", "This bond is
    called ...") read together with the sentence before it, which names what it speaks of: "Glycogen is a
    polysaccharide. It is stored in the liver." Each is an exact span of ``body``, so it is cited as written."""
    out, start = [], 0
    spans = []
    for sentence in split_sentences(body):
        at = body.find(sentence, start)
        spans.append((at, at + len(sentence)))
        start = at + len(sentence) if at >= 0 else start
    for n, (begin, end) in enumerate(spans):
        if begin < 0:
            return split_sentences(body)  # a sentence not found as written: no spans to join
        before = spans[n - 1][0] if n else -1
        out.append(body[before:end] if before >= 0 and P.POINTS_BACK_LEAD.match(body[begin:end]) else body[begin:end])
    return out


def _whole_line(chunk: Chunk, offset: int, raw: str, parts: list, note_lines) -> tuple[str, list]:
    """(line, pieces) for an HTML-written line of a chunk: a long line is chunked in slices, and a slice may
    hold a table's cells without the header row naming their columns; read against the whole line, each piece
    whose text starts in this slice keeps its column."""
    number = chunk.line_numbers[offset] if offset < len(chunk.line_numbers) else 0
    whole = note_lines(chunk.file) if note_lines is not None else []
    line = whole[number - 1] if 0 < number <= len(whole) else ""
    text = raw.strip()
    at = line.find(text) if text and len(line) > len(raw) else -1
    if at < 0:
        return raw, parts
    return line, [p for p in pieces(line) if at <= p.start < at + len(text)]


def _piece_units(chunk: Chunk, offset: int, raw: str, parts: list, parents: list[str]) -> list[Unit]:
    """The sentences of a line written in HTML ("<ul><li>..</li>..", a one-line "<table>"), read piece by
    piece (rag.inline_html): each list item or cell states its own thing, read under the column it sits in,
    and is cited as written, an exact span of its line."""
    out: list[Unit] = []
    summary = _summary_label(chunk.heading.split(" > ")[-1])
    for part in parts:
        text = raw[part.start:part.end]
        shown = strip_markup(text)
        least = 1 if part.items and terms(shown) else 2  # one item of a list names one member of it
        if len(_WORDS.findall(shown)) < least or looks_like_instruction(shown):
            continue
        context = " ".join([chunk.heading, *parents, part.column]).strip()
        plain = split_sentences(text)
        for sentence in with_antecedents(text):
            out.append(Unit(chunk.file, chunk.line_numbers[offset], sentence, context, chunk.id, heading=chunk.heading,
                            summary=summary, header=part.column, joined=sentence not in plain))
    return out


def _row_unit(chunk: Chunk, offset: int, raw: str, columns: tuple[str, ...], parents: list[str]) -> Unit | None:
    """A table row as one unit: matched as read with its header, cited as written."""
    text = reading(columns, raw)
    if len(_WORDS.findall(text)) < 2 or looks_like_instruction(text):
        return None
    # the context is the heading and parent lines, not the whole header: a row speaks of the columns it fills
    # ("Marginal satisfaction $2" says nothing of "Total satisfaction"), and its reading names those already
    return Unit(chunk.file, chunk.line_numbers[offset], text, " ".join([chunk.heading, *parents]), chunk.id,
                heading=chunk.heading, row=raw.strip(), header=header_text(columns))


def _summary_label(line: str) -> bool:
    return bool(P.SUMMARY_LABEL.fullmatch(strip_markup(line).strip(" :#-*\t")))


def line_texts(chunk: Chunk) -> list[str]:
    """The chunk's sentences as written, one by one: what calibration samples (rag.answer.calibrate), so
    that reading a sentence with the one before it leaves "unrelated" as it was."""
    return [unit.display for unit in units_of(chunk) if not unit.joined]


def sentence_texts(chunk: Chunk) -> list[str]:
    """The texts of a chunk's units as the scorer embeds them: the index stores their vectors."""
    return [unit.display for unit in units_of(chunk)]


class Scorer:
    """Scores sentences for a question: idf-weighted term coverage plus embedding similarity.

    ``stored`` looks a sentence's vector up in the index (``Store.sentences``); only sentences it lacks are
    embedded while the question waits, and kept for the next question.
    """

    def __init__(self, idf: dict[str, float], embedder=None, policy: Policy = DEFAULT, stored=None):
        self.idf = idf
        self.policy = policy
        self.embedder = embedder
        self.stored = stored
        self.default_idf = max(idf.values(), default=1.0)
        self._vectors: dict[str, object] = {}  # sentence -> embedding; note sentences recur across questions

    def _embed(self, texts: list[str]):
        import numpy as np

        if len(self._vectors) > 50_000:
            self._vectors.clear()
        missing = []
        for text in dict.fromkeys(texts):
            if text not in self._vectors:
                vector = self.stored.get(text) if self.stored is not None else None
                if vector is None:
                    missing.append(text)
                else:
                    self._vectors[text] = vector
        if missing:
            self._vectors.update(zip(missing, self.embedder.encode(missing)))
        return np.stack([self._vectors[t] for t in texts])

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.default_idf)

    def coverage(self, question_terms: list[str], text: str, forms: dict[str, set[str]] | None = None,
                 options: tuple[str, ...] = ()) -> float:
        """Share of the question's (idf-weighted) content terms found in ``text``; ``forms`` maps a term to the
        notes' stems that are the same word inflected ("anarchist" in a question, "anarchism" in a note).
        ``options``: terms offered as alternatives ("strong or weak"), one of which the answering line states:
        together they weigh as one term, found when any is."""
        return self._covered(question_terms, set(terms(text)), forms, options)

    def _covered(self, question_terms: list[str], have: set[str], forms: dict[str, set[str]] | None,
                 options: tuple[str, ...] = ()) -> float:
        """:meth:`coverage` of a text already split into its stemmed terms (``have``)."""
        if not question_terms:
            return 0.0

        def has(t: str) -> bool:
            return t in have or (forms is not None and bool(forms.get(t, set()) & have))

        offered = set(options) & set(question_terms)
        asked = set(question_terms) - offered
        total = sum(self.weight(t) for t in asked) + max((self.weight(t) for t in offered), default=0.0)
        found = sum(self.weight(t) for t in asked if has(t)) + max((self.weight(t) for t in offered if has(t)), default=0.0)
        return found / total if total else 0.0

    def score(self, question: str, units: list[Unit], chunk_rank: dict[int, int]) -> list[Unit]:
        p = self.policy
        intent = intents.parse(question)
        q_terms = terms(question)
        q_key = [t for t in q_terms if t not in GENERIC] or q_terms
        sims = [0.0] * len(units)
        if self.embedder is not None and units:
            qvec = self.embedder.encode_query(question)
            vecs = self._embed([u.display for u in units])
            sims = (vecs @ qvec).tolist()
        # each question term's inflected forms among these sentences' words, found once per question
        said = [set(terms(f"{unit.context} {unit.quote}")) for unit in units]
        seen = set().union(*said)
        forms = {t: {w for w in seen if w != t and stands_for(t, {w}, p, abbreviations=False)} for t in set(q_key)}
        for unit, sim, have in zip(units, sims, said):
            own = self.coverage(q_key, unit.quote, forms, intent.options)
            ctx = self._covered(q_key, have, forms, intent.options)
            rank_prior = 1.0 / math.sqrt(chunk_rank.get(unit.chunk_id, 1))
            unit.sim, unit.coverage = float(sim), ctx
            unit.score = (p.w_context_coverage * ctx + p.w_own_coverage * own + p.w_similarity * max(sim, 0.0)
                          + p.w_rank * rank_prior + _intent_bonus(intent, unit.quote, p)) * (
                              1.0 if unit.row else _form(unit.quote, p, asking_list=intent.wants_list))  # a row states its values
        return sorted(units, key=lambda u: -u.score)


def names_asked(heading: str, asked: list[str], nouns: list[str] | None = None) -> bool:
    """Whether a sentence's own heading (the last of its heading path) names the list a question asks for:
    made only of the question's words, among them the question's list word, its last one ("Cell Types" for
    "connective tissue cell types"; not "Connective Tissue", which names the topic). Words that all mean "a
    kind of" stand for each other ("Cell Types" names the list "what kinds of cells" asks for). ``nouns``: the
    list words the question uses as such (:func:`list_nouns`); by default its terms that are list words."""
    asked = kind_of(asked)
    nouns = kind_of(nouns) if nouns is not None else [t for t in asked if t in _LIST_NOUNS]
    own = set(kind_of(terms(heading.split(" > ")[-1]))) if heading and nouns else set()
    return nouns[-1] in own and own <= set(asked) if own else False


def list_nouns(question: str) -> list[str]:
    """The list words a question asks a list by, stemmed: plural ("cell types", "the steps") or before "of"
    ("what kind of knots"); "step" in the name "step functions" asks no list of steps."""
    said = words(question)
    return [terms(w)[0] for i, w in enumerate(said) if w in _LIST_WORDS or (
        terms(w) and terms(w)[0] in _LIST_NOUNS and said[i + 1: i + 2] == ["of"])]


def lists_asked(unit: Unit, asked: list[str], nouns: list[str] | None = None) -> bool:
    """Whether a line heads the list a question asks for: its heading names it (:func:`names_asked`), or the
    line itself is a label introducing a list ("Kinds of knots:") made of the question's words, as a heading
    would be (notes often label a list in a line rather than a heading)."""
    text = unit.display.strip()
    return names_asked(unit.heading, asked, nouns) or (
        text.endswith(":") and is_label(text) and names_asked(text[:-1], asked, nouns))


_LIST_NOUNS = frozenset(terms(P.LIST_NOUNS))
_LIST_WORDS = frozenset(P.LIST_NOUNS.split())
_KIND_OF = {t: terms(P.KIND_NOUNS)[0] for t in terms(P.KIND_NOUNS)}  # each "kind of" word -> one of them


def kind_of(said: list[str]) -> list[str]:
    """Terms with each word meaning "a kind of" ("kinds", "sorts", "types") written as one of them."""
    return [_KIND_OF.get(t, t) for t in said]


def _form(sentence: str, p: Policy = DEFAULT, asking_list: bool = False) -> float:
    """Down-weight sentences that name a topic rather than state something: "Standard queues:", links, and
    the notes' own questions, except for a list question: a question line heads the list answering it ("What
    were the four humors?" over its four items) as a label line does."""
    if _LINKS.search(sentence) and len(_LINKS.sub("", sentence).split()) <= 4:
        return p.form_link_only
    if is_label(sentence):
        return p.form_topic_only
    if asks(sentence) and not asking_list:
        return p.form_question
    return 1.0


def asks(sentence: str) -> bool:
    """A sentence of a note that is a question ("What did the guilds control?", a study prompt above its answer)
    answers nothing: it shares the words of a question asked about it, and the answer is the line after it."""
    return strip_markup(sentence).rstrip(" )\"'’”").endswith("?")


def is_label(sentence: str) -> bool:
    """A heading-like line ("Standard queues:", "per-household limits") names a topic and states nothing."""
    text = strip_markup(sentence)
    n_words = len(text.split())
    return n_words <= 3 or (text.endswith(":") and n_words <= 8)


_LINKS = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+")


def _intent_bonus(intent: intents.Intent, sentence: str, p: Policy = DEFAULT) -> float:
    """A question that asks for a duration, size, price... prefers sentences that state one."""
    bonus = 0.0
    if intent.wants_amount:
        if intent.holds_value(sentence):
            bonus += p.bonus_value_kind
        elif numbers(sentence):
            bonus += p.bonus_any_number
    elif intent.bound and numbers(sentence):
        bonus += p.bonus_any_number
    if intent.bound and P.BOUND_WORDS[intent.bound].search(sentence):
        bonus += p.bonus_bound_word
    return bonus
