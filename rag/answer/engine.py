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

from ..errors import RagError
from ..models import GenerationStats
from ..frontmatter import topic_words, without_metadata
from ..ingest import read_note
from ..redact import redact_text
from ..text import KEPT_STOPWORDS
from . import gate
from .anchor import choose
from .calibrate import Closeness
from .compose import Composer, Shown
from .gather import Gatherer
from .condense import condense
from .cleaning import clean_question
from .evidence import Scorer
from .units import units_of
from .contents import demote_contents
from .opening import lift_openings
from .amount import NOTES_COMPOUNDS, notes_compounds
from .intent import parse
from .policy import DEFAULT, Policy, questions as Q, values as V
from .verify import Citation, Source, verify
from .prompt import SYSTEM_PROMPT, echoes_instructions
from .lead import LeadWatch, lead_budget, lead_lines
from .attributed import source_named_above
from .coded import coded_subject_verb
from .moment import moment_terms
from .phrasing import phrasing_terms
from .position import position_asked, positioned_item
from .quoted import asked_above, quotes_lack
from .labelled_block import with_named_sibling
from .studied import with_asked_time
from .versus import named_by_phrases, named_stopwords
from .vocab import Vocabulary, kept_idf

REFUSAL = "Sorry, I couldn't find that in your notes."


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
    shown: list[Shown] = field(default_factory=list)  # each sentence of ``answer`` and where it comes from
    reason: str = ""  # why it refused, for logs and eval reports

    def to_json(self) -> dict:
        """The public ``rag ask --json`` shape (pinned by tests)."""
        return {
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "citations": [c.to_dict() for c in self.citations],
            "timings": {k: self.timings.get(k) for k in ("retrieve_ms", "first_token_ms", "total_ms", "completion_tokens")},
        }


