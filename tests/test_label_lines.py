"""A label line outside code ("- Depth range: 2-30 m", "Lifespan: 12 years") answers the question that says its whole
label, for each note the question names, though prose lines sharing more of the question's words rank higher
(rag.answer.keys.label_lines). Invented notes on reef fish."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.keys import line_label
from rag.answer.policy import notes as N
from rag.answer.units import Unit

REEF = {
    "clownfish.md": """# Clownfish

The clownfish lives among anemones, and its depth and lifespan in the wild depend on the anemone it keeps; a
clownfish kept in an aquarium has a different lifespan and depth range than a wild clownfish.

- Depth range: 1-15 m
- Lifespan: 6-10 years
- Diet: algae and plankton

## Behaviour
The clownfish defends its anemone and rarely strays far from it, so the depth range of a clownfish is the anemone's.
A clownfish lifespan record in an aquarium is over 20 years, far past what the wild clownfish lifespan reaches.
""",
    "moray.md": """# Moray eel

The moray eel hides in crevices by day; divers ask about the moray eel lifespan and depth range more than about
anything else, and a moray eel in a public aquarium lives longer than a wild moray eel.

- Depth range: 5-40 m
- Lifespan: 20-30 years
- Diet: fish and octopus

## Behaviour
A moray eel opens and closes its mouth to breathe, which looks like a threat but is not.
The moray eel lifespan in a public aquarium can pass 40 years, longer than the moray eel lifespan in the wild.
""",
}


def _unit(quote: str, **kw) -> Unit:
    return Unit(file="a.md", line=1, quote=quote, context="", chunk_id=0, **kw)


def test_a_short_label_then_a_short_value_is_a_label_line():
    assert line_label(_unit("⏲️ Depth range: 5-40 m")) == "Depth range"
    assert line_label(_unit("Court: High Court of Justice")) == "Court"
    # a sentence after a colon is prose; a long lead-in is no label; a code block's line is a setting
    assert line_label(_unit("Note: the eel opens and closes its mouth to breathe, which looks like a threat")) == ""
    assert line_label(_unit("What the divers saw on the second morning: eels")) == ""
    assert line_label(_unit("depth: 40", fenced=True)) == ""


def test_two_labels_of_one_note_are_both_quoted(tmp_path):
    answer = _ask_notes(tmp_path, REEF, "depth range and lifespan of the moray eel")
    assert not answer.refused
    assert "5-40 m" in answer.answer and "20-30 years" in answer.answer, answer.answer
    assert "1-15 m" not in answer.answer, answer.answer  # the clownfish's label lines are not asked
    _grounded(answer, REEF)


def test_one_label_of_two_notes_is_quoted_for_each(tmp_path):
    answer = _ask_notes(tmp_path, REEF, "compare the lifespan of the clownfish and the moray eel")
    assert not answer.refused
    assert "6-10 years" in answer.answer and "20-30 years" in answer.answer, answer.answer
    _grounded(answer, REEF)


def test_off_label_lines_rank_as_any_line(tmp_path, monkeypatch):
    monkeypatch.setattr(N, "LABELS_ANSWER", False)
    assert line_label(_unit("Lifespan: 6-10 years")) == "Lifespan"  # still read, never preferred
    from rag.answer.keys import label_lines
    assert label_lines(None, [_unit("Lifespan: 6-10 years")]) == []


def test_one_label_asked_of_one_note_is_quoted_first(tmp_path):
    answer = _ask_notes(tmp_path, REEF, "what is the lifespan of the clownfish")
    assert answer.citations and answer.citations[0].quote.strip() == "Lifespan: 6-10 years", answer.answer
    _grounded(answer, REEF)
