"""The refusal floor reads a question's dense similarity on the notes' own scale (rag/answer/calibrate.py)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from conftest import FakeEmbedder, FakeGenerator, write_notes

from rag.answer.calibrate import UNCALIBRATED, Closeness
from rag.answer.engine import Answerer
from rag.answer.policy import DEFAULT, Policy
from rag.config import Settings


def _answerer(corpus, index, settings: Settings | None = None) -> Answerer:
    """The answer stage as the pipeline loads it (the index stores its evidence sentences' vectors)."""
    from rag.pipeline import Pipeline

    settings = settings or Settings(corpus=corpus, index=index)
    return Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(replies=[""])).answerer()


def _unit(*parts: float) -> np.ndarray:
    v = np.asarray(parts, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_a_sentences_own_note_is_left_out_so_its_best_match_elsewhere_is_the_unrelated_one():
    # chunk 0 (note a) holds the sentences; chunk 1 (note b) is about something else, at cosine 0.6 to them
    chunks = np.stack([_unit(1, 0), _unit(0.6, 0.8)])
    sentences = np.stack([_unit(1, 0)] * 30)
    closeness = Closeness.learn(chunks, ["a.md", "b.md"], sentences)
    assert closeness.calibrated
    assert np.allclose(closeness.unrelated, 0.6)  # never 1.0, the sentence's own chunk
    assert closeness(0.59) == 0.0 and closeness(0.61) == 1.0


def test_closeness_is_the_share_of_unrelated_pairs_a_question_beats():
    closeness = Closeness(np.linspace(0.2, 0.6, 101))
    assert closeness(0.1) == 0.0
    assert closeness(0.4) == pytest.approx(0.5, abs=0.01)
    assert closeness(0.9) == 1.0


def test_the_same_question_rank_gives_the_same_closeness_whatever_the_embedders_scale():
    # one embedder gives every pair 0.2 more cosine than another: a question's closeness must not move
    low = Closeness(np.linspace(0.2, 0.5, 200))
    high = Closeness(np.linspace(0.4, 0.7, 200))
    for rank in (0.1, 0.5, 0.9):
        assert low(0.2 + 0.3 * rank) == pytest.approx(high(0.4 + 0.3 * rank), abs=0.01)


@pytest.mark.parametrize("groups, n_sentences", [(["a.md", "a.md"], 50), (["a.md", "b.md"], 5)])
def test_with_nothing_to_rank_against_a_question_counts_as_typically_close(groups, n_sentences):
    # one note with one section, or fewer stored sentences than policy.calibration_min
    chunks = np.stack([_unit(1, 0), _unit(0, 1)])
    closeness = Closeness.learn(chunks, groups, np.stack([_unit(1, 0)] * n_sentences))
    assert not closeness.calibrated
    assert closeness(0.0) == closeness(0.99) == DEFAULT.refuse_closeness
    assert UNCALIBRATED(0.7) == DEFAULT.refuse_closeness


def test_the_default_floor_is_its_reference_point_on_the_relevance_scale():
    # a third of the key terms covered and a typically close best note: exactly at the floor
    policy = Policy()
    at_point = policy.w_relevance_coverage * (1 / 3) + policy.w_relevance_dense * 0.5
    assert policy.min_relevance == pytest.approx(at_point)
    assert Policy(refuse_coverage=0.5).min_relevance > policy.min_relevance


NOTES = {
    f"{name}.md": f"# {name.title()}\n\n" + "".join(f"- the {name} {thing} is kept near the {place}\n"
                                                    for thing, place in zip(things, places))
    for name, things, places in [
        ("garden", ["hoe", "rake", "spade", "hose", "seed tray", "trowel", "shears"],
         ["shed", "gate", "pond", "wall", "bench", "fence", "path"]),
        ("kitchen", ["kettle", "toaster", "whisk", "ladle", "grater", "colander", "peeler"],
         ["sink", "window", "oven", "door", "shelf", "larder", "stove"]),
        ("garage", ["drill", "ladder", "jack", "pump", "vice", "saw", "torch"],
         ["car", "bike", "boiler", "bin", "freezer", "rack", "bench"]),
    ]
}


def test_an_index_of_several_notes_is_calibrated_at_load(tmp_path):
    answerer = _answerer(write_notes(tmp_path / "notes", NOTES), tmp_path / "index")
    assert answerer.closeness.calibrated  # 21 stored sentences in three notes
    assert len(answerer.closeness.unrelated) == 21
    assert answerer.min_relevance == DEFAULT.min_relevance


def test_one_note_calibrates_on_its_top_sections(tmp_path):
    one = "\n".join(f"# Part {i}\n\n" + "".join(f"- item {i}.{j} goes on shelf {j}\n" for j in range(8))
                    for i in range(3))
    answerer = _answerer(write_notes(tmp_path / "notes", {"all.md": one}), tmp_path / "index")
    assert answerer.closeness.calibrated


def test_rag_min_relevance_still_overrides_the_calibrated_floor(tmp_path, monkeypatch):
    corpus = write_notes(tmp_path / "notes", NOTES)
    question = "where is the rake kept in winter"  # "winter" is in no note, "kept" in every line
    default = _answerer(corpus, tmp_path / "index").ask(question)
    assert default.refused and "barely cover" in default.reason
    assert default.relevance < DEFAULT.min_relevance
    monkeypatch.setenv("RAG_MIN_RELEVANCE", "0.1")
    settings = Settings.load(corpus=corpus, index=tmp_path / "index")
    assert settings.min_relevance == 0.1
    lenient = _answerer(corpus, tmp_path / "index", settings).ask(question)
    assert not lenient.refused, lenient.reason
    assert "rake" in lenient.answer
    assert lenient.relevance == default.relevance  # the same score: only the floor moved


def test_min_relevance_is_unset_by_default_and_checked_when_given(monkeypatch):
    assert Settings().min_relevance is None
    assert dataclasses.replace(Settings(), min_relevance=0.3).min_relevance == 0.3
    monkeypatch.setenv("RAG_MIN_RELEVANCE", "0.25")
    assert Settings.load(corpus=".").min_relevance == 0.25


def test_relevance_reads_the_best_hit_through_the_notes_closeness():
    # the same coverage and the same raw similarity 0.45: relevant on notes whose unrelated pairs reach 0.3,
    # barely on notes whose unrelated pairs reach 0.6 (a different embedder or a denser field)
    from rag.answer import gate
    from rag.answer.evidence import Scorer, Unit
    from rag.answer.intent import parse
    from rag.chunk import Chunk
    from rag.retrieve import Hit

    chunk = Chunk(id=0, file="a.md", start_line=1, end_line=1, heading="Shed", text="- the rake hangs by the door",
                  hash="h", line_numbers=[1])
    hits = [Hit(chunk, 1.0, 0.45, 0.0)]
    ranked = [Unit("a.md", 1, "the rake hangs by the door", "Shed", 0)]
    scorer = Scorer({"rake": 2.0, "hang": 1.0, "spade": 2.0})
    intent = parse("where do the rake and the spade hang")
    sparse = gate.relevance(intent, hits, ranked, scorer, DEFAULT, Closeness(np.linspace(0.1, 0.3, 50)))
    dense = gate.relevance(intent, hits, ranked, scorer, DEFAULT, Closeness(np.linspace(0.6, 0.8, 50)))
    assert sparse - dense == pytest.approx(DEFAULT.w_relevance_dense)
    assert sparse >= DEFAULT.min_relevance > dense


@pytest.mark.model
def test_the_repo_notes_calibrate_and_rank_an_off_topic_question_below_a_covered_one(corpus_retriever):
    # MiniLM on corpus/: the session index stores its evidence sentences, as the pipeline's does
    closeness = Closeness.of_store(corpus_retriever.store)
    assert closeness.calibrated and len(closeness.unrelated) == DEFAULT.calibration_sentences
    assert 0.2 < float(np.median(closeness.unrelated)) < 0.7
    covered = max(h.dense for h in corpus_retriever.retrieve("what is the default visibility timeout of a queue", 4))
    off_topic = max(h.dense for h in corpus_retriever.retrieve("how long should sourdough proof in the fridge", 4))
    assert closeness(covered) > DEFAULT.refuse_closeness > closeness(off_topic)


def test_many_chunks_sample_fewer_sentences_so_loading_stays_cheap():
    rng = np.random.default_rng(0)
    chunks = rng.normal(size=(2_000, 8)).astype(np.float32)
    sentences = rng.normal(size=(1_000, 8)).astype(np.float32)
    groups = [f"n{i % 7}.md" for i in range(len(chunks))]
    closeness = Closeness.learn(chunks, groups, sentences, Policy(calibration_pairs=100_000))
    assert len(closeness.unrelated) == 100_000 // 2_000
    assert len(Closeness.learn(chunks, groups, sentences, Policy(calibration_pairs=10)).unrelated) == DEFAULT.calibration_min