class Answerer:
    """Answers questions from a retriever and a generator (either may be a fake in tests)."""

    def __init__(self, retriever, generator, settings, policy: Policy = DEFAULT):
        self._notes: dict[str, list[str]] = {}
        self.retriever = retriever
        self.generator = generator
        self.settings = settings
        self.policy = policy
        # learned on load from the indexed text: the words, count units and names of these notes
        self.vocab = Vocabulary.learn((c.text for c in retriever.store.chunks),
                                      {c.heading for c in retriever.store.chunks})
        # stopwords these notes use as content words ("the will"): kept while answering, weighed by their idf
        self.kept = self.vocab.kept(policy.stopword_as_term_uses) if policy.stopword_as_term_uses else frozenset()
        idf = retriever.idf
        if self.kept:  # most notes keep no stopword: no second pass over every chunk then
            idf = {**idf, **kept_idf([f"{c.heading} {c.text}" for c in retriever.store.chunks], self.kept)}
        self.scorer = Scorer(idf, retriever.embedder, policy, getattr(retriever.store, "sentences", None))
        self.composer = Composer(self._note_lines, policy)
        self.gatherer = Gatherer(retriever, self.scorer, policy, self.vocab.acronyms)
        # learned on load from the stored vectors: what "close, but about another note" means in these notes
        self.closeness = Closeness.of_store(retriever.store, policy)
        # RAG_MIN_RELEVANCE, when the user sets it, overrides the policy's calibrated floor
        given = getattr(settings, "min_relevance", None)
        self.min_relevance = policy.min_relevance if given is None else given

    def prepare(self, question: str, history: list[str] | None = None) -> str:
        """The standalone, spelling-corrected question that retrieval and the model see."""
        speller = self.retriever.speller

        def fix(word: str) -> str:
            # number words ("three sailing knots") are how a question asks for a list, never typos
            if _NUMBER_WORD.fullmatch(word.lower()):
                return word
            # nor are the words naming a bound ("largest", "lowest"): notes that never say "largest" still state
            # a maximum, and "large" would lose the bound the question asks (rag.answer.gate.other_bound)
            if any(pattern.fullmatch(word) for pattern in V.BOUND_WORDS.values()):
                return word
            corrected = speller.correct_word(word)
            # a shortened word the notes spell out ("dedup" -> "deduplication"), learned from the notes
            return self.vocab.expansion(corrected, self.policy.expand_min, speller.dictionary) or corrected

        text = condense(question, history or [])
        # the closing "stand for" asks for a spelled-out name: plain English, never a typo nor a shortening
        # ("stand" is not "standard"); the words before it are the notes' words
        frame = Q.STAND_FOR.search(text)
        body, tail = (text[: frame.start()], text[frame.start():]) if frame else (text, "")
        body = re.sub(r"[A-Za-z][A-Za-z'-]*", lambda m: fix(m.group(0)), body)
        body = self.vocab.hyphenate(body) if self.policy.join_as_the_notes_hyphen else body
        return (self.vocab.close_up(body) if self.policy.join_as_the_notes_close else body) + tail

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
        previous, compounds, clean = KEPT_STOPWORDS.get(), NOTES_COMPOUNDS.get(), clean_question(question)
        # set back, not reset: a generator may resume in another context. A comparison's side named by a stopword keeps
        # it ("service vs return", rag.answer.versus); the notes' compounds name their terms ("depth charge", .amount)
        KEPT_STOPWORDS.set(self.kept | named_stopwords(clean))
        NOTES_COMPOUNDS.set(notes_compounds(clean, self.vocab.pairs))
        try:
            yield from self._ask_stream(question, history, k)
        finally:
            KEPT_STOPWORDS.set(previous)
            NOTES_COMPOUNDS.set(compounds)

    def _ask_stream(self, question: str, history: list[str] | None, k: int | None) -> Iterator[tuple[str, object]]:
        started = time.perf_counter()
        question = clean_question(question)
        standalone = self.prepare(question, history)
        k = k or self.settings.top_k
        # sentences are scored over a wider pool of chunks than the k shown as nearest notes: retrieval ranks
        # whole chunks, and the sentence that answers can sit in a chunk ranked just below k
        intent = parse(standalone)
        hits = self.gatherer.hits(standalone, max(k, self.policy.evidence_chunks))
        # scored too, never listed as nearest nor counted for relevance: each side's own best chunks
        pool = hits + self.gatherer.side_hits(intent, hits)
        units = without_metadata([u for h in pool for u in units_of(h.chunk, self._note_lines,  # front matter: no
                                  back=self.policy.antecedent_across_lines)], self._note_lines, intent.asked_terms)
        ranked = self.scorer.score(standalone, units, {h.chunk.id: h.rank for h in pool})
        ranked = demote_contents(ranked, self._note_lines, self.policy)  # a table of contents points, states nothing
        ranked = lift_openings(intent, ranked, self._note_lines, self.policy)  # a title restating it, answered below
        # a side named by a phrase of the notes ("red giant") is not what a comparison compares
        intent = named_by_phrases(intent, (text for u in ranked[: self.policy.phrase_units] for text in (u.context, u.quote)))
        timings = {"retrieve_ms": round((time.perf_counter() - started) * 1000, 1)}
        nearest = [
            {"file": h.chunk.file, "heading": h.chunk.heading, "start_line": h.chunk.start_line,
             "end_line": h.chunk.end_line, "score": round(h.dense, 3), "preview": h.chunk.text[:200]}
            for h in hits[:k]
        ]
        excused = phrasing_terms(intent, self.vocab, self.policy)  # the question's verb: the gate and the anchor both ask
        excused |= coded_subject_verb(intent, self.vocab, self.policy)  # ...after a subject holding a number
        excused |= source_named_above(intent, ranked, self.policy)  # "according to X", X named above the answer
        excused |= moment_terms(intent, ranked, self._note_lines, self.vocab, excused, self.policy)  # "before X goes in"
        # the verb weighs nothing in the coverage only when the notes use every other word asked: a question about
        # a thing they never name ("what does Murphy's law say") keeps its weight (rag.answer.relevant)
        own_words = excused if not gate.unknown_words(intent, self.vocab, excused, self.policy) else frozenset()
        relevance = gate.relevance(intent, hits, ranked, self.scorer, self.policy, self.closeness, own_words)
        base = dict(question=question, standalone=standalone, nearest=nearest, relevance=round(relevance, 3),
                    model=getattr(self.generator, "name", ""))
        topics = {f: topic_words(self._note_lines(f)) for f in {u.file for u in ranked[: self.policy.kind_units]}}
        # "the first step of X": the item at that position of a list named by X; its position speaks the ordinal
        placed = positioned_item(intent, ranked, self._note_lines, self.policy, excused)
        excused |= frozenset(position_asked(intent.question)[1:]) if placed else frozenset()
        reason = gate.check(intent, ranked, self.vocab, self.policy, excused, topics)
        if relevance < self.min_relevance or reason:
            timings.update(first_token_ms=None, completion_tokens=0, total_ms=round((time.perf_counter() - started) * 1000, 1))
            refusal = Answer(answer=REFUSAL, refused=True, citations=[], mode="refused", timings=timings, **base)
            refusal.reason = reason or (f"the notes barely cover the question (relevance {relevance:.2f}, "
                                        f"below {self.min_relevance:.2f})")
            yield "answer", refusal
            return

        part_units = self.gatherer.part_units(intent, units, {h.chunk.id: h.rank for h in pool})
        anchor, intent, labelled, items = choose(intent, ranked, self._note_lines, self.policy, excused, placed)
        sources, prompt_question = self.fit_context(standalone, self.gatherer.select_sources(
            ranked, intent, labelled or part_units or ([anchor] if anchor else [])))
        raw = ""
        stats = GenerationStats()
        watch = (LeadWatch(sources, standalone, self.composer.may_lead(sources), self.vocab.units)
                 if self.policy.model_writes_lead_only else None)
        budget = self.settings.max_tokens
        if watch is not None:  # only the lead can change the answer: room for it, not more (rag.answer.lead)
            empty = self.generator.prompt_tokens("", "")
            budget = lead_budget([u.display for u in lead_lines(sources, self.policy)],
                                 lambda text: self.generator.prompt_tokens("", text) - empty, self.policy, budget)
        stream = self.generator.stream(SYSTEM_PROMPT, self.prompt(prompt_question, sources), max_tokens=budget,
                                       stats=stats)
        try:
            for piece in stream:
                raw += piece
                yield "token", piece
                if watch is not None and watch.done(raw):
                    break
        finally:
            getattr(stream, "close", lambda: None)()  # stops the model now, not when the stream is collected
        first = stats.first_token_ms
        timings.update(
            first_token_ms=round(timings["retrieve_ms"] + first, 1) if stats.completion_tokens else None,
            completion_tokens=stats.completion_tokens,
            generate_ms=round(stats.total_ms, 1),
        )
        checked = verify(redact_text(raw)[0], sources, standalone, self.vocab.units)
        if watch is not None:  # a sentence cut short, by the lead budget or by max_tokens, is not one the model wrote
            checked = watch.written(checked, stats.completion_tokens >= budget)
        text, citations, mode, conflict, shown = self.composer.compose(intent, checked, sources, ranked, part_units,
                                                                       anchor, items)
        citations = with_asked_time(intent, citations, shown, self._note_lines, self.policy)
        missing = any(s.origin == "missing" for s in shown)
        above = (lambda c: asked_above(self._note_lines(c.file), c.start_line, self.policy.asked_item_question_anywhere))
        lack = quotes_lack(intent, citations, self.vocab, self.policy, missing, above)
        # a "who" quote naming no one under a label item: its sibling may name who (rag.answer.labelled_block)
        if lack and (wider := with_named_sibling(intent, citations, shown, self._note_lines, self.vocab, self.policy)):
            citations, lack = wider, quotes_lack(intent, wider, self.vocab, self.policy, missing, above)
        text = " ".join(s.text for s in shown) if text else text
        if lack:
            text, citations, shown = "", [], []
        answer = Answer(standalone, standalone, text or REFUSAL, not text, citations, mode if text else "refused",
                        conflict=conflict, shown=shown, reason=lack or "")
        answer.unverified = [
            {"sentence": c.text, "reason": c.reason} for c in checked if not c.verified and not echoes_instructions(c.text)
        ]
        timings["total_ms"] = round((time.perf_counter() - started) * 1000, 1)
        answer.timings = timings
        for key, value in base.items():
            setattr(answer, key, value)
        answer.raw = raw
        yield "answer", answer

    def _note_lines(self, file: str) -> list[str]:
        """The note's lines as ingestion sees them (repaired, redacted); cached for this answerer's life."""
        if file not in self._notes:
            corpus = Path(self.settings.corpus)
            try:
                self._notes[file] = read_note(corpus / file, corpus).lines
            except (OSError, RagError):
                self._notes[file] = []
        return self._notes[file]


_NUMBER_WORD = re.compile(V.NUMBER_WORDS)
