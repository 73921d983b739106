"""The words naming a thing's faults and merits stand for each other ("downsides" asked, a "Disadvantages" heading
over the list): the list under the heading answers. Invented sailing notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer import sameword
from rag.text import stem

NOTES = {
    "rigs.md": """# Rigs

## Gaff rig

A gaff rig hangs a four-sided mainsail from a spar along its head.

#### Advantages

* A **low centre of effort** keeps the boat upright.
* The short mast passes under low bridges.

#### Disadvantages

* **Heavy spars** aloft make the boat roll.
* Poor **pointing ability** to windward.

## Bermuda rig

A Bermuda rig sets a triangular mainsail on a tall mast.
""",
}


def test_downsides_are_the_disadvantages(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, "what are the downsides of a gaff rig")
    assert not answer.refused, answer.reason
    assert "Heavy spars" in answer.answer and "pointing ability" in answer.answer


def test_without_the_pairs_the_downsides_are_refused(tmp_path, monkeypatch):
    table = {k: set(v) for k, v in sameword._SYNONYMS.items()}
    for word in ("downsid", "disadvantag", "drawback"):  # the mechanism off: the fault words stand alone
        table[stem(word)] = set()
    monkeypatch.setattr(sameword, "_SYNONYMS", table)
    answer = _ask_notes(tmp_path, NOTES, "what are the downsides of a gaff rig")
    assert answer.refused or "Heavy spars" not in answer.answer
