"""The third practice set (evals/practice3): an electronics and data-communications student's dated lecture notes,
kept byte for byte, all dev."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

from rag.evalset import read_items, set_problems

ROOT = Path(__file__).parents[1]
PRACTICE3 = ROOT / "evals" / "practice3"
# sha256 of each note as copied from jessemillar/class-notes@501eb07 (evals/SOURCES.md): the notes are data, never edited
NOTES = {
    "4-26-16.md": "a7448e18928e4e2c8d8bc7c6a42d6cf33dc1adc88730a4fa0886ab4926b2b9aa",
    "4-28-16.md": "642622b6c51a6972e8ca3e3e8714a1bdedf1390c4ddd6eb2187fe2c011fc7731",
    "5-3-16.md": "72f757c85db2431e01fe8b4b56c912d11b1e7fd5e9d2012a1eb0d7500da95363",
    "5-12-16.md": "49193f0a159c0900c93f24f84d2a2630d01be4457855bb446c59ad4549af56dc",
    "5-19-16.md": "ea3863ce2480c557134c0db90c6956bfc0ae3cef92aaf756c6dbf594a087b4b1",
    "5-24-16.md": "abecfa89539c78e9b2615b5e9cab586ba5d0a7e03f19ae807b9b1af856e27847",
}


def test_notes_are_the_recorded_bytes_with_their_licence():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (PRACTICE3 / "notes").iterdir()}
    assert found == NOTES
    assert (PRACTICE3 / "LICENSE").read_text().lstrip().startswith("The MIT License")
    sources = (ROOT / "evals" / "SOURCES.md").read_text()
    assert "evals/practice3/notes/" in sources and "501eb07215f98e1740768a13b4139053c85bd38a" in sources


def test_questions_are_valid_grounded_and_all_dev():
    items = read_items(PRACTICE3 / "qa.jsonl")
    assert len(items) >= 40
    assert set_problems(items, PRACTICE3 / "notes") == []
    assert [it["id"] for it in items] == [f"t{n:03d}" for n in range(1, len(items) + 1)]
    assert {it["split"] for it in items} == {"dev"}  # practice data: tuned on freely, never a held-out figure
    assert set(Counter(it["kind"] for it in items)) == {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
    for item in items:
        if item["answerable"]:
            assert item["evidence"].encode("utf-8") in (PRACTICE3 / "notes" / item["sources"][0]).read_bytes(), item["id"]


def test_practice3_stays_out_of_the_gated_splits():
    """Practice sets are dev-only: none of their ids may enter evals/splits.json (the CI gate's halves)."""
    assert '"t001"' not in (ROOT / "evals" / "splits.json").read_text()
