"""A where-question ("where are the saved routes kept") is answered by the line writing a path ("a small file:
`routes/active.gpx`"), not by a neighbour repeating more of its words (policy.stated.PATH_STATED, read by
rag.answer.evidence for Policy.bonus_path_place). Invented chart-plotter and darkroom notes."""

import dataclasses

import pytest

from rag.answer.evidence import Scorer
from rag.answer.policy import DEFAULT, questions as Q
from rag.answer.units import Unit

OFF = dataclasses.replace(DEFAULT, bonus_path_place=0.0)

CASES = [
    ("where are the saved routes of the plotter actually kept", "Plotter > Routes",
     "Saved routes of the plotter are kept until you delete them.",
     "Under the lid, saved routes of the plotter are kept in a small file: `routes/active.gpx`."),
    ("where does the scanner store its scans", "Darkroom > Scanner",
     "The scanner can store its scans as TIFF or JPEG.",
     "After each pass the scanner will store its scans in ~/darkroom/incoming."),
]


def _units(neighbour: str, path: str, heading: str) -> list[Unit]:
    return [Unit("notes.md", 1, neighbour, heading, 0, heading=heading), Unit("notes.md", 2, path, heading, 0, heading=heading)]


@pytest.mark.parametrize("question, heading, neighbour, path", CASES)
def test_the_line_writing_a_path_answers_where(question, heading, neighbour, path):
    ranked = Scorer({}).score(question, _units(neighbour, path, heading), {0: 1})
    assert ranked[0].quote == path, [(u.quote, u.score) for u in ranked]
    off = Scorer({}, policy=OFF).score(question, _units(neighbour, path, heading), {0: 1})
    assert off[0].quote == neighbour  # the mechanism off: the neighbour stays first


def test_only_a_where_question_weighs_a_path():
    units = _units(*CASES[0][2:4], CASES[0][1])
    ranked = Scorer({}).score("how long are the saved routes of the plotter kept", units, {0: 1})
    assert ranked[0].quote == CASES[0][2]


def test_no_path_in_fractions_or_pairs():
    assert not Q.PATH_STATED.search("salt and/or pepper, 1/2 cup, 30 km/h, https://example.org/charts/guide")
    assert Q.PATH_STATED.search("mount it on /mnt/charts")
