"""The third eval set (evals/econnotes): a third person's economics notes, kept byte for byte, and its questions."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

from rag.evalset import read_items, set_problems

ROOT = Path(__file__).parents[1]
ECON = ROOT / "evals" / "econnotes"
# sha256 of each note as copied from jessemillar/class-notes@501eb07 (evals/SOURCES.md): the notes are data, never edited
NOTES = {
    "chapter-3.md": "742992ee73a4a4d46b52e8232b2436e8dc27c56e884197a4ed0b30ece7b68431",
    "chapter-4.md": "ec25e014f2574a8c830b751b1d3772353f8f1a62fe5ab4f4b7f7e92744f8a6f3",
    "chapter-5.md": "fcc06a7eed591dc70213a2cf836506b83657784beeabe22c8f46caa6068b9140",
    "chapter-6.md": "726b38bfb52d41542fca8f1b56bd656927decfe718fa158375080a9ad6873e15",
    "chapter-7.md": "91a78c2228505cecb200626450e690dc9fce1b26361f6a23e71a184e0fe88e5c",
    "chapter-11.md": "62f22cd8d0503229d336aa6e4635c17a984d821bd2a21369f3aa639eb82275e6",
}


def test_notes_are_the_recorded_bytes_with_their_licence():
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ECON / "notes").iterdir()}
    assert found == NOTES
    assert (ECON / "LICENSE").read_text().startswith("The MIT License (MIT)\n\nCopyright (c) 2016 Jesse Millar")
    sources = (ROOT / "evals" / "SOURCES.md").read_text()
    assert "jessemillar/class-notes" in sources and "501eb07215f98e1740768a13b4139053c85bd38a" in sources
    assert "MIT License" in sources


def test_questions_pass_the_projects_validator_and_are_balanced():
    items = read_items(ECON / "qa.jsonl")
    assert set_problems(items, ECON / "notes") == []  # schema, evidence verbatim in its note, facts in the sources
    assert len(items) >= 60
    assert [it["id"] for it in items] == [f"e{n:03d}" for n in range(1, len(items) + 1)]
    kinds = Counter(it["kind"] for it in items)
    assert set(kinds) == {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
    assert 0.08 <= kinds["unanswerable"] / len(items) <= 0.20
    for item in items:  # the stricter reading of govnotes: evidence is in the first source's raw bytes
        if item["answerable"]:
            assert item["evidence"].encode("utf-8") in (ECON / "notes" / item["sources"][0]).read_bytes(), item["id"]


def test_every_item_is_frozen_in_the_splits():
    frozen = json.loads((ROOT / "evals" / "splits.json").read_text())["econnotes/qa.jsonl"]
    ids = [json.loads(line)["id"] for line in (ECON / "qa.jsonl").read_text().splitlines() if line.strip()]
    assert sorted(frozen["dev"] + frozen["test"]) == sorted(ids) and not set(frozen["dev"]) & set(frozen["test"])
