"""rag.evalset: the one validator for eval items (shipped sets, `rag eval --dataset`, items added in the web UI)."""

from __future__ import annotations

import json

import pytest

from rag import evalset
from rag.config import Settings
from rag.errors import EvalSetError

GOOD = {"id": "u001", "question": "How long are messages kept by default?", "answerable": True, "sources": ["sqs.md"],
        "evidence": "- Messages are kept for 4 days by default, up to a maximum of 14 days.",
        "must_include": ["4 days|four days"], "kind": "fact"}
REFUSE = {"id": "u002", "question": "Who won the 1998 world cup?", "answerable": False, "sources": [], "evidence": "",
          "must_include": [], "kind": "unanswerable"}


def _with(**changes):
    item = dict(GOOD)
    for key, value in changes.items():
        if value is ...:
            item.pop(key)
        else:
            item[key] = value
    return item


def test_good_items_pass(small_corpus):
    assert evalset.item_problems(GOOD, small_corpus) == []
    assert evalset.item_problems(REFUSE, small_corpus) == []
    assert evalset.item_problems({**GOOD, "split": "dev", "note": "wrong number"}, small_corpus) == []


@pytest.mark.parametrize("item, expected", [
    (_with(kind=...), "missing keys ['kind']"),
    (_with(colour="red"), "unknown keys ['colour']"),
    (_with(answerable="yes"), "wrong type for ['answerable']"),
    (_with(must_include=[3]), "wrong type for ['must_include']"),
    (_with(question="   "), "empty question"),
    (_with(kind="trivia"), "kind 'trivia' is not one of"),
    (_with(kind="unanswerable"), "answerable false"),
    (_with(answerable=False), "answerable false"),
    (_with(sources=[]), "needs sources"),
    (_with(evidence=""), "needs evidence"),
    (_with(must_include=[]), "needs must_include"),
    (_with(kind="multi"), "needs 2 or more sources"),
    (_with(sources=["sqs.md", "sqs.md"]), "duplicate sources"),
    (_with(evidence="line one\nline two"), "one line"),
    (_with(evidence=" leading"), "whitespace"),
    (_with(evidence="caf\u00c3\u00a9"), "mojibake"),
    (_with(must_include=["4 days|"]), "empty alternative"),
    (_with(question="is the password: Hunter2#x right?"), "credential"),
    ({**REFUSE, "evidence": "something"}, "no sources, evidence or must_include"),
    ("not an object", "JSON object"),
])
def test_each_problem_is_named(item, expected, small_corpus):
    problems = evalset.item_problems(item, small_corpus)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize("item, expected", [
    (_with(sources=["gone.md"]), "'gone.md' is not a note"),
    (_with(sources=["../outside.md"]), "is not a note"),
    (_with(sources=["/etc/passwd"]), "is not a note"),
    (_with(evidence="Messages are kept forever."), "is not in sqs.md"),
    (_with(must_include=["9 days"]), "'9 days' does not occur in its sources"),
])
def test_grounding_in_the_notes(item, expected, small_corpus):
    problems = evalset.item_problems(item, small_corpus)
    assert any(expected in p for p in problems), problems
    assert evalset.item_problems(item) == []  # without a notes folder only the schema is checked


def test_evidence_may_quote_the_repaired_text(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "cafe.md").write_bytes("# Caf\u00c3\u00a9\nThe caf\u00c3\u00a9 opens at 9.\n".encode("utf-8"))  # mojibake on disk
    item = _with(sources=["cafe.md"], evidence="The café opens at 9.", must_include=["at 9"])
    assert evalset.item_problems(item, notes) == []


def test_unicode_and_other_fields(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "zellen.md").write_text("# Zellbiologie\nDie Mitochondrien erzeugen ATP — das Kraftwerk der Zelle.\n", encoding="utf-8")
    item = _with(question="Was erzeugen die Mitochondrien?", sources=["zellen.md"],
                 evidence="Die Mitochondrien erzeugen ATP — das Kraftwerk der Zelle.", must_include=["ATP"])
    assert evalset.item_problems(item, notes) == []


