"""The answering pipeline: question -> retrieval -> focused sources -> model -> verification -> answer.

The model only ever proposes sentences. What reaches the user is either model sentences that the
verifier matched to a source sentence, or, when none survive, the best source sentences quoted
verbatim (the extractive fallback), or a fixed refusal when the notes do not cover the question.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from dataclasses import dataclass, field
from typing import Iterator

from . import answerable
from .condense import condense
from .errors import QuestionError, RagError
from .ingest import read_note
from .evidence import Scorer, Unit, units_of
from .models import GenerationStats
from .redact import redact_text
from .retrieve import Hit
from .text import number_value, numbers, strip_markup, terms
from .verify import Checked, Citation, Source, number_units, verify

REFUSAL = "Sorry, I couldn't find that in your notes."
MAX_QUESTION_CHARS = 1000
MAX_SOURCES = 3
UNITS_PER_SOURCE = 3
SYSTEM_PROMPT = (
    "You answer questions using only the numbered sources from the user's notes. "
    "Answer in one or two short sentences. Put the source number in brackets, like [1], after each sentence. "
    "If the sources do not contain the answer, say: I can't find that in your notes."
)


@dataclass
class Answer:
    question: str
    standalone: str
    answer: str
    refused: bool
    citations: list[Citation]
    mode: str  # "model" (verified model sentences), "extractive", or "refused"
    timings: dict = field(default_factory=dict)
    nearest: list[dict] = field(default_factory=list)  # notes closest to the question, for refusals too
    unverified: list[dict] = field(default_factory=list)  # model sentences dropped, with the reason
    conflict: bool = False
    model: str = ""
    relevance: float = 0.0
    raw: str = ""  # what the model wrote, before verification

    def to_json(self) -> dict:
        """The public ``rag ask --json`` shape (pinned by tests)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "timings": {k: self.timings.get(k) for k in ("retrieve_ms", "first_token_ms", "total_ms", "completion_tokens")},
        }


def clean_question(question: str) -> str:
    """Strip control characters and excess whitespace; refuse questions with no words."""
    if question is None:
        raise QuestionError("the question is empty; type a question about your notes")
    text = str(question).encode("utf-8", "replace").decode("utf-8")  # lone surrogates from crafted input
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    if not text:
        raise QuestionError("the question is empty; type a question about your notes")
    if not re.search(r"\w", text):
        raise QuestionError("the question has no words in it; type a question about your notes")
    if len(text) > MAX_QUESTION_CHARS:
        text = text[:MAX_QUESTION_CHARS].rsplit(" ", 1)[0]
    return text


