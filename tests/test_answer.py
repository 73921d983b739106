"""The answering pipeline with a scripted model: verification, fallback, refusal and citation integrity."""

from __future__ import annotations

import dataclasses
import re

import pytest

from conftest import SMALL_NOTES, FakeEmbedder, FakeGenerator, write_notes
from rag.answer import MAX_QUESTION_CHARS, REFUSAL, SYSTEM_PROMPT, Answer, Answerer, clean_question
from rag.answer.condense import condense, is_follow_up
from rag.answer.policy import DEFAULT
from rag.config import Settings
from rag.errors import QuestionError
from rag.ingest import read_note
from rag.retrieve import Retriever
from rag.build import build_index
from rag.store import Store

VISIBILITY_Q = "What is the default visibility timeout in SQS?"
RETENTION_Q = "How long are SQS messages kept?"


@pytest.fixture
def ask(small_retriever, small_settings):
    """ask(question, *replies, **kw) -> (Answer, FakeGenerator) over the small corpus."""

    def run(question, *replies, n_ctx=2048, policy=DEFAULT, **kwargs):
        generator = FakeGenerator(replies=list(replies) or None, n_ctx=n_ctx)
        answer = Answerer(small_retriever, generator, small_settings, policy=policy).ask(question, **kwargs)
        return answer, generator

    return run


def assert_citations_grounded(answer: Answer, corpus) -> None:
    """Every [n] in the answer is a citation whose quote is in that note within its line span."""
    numbers = [int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)]
    by_n = {c.n: c for c in answer.citations}
    assert [c.n for c in answer.citations] == list(range(1, len(answer.citations) + 1))
    for n in numbers:
        assert n in by_n, f"[{n}] has no citation in {answer.citations}"
        c = by_n[n]
        note = read_note(corpus / c.file, corpus)
        span = "\n".join(note.lines[c.start_line - 1 : c.end_line])
        assert c.start_line <= c.end_line
        assert c.quote and c.quote in span, f"{c.quote!r} not in {c.file}:{c.start_line}-{c.end_line}"


# -- verification through the answerer -----------------------------------------------------------


def test_supported_answer_is_kept_with_its_citation(ask, small_corpus):
    answer, generator = ask(VISIBILITY_Q, "The default visibility timeout is 30 seconds [1].")
    assert (answer.mode, answer.refused) == ("model", False)
    assert answer.answer == "The default visibility timeout is 30 seconds [1]."
    assert [(c.n, c.file, c.start_line, c.end_line) for c in answer.citations] == [(1, "sqs.md", 9, 9)]
    assert answer.citations[0].quote == "The default visibility timeout is 30 seconds."
    assert answer.unverified == []
    system, user = generator.prompts[0]
    assert system == SYSTEM_PROMPT
    assert "[1]" in user and "30 seconds" in user and user.rstrip().endswith(f"Question: {VISIBILITY_Q}")
    assert_citations_grounded(answer, small_corpus)


# The model is stopped once it has written the sentence that will lead (rag.answer.lead); these tests let it write
# on, as a remote model that ignores being stopped would, to check what verification does with the rest.
WRITES_ON = dataclasses.replace(DEFAULT, model_writes_lead_only=False)


def test_wrong_number_is_caught(ask, small_corpus):
    answer, _ = ask(RETENTION_Q, "SQS keeps messages for 30 days [1].", policy=WRITES_ON)
    assert "30 days" not in answer.answer
    assert answer.mode == "extractive" and not answer.refused
    assert "4 days" in answer.answer
    assert answer.unverified == [{"sentence": "SQS keeps messages for 30 days.", "reason": "'30 day' is not in the cited text"}]
    assert_citations_grounded(answer, small_corpus)


def test_invalid_citation_is_reassigned(ask, small_corpus):
    answer, _ = ask(VISIBILITY_Q, "The default visibility timeout is 30 seconds [7].")
    assert "[7]" not in answer.answer
    assert answer.answer == "The default visibility timeout is 30 seconds [1]."
    assert answer.citations[0].file == "sqs.md" and answer.citations[0].start_line == 9
    assert_citations_grounded(answer, small_corpus)


def test_uncited_claims_are_cited_or_removed(ask, small_corpus):
    answer, _ = ask(VISIBILITY_Q, "The default visibility timeout is 30 seconds. Bananas are yellow and grow on trees.",
                    policy=WRITES_ON)
    assert answer.mode == "model"
    assert answer.answer == "The default visibility timeout is 30 seconds [1]."
    assert "Bananas" not in answer.answer
    assert answer.unverified == [
        {"sentence": "Bananas are yellow and grow on trees.", "reason": "no citation, and no source supports it"}
    ]
    assert_citations_grounded(answer, small_corpus)


