"""The second eval set (evals/govnotes): another person's notes from another field, and the dev/test halves."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from rag.evaluate import EVAL_SETS, split_of

ROOT = Path(__file__).parents[1]
GOV = ROOT / "evals" / "govnotes"
ITEMS = [json.loads(line) for line in (GOV / "qa.jsonl").read_text(encoding="utf-8").splitlines()]
KEYS = {"id", "question", "answerable", "sources", "evidence", "must_include", "kind"}


def test_size_kinds_and_near_misses():
    assert len(ITEMS) >= 60
    kinds = Counter(it["kind"] for it in ITEMS)
    assert set(kinds) == {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
    assert 0.08 <= kinds["unanswerable"] / len(ITEMS) <= 0.20
    assert [it["id"] for it in ITEMS] == [f"g{n:03d}" for n in range(1, len(ITEMS) + 1)]
    assert len({it["question"].lower() for it in ITEMS}) == len(ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=[it["id"] for it in ITEMS])
def test_item_is_grounded_in_the_notes(item):
    assert set(item) == KEYS
    if not item["answerable"]:
        assert item["kind"] == "unanswerable" and not item["sources"] and not item["evidence"] and not item["must_include"]
        return
    assert item["sources"] and item["must_include"] and "\n" not in item["evidence"]
    first = (GOV / "notes" / item["sources"][0]).read_bytes()
    assert item["evidence"].encode("utf-8") in first
    text = "\n".join((GOV / "notes" / s).read_text(encoding="utf-8") for s in item["sources"]).lower()
    for entry in item["must_include"]:
        assert any(alt.strip().lower() in text for alt in entry.split("|")), entry
    if item["kind"] in ("multi", "conflict"):
        assert len(item["sources"]) >= 2


def test_provenance_and_licence_are_recorded():
    sources = (ROOT / "evals" / "SOURCES.md").read_text()
    assert "sarthaktexas/notes" in sources and "487cf6ee03cb2fe35fbbbb1d118ccf3ee8a07036" in sources
    assert "Apache License 2.0" in sources
    assert "Apache License" in (GOV / "LICENSE").read_text()
    assert sorted(p.name for p in (GOV / "notes").iterdir()) == [f"chapter{i}.md" for i in range(1, 7)]


@pytest.mark.parametrize("name", sorted(EVAL_SETS))
def test_every_set_has_fixed_balanced_halves(name):
    dataset, _ = EVAL_SETS[name]
    items = [json.loads(line) for line in Path(dataset).read_text(encoding="utf-8").splitlines() if line.strip()]
    frozen = json.loads((ROOT / "evals" / "splits.json").read_text())
    key = Path(dataset).relative_to(ROOT / "evals").as_posix()
    assert {i for ids in frozen[key].values() for i in ids} == {it["id"] for it in items}  # every id frozen
    halves = {it["id"]: split_of(dataset, it["id"]) for it in items}
    for kind in {it["kind"] for it in items}:
        counts = Counter(halves[it["id"]] for it in items if it["kind"] == kind)
        assert abs(counts["dev"] - counts["test"]) <= 1, (kind, counts)
