"""The answering pipeline: question -> retrieval -> focused sources -> model -> verification -> answer.

The model only ever proposes sentences. What reaches the user is either model sentences that the
verifier matched to a source sentence, or, when none survive, the best source sentences quoted
verbatim (the extractive fallback), or a fixed refusal when the notes do not cover the question.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Iterator

from . import answerable
from .condense import condense
from .errors import QuestionError
from .evidence import Scorer, Unit, units_of
from .generate import GenerationStats
from .redact import redact_text
from .retrieve import Hit
from .text import GENERIC, numbers, terms
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
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", str(question))
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
            label = f"{s.heading} ({s.file})" if s.heading else s.file
            parts.append(f"[{s.n}] {label}: {lines}")
        return "Sources:\n" + "\n".join(parts) + f"\n\nQuestion: {question}"

    def fit_context(self, question: str, sources: list[Source]) -> list[Source]:
        """Drop the weakest sentences until the prompt fits the model's context window."""
        budget = self.generator.n_ctx - self.settings.max_tokens - 16
        sources = [Source(s.n, s.file, s.heading, list(s.units)) for s in sources]
        while sources and self.generator.prompt_tokens(SYSTEM_PROMPT, self.prompt(question, sources)) > budget:
            last = sources[-1]
            if len(last.units) > 1:
                last.units.pop()
            else:
                sources.pop()
        return sources

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

        sources = self.fit_context(standalone, self.select_sources(ranked))
        raw = ""
        stats = GenerationStats()
        for piece in self.generator.stream(SYSTEM_PROMPT, self.prompt(standalone, sources), stats=stats):
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
        answer.unverified = [{"sentence": c.text, "reason": c.reason} for c in checked if not c.verified]
        timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
        answer.timings = timings
        for key, value in base.items():
            setattr(answer, key, value)
        answer.raw = raw
        yield "answer", answer

    def _assemble(self, question: str, checked: list[Checked], sources: list[Source], ranked: list[Unit]) -> Answer:
        citations: list[Citation] = []
        keyed: dict[tuple[str, int, str], int] = {}

        def cite(unit: Unit, heading: str) -> int:
            key = (unit.file, unit.line, unit.quote)
            if key not in keyed:
                keyed[key] = len(citations) + 1
                citations.append(Citation(keyed[key], unit.file, unit.line, unit.line, unit.quote, heading))
            return keyed[key]

        by_n = {s.n: s for s in sources}
        sentences = []
        for item in checked:
            if item.verified:
                n, unit = item.support[0]
                text = item.text.rstrip()
                end = text[-1] if text[-1] in ".!?" else "."
                sentences.append(f"{text.rstrip('.!?')} [{cite(unit, by_n[n].heading)}]{end}")
        mode = "model"
        top = [u for s in sources for u in s.units]
        top.sort(key=lambda u: -u.score)
        if sentences and top and not _covers_key_fact(" ".join(sentences), top[0], question):
            sentences = []  # verified but beside the point: the quote below says more
        if not sentences:
            mode = "extractive"
            for unit in _extractive_units(top):
                heading = next(s.heading for s in sources if unit in s.units)
                sentences.append(f"“{unit.display}” [{cite(unit, heading)}]")
        conflict = _conflict(question, top)
        if conflict:
            a, b = conflict
            na, nb = cite(a, ""), cite(b, "")
            sentences.append(f"Note that your notes disagree here: “{a.display}” [{na}] but “{b.display}” [{nb}].")
        if not sentences:
            return Answer(question, question, REFUSAL, True, [], "refused")
        return Answer(question, question, " ".join(sentences), False, citations, mode, conflict=bool(conflict))


def _extractive_units(top: list[Unit]) -> list[Unit]:
    """The best one or two source sentences, from distinct lines."""
    if not top:
        return []
    chosen = [top[0]]
    for unit in top[1:]:
        if len(chosen) == 2:
            break
        if unit.score >= 0.85 * top[0].score and unit.line != chosen[0].line:
            chosen.append(unit)
    return chosen


def _covers_key_fact(answer: str, best: Unit, question: str) -> bool:
    """A numeric question answered without the best sentence's number probably missed the point."""
    wanted = numbers(best.quote)
    if not wanted or not re.search(r"(?i)\b(how|max|min|limit|default|size|timeout|retention|number|many|much|long)", question):
        return True
    return bool(numbers(answer) & wanted)


def _conflict(question: str, top: list[Unit]) -> tuple[Unit, Unit] | None:
    """Two strong sentences from different notes stating different amounts of the same unit."""
    if not top:
        return None
    strong = [u for u in top if u.score >= 0.75 * top[0].score]
    first = strong[0]
    first_pairs = {p for p in number_units(first.quote) if p[1]}
    if not first_pairs:
        return None
    key = set(terms(question, drop_generic=True))
    for other in strong[1:]:
        if other.file == first.file:
            continue
        pairs = {p for p in number_units(other.quote) if p[1]}
        same_units = {u for _, u in pairs} & {u for _, u in first_pairs}
        if not same_units or pairs == first_pairs:
            continue
        if {n for n, u in pairs if u in same_units} != {n for n, u in first_pairs if u in same_units}:
            shared = key & set(terms(other.quote + " " + other.context)) & set(terms(first.quote + " " + first.context))
            if shared:
                return first, other
    return None
