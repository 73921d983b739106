"""The practice sets (evals/practice, practice2 ... practice5, practice7): other people's notes from other fields, kept byte for
byte, with questions that are all dev: tuned on freely, never a held-out figure, never in the CI gate's splits."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from rag.evalset import read_items, set_problems

ROOT = Path(__file__).parents[1]


@dataclass(frozen=True)
class PracticeSet:
    folder: str
    prefix: str  # item ids are prefix + 001, 002, ...
    licence: str  # how the copied LICENSE begins
    source: tuple[str, str]  # (repository, commit) as evals/SOURCES.md records them
    notes: dict  # note file -> sha256 as copied: the notes are data, never edited


SETS = [
    PracticeSet("practice", "p", "Copyright © 2024 Roberto Montalti",
                ("rhighs/bioinformatics-msc", "ffd36f0c10bc5631a5ead9b7fcb60906e434a355"), {
                    "lesson-1.md": "661b10756284d1d129b305b00c5c984987027ce4ed939d6916c3cedef57f1e0a",
                    "lesson-3_20-09-2024.md": "d870806e34bebba76240845163abbedcc547c64e16c7480b3592a1255338c3f7",
                    "lesson-6_1-10-2024.md": "146b5dd37497e2349cdf12c8d7b1d0378502c3d0ae6c0f23b7d1a56d227a67b0",
                    "main-concepts.md": "6418db29082b64206827ad487cca5345eddaf47241da5972005c79c7d873f606"}),
    PracticeSet("practice2", "h", "Apache License", ("evals/practice2/notes/", "487cf6ee03cb2fe35fbbbb1d118ccf3ee8a07036"), {
        "chapter11.md": "2a48257a35135d79b05f78d727798b9bdf769d274997682855515111c506e67f",
        "chapter13.md": "7acd53bfde5acaa454793b1129d489c9fddf4c13bc81d9a729c57942fb01c9ab",
        "chapter14.md": "d207ae6af4172a3eaa634ed08f9ef6ea43e2cb636a523e558c8d90fd641d23c6",
        "chapter16.md": "bd662be242741ffa66acf4805eb6ea8690e2644eb0af51a281a20107d36e65e6"}),
    PracticeSet("practice3", "t", "The MIT License", ("evals/practice3/notes/", "501eb07215f98e1740768a13b4139053c85bd38a"), {
        "4-26-16.md": "a7448e18928e4e2c8d8bc7c6a42d6cf33dc1adc88730a4fa0886ab4926b2b9aa",
        "4-28-16.md": "642622b6c51a6972e8ca3e3e8714a1bdedf1390c4ddd6eb2187fe2c011fc7731",
        "5-3-16.md": "72f757c85db2431e01fe8b4b56c912d11b1e7fd5e9d2012a1eb0d7500da95363",
        "5-12-16.md": "49193f0a159c0900c93f24f84d2a2630d01be4457855bb446c59ad4549af56dc",
        "5-19-16.md": "ea3863ce2480c557134c0db90c6956bfc0ae3cef92aaf756c6dbf594a087b4b1",
        "5-24-16.md": "abecfa89539c78e9b2615b5e9cab586ba5d0a7e03f19ae807b9b1af856e27847"}),
    PracticeSet("practice4", "k", "MIT License", ("dgkanatsios/CKAD-exercises", "54e5f2dda65eec7522803cf5a386fe4123a8e6e9"), {
        "a.core_concepts.md": "50280721ce8079e38449ee0cc81cf2cffa216f023f27deb07988b85ae3f91bc6",
        "b.multi_container_pods.md": "4a878265dfdd18561543be7fa5236696799f0cdb2c1b64f99771b87997cafcb1",
        "e.observability.md": "d1bf1ef6ca67ee2869a8a73dd38b077998d5b2394e3096ee802bfc6edc7294b6",
        "f.services.md": "9625df5fb9f85dc47a277ba874ffb754462503410376ea703c877bb1e915c057",
        "g.state.md": "73c2e379a53a37066074efec958504abc693734eb51caa66e20765a4b146b4f1",
        "h.helm.md": "c6ee63568673b846383ac24c85a3c7f6402f0916dc4bc55cb78d3b43b704f8e0"}),
    PracticeSet("practice5", "b", "MIT License", ("hendricius/the-bread-code", "5a778daa94bc765b3bb9fdfc11051b5311496d9f"), {
        "common-problems-faq.md": "b840c3abd9676472bb55255f53387a5178edcbe119bc024eee893887ead5b144",
        "tools.md": "71750aa29ba8230db35e574e5666e0fc8ecbfbab56f8146c65acacc6a8337e7e",
        "basic-bread.md": "5ae8b9ebb83bbbc950e107cef02792b224eada2fad47c2b0878db549c6239f6b",
        "basic-sour-dough.md": "8e484c3a50ab356e72a8eb663f3ec881c3b3ddcc35ce4951aa220fddfee2091a",
        "make-sourdough-starter.md": "b29cf2b31d491f6ac85ba3cff711c45d54d1c6bfb0aa1151aa210d3eee47564c",
        "proofing-sourdough-3-hours-room-temperature-vs-10-hours-fridge.md":
            "813a42d9087e93824dc31674985f5d5762a1acec10541066587adb40e718ce96"}),
    PracticeSet("practice7", "a", "The MIT License", ("jessemillar/class-notes", "501eb07215f98e1740768a13b4139053c85bd38a"), {
        "lesson-28.md": "c090d505185f7752ffe3ca4aabf02ac8bd1159d959b3c3236618aed1a3cb3ece",
        "lesson-3.md": "040822c7bb05aef755a32839a9b8caccf68e8e972e2f5db0579966a58ed0d11c",
        "lesson-4.md": "327b93c12f2f02230597de5c6fd0fe002b414c41d775fdacc49851d9eed16373",
        "lesson-5.md": "e667cc71109ac3216c2df5c9eb2a60461532524c702be45baae3bf4f1de2d5cb",
        "lesson-6.md": "51591e1b44f1b269308369770e622c11b5a025bd1da3c71661bcce4970e1f7aa",
        "lesson-7.md": "bedbcca843dd22a8735f7d17fe6e448341366f7aed05d6fa13d1a4079eecbdfd"}),
]


@pytest.mark.parametrize("ps", SETS, ids=lambda ps: ps.folder)
def test_notes_are_the_recorded_bytes_with_their_licence(ps):
    folder = ROOT / "evals" / ps.folder
    found = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in (folder / "notes").iterdir()}
    assert found == ps.notes
    assert (folder / "LICENSE").read_text().lstrip().startswith(ps.licence)
    sources = (ROOT / "evals" / "SOURCES.md").read_text()
    assert all(recorded in sources for recorded in ps.source)


@pytest.mark.parametrize("ps", SETS, ids=lambda ps: ps.folder)
def test_questions_are_valid_grounded_and_all_dev(ps):
    folder = ROOT / "evals" / ps.folder
    items = read_items(folder / "qa.jsonl")
    assert len(items) >= 40
    assert set_problems(items, folder / "notes") == []
    assert [it["id"] for it in items] == [f"{ps.prefix}{n:03d}" for n in range(1, len(items) + 1)]
    assert {it["split"] for it in items} == {"dev"}
    assert set(Counter(it["kind"] for it in items)) == {"fact", "list", "compare", "multi", "conflict", "unanswerable"}
    for item in items:
        if item["answerable"]:
            assert item["evidence"].encode("utf-8") in (folder / "notes" / item["sources"][0]).read_bytes(), item["id"]


@pytest.mark.parametrize("ps", SETS, ids=lambda ps: ps.folder)
def test_practice_sets_stay_out_of_the_gated_splits(ps):
    assert f'"{ps.prefix}001"' not in (ROOT / "evals" / "splits.json").read_text()
