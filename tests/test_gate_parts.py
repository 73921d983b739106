"""Two-part questions at the gate (rag/answer/gate.py, _relevant_to; rag/answer/parts.py; knob value_per_part):
each part asking a kind of value looks for it in the lines about that part, so a line answering one part is
not refused for holding few of the other part's words; a part opening with an inverted verb ("... and did
the ...") is a part of its own, not words the first part's value must speak of. Notes invented from a field
other than the eval sets': a sailor's."""

from __future__ import annotations

from dataclasses import replace

from conftest import FakeEmbedder, FakeGenerator, write_notes
from test_compose import _grounded

from rag.answer import Answerer
from rag.answer.parts import parts_of
from rag.answer.policy import DEFAULT
from rag.build import build_index
from rag.config import Settings
from rag.retrieve import Retriever
from rag.store import Store

SAILING = {
    "rigging.md": """# Rigging

## Sails
The storm jib is an orange dacron sail of about 4 x 3 m size.
The mainsail is fully battened and reefs from the cockpit.

## Hull
The keel ballast is 40% of the displacement.

## Lines
Sheets are braided polyester with a soft cover.
Mooring warps should be nylon, as nylon stretches under a load.
I cut each mooring warp to about 12 m length for the home berth.
""",
    "passages.md": """# Passages

## Crossing the channel
Take the crossing to the islands only on a falling tide.
The crossing to the islands took us 9 hours under sail.
Did the new autopilot steer better than the old one? It held the course far better in a swell.
We reefed twice before the headland.
""",
}


def _ask(tmp_path, question, policy=DEFAULT, notes=None):
    settings = Settings(corpus=write_notes(tmp_path / "notes", notes or SAILING), index=tmp_path / "index")
    embedder = FakeEmbedder()
    if not (settings.index / "CURRENT").exists():
        build_index(settings, embedder, progress=False)
    retriever = Retriever(Store.load(settings.index, settings, embedder.id), embedder)
    return Answerer(retriever, FakeGenerator(replies=["I can't find that in your notes."]), settings, policy).ask(question)


def test_each_part_finds_its_value_in_the_lines_about_it(tmp_path):
    answer = _ask(tmp_path, "how big is the storm jib, and what percentage of the keel is ballast")
    assert not answer.refused, answer.reason
    assert "4 x 3 m" in answer.answer and "40%" in answer.answer, answer.answer
    _grounded(answer, SAILING)


def test_with_the_knob_off_the_whole_question_must_be_spoken_of(tmp_path):
    answer = _ask(tmp_path, "how big is the storm jib, and what percentage of the keel is ballast",
                  replace(DEFAULT, value_per_part=False))
    assert answer.refused and "states" in answer.reason, answer.reason


def test_a_part_the_notes_never_give_a_value_for_is_still_refused(tmp_path):
    # near miss: both parts ask a size the notes never state (the mainsail's, the sheets'), though lines speak of each
    answer = _ask(tmp_path, "how big is the mainsail, and what diameter are the sheets")
    assert answer.refused, answer.answer


def test_an_inverted_verb_after_and_opens_a_second_part():
    assert parts_of("how long did the crossing take and did the autopilot steer better") == (
        "how long did the crossing take", "did the autopilot steer better")
    assert parts_of("how long was the crossing and was it rough") == ("how long was the crossing", "was it rough")
    assert parts_of("what is a trust and will") == ()  # a noun after "and", not a verb
    # an auxiliary with no subject after it goes on the first clause: one question
    assert parts_of("my dinghy is moored and can't reach the pontoon, how do i fix") == ()
    assert parts_of("the tender leaks and should be patched, what glue") == ()


def test_a_duration_asked_by_one_part_is_not_asked_of_the_other(tmp_path):
    # ...and the part is answered by the line about it stating a duration, not the one only naming the crossing
    answer = _ask(tmp_path, "how long did the crossing to the islands take and did the new autopilot steer better")
    assert not answer.refused, answer.reason
    assert "9 hours" in answer.answer, answer.answer
    _grounded(answer, SAILING)
