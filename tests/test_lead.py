"""The model writes only the sentence that may lead the answer (rag.answer.lead): it is stopped once its first
sentence is complete, or once that sentence adds a word no source holds. Invented ferry-timetable notes."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import FakeEmbedder, FakeGenerator, write_notes
from rag.answer import Answerer
from rag.answer.evidence import Unit
from rag.answer.lead import LeadWatch
from rag.answer.policy import DEFAULT
from rag.answer.verify import Source
from rag.build import build_index
from rag.config import Settings
from rag.retrieve import Retriever
from rag.store import Store

NOTES = {
    "ferries.md": "# Island ferries\n\n## Timetable\n\n"
    "The first ferry to Brenna leaves the harbour at 06:40 on weekdays.\n"
    "Tickets for the Brenna ferry cost 12 euros for a foot passenger.\n\n"
    "## Luggage\n\nBicycles travel free on every crossing.\n",
}
QUESTION = "When does the first ferry to Brenna leave?"
LEAD = "The first ferry to Brenna leaves at 06:40 on weekdays [1]. "
# what the tiny model tends to write after its lead: words of its own that no note holds
TAIL = "It is a lovely crossing with dolphins and a cafe on board, so arrive early to get a window seat [1]."


class CountingGenerator(FakeGenerator):
    """A scripted model that counts the pieces it was asked for before its reader stopped."""

    def stream(self, system, user, max_tokens=None, stats=None):
        self.pieces = 0
        for piece in super().stream(system, user, max_tokens, stats):
            self.pieces += 1
            yield piece


@pytest.fixture
def ferry(tmp_path):
    settings = Settings(corpus=write_notes(tmp_path / "notes", NOTES), index=tmp_path / "index")
    embedder = FakeEmbedder()
    build_index(settings, embedder, progress=False)
    retriever = Retriever(Store.load(settings.index, settings, embedder.id), embedder)

    def ask(reply, lead_only=True):
        generator = CountingGenerator(replies=[reply])
        policy = dataclasses.replace(DEFAULT, model_writes_lead_only=lead_only)
        return Answerer(retriever, generator, settings, policy=policy).ask(QUESTION), generator

    return ask


def test_the_model_stops_after_its_first_sentence_and_the_answer_is_the_same(ferry):
    stopped, short = ferry(LEAD + TAIL)
    full, long = ferry(LEAD + TAIL, lead_only=False)
    assert short.pieces < long.pieces == len((LEAD + TAIL).split())
    assert short.pieces == len(LEAD.split()) + 2  # two words of a second sentence tell the first is done
    assert stopped.answer == full.answer and "06:40" in stopped.answer
    assert stopped.shown[0].origin == "model"


def test_a_first_sentence_adding_an_unheld_word_stops_the_model_at_that_word(ferry):
    reply = "The ferry company Nordlys runs the first crossing to Brenna at dawn and it is always on time [1]."
    stopped, model = ferry(reply)
    full, long = ferry(reply, lead_only=False)
    # "company" is the first added word no source holds: the reader stops once it is settled (two pieces on)
    assert model.pieces <= reply.split().index("company") + 2 < long.pieces
    assert stopped.answer == full.answer and not any(s.origin == "model" for s in stopped.shown)


def _watch(question="How much is a ticket to Brenna?"):
    unit = Unit("ferries.md", 8, "Tickets for the Brenna ferry cost 12 euros for a foot passenger.", "Timetable", 0,
                heading="Island ferries > Timetable")
    return LeadWatch([Source(1, "ferries.md", "Island ferries > Timetable", [unit])], question)


@pytest.mark.parametrize("raw, done", [
    ("A ticket costs 12 euros", False),  # the last word may still grow ("euros" -> "euros.")
    ("A ticket costs 12 euros for a foot passenger [1]", False),
    ("A ticket costs 12 euros [1]. It", False),  # one word of a second sentence is no sentence yet
    ("A ticket costs 12 euros [1]. It is", True),  # the first sentence is complete
    ("A ticket costs 15 ", True),  # a number no source holds
    ("A ticket costs 1", False),  # ...but a number still being written may become one ("12")
    ("A return ticket ", True),  # "return": a word no source holds
    ("I can't find that in your notes", True),  # the model declines: nothing it writes can lead
    ("A ticket for foot passengers costs 12 euros ", False),  # inflections of the line's words are held
])
def test_watch_decides_from_settled_words_only(raw, done):
    assert _watch().done(raw) is done


def test_a_sentence_the_model_was_stopped_in_is_listed_as_far_as_it_got(ferry):
    """Unverified sentences (shown on request) are what the model wrote: the stopped first sentence as far as it
    got, and no fragment of a second sentence."""
    stopped, _ = ferry("The ferry company Nordlys runs the first crossing [1].")
    assert [u["sentence"] for u in stopped.unverified] == ["The ferry company"]
    complete, _ = ferry(LEAD + TAIL)
    assert complete.unverified == []
