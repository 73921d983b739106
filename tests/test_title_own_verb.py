"""A how-to title wording the question's verb of general meaning its own way ("Preparing a Brine from Whey" for "how
do I make a brine from whey") restates the question: its opening word counts toward the title's key words, so the
section's lines answer before an introduction that happens to say "make", "brine" and "whey" (rag.answer.titled).
Invented cheese-making notes."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes

from rag.answer.policy import DEFAULT
from rag.answer.titled import restated

NOTES = {
    "cheese.md": """# Cheese making

## What is whey?

Whey is the liquid left after curdling milk; cheesemakers make a brine, a ricotta or a drink out of whey so nothing is wasted.

## Pressing the curd

Press the curd for six hours under a ten kilo weight, turning it once.

## Preparing a Brine from Whey

If you kept the whey from the last batch, you can turn it into a salting bath directly. Dissolve salt in it until an egg floats:

```text
2 litres whey + 400 g salt
```

This keeps the rind from cracking while the wheel sits in it overnight.
""",
}

QUESTION = "how do i make a brine from whey"


def _ask(tmp_path, policy):
    return _ask_notes(tmp_path, NOTES, QUESTION, policy)


def test_the_titled_section_answers(tmp_path):
    answer = _ask(tmp_path, DEFAULT)
    assert not answer.refused, answer.reason
    assert "Dissolve salt" in answer.answer.split("[1]")[0], answer.answer


def test_with_the_rule_off_the_introduction_leads(tmp_path):
    answer = _ask(tmp_path, dataclasses.replace(DEFAULT, title_words_general_verb=False))  # the mechanism off
    assert "Dissolve salt" not in answer.answer.split("[1]")[0], answer.answer


def test_the_title_needs_a_word_of_its_own_before_the_rest():
    assert restated(["brine", "whey"], "Cheese > Preparing a Brine from Whey", {}, 3, own_verb=True)
    assert not restated(["brine", "whey"], "Cheese > Preparing a Brine from Whey", {}, 3)
    assert not restated(["brine", "whey"], "Cheese > Brine from Whey", {}, 3, own_verb=True)
