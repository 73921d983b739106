"""What is worked out once per note (rag.pernote): the state above a chunk's first line (rag.answer.above) and where a
front matter ends (rag.frontmatter) give what reading the note again each time gave, odd notes included, and are
worked out once per note. Invented sailing, cooking and law notes."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from rag.answer import above
from rag.answer.listlabel import step
from rag.answer.policy import notes as N
from rag.frontmatter import front_matter, without_metadata
from rag.markup import FENCE
from rag.pernote import PerNote

SAILING = """# Rigging

Spring checks:
1. Look over the shrouds for broken strands.
   Wrapped line of the first item.
2. Grease the turnbuckles.

Autumn checks:
- Take the sails off
```
# a comment in code
Not a label:
```
3. Store the boom.
## Knots
Bends:
- Sheet bend""".split("\n")
RECIPE_WITH_MATTER = ["---", "title: Risotto", "tags: [rice]", "author: a-cook", "---", "", "Stir the rice.",
                      "Toast it first:", "- 2 minutes", "- then the wine"]
ONLY_MATTER = ["---", "title: Torts", "court: county", "---"]
UNCLOSED = ["Steps:", "1. Boil water.", "```", "pot = large", "Heat:", "2. Salt it."]
NOTES = {"sailing.md": SAILING, "risotto.md": RECIPE_WITH_MATTER, "torts.md": ONLY_MATTER,
         "boil.md": UNCLOSED, "empty.md": [], "blank.md": [""]}


def _rescanned(first_line: int, lines: list[str]) -> tuple[bool, tuple[int, str] | None]:
    """The state at a chunk's first line as read before the cache: the note's lines above it, scanned again."""
    label, fenced = None, False
    for raw in lines[: first_line - 1]:
        fenced ^= bool(FENCE.match(raw))
        label = None if fenced or FENCE.match(raw) else step(label, raw)
    return fenced, label


@pytest.mark.parametrize("name", sorted(NOTES))
def test_the_state_above_each_line_is_what_rescanning_the_note_gives(name):
    lines = NOTES[name]
    for first in range(0, len(lines) + 3):  # past the note's end too: a stale chunk
        fenced, label = _rescanned(first, lines) if first > 1 else (False, None)
        assert above.fenced_before(first, name, NOTES.get) == fenced
        assert above.label_before(first, name, NOTES.get) == label


def test_labels_and_fences_are_found_where_the_note_has_them():
    assert above.label_before(4, "sailing.md", NOTES.get) == (0, "Spring checks:")
    assert above.label_before(5, "sailing.md", NOTES.get) == (0, "Spring checks:")
    assert above.fenced_before(12, "sailing.md", NOTES.get) and above.label_before(12, "sailing.md", NOTES.get) is None
    assert above.fenced_before(5, "boil.md", NOTES.get)  # a fence never closed: the rest of the note is inside it
    assert above.label_before(9, "risotto.md", NOTES.get) == (0, "Toast it first:")
    assert above.label_before(3, "x.md", None) is None and not above.fenced_before(3, "x.md", None)


def test_a_note_is_scanned_once_for_all_its_chunks(monkeypatch):
    calls = []
    monkeypatch.setattr(above, "_STATE", PerNote(lambda lines: calls.append(1) or above._scan(lines),
                                                 above._STATE.knobs))
    for first in range(2, len(SAILING)):
        above.label_before(first, "sailing.md", NOTES.get)
        above.fenced_before(first, "sailing.md", NOTES.get)
    assert len(calls) == 1


def test_a_changed_knob_or_a_note_read_again_is_worked_out_again(monkeypatch):
    calls = []
    kept = PerNote(lambda lines: calls.append(1) or len(lines), lambda: (N.LIST_LABEL_MAX_WORDS,))
    lines = list(UNCLOSED)
    assert kept(lines) == kept(lines) == 6 and len(calls) == 1
    monkeypatch.setattr(N, "LIST_LABEL_MAX_WORDS", 1)
    assert kept(lines) == 6 and len(calls) == 2
    assert kept(lines + ["Drain."]) == 7 and len(calls) == 3  # another list: the note read again


def test_a_label_over_more_words_than_allowed_is_none_after_the_knob_changes(monkeypatch):
    assert above.label_before(3, "boil.md", NOTES.get) == (0, "Steps:")
    monkeypatch.setattr(N, "LIST_LABEL_MAX_WORDS", 0)
    assert above.label_before(3, "boil.md", NOTES.get) is None
    assert _rescanned(3, UNCLOSED)[1] is None


def test_the_cache_keeps_at_most_its_bound(monkeypatch):
    monkeypatch.setattr(N, "NOTES_KEPT", 2)
    kept = PerNote(len)
    notes = [["a"] * n for n in range(5)]
    assert [kept(n) for n in notes] == [0, 1, 2, 3, 4] and len(kept.kept) == 2


def _unit(file: str, line: int, quote: str) -> SimpleNamespace:
    return SimpleNamespace(file=file, line=line, quote=quote)


@pytest.mark.parametrize("name", sorted(NOTES))
def test_a_front_matter_ends_where_reading_it_again_says(name):
    from rag.frontmatter import _matter_end

    assert _matter_end(NOTES[name]) == front_matter(NOTES[name])[0] == _matter_end(NOTES[name])


def test_front_matter_lines_are_left_out_for_every_question_as_before(monkeypatch):
    import rag.frontmatter as F

    units = [_unit("risotto.md", n + 1, q) for n, q in enumerate(RECIPE_WITH_MATTER) if q.strip()]
    units += [_unit("torts.md", 3, "court: county"), _unit("empty.md", 1, "x"), _unit("boil.md", 2, "1. Boil water.")]
    kept = [u.quote for u in without_metadata(units, NOTES.get, ())]
    assert "author: a-cook" not in kept and "court: county" not in kept and "Stir the rice." in kept
    assert "court: county" in [u.quote for u in without_metadata(units, NOTES.get, ("court",))]  # its key asked
    calls = []
    monkeypatch.setattr(F, "_matter_end", PerNote(lambda lines: calls.append(1) or front_matter(lines)[0], F._knobs))
    for _ in range(3):  # three questions citing the same notes
        assert [u.quote for u in without_metadata(units, NOTES.get, ())] == kept
    assert len(calls) == 4  # once per note cited
