"""The words a front matter files a note under ("tags: ['rigging', 'knots']") say what the whole note is about, as
its title does: a question naming one is answered by a line of that note that speaks of the rest. Invented rigging
notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.policy import notes as N
from rag.frontmatter import topic_words

SPLICE = {
    "splice.md": """---
title: "Eye splice"
date: 2020-04-01
tags: ['rigging', 'rope']
---

## Steps
1. Unlay the three strands for about 20 cm
2. Tuck each strand against the lay at least five times, then roll the splice under a boot heel
""",
}


def test_topic_words_are_read_inline_or_as_items():
    assert topic_words(SPLICE["splice.md"].split("\n")).split() == ["rigging", "rope"]
    assert topic_words(["---", "title: x", "tags:", "  - sails", "  - canvas", "author: me", "---", "text"]).split() == [
        "sails", "canvas"]
    assert topic_words(["# Title", "tags: sails"]) == ""  # no front matter


def test_a_tag_word_asked_is_spoken_by_the_notes_lines(tmp_path):
    answer = _ask_notes(tmp_path, SPLICE, "how many times do I tuck each rope strand")
    assert not answer.refused, answer.reason
    assert "five times" in answer.answer


def test_without_topics_the_tag_word_is_unspoken(tmp_path, monkeypatch):
    monkeypatch.setattr(N, "FRONT_MATTER_TOPIC_KEY", None)  # the mechanism off
    answer = _ask_notes(tmp_path, SPLICE, "how many times do I tuck each rope strand")
    assert answer.refused
