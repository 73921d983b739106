"""A question asking the asker's own action by how or when ("how do you work out the mooring fee", "when do I
pay the harbour charge") asks a method or an occasion, not an amount, though it names a value word; a question
asking the amount still wants one. Invented harbour notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.amount import value_asked
from rag.answer.intent import parse
from rag.answer.policy import questions as Q, values as V

HARBOUR = {
    "harbour.md": """# Harbour office

## Mooring
- The mooring fee is worked out as the boat's length times the pontoon's nightly tariff
- Visitors settle the harbour charge at the office when they leave the berth
""",
}


def test_own_action_asks_no_value():
    assert value_asked("how do you work out the mooring fee") is None
    assert value_asked("when do I settle the harbour charge") is None
    assert value_asked("what is the mooring fee")[0] == "price"
    assert value_asked("how long do I soak the rope")[0] == "duration"


def test_a_method_asked_is_answered_without_an_amount(tmp_path):
    for question, fact in (("how do you work out the mooring fee", "boat's length"),
                           ("when do I settle the harbour charge", "when they leave")):
        answer = _ask_notes(tmp_path / fact.split()[0], HARBOUR, question)
        assert not answer.refused, answer.reason
        assert fact in answer.answer


def test_the_amount_asked_is_still_refused(tmp_path):
    answer = _ask_notes(tmp_path, HARBOUR, "how much is the mooring fee")
    assert answer.refused


def test_without_it_the_method_is_refused_for_holding_no_price(tmp_path, monkeypatch):
    monkeypatch.setattr(Q, "OWN_ACTION", None)  # the mechanism off
    # ...and the notes' own term ("mooring fee", written so in the notes) read as no price either: it answers too
    monkeypatch.setattr(V, "TERM_HEAD_KINDS", frozenset())
    parse.cache_clear()  # the question's reading is cached
    answer = _ask_notes(tmp_path, HARBOUR, "how do you work out the mooring fee")
    assert answer.refused
    parse.cache_clear()
