"""A comparison side the question names by a stopword alone ("service vs return" in tennis notes: "service" is a
stopword for the reader) is still a side: the word is kept as a term while the question is answered, so each
side's row is quoted (rag.answer.versus.named_stopwords, policy.questions.SIDE_NAME_STOPWORDS). Tennis and sailing
notes, fields far from the eval sets; fake embedder and model."""

from __future__ import annotations

import pytest
from test_compose import _ask_notes

from rag.answer.intent import parse
from rag.answer.policy import questions as Q
from rag.answer.versus import named_stopwords

TENNIS = {
    "tennis.md": """# Tennis

## Strokes

| Stroke | Grip | Spin |
|---|---|---|
| Service | continental grip | slice or kick |
| Return | eastern grip | flat or topspin |
| Volley | continental grip | little spin |
| Lob | eastern grip | heavy topspin |

## Footwork
- split step as the opponent strikes the ball
- recover to the centre after each shot
""",
}


@pytest.fixture
def side_dropped(monkeypatch):
    """The mechanism off: a side named by a stopword loses its name, as before."""
    monkeypatch.setattr(Q, "SIDE_NAME_STOPWORDS", False)
    parse.cache_clear()
    yield
    parse.cache_clear()


def test_a_side_named_by_a_stopword_gets_its_own_row(tmp_path):
    parse.cache_clear()
    answer = _ask_notes(tmp_path, TENNIS, "service vs return grip")
    assert "continental grip" in answer.answer and "eastern grip" in answer.answer, answer.answer


def test_with_the_name_dropped_the_service_row_is_missed(tmp_path, side_dropped):
    answer = _ask_notes(tmp_path, TENNIS, "service vs return grip")
    assert "continental grip" not in answer.answer


@pytest.mark.parametrize("question, kept", [
    ("service vs return grip", {"service"}),
    ("what is the difference between service and return", {"service"}),
    ("the sloop vs a ketch", set()),  # each side has a word of its own
    ("a sloop vs a ketch rig", set()),
    ("one vs two hulls", set()),  # number words name no side
    ("this vs that", set()),  # function words name no side
    ("should i reef now or not", set()),
])
def test_only_a_side_without_a_content_word_keeps_its_stopword(question, kept):
    assert named_stopwords(question) == kept