def test_set_problems_name_duplicates(small_corpus):
    twice = [GOOD, {**GOOD, "question": GOOD["question"].upper(), "id": "u009"}, {**REFUSE, "id": "u001"}]
    problems = evalset.set_problems(twice, small_corpus)
    assert any("u009: duplicate question" in p for p in problems)
    assert any("u001: duplicate id" in p for p in problems)


def test_load_set_errors_name_the_line_and_the_fix(tmp_path, small_corpus):
    path = tmp_path / "set.jsonl"
    path.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(EvalSetError, match=r"set.jsonl:2 is not valid JSON"):
        evalset.load_set(path, small_corpus)
    path.write_text("", encoding="utf-8")
    with pytest.raises(EvalSetError, match="has no items yet"):
        evalset.load_set(path, small_corpus)
    path.write_text(json.dumps(_with(must_include=["9 days"])) + "\n", encoding="utf-8")
    with pytest.raises(EvalSetError, match=r"u001: must_include '9 days' does not occur.*fix or remove"):
        evalset.load_set(path, small_corpus)
    with pytest.raises(EvalSetError, match="does not exist"):
        evalset.load_set(tmp_path / "nope.jsonl", small_corpus)
    path.write_text(json.dumps(GOOD) + "\n\n" + json.dumps(REFUSE) + "\n", encoding="utf-8")
    assert [i["id"] for i in evalset.load_set(path, small_corpus)] == ["u001", "u002"]


def test_add_user_item_numbers_validates_and_appends(tmp_path, small_corpus):
    path = tmp_path / "index" / "my-evals.jsonl"
    first = evalset.add_user_item(path, {k: v for k, v in GOOD.items() if k != "id"}, small_corpus)
    second = evalset.add_user_item(path, {**REFUSE, "id": "ignored"}, small_corpus)
    assert (first["id"], second["id"]) == ("u001", "u002")
    before = path.read_bytes()
    with pytest.raises(EvalSetError, match="duplicate question"):
        evalset.add_user_item(path, GOOD, small_corpus)
    with pytest.raises(EvalSetError, match="does not occur in its sources"):
        evalset.add_user_item(path, _with(question="new one?", must_include=["9 days"]), small_corpus)
    assert path.read_bytes() == before  # a refused item leaves the file as it was
    assert evalset.load_set(path, small_corpus)[1]["kind"] == "unanswerable"


def test_user_set_lives_beside_the_index_or_where_asked(tmp_path, monkeypatch):
    settings = Settings.load(index=tmp_path / "idx")
    assert evalset.user_set_path(settings) == tmp_path / "idx" / "my-evals.jsonl"
    monkeypatch.setenv("RAG_USER_EVALS", str(tmp_path / "mine.jsonl"))
    assert evalset.user_set_path(Settings.load(index=tmp_path / "idx")) == tmp_path / "mine.jsonl"
    mine = evalset.resolve("mine", Settings.load(index=tmp_path / "idx"))
    assert mine.own and mine.key == "mine" and mine.path == tmp_path / "mine.jsonl"
    assert evalset.resolve(str(tmp_path / "mine.jsonl"), Settings.load()).own


def test_resolve_shipped_names_and_paths(tmp_path):
    settings = Settings.load(index=tmp_path / "idx")
    default = evalset.resolve(None, settings)
    assert default.path == evalset.SHIPPED_DIR / "qa.jsonl" and default.key == "qa.jsonl" and not default.own
    assert evalset.resolve("qa.jsonl", settings).path == evalset.SHIPPED_DIR / "qa.jsonl"
    other = evalset.resolve(str(tmp_path / "x.jsonl"), settings)
    assert other.path == tmp_path / "x.jsonl" and other.key == str(tmp_path / "x.jsonl")


def test_shipped_sets_fit_the_notes_in_use(tmp_path, small_corpus):
    folder = tmp_path / "evals"
    (folder / "other").mkdir(parents=True)
    (folder / "small.jsonl").write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    (folder / "other" / "qa.jsonl").write_text(json.dumps(_with(sources=["chapter1.md"])) + "\n", encoding="utf-8")
    (folder / "broken.jsonl").write_text("{oops\n", encoding="utf-8")
    assert [s.name for s in evalset.shipped_sets(small_corpus, folder)] == ["small.jsonl"]
    assert "qa.jsonl" in [s.name for s in evalset.shipped_sets(evalset.PROJECT_ROOT / "corpus")]
