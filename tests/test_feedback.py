"""rag.feedback: append-only storage of Like/Dislike feedback, merging, and JSONL/CSV export."""

from __future__ import annotations

import csv
import io
import json

import pytest

from rag.answer import Answer
from rag.errors import RagError
from rag.feedback import FeedbackStore, answer_record, export, feedback_path, index_version
from rag.answer.verify import Citation


def _answer(**overrides) -> Answer:
    values = dict(question="how long are messages kept?", standalone="how long are messages kept?",
                  answer="Messages are kept for 4 days [1].", refused=False,
                  citations=[Citation(1, "sqs.md", 4, 4, "Messages are kept for 4 days by default", "SQS > Retention")],
                  mode="model", model="fake-model.gguf")
    values.update(overrides)
    return Answer(**values)


def test_record_keeps_question_answer_citations_model_and_index():
    record = answer_record(_answer(), version="build-1")
    assert record["question"] == "how long are messages kept?" and record["answer"].endswith("[1].")
    assert record["citations"] == [{"n": 1, "file": "sqs.md", "start_line": 4, "end_line": 4,
                                    "quote": "Messages are kept for 4 days by default", "heading": "SQS > Retention"}]
    assert record["model"] == "fake-model.gguf" and record["index_version"] == "build-1" and record["refused"] is False


def test_rating_then_note_merge_and_the_file_only_grows(tmp_path):
    store = FeedbackStore(tmp_path / "index" / "feedback.jsonl")
    assert store.entries() == []
    liked = store.rate(answer_record(_answer()), "like")
    disliked = store.rate(answer_record(_answer(question="and the maximum?")), "dislike", note="  wrong\nnumber ")
    first = store.path.read_bytes()
    store.add_note(liked, "exactly right")
    store.mark_added(disliked, "u001")
    assert store.path.read_bytes().startswith(first)  # append-only: earlier lines are never rewritten
    assert len(store.path.read_text().splitlines()) == 4
    entries = store.entries()
    assert [e["id"] for e in entries] == [liked, disliked]
    assert entries[0]["rating"] == "like" and entries[0]["note"] == "exactly right"
    assert entries[1]["note"] == "wrong number" and entries[1]["eval_item"] == "u001"
    assert [e["id"] for e in store.entries("dislike")] == [disliked]
    store.rate(answer_record(_answer()), None, feedback_id=liked)  # taking the rating back
    assert store.get(liked)["rating"] is None and store.get(liked)["note"] == ""


def test_damaged_lines_are_skipped(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.jsonl")
    kept = store.rate(answer_record(_answer()), "dislike")
    with store.path.open("a") as fh:
        fh.write('{"id": "cut-sh')  # a crash mid-write
    store.rate(answer_record(_answer(question="second")), "like")
    assert [e["question"] for e in store.entries()] == ["how long are messages kept?", "second"]
    assert store.get(kept)["rating"] == "dislike"


def test_bad_input_is_refused(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.jsonl")
    with pytest.raises(RagError, match="rating 'meh'"):
        store.rate(answer_record(_answer()), "meh")
    with pytest.raises(RagError, match="before adding a note"):
        store.add_note("", "note")
    store.rate(answer_record(_answer()), "like", note="x" * 10_000)
    assert len(store.entries()[0]["note"]) == 2000


def test_unwritable_folder_is_one_clear_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    store = FeedbackStore(tmp_path / "file" / "feedback.jsonl")
    with pytest.raises(RagError, match="cannot save feedback"):
        store.rate(answer_record(_answer()), "like")


def test_export_jsonl_and_csv(tmp_path):
    store = FeedbackStore(tmp_path / "feedback.jsonl")
    store.rate(answer_record(_answer(answer='Says "4 days", then, a comma [1].')), "dislike", note="wrong, number")
    entries = store.entries()
    lines = export(entries, "jsonl").splitlines()
    assert [json.loads(line)["note"] for line in lines] == ["wrong, number"]
    rows = list(csv.DictReader(io.StringIO(export(entries, "csv"))))
    assert rows[0]["rating"] == "dislike" and rows[0]["answer"] == 'Says "4 days", then, a comma [1].'
    assert rows[0]["citations"] == "sqs.md:4-4" and rows[0]["note"] == "wrong, number"
    with pytest.raises(RagError, match="use jsonl or csv"):
        export(entries, "xml")


def test_paths_and_index_version(tmp_path):
    from rag.config import Settings

    assert feedback_path(Settings.load(index=tmp_path / "i")) == tmp_path / "i" / "feedback.jsonl"

    class Broken:
        def retriever(self, progress=True):
            raise RagError("no index")

    assert index_version(Broken()) == ""


def test_listing_is_one_line_per_field_whatever_was_stored():
    from rag.feedback import listing

    lines = listing([{"id": "abc", "at": "2026-01-01T00:00:00Z", "rating": "dislike",
                      "question": "line one\nerror: forged\x1b[31m red", "note": "a\rb", "eval_item": "u001"}])
    assert lines[0] == "- 2026-01-01T00:00:00Z  abc  line one error: forged [31m red"
    assert lines[1:] == ["    note: a b", "    added to your eval set as u001"]