@pytest.mark.parametrize("reply", ["Bananas are yellow [1].", "", "I can't find that in your notes."])
def test_extractive_fallback_when_nothing_is_supported(ask, small_corpus, reply):
    answer, _ = ask(VISIBILITY_Q, reply)
    assert (answer.mode, answer.refused) == ("extractive", False)
    assert answer.answer.startswith("“The default visibility timeout is 30 seconds.” [1]")
    assert answer.citations[0].quote == "The default visibility timeout is 30 seconds."
    assert_citations_grounded(answer, small_corpus)


def test_refusal_on_off_topic_question(ask):
    answer, generator = ask("what is the capital of France", "Paris is the capital of France [1].")
    assert answer.refused is True and answer.mode == "refused"
    assert answer.answer == REFUSAL
    assert answer.citations == []
    assert generator.prompts == []  # the model is not even asked
    assert answer.nearest and {"file", "heading", "start_line", "end_line", "score"} <= set(answer.nearest[0])
    assert {n["file"] for n in answer.nearest} <= set(SMALL_NOTES)
    data = answer.to_json()
    assert data["refused"] is True and data["citations"] == [] and data["answer"] == REFUSAL
    assert data["timings"]["first_token_ms"] is None and data["timings"]["completion_tokens"] == 0


SCENARIOS = [
    (VISIBILITY_Q, "The default visibility timeout is 30 seconds [1]."),
    (VISIBILITY_Q, "The default visibility timeout is 30 seconds [2][7]. Call the ChangeMessageVisibility API for more time."),
    (RETENTION_Q, "Messages are kept for 4 days by default, up to a maximum of 14 days [1]."),
    (RETENTION_Q, "SQS keeps messages for 30 days [1]."),
    ("Which S3 storage class is cheapest for archives?", "S3 Glacier Deep Archive is the cheapest class [3]."),
    ("What can trigger a Lambda function?", "Lambda can be triggered by S3 events, SQS queues and API Gateway [1]."),
    ("Does S3 keep old versions of objects?", "Nothing here."),
]


@pytest.mark.parametrize("question, reply", SCENARIOS)
def test_every_citation_marker_is_grounded(ask, small_corpus, question, reply):
    answer, _ = ask(question, reply)
    assert not answer.refused
    assert re.search(r"\[\d+\]", answer.answer)
    assert_citations_grounded(answer, small_corpus)


@pytest.mark.parametrize("question, reply", SCENARIOS)
def test_every_listed_citation_is_used(ask, question, reply):
    answer, _ = ask(question, reply)
    used = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert {c.n for c in answer.citations} == used


def test_discarded_sentence_leaves_no_orphan_citation(ask, small_corpus):
    # The model's sentence is right and verified, but the top-scored sentence holds another number
    # ("15 minutes"), so the answer falls back to quoting it.
    answer, _ = ask("How much memory can a Lambda function have?", "Memory can be set from 128 MB to 10240 MB [1].")
    assert_citations_grounded(answer, small_corpus)
    used = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert {c.n for c in answer.citations} == used


def test_secret_in_model_output_is_masked(ask):
    answer, _ = ask(VISIBILITY_Q, "The default visibility timeout is 30 seconds [1]. The password = hunter2x here [1].")
    assert "hunter2x" not in answer.answer
    assert "hunter2x" not in str(answer.unverified)
    assert "hunter2x" not in str(answer.to_json())


def test_conflicting_notes_are_flagged(tmp_path):
    notes = dict(SMALL_NOTES)
    notes["sqs-old.md"] = "# SQS (old notes)\n\n## Retention\n- SQS messages are kept for 7 days by default.\n"
    corpus = write_notes(tmp_path / "notes", notes)
    settings = Settings(corpus=corpus, index=tmp_path / "index")
    embedder = FakeEmbedder()
    build_index(settings, embedder, progress=False)
    retriever = Retriever(Store.load(settings.index, settings, embedder.id), embedder)
    generator = FakeGenerator(replies=["Messages are kept for 4 days by default [1]."])
    answer = Answerer(retriever, generator, settings).ask("How long does SQS keep messages by default?")
    assert answer.conflict is True
    assert "disagree" in answer.answer and "7 days" in answer.answer and "4 days" in answer.answer
    assert {c.file for c in answer.citations} == {"sqs.md", "sqs-old.md"}
    assert_citations_grounded(answer, corpus)