class Answerer:
    """Answers questions from a retriever and a generator (either may be a fake in tests)."""

    def __init__(self, retriever, generator, settings):
        self._notes: dict[str, list[str]] = {}
        self.retriever = retriever
        self.generator = generator
        self.settings = settings
        self.scorer = Scorer(retriever.idf, retriever.embedder)

    def prepare(self, question: str, history: list[str] | None = None) -> str:
        """The standalone, spelling-corrected question that retrieval and the model see."""
        return self.retriever.speller.correct(condense(question, history or []))

    # -- evidence ------------------------------------------------------------------------------
    def relevance(self, question: str, hits: list[Hit], ranked: list[Unit]) -> float:
        """How well the notes cover the question: key-term coverage of the best sentence and dense similarity."""
        if not hits or not ranked:
            return 0.0
        key = terms(question, drop_generic=True) or terms(question)
        best_cov = max(self.scorer.coverage(key, f"{u.context} {u.quote}") for u in ranked[:8])
        best_dense = max(h.dense for h in hits)
        return 0.6 * best_cov + 0.4 * max(best_dense, 0.0)

    def select_sources(self, ranked: list[Unit]) -> list[Source]:
        """The best sentences, grouped by chunk into at most MAX_SOURCES numbered sources."""
        if not ranked:
            return []
        floor = ranked[0].score * 0.6
        groups: dict[int, list[Unit]] = {}
        order: list[int] = []
        for unit in ranked:
            if unit.score < floor and groups:
                break
            if unit.chunk_id not in groups:
                if len(order) == MAX_SOURCES:
                    continue
                groups[unit.chunk_id] = []
                order.append(unit.chunk_id)
            if len(groups[unit.chunk_id]) < UNITS_PER_SOURCE:
                groups[unit.chunk_id].append(unit)
        sources = []
        for n, chunk_id in enumerate(order, start=1):
            units = sorted(groups[chunk_id], key=lambda u: u.line)
            heading = self.retriever.store.chunks[chunk_id].heading
            sources.append(Source(n, units[0].file, heading, units))
        return sources

    def prompt(self, question: str, sources: list[Source]) -> str:
        parts = []
        for s in sources:
            lines = " ".join(u.display for u in s.units)
            topic = s.heading.split(" > ")[-1] if s.heading else ""
            parts.append(f"[{s.n}] {topic + ': ' if topic else ''}{lines}")
        return "Sources:\n" + "\n".join(parts) + f"\n\nQuestion: {question}"

    def fit_context(self, question: str, sources: list[Source]) -> tuple[list[Source], str]:
        """Cut an over-long question, then drop the weakest sentences, until the prompt fits n_ctx."""
        budget = self.generator.n_ctx - self.settings.max_tokens - 16
        sources = [Source(s.n, s.file, s.heading, list(s.units)) for s in sources]
        # A huge question must not crowd out every source: cut the question first, keeping its start.
        while len(question) > 40 and self.generator.prompt_tokens(SYSTEM_PROMPT, f"Question: {question}") > budget // 2:
            question = question[: int(len(question) * 0.8)]
        while sources and self.generator.prompt_tokens(SYSTEM_PROMPT, self.prompt(question, sources)) > budget:
            last = sources[-1]
            if len(last.units) > 1:
                last.units.pop()
            else:
                sources.pop()
        return sources, question

    # -- answering -----------------------------------------------------------------------------
    def ask(self, question: str, history: list[str] | None = None, k: int | None = None) -> Answer:
        answer = None
        for kind, value in self.ask_stream(question, history, k):
            if kind == "answer":
                answer = value
        return answer

    def ask_stream(self, question: str, history: list[str] | None = None, k: int | None = None) -> Iterator[tuple[str, object]]:
        """Yield ("token", text) while the model writes, then ("answer", Answer) once verified."""
        started = time.perf_counter()
        question = clean_question(question)
        standalone = self.prepare(question, history)
        hits = self.retriever.retrieve(standalone, k or self.settings.top_k)
        units = [u for h in hits for u in units_of(h.chunk)]
        ranked = self.scorer.score(standalone, units, {h.chunk.id: h.rank for h in hits})
        timings = {"retrieve_ms": round((time.perf_counter() - started) * 1000, 1)}
        nearest = [
            {"file": h.chunk.file, "heading": h.chunk.heading, "start_line": h.chunk.start_line,
             "end_line": h.chunk.end_line, "score": round(h.dense, 3)}
            for h in hits
        ]
        relevance = self.relevance(standalone, hits, ranked)
        base = dict(question=question, standalone=standalone, nearest=nearest, relevance=round(relevance, 3),
                    model=getattr(self.generator, "name", ""))
        reason = answerable.check(standalone, ranked, self.retriever.speller.counts)
        if relevance < self.settings.min_relevance or reason:
            timings.update(first_token_ms=None, completion_tokens=0, total_ms=round((time.perf_counter() - started) * 1000, 1))
            yield "answer", Answer(answer=REFUSAL, refused=True, citations=[], mode="refused", timings=timings, **base)
            return

        sources, prompt_question = self.fit_context(standalone, self.select_sources(ranked))
        raw = ""
        stats = GenerationStats()
        for piece in self.generator.stream(SYSTEM_PROMPT, self.prompt(prompt_question, sources), stats=stats):
            raw += piece
            yield "token", piece
        first = stats.first_token_ms
        timings.update(
            first_token_ms=round(timings["retrieve_ms"] + first, 1) if stats.completion_tokens else None,
            completion_tokens=stats.completion_tokens,
            generate_ms=round(stats.total_ms, 1),
        )
        checked = verify(redact_text(raw)[0], sources, standalone)
        answer = self._assemble(standalone, checked, sources, ranked)
        answer.unverified = [
            {"sentence": c.text, "reason": c.reason} for c in checked if not c.verified and not _echoes_instructions(c.text)
        ]
        timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
        answer.timings = timings
        for key, value in base.items():
            setattr(answer, key, value)
        answer.raw = raw
        yield "answer", answer

    def _assemble(self, question: str, checked: list[Checked], sources: list[Source], ranked: list[Unit]) -> Answer:
        top = sorted((u for s in sources for u in s.units), key=lambda u: -u.score)
        strong = [u for u in top if u.score >= STRONG * top[0].score][:4] if top else []
        headings = {(u.file, u.line): s.heading for s in sources for u in s.units}
        q_terms = set(terms(question))
        accepted = [c for c in checked if c.verified and _adds_content(c, q_terms) and c.support[0][1] in strong]
        picked: list[tuple[str, list[Unit]]] = []  # (sentence text or "", supporting units)
        mode = "model"
        if accepted and _covers_key_fact(" ".join(c.text for c in accepted), strong, question):
            picked = [(c.text, [c.support[0][1]]) for c in accepted]
        else:
            mode = "extractive"
            picked = [("", [u]) for u in _extractive_units(top, question)]
        if not picked:
            return Answer(question, question, REFUSAL, True, [], "refused")

        citations: list[Citation] = []
        keyed: dict[tuple, int] = {}

        def cite(unit: Unit) -> int:
            quote, end = self._expanded(unit) if mode == "extractive" else (unit.quote, unit.line)
            key = (unit.file, unit.line, quote)
            if key not in keyed:
                keyed[key] = len(citations) + 1
                citations.append(Citation(keyed[key], unit.file, unit.line, end, quote, headings.get((unit.file, unit.line), "")))
            return keyed[key]

        sentences = []
        for text, units in picked:
            n = cite(units[0])
            if text:
                end = text[-1] if text[-1] in ".!?" else "."
                sentences.append(f"{text.rstrip('.!?')} [{n}]{end}")
            else:
                sentences.append(f"“{_display(citations[n - 1].quote)}” [{n}]")
        conflict = _conflict(question, ranked)
        if conflict:
            a, b = conflict
            na, nb = cite(a), cite(b)
            sentences.append(f"Note that your notes disagree here: [{na}] says “{a.display}” but [{nb}] says “{b.display}”.")
        return Answer(question, question, " ".join(sentences), False, citations, mode, conflict=bool(conflict))

    def _note_lines(self, file: str) -> list[str]:
        """The note's lines as ingestion sees them (repaired, redacted); cached for this answerer's life."""
        if file not in self._notes:
            corpus = Path(self.settings.corpus)
            try:
                self._notes[file] = read_note(corpus / file, corpus).lines
            except (OSError, RagError):
                self._notes[file] = []
        return self._notes[file]

    def _expanded(self, unit: Unit) -> tuple[str, int]:
        """A topic line ("Deployment options:") quoted with the list under it, which holds the substance."""
        text = unit.display
        if not (text.endswith(":") or (len(text.split()) <= 8 and not text.endswith((".", "!", "?")))):
            return unit.quote, unit.line
        lines = self._note_lines(unit.file)
        if not 0 < unit.line <= len(lines) or unit.quote not in lines[unit.line - 1]:
            return unit.quote, unit.line
        head = lines[unit.line - 1]
        indent = len(head) - len(head.lstrip())
        last, blanks, taken = unit.line, 0, 0
        for number in range(unit.line + 1, min(len(lines), unit.line + 40) + 1):
            line = lines[number - 1]
            if not line.strip():
                blanks += 1
                if blanks > 1:
                    break
                continue
            deeper = len(line) - len(line.lstrip()) > indent
            same_level_item = text.endswith(":") and _LIST_ITEM.match(line) and len(line) - len(line.lstrip()) >= indent
            if not (deeper or same_level_item) or _HEADING.match(line):
                break
            last, blanks, taken = number, 0, taken + 1
            if taken == 6:
                break
        if last == unit.line:
            return unit.quote, unit.line
        start = head.find(unit.quote)
        quote = "\n".join([head[start:]] + lines[unit.line : last])
        return quote, last


