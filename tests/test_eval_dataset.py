"""Validate the golden evaluation set in evals/qa.jsonl.

Per-item checks are rag.evalset's (shared with `rag eval` and the web UI); the golden set adds its own
rules: id order, size, kind mix, and evidence byte-exact in the raw note file.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

from rag import evalset
from rag.evalset import item_problems

ROOT = Path(__file__).parents[1]
QA_PATH = ROOT / "evals" / "qa.jsonl"
CORPUS = ROOT / "corpus"

KINDS = set(evalset.KINDS)
MIN_ITEMS = 80
UNANSWERABLE_SHARE = (0.08, 0.20)
MIN_CONFLICTS = 3


def _load_lines():
    return QA_PATH.read_text(encoding="utf-8").splitlines()


def _load_items():
    return [json.loads(line) for line in _load_lines() if line.strip()]


ITEMS = _load_items()
ANSWERABLE = [it for it in ITEMS if it.get("answerable") is True]


def _ids(items):
    return [str(it.get("id")) for it in items]


_raw_cache = {}


def _raw(name):
    if name not in _raw_cache:
        _raw_cache[name] = (CORPUS / name).read_bytes()
    return _raw_cache[name]


def _text(name):
    return _raw(name).decode("utf-8", errors="replace")


def _secret_values():
    """Values written after a 'pass :' label in the notes (e.g. a DB password).

    Found at test time so the secret itself never appears in this file.
    """
    secrets = []
    for path in sorted(CORPUS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            low = line.lower()
            for label in ("pass :", "pass:", "password :", "password:"):
                idx = low.find(label)
                if idx != -1:
                    value = line[idx + len(label):].strip().split(" ")[0]
                    if value:
                        secrets.append(value.lower())
    return secrets


# ---------------------------------------------------------------- file level


def test_file_exists_and_every_line_parses():
    assert QA_PATH.is_file(), f"missing {QA_PATH}"
    for n, line in enumerate(_load_lines(), 1):
        assert line.strip(), f"blank line {n}"
        obj = json.loads(line)
        assert isinstance(obj, dict), f"line {n} is not a JSON object"


def test_corpus_dir_exists():
    assert CORPUS.is_dir(), f"corpus folder missing: {CORPUS}"


def test_minimum_size():
    assert len(ITEMS) >= MIN_ITEMS, f"only {len(ITEMS)} items"


def test_ids_unique_and_sequential():
    ids = _ids(ITEMS)
    dupes = [i for i, c in Counter(ids).items() if c > 1]
    assert not dupes, f"duplicate ids: {dupes}"
    assert ids == [f"q{n:03d}" for n in range(1, len(ids) + 1)], "ids must be q001.. in order"


def test_questions_unique():
    qs = [it["question"].strip().lower() for it in ITEMS]
    dupes = [q for q, c in Counter(qs).items() if c > 1]
    assert not dupes, f"duplicate questions: {dupes}"


def test_unanswerable_share():
    n_un = sum(1 for it in ITEMS if it["kind"] == "unanswerable")
    share = n_un / len(ITEMS)
    lo, hi = UNANSWERABLE_SHARE
    assert lo <= share <= hi, f"unanswerable share {share:.1%} ({n_un}/{len(ITEMS)})"


def test_enough_conflicts():
    n = sum(1 for it in ITEMS if it["kind"] == "conflict")
    assert n >= MIN_CONFLICTS, f"only {n} conflict items"


def test_every_kind_present():
    assert set(Counter(it["kind"] for it in ITEMS)) == KINDS


# ---------------------------------------------------------------- per item


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_item_passes_the_shared_checks(item):
    """Schema, kind/answerable consistency, source counts, sources exist, evidence one clean line found in the
    first source, must_include grounded, no credentials: the checks `rag eval` and the web UI run too."""
    assert item_problems(item, CORPUS) == []


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_evidence_byte_exact_in_first_source(item):
    ev = item["evidence"]
    assert ev.encode("utf-8") in _raw(item["sources"][0]), f"evidence not found: {ev!r}"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_no_credentials_as_answers(item):
    blob = " ".join([item["question"], item["evidence"], *item["must_include"]]).lower()
    for secret in _secret_values():
        assert secret not in blob, "item exposes a credential from the notes"
    assert "mysql pass" not in blob
