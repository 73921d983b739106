"""The practice set (evals/practice): a fourth person's chemistry and biology notes, kept byte for byte, all dev."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from rag.evalset import read_items, set_problems

ROOT = Path(__file__).parents[1]
PRACTICE = ROOT / "evals" / "practice"
# sha256 of each note as copied from rhighs/bioinformatics-msc@ffd36f0 (evals/SOURCES.md): the notes are data, never edited
NOTES = {
    "lesson-1.md": "661b10756284d1d129b305b00c5c984987027ce4ed939d6916c3cedef57f1e0a",
    "lesson-3_20-09-2024.md": "d870806e34bebba76240845163abbedcc547c64e16c7480b3592a1255338c3f7",
    "lesson-6_1-10-2024.md": "146b5dd37497e2349cdf12c8d7b1d0378502c3d0ae6c0f23b7d1a56d227a67b0",
    "main-concepts.md": "6418db29082b64206827ad487cca5345eddaf47241da5972005c79c7d873f606",
}


def test_notes_are_the_recorded_bytes_with_their_licence():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (PRACTICE / "notes").iterdir()}
    assert found == NOTES
    assert (PRACTICE / "LICENSE").read_text().startswith("Copyright © 2024 Roberto Montalti")
    sources = (ROOT / "evals" / "SOURCES.md").read_text()
    assert "rhighs/bioinformatics-msc" in sources and "ffd36f0c10bc5631a5ead9b7fcb60906e434a355" in sources


def test_questions_are_valid_grounded_and_all_dev():
    items = read_items(PRACTICE / "qa.jsonl")
    assert set_problems(items, PRACTICE / "notes") == []
    assert [it["id"] for it in items] == [f"p{n:03d}" for n in range(1, len(items) + 1)]
    assert {it["split"] for it in items} == {"dev"}  # practice data: tuned on freely, never a held-out figure
    assert set(Counter(it["kind"] for it in items)) == {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
    for item in items:
        if item["answerable"]:
            assert item["evidence"].encode("utf-8") in (PRACTICE / "notes" / item["sources"][0]).read_bytes(), item["id"]