_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)]|[├└│])")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s|^\s*(=+|-{3,})\s*$")


def _echoes_instructions(sentence: str) -> bool:
    """A sentence that mostly repeats our own instructions (an obeyed injection) is not worth showing."""
    mine = set(terms(SYSTEM_PROMPT))
    said = terms(sentence)
    return bool(said) and sum(t in mine for t in said) / len(said) > 0.6


STRONG = 0.85  # a sentence within this share of the best score is as good an answer as the best


def _display(quote: str) -> str:
    """A quote as a reader sees it: markup stripped, lines joined with semicolons."""
    parts = [strip_markup(line).lstrip("├└│─ ") for line in quote.split("\n") if line.strip()]
    if len(parts) == 1:
        return parts[0]
    return parts[0].rstrip(":") + ": " + "; ".join(parts[1:])


def _adds_content(item: Checked, q_terms: set[str]) -> bool:
    """A verified sentence must say something the question did not, and that something must be in the quote."""
    unit = item.support[0][1]
    new = {t for t in terms(item.text) if t not in q_terms}
    quote_terms = set(terms(unit.quote))
    return len(new & quote_terms) >= 2 or bool(numbers(item.text) & numbers(unit.quote))


_VERSUS = re.compile(r"(?i)\s+(?:vs\.?|versus|compared (?:to|with)|or)\s+")


