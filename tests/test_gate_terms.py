"""Small readings of a question and of a note line that the gate relies on: a consequence asks no price,
money in words is a price, and the means after "by" is no asked term. Notes on a gym, a field far from the
eval sets; fake embedder and model."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.intent import parse


def test_a_consequence_is_no_price():
    # "what happens to X when the price falls" asks a consequence: no line need state a price
    intent = parse("what happens to the sales when the price of a luxury good falls")
    assert intent.value is None


def test_money_in_words_states_a_price():
    intent = parse("how much does a ship pilot cost per hour")
    assert intent.value == "price"
    assert intent.holds_value("a pilot costs hundreds of dollars an hour")
    assert not intent.holds_value("a pilot costs more at night")


def test_the_means_after_by_need_not_stand_in_the_answering_line(tmp_path):
    # "by choosing" says how the saving is had; the line stating the saving need not say "choosing"
    notes = {"gym.md": "# Gym\n## Plans\n- a yearly plan saves 20% over monthly billing\n- day passes cost $12\n"}
    answer = _ask_notes(tmp_path, notes, "what percentage can you save by choosing a yearly plan")
    assert not answer.refused, answer.reason
    assert "20%" in answer.answer