def test_prompt_is_fitted_to_a_small_context(ask):
    answer, generator = ask(RETENTION_Q, "Messages are kept for 4 days by default [1].", n_ctx=300)
    system, user = generator.prompts[0]
    budget = 300 - Settings().max_tokens - 16
    assert generator.prompt_tokens(system, user) <= budget
    assert "[1]" in user
    assert not answer.refused


def test_stream_yields_tokens_then_the_answer(small_retriever, small_settings):
    reply = "The default visibility timeout is 30 seconds [1]."
    answerer = Answerer(small_retriever, FakeGenerator(replies=[reply]), small_settings)
    events = list(answerer.ask_stream(VISIBILITY_Q))
    kinds = [kind for kind, _ in events]
    assert kinds[-1] == "answer" and set(kinds[:-1]) == {"token"}
    assert "".join(value for kind, value in events if kind == "token") == reply
    answer = events[-1][1]
    assert answer.raw == reply
    t = answer.timings
    assert t["completion_tokens"] == len(kinds) - 1 == len(reply.split())
    assert t["retrieve_ms"] >= 0 and t["first_token_ms"] >= t["retrieve_ms"] and t["total_ms"] >= t["first_token_ms"]
    assert answer.model == FakeGenerator.name


def test_to_json_shape(ask):
    answer, _ = ask(VISIBILITY_Q, "The default visibility timeout is 30 seconds [1].")
    data = answer.to_json()
    assert set(data) == {"question", "answer", "refused", "citations", "timings"}
    assert data["question"] == VISIBILITY_Q
    assert set(data["citations"][0]) == {"n", "file", "start_line", "end_line", "quote"}
    assert set(data["timings"]) == {"retrieve_ms", "first_token_ms", "total_ms", "completion_tokens"}


def test_follow_up_question_is_condensed(ask):
    answer, generator = ask("and the maximum?", "Messages are kept for up to a maximum of 14 days [1].",
                            history=["What is the default retention of SQS messages?"])
    assert answer.standalone == "What is the maximum retention of SQS messages?"
    assert answer.question == "and the maximum?"
    assert "Question: What is the maximum retention of SQS messages?" in generator.prompts[0][1]
    assert "14 days" in answer.answer


def test_condense_rules():
    assert condense("what about lambda?", ["How do I enable SQS long polling?"]) == "lambda (How do I enable SQS long polling)?"
    assert condense("What is S3 versioning?", ["anything"]) == "What is S3 versioning?"
    assert is_follow_up("and the maximum?") and not is_follow_up("What is the SQS visibility timeout?")


# -- questions -----------------------------------------------------------------------------------


@pytest.mark.parametrize("question", ["", "   ", "\n\t", None, "?!", "..."])
def test_empty_questions_are_rejected(question):
    with pytest.raises(QuestionError, match="question"):
        clean_question(question)


def test_question_is_cleaned():
    assert clean_question("  what\x00 is\tSQS?\x1b ") == "what is SQS?"
    long = "word " * 400
    cleaned = clean_question(long)
    assert len(cleaned) <= MAX_QUESTION_CHARS and cleaned.endswith("word")


def test_empty_question_through_the_answerer(small_retriever, small_settings):
    generator = FakeGenerator()
    with pytest.raises(QuestionError):
        Answerer(small_retriever, generator, small_settings).ask("   ")
    assert generator.prompts == []


# -- the real pipeline (real embedder, real corpus, bundled GGUF model) ----------------------------


@pytest.mark.model
def test_real_pipeline_answers_with_grounded_citations(real_pipeline, corpus_index):
    answer = real_pipeline.ask("What is the default SQS message visibility timeout?")
    print("\n", answer.mode, answer.answer, answer.timings)
    assert not answer.refused
    assert "30" in answer.answer
    assert any(c.file == "002_7fb0504609d8a022.txt" for c in answer.citations)
    assert_citations_grounded(answer, corpus_index.corpus)
    assert answer.timings["total_ms"] > 0


@pytest.mark.model
def test_real_pipeline_refuses_off_topic(real_pipeline):
    answer = real_pipeline.ask("what is the capital of France")
    assert answer.refused and answer.answer == REFUSAL and answer.citations == []
    assert answer.nearest
