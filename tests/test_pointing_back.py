"""A sentence that points back ("It ...", "This ...", "He ...") is read with the sentence before it, also when
notes write one sentence per line and the sentence before ends the line above (rag/answer/across.py), and the
pair outranks that sentence alone (rag/answer/evidence.py _lift_pairs). Notes invented from fields other than
the eval sets': sailing, law, beekeeping."""

from __future__ import annotations

import re

from test_compose import _answerer, _grounded, write_notes

from rag.answer.policy import Policy
from rag.answer.policy import questions as Q
from rag.answer.units import units_of, with_antecedents
from rag.chunk import Chunk


def _chunk(text: str, file: str = "knots.md") -> Chunk:
    lines = text.split("\n")
    return Chunk(1, file, 1, len(lines), "Knots", text, "h", list(range(1, len(lines) + 1)))


KNOTS = "The bowline makes a fixed loop at the end of a line.\nIt is tied by passing the end around the standing part."


def test_a_line_pointing_back_is_read_with_the_line_above():
    pair = [u for u in units_of(_chunk(KNOTS)) if u.end]
    assert len(pair) == 1 and (pair[0].line, pair[0].end) == (1, 2) and pair[0].joined
    assert pair[0].quote == KNOTS  # cited as written, across both lines
    assert pair[0].display.startswith("The bowline makes a fixed loop") and pair[0].display.endswith("standing part.")
    # switched off, each line is a unit of its own
    assert all(u.end == 0 for u in units_of(_chunk(KNOTS), back=False))


def test_only_a_pointing_back_line_of_the_same_paragraph_is_joined():
    # a line naming its own subject, a list item, a line after a blank line: each stands alone
    for text in ("The bowline makes a fixed loop.\nThe clove hitch holds a fender.",
                 "The bowline makes a fixed loop.\n- It is tied around the standing part.",
                 "The bowline makes a fixed loop.\n\nIt is tied around the standing part."):
        assert all(u.end == 0 for u in units_of(_chunk(text))), text
    # an unfinished line above is a wrapped sentence (rag.answer.wrapped), not a sentence to read back to
    units = units_of(_chunk("The bowline makes a fixed loop at\nthe end of a line. It holds."))
    assert [u.quote for u in units if u.end] == ["The bowline makes a fixed loop at\nthe end of a line."]


def test_a_person_named_before_is_pointed_back_at_with_he_or_she(monkeypatch):
    body = "Justice Holmes wrote the dissent. He argued that the statute was valid."
    assert with_antecedents(body)[-1] == body
    assert Q.POINTS_BACK_LEAD.match("She ruled for the tenant") and not Q.POINTS_BACK_LEAD.match("Helen ruled")
    # without the personal pronouns the sentence holding the argument is read alone, its subject lost
    without = re.compile(Q.POINTS_BACK_LEAD.pattern.replace("|" + "|".join(Q.POINTS_BACK_PERSON), ""))
    monkeypatch.setattr(Q, "POINTS_BACK_LEAD", without)
    assert with_antecedents(body)[-1] == "He argued that the statute was valid."


BEES = {
    "beekeeping.md": """# Beekeeping

## Swarming
When the colony runs out of room in the hive the old queen leaves with half the workers.
This usually happens in late spring, about ten days after queen cells are capped.
Add a second brood box early to give the colony room.
""",
}


def _ask(tmp_path, question: str, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", BEES), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = answerer.scorer.policy = policy
    return answerer.ask(question)


QUESTION = "when does the old queen leave the hive with half the workers"


def test_the_fact_on_the_line_pointing_back_is_quoted_with_its_subject(tmp_path):
    answer = _ask(tmp_path, QUESTION)
    assert not answer.refused, answer.reason
    assert "late spring" in answer.answer and "old queen leaves" in answer.answer, answer.answer
    cited = [c for c in answer.citations if "late spring" in c.quote]
    assert cited and (cited[0].start_line, cited[0].end_line) == (4, 5), answer.citations
    _grounded(answer, BEES)


def test_without_reading_back_across_lines_the_fact_is_missed(tmp_path):
    answer = _ask(tmp_path, QUESTION, Policy(antecedent_across_lines=False))
    assert not answer.refused, answer.reason
    assert "old queen leaves" in answer.answer and "late spring" not in answer.answer, answer.answer


def test_without_lifting_the_pair_the_subject_line_alone_is_quoted(tmp_path):
    answer = _ask(tmp_path, QUESTION, Policy(pair_keeps_antecedent=False))
    assert not answer.refused, answer.reason
    assert "late spring" not in answer.answer, answer.answer


def test_a_subject_pronoun_after_an_opening_phrase_points_back(monkeypatch):
    body = "Judge Ortiz heard the appeal. As the senior judge on the panel, she wrote the ruling."
    assert with_antecedents(body)[-1] == body
    # "it" after a comma is mostly no one ("If the wind backs, it brings rain"): that sentence stands alone
    assert with_antecedents("Watch the sky. If the wind backs, it brings rain.")[-1] == "If the wind backs, it brings rain."
    without = re.compile(Q.POINTS_BACK_LEAD.pattern.split("|[^")[0] + ")")  # the opening-phrase branch left out
    monkeypatch.setattr(Q, "POINTS_BACK_LEAD", without)
    assert with_antecedents(body)[-1] == "As the senior judge on the panel, she wrote the ruling."


CELLAR = {
    "cellar.md": """# Cider house

## Storing
1. When the cider has stopped working, rack it into stone jars and carry the jars
   down to the cellar. Here they keep for up to six months.
2. Label each jar with the pressing date.
""",
}


def test_a_place_adverb_before_a_pronoun_points_back(tmp_path, monkeypatch):
    body = "Carry the jars down to the cellar. Here they keep for up to six months."
    assert with_antecedents(body)[-1] == body
    assert not Q.POINTS_BACK_LEAD.match("There are two presses in the yard")  # "there is/are" points at nothing
    answer = _answerer(write_notes(tmp_path / "notes", CELLAR), tmp_path / "index", "none").ask(
        "how long do the jars keep in the cellar")
    assert not answer.refused, answer.reason
    assert "six months" in answer.answer
    # without the place adverb the sentence is read alone, the cellar lost
    monkeypatch.setattr(Q, "POINTS_BACK_LEAD", Q.points_back_lead(place=False))
    assert with_antecedents(body)[-1] == "Here they keep for up to six months."


def test_without_the_place_adverb_the_cellar_is_lost(tmp_path, monkeypatch):
    monkeypatch.setattr(Q, "POINTS_BACK_LEAD", Q.points_back_lead(place=False))  # the mechanism off
    answer = _answerer(write_notes(tmp_path / "notes", CELLAR), tmp_path / "index", "none").ask(
        "how long do the jars keep in the cellar")
    assert answer.refused or "six months" not in answer.answer
