"""The model is stopped once it has written the sentence that will lead the answer (rag.answer.lead): nothing it
writes after that changes the answer. Invented ferry-timetable notes."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import FakeEmbedder, FakeGenerator, write_notes
from rag.answer import Answerer
from rag.answer.policy import DEFAULT
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


def test_the_model_stops_after_its_lead_and_the_answer_is_the_same(ferry):
    stopped, short = ferry(LEAD + TAIL)
    full, long = ferry(LEAD + TAIL, lead_only=False)
    assert short.pieces < long.pieces == len((LEAD + TAIL).split())
    assert short.pieces == len(LEAD.split()) + 2  # two words of a second sentence tell the first is done
    assert stopped.answer == full.answer and "06:40" in stopped.answer
    assert stopped.shown[0].origin == "model"


def test_a_lead_written_after_an_unverified_sentence_still_leads(ferry):
    # the first sentence adds what no note says; the second states the timetable: the model is stopped after it
    first = "The ferry company Nordlys runs the crossing with dolphins alongside [1]. "
    stopped, model = ferry(first + LEAD + TAIL)
    full, long = ferry(first + LEAD + TAIL, lead_only=False)
    assert model.pieces == len((first + LEAD).split()) + 2 < long.pieces
    assert stopped.answer == full.answer and stopped.shown[0].origin == "model" and "06:40" in stopped.answer


def test_a_model_writing_no_lead_is_not_stopped(ferry):
    reply = "The ferry company Nordlys runs it [1]. Dolphins swim alongside the boat in summer [1]."
    _, model = ferry(reply)
    assert model.pieces == len(reply.split())


def test_the_sentence_the_model_was_stopped_in_is_not_listed(ferry):
    """Unverified sentences (shown on request) are what the model wrote, not the start of the sentence it was
    stopped in."""
    stopped, _ = ferry("The ferry company Nordlys runs the crossing [1]. " + LEAD + TAIL)
    assert [u["sentence"] for u in stopped.unverified] == ["The ferry company Nordlys runs the crossing."]
