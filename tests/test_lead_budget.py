"""The model may write only as many tokens as a lead can take (rag.answer.lead.lead_budget): a few times the
longest line the lead may restate. Invented beekeeping notes."""

from __future__ import annotations

import dataclasses

import pytest

from conftest import FakeEmbedder, FakeGenerator, write_notes
from rag.answer import Answerer
from rag.answer.lead import LeadWatch, lead_budget
from rag.answer.policy import DEFAULT
from rag.answer.verify import Checked
from rag.build import build_index
from rag.config import Settings
from rag.retrieve import Retriever
from rag.store import Store

NOTES = {
    "hives.md": "# Apiary notes\n\n## Inspections\n\n"
    "Open each hive every nine days in spring to look for queen cells.\n"
    "Smoke the entrance gently two minutes before lifting the crown board.\n\n"
    "## Honey\n\nExtract frames only when most cells are capped with wax.\n",
}
QUESTION = "How often should each hive be opened in spring?"
LEAD = "Open each hive every nine days in spring to look for queen cells [1]. "
# what the tiny model writes when it never restates a line: words of its own, on and on
RAMBLE = " ".join(["Bees are wonderful creatures and keepers love them dearly in every season [1]."] * 12)


class BudgetGenerator(FakeGenerator):
    """A scripted model that stops at ``max_tokens`` pieces (as llama.cpp does) and counts what it wrote."""

    def stream(self, system, user, max_tokens=None, stats=None):
        self.budget, self.pieces = max_tokens, 0
        for piece in super().stream(system, user, max_tokens, stats):
            if max_tokens is not None and self.pieces >= max_tokens:
                return
            self.pieces += 1
            yield piece


@pytest.fixture
def apiary(tmp_path):
    settings = Settings(corpus=write_notes(tmp_path / "notes", NOTES), index=tmp_path / "index")
    embedder = FakeEmbedder()
    build_index(settings, embedder, progress=False)
    retriever = Retriever(Store.load(settings.index, settings, embedder.id), embedder)

    def ask(reply, lines=DEFAULT.lead_budget_lines):
        generator = BudgetGenerator(replies=[reply])
        policy = dataclasses.replace(DEFAULT, lead_budget_lines=lines)
        return Answerer(retriever, generator, settings, policy=policy).ask(QUESTION), generator

    return ask


def test_a_model_writing_no_lead_is_stopped_at_the_budget_not_at_max_tokens(apiary):
    budgeted, model = apiary(RAMBLE)
    full, unbudgeted = apiary(RAMBLE, lines=0)
    assert unbudgeted.budget == unbudgeted.pieces == Settings().max_tokens
    assert model.pieces == model.budget < unbudgeted.pieces
    assert budgeted.answer == full.answer and budgeted.mode == full.mode == "extractive"


def test_a_lead_after_an_echoed_source_still_fits_the_budget(apiary):
    echo = "[2] Inspections: Smoke the entrance gently two minutes before lifting the crown board. "
    budgeted, model = apiary(echo + LEAD + RAMBLE)
    full, _ = apiary(echo + LEAD + RAMBLE, lines=0)
    assert model.pieces < model.budget
    assert budgeted.answer == full.answer and budgeted.shown[0].origin == "model" and "nine days" in budgeted.answer


def test_a_sentence_the_budget_cut_short_does_not_lead(apiary):
    # the budget ends eight words into the lead: "Open each hive every nine days in spring" would verify and lead,
    # but the model never finished that sentence
    _, probe = apiary(RAMBLE)
    before = probe.budget - 8
    sentence = RAMBLE.split(" [1]. ")[0].split() + ["[1]."]  # 13 pieces
    whole = (before - 3) // len(sentence)
    pad = before - whole * len(sentence)  # 3 or more pieces: a sentence of its own
    reply = " ".join(sentence * whole + ["Bees"] + ["hum"] * (pad - 2) + ["[1].", LEAD])
    budgeted, model = apiary(reply)
    assert model.pieces == model.budget and "nine days in spring" in " ".join(reply.split()[: model.budget])
    assert budgeted.mode == "extractive" and all(s.origin != "model" for s in budgeted.shown)


def test_the_budget_is_lines_times_the_longest_line_plus_extra_never_above_max_tokens():
    policy = dataclasses.replace(DEFAULT, lead_budget_lines=2.0, lead_budget_extra=5)
    count = lambda text: len(text.split())  # noqa: E731
    assert lead_budget(["a b c", "a b c d e f"], count, policy, 96) == 17
    assert lead_budget(["word " * 60], count, policy, 96) == 96
    assert lead_budget(["a b"], count, dataclasses.replace(policy, lead_budget_lines=0), 96) == 96


def test_the_cut_sentence_is_not_listed_as_written():
    watch = LeadWatch([], "q", lambda c: False)
    sentences = [Checked("one two three", []), Checked("four five", [])]
    assert watch.written(sentences) == sentences
    assert watch.written(sentences, cut=True) == sentences[:1]


def test_a_sentence_max_tokens_cut_short_does_not_lead_when_it_is_below_the_budget(tmp_path):
    # max_tokens (10) is smaller than the lead budget, so the model stops there, ten words into the lead:
    # "Open each hive every nine days in spring to look" would verify against the line and lead, unfinished
    settings = Settings(corpus=write_notes(tmp_path / "notes", NOTES), index=tmp_path / "index", max_tokens=10)
    embedder = FakeEmbedder()
    build_index(settings, embedder, progress=False)
    retriever = Retriever(Store.load(settings.index, settings, embedder.id), embedder)
    generator = BudgetGenerator(replies=[LEAD])
    answer = Answerer(retriever, generator, settings).ask(QUESTION)
    assert generator.budget == generator.pieces == 10 < len(LEAD.split())
    assert answer.mode == "extractive" and all(s.origin != "model" for s in answer.shown)
    assert "nine days in spring" in answer.answer  # quoted from the notes instead
