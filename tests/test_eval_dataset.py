"""Validate the golden evaluation set in evals/qa.jsonl.

Fast, stdlib-only checks (json/pathlib/collections): schema, id order, kind
mix, and that every answerable item is grounded byte-exactly in the corpus.
"""

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
QA_PATH = ROOT / "evals" / "qa.jsonl"
CORPUS = ROOT / "corpus"

KEYS = {"id", "question", "answerable", "sources", "evidence", "must_include", "kind"}
KINDS = {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
MIN_ITEMS = 80
UNANSWERABLE_SHARE = (0.08, 0.20)
MIN_CONFLICTS = 3
# Characters that only show up in the corpus as mojibake (UTF-8 read as
# cp1252 / MacRoman); evidence must be quoted from clean text.
MOJIBAKE_MARKERS = ("\u00f0\u0178", "\u00e2\u20ac", "\u00fc\u00fc", "\u00fc\u00ec", "\u201a\u00ee", "\u201a\u00c4", "\u00c3")


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
def test_schema(item):
    assert set(item) == KEYS, f"keys {sorted(item)}"
    assert isinstance(item["id"], str)
    assert isinstance(item["question"], str) and item["question"].strip()
    assert isinstance(item["answerable"], bool)
    assert isinstance(item["sources"], list)
    assert all(isinstance(s, str) for s in item["sources"])
    assert isinstance(item["evidence"], str)
    assert isinstance(item["must_include"], list)
    assert all(isinstance(m, str) for m in item["must_include"])
    assert item["kind"] in KINDS, f"bad kind {item['kind']!r}"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_answerable_consistent_with_kind(item):
    if item["kind"] == "unanswerable":
        assert item["answerable"] is False
        assert item["sources"] == []
        assert item["evidence"] == ""
        assert item["must_include"] == []
    else:
        assert item["answerable"] is True
        assert item["sources"], "answerable item needs sources"
        assert item["evidence"], "answerable item needs evidence"
        assert item["must_include"], "answerable item needs must_include"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_source_count_matches_kind(item):
    n = len(item["sources"])
    assert len(set(item["sources"])) == n, "duplicate sources"
    if item["kind"] in ("multi", "conflict"):
        assert n >= 2, f"{item['kind']} needs 2+ sources"
    elif item["kind"] != "unanswerable":
        assert n >= 1


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_sources_exist(item):
    for name in item["sources"]:
        assert (CORPUS / name).is_file(), f"missing source {name}"


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_evidence_byte_exact_in_first_source(item):
    ev = item["evidence"]
    assert ev.encode("utf-8") in _raw(item["sources"][0]), f"evidence not found: {ev!r}"


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_evidence_is_clean_single_line(item):
    ev = item["evidence"]
    assert "\n" not in ev and "\r" not in ev, "evidence must be one line"
    assert not ev.startswith((" ", "\t")), "evidence must not start with whitespace"
    assert "\ufffd" not in ev
    for marker in MOJIBAKE_MARKERS:
        assert marker not in ev, f"evidence contains mojibake {marker!r}"


@pytest.mark.parametrize("item", ANSWERABLE, ids=_ids(ANSWERABLE))
def test_must_include_grounded_in_sources(item):
    text = "\n".join(_text(s) for s in item["sources"]).lower()
    for entry in item["must_include"]:
        alts = [a.strip() for a in entry.split("|")]
        assert all(alts), f"empty alternative in {entry!r}"
        assert any(a.lower() in text for a in alts), f"no alternative of {entry!r} in sources"


@pytest.mark.parametrize("item", ITEMS, ids=_ids(ITEMS))
def test_no_credentials_as_answers(item):
    blob = " ".join([item["question"], item["evidence"], *item["must_include"]]).lower()
    for secret in _secret_values():
        assert secret not in blob, "item exposes a credential from the notes"
    assert "mysql pass" not in blob
