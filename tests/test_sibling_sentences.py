"""A quoted sentence is read with the sentence beside it in its paragraph when that one scores as strong as the
best, or holds a question term the quoted one lacks (rag.answer.siblings, policy.sibling_sentences): a line names
its subject in one sentence and states the fact in the next. Invented sailing and law notes; with the knob off
only the subject's sentence is quoted."""

from __future__ import annotations

import dataclasses

from rag.answer.policy import DEFAULT
from rag.answer.siblings import read_with_siblings, with_sibling
from rag.answer.units import Unit
from rag.text import terms

LINES = [
    "The ketch Marigold is a heavy ketch built for long passages",
    "and can be sailed by two or by four. Best crewed with three hands such as a skipper, a mate and a cook.",
    "A lease runs for a fixed term. The tenant pays rent monthly. Notice is given in writing.",
    "Plain line with nothing beside it",
]
FIRST = LINES[0] + "\nand can be sailed by two or by four."
WRAPPED = "\n".join(LINES[:2])


def _unit(line, quote, score, end=0):
    return Unit("boat.md", line, quote, "", 0, score=score, end=end)


def test_a_weaker_neighbour_holding_the_asked_verb_is_quoted_with_the_best():
    first = _unit(1, FIRST, 0.75, end=2)  # a sentence wrapped over two lines (rag.answer.wrapped)
    second = _unit(2, "Best crewed with three hands such as a skipper, a mate and a cook.", 0.6)
    asked = frozenset(terms("what do i crew the ketch marigold with"))
    read, other = with_sibling(first, [first, second], 0.75, asked, LINES, DEFAULT)
    assert other is second and read.quote == WRAPPED and (read.line, read.end) == (1, 2)
    off = dataclasses.replace(DEFAULT, sibling_sentences=False)
    assert with_sibling(first, [first, second], 0.75, asked, LINES, off) == (first, None)


def test_a_strong_neighbour_on_the_same_line_is_quoted_in_note_order():
    best = _unit(3, "The tenant pays rent monthly.", 0.9)
    before = _unit(3, "A lease runs for a fixed term.", 0.89)
    far = _unit(3, "Notice is given in writing.", 0.2)
    out = read_with_siblings([best], [best, before, far], "when is rent paid", lambda f: LINES)
    assert [u.quote for u in out] == ["A lease runs for a fixed term. The tenant pays rent monthly."]
    assert out[0].end == 0


def test_a_weak_neighbour_adding_nothing_asked_and_a_distant_sentence_stay_out():
    best = _unit(3, "A lease runs for a fixed term.", 0.9)
    weak = _unit(3, "The tenant pays rent monthly.", 0.6)
    distant = _unit(3, "Notice is given in writing.", 0.9)  # not beside it: a sentence lies between them
    asked = frozenset(terms("how long does a lease run"))
    assert with_sibling(best, [best, distant, weak], 0.9, asked, LINES, DEFAULT) == (best, None)


PARAGRAPH = [
    "The more sail you carry the more speed you make.",
    "Carry at least 40 m2 of sail in light airs.",
    "- Reef early.",
]


def test_the_next_line_of_a_paragraph_giving_the_asked_thing_a_number_is_quoted_with_it():
    best = Unit("sail.md", 1, PARAGRAPH[0], "", 0, score=0.6)
    below = Unit("sail.md", 2, PARAGRAPH[1], "", 0, score=0.5)
    out = read_with_siblings([best], [best, below], "what sail do i need", lambda f: PARAGRAPH)
    assert [(u.quote, u.line, u.end) for u in out] == [("\n".join(PARAGRAPH[:2]), 1, 2)]
    for knob in ("sibling_next_line", "sibling_gives_value"):
        off = dataclasses.replace(DEFAULT, **{knob: False})
        assert read_with_siblings([best], [best, below], "what sail do i need", lambda f: PARAGRAPH,
                                  off) == [best]


def test_a_list_item_below_is_no_part_of_the_paragraph():
    best = Unit("sail.md", 2, PARAGRAPH[1], "", 0, score=0.6)
    item = Unit("sail.md", 3, "Reef early.", "", 0, score=0.6)
    assert read_with_siblings([best], [best, item], "when do i reef", lambda f: PARAGRAPH) == [best]


def test_no_pair_is_read_over_a_line_another_quote_stands_on():
    # quoting the pair over lines 1-2 would make the second quote, on line 2, read as quoted already
    best = Unit("sail.md", 1, PARAGRAPH[0], "", 0, score=0.6)
    below = Unit("sail.md", 2, PARAGRAPH[1], "", 0, score=0.59)
    other = Unit("sail.md", 2, "in light airs", "", 0, score=0.58)
    out = read_with_siblings([best, other], [best, below, other], "what sail do i need", lambda f: PARAGRAPH)
    assert out == [best, other]
    assert read_with_siblings([best], [best, below, other], "what sail do i need",
                              lambda f: PARAGRAPH)[0].end == 2


STEPS = [
    "4. Rinse the deck with fresh water.",
    "5. Hoist the mainsail. Check the halyard.",
    "6. Once it is up, trim the sheet to the telltales.",
]


def test_a_step_is_read_with_the_next_step_holding_what_it_lacks_never_the_one_before():
    best = Unit("rig.md", 2, "Hoist the mainsail.", "", 0, score=0.5)
    before = Unit("rig.md", 1, "Rinse the deck with fresh water.", "", 0, score=0.3)
    after = Unit("rig.md", 3, "Once it is up, trim the sheet to the telltales.", "", 0, score=0.28)
    asked = "what sheet goes with the mainsail, and what water"
    out = read_with_siblings([best], [best, before, after], asked, lambda f: STEPS)
    assert [(u.quote, u.line, u.end) for u in out] == [("\n".join(s[3:] if i == 0 else s for i, s in
                                                                  enumerate(STEPS[1:])), 2, 3)]
    off = dataclasses.replace(DEFAULT, sibling_next_step=False)
    assert read_with_siblings([best], [best, before, after], asked, lambda f: STEPS, off) == [best]
