"""The second practice set (evals/practice2): a history student's question-and-answer notes, kept byte for byte, all dev."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from rag.evalset import read_items, set_problems

ROOT = Path(__file__).parents[1]
PRACTICE2 = ROOT / "evals" / "practice2"
# sha256 of each note as copied from sarthaktexas/notes@487cf6e (evals/SOURCES.md): the notes are data, never edited
NOTES = {
    "chapter11.md": "2a48257a35135d79b05f78d727798b9bdf769d274997682855515111c506e67f",
    "chapter13.md": "7acd53bfde5acaa454793b1129d489c9fddf4c13bc81d9a729c57942fb01c9ab",
    "chapter14.md": "d207ae6af4172a3eaa634ed08f9ef6ea43e2cb636a523e558c8d90fd641d23c6",
    "chapter16.md": "bd662be242741ffa66acf4805eb6ea8690e2644eb0af51a281a20107d36e65e6",
}


def test_notes_are_the_recorded_bytes_with_their_licence():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (PRACTICE2 / "notes").iterdir()}
    assert found == NOTES
    assert (PRACTICE2 / "LICENSE").read_text().lstrip().startswith("Apache License")
    sources = (ROOT / "evals" / "SOURCES.md").read_text()
    assert "evals/practice2/notes/" in sources and "487cf6ee03cb2fe35fbbbb1d118ccf3ee8a07036" in sources


def test_questions_are_valid_grounded_and_all_dev():
    items = read_items(PRACTICE2 / "qa.jsonl")
    assert set_problems(items, PRACTICE2 / "notes") == []
    assert [it["id"] for it in items] == [f"h{n:03d}" for n in range(1, len(items) + 1)]
    assert {it["split"] for it in items} == {"dev"}  # practice data: tuned on freely, never a held-out figure
    assert set(Counter(it["kind"] for it in items)) == {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
    for item in items:
        if item["answerable"]:
            assert item["evidence"].encode("utf-8") in (PRACTICE2 / "notes" / item["sources"][0]).read_bytes(), item["id"]


def test_practice_sets_stay_out_of_the_gated_splits():
    """Practice sets are dev-only: none of their ids may enter evals/splits.json (the CI gate's halves)."""
    splits = (ROOT / "evals" / "splits.json").read_text()
    assert '"h001"' not in splits and '"p001"' not in splits