def _sides(question: str) -> list[set[str]]:
    """The two things a comparison asks about ("alias vs cname record" -> {alias}, {cname})."""
    q = re.sub(r"(?i)^.*?\bdifference between\s+(.+?)\s+and\s+", r"\1 vs ", question)
    parts = _VERSUS.split(q, maxsplit=1)
    if len(parts) != 2:
        return []
    a, b = (set(terms(p, drop_generic=True)) for p in parts)
    a, b = a - b, b - a
    return [a, b] if a and b else []


def _extractive_units(top: list[Unit], question: str = "") -> list[Unit]:
    """The best source sentences (up to three, from distinct lines) that score close to the best.

    For a comparison, the best sentence about each side comes first, so both sides are answered.
    """
    if not top:
        return []
    sides = _sides(question)
    if sides:
        chosen: list[Unit] = []
        for side in sides:
            own = [u for u in top if side & set(terms(u.quote)) and u not in chosen]
            if own:
                chosen.append(own[0])
        if len(chosen) == 2:
            return chosen
    chosen = [top[0]]
    for unit in top[1:]:
        if len(chosen) == 3:
            break
        if unit.score >= STRONG * top[0].score and all(unit.line != c.line or unit.file != c.file for c in chosen):
            chosen.append(unit)
    return chosen


_MAX = re.compile(r"(?i)\b(max(?:imum)?|largest|biggest|longest|most|highest|upper|up to)\b")
_MIN = re.compile(r"(?i)\b(min(?:imum)?|smallest|shortest|least|lowest)\b")


def _covers_key_fact(answer: str, strong: list[Unit], question: str) -> bool:
    """An amount question must get the amount the best sentences state (the right end of a range for max/min)."""
    if not re.search(r"(?i)\b(how|max|min|limit|default|size|timeout|retention|number|many|much|long|big)", question):
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
        if _MAX.search(question) and not _MIN.search(question) and len(values) > 1:
            return values[-1] in said
        if _MIN.search(question) and not _MAX.search(question) and len(values) > 1:
            return values[0] in said
        return True
    return False

def _conflict(question: str, ranked: list[Unit]) -> tuple[Unit, Unit] | None:
    """Two strong sentences from different notes that state different amounts about the question's subject."""
    if not ranked:
        return None
    need, _ = answerable.expected_kind(question)
    strong = [u for u in ranked[:6] if u.score >= CONFLICT * ranked[0].score]
    first = strong[0]
    key = set(terms(question, drop_generic=True))

    def amounts(unit: Unit) -> set[str]:
        if need is not None and not need.search(unit.quote):
            return set()
        return numbers(unit.quote)

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


CONFLICT = 0.7  # how close to the best sentence a disagreeing one must score to be worth mentioning
