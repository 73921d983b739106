"""A singular heading over a list ("### Bandage", "### Dressing kit") names that list for a question writing it in
the plural ("what bandages ...") or asking what is in it ("what's in the dressing kit"): answered with the whole
list (rag.answer.headed, knob singular_heading_named). Invented first-aid notes, far from the eval sets."""

from __future__ import annotations

import dataclasses

import pytest
from test_compose import _ask_notes

from rag.answer import headed
from rag.answer.headed import asks_for, names_the_list
from rag.answer.policy import DEFAULT

KIT = {
    "kit.md": """# Boat first-aid kit

Check the kit before every season; replace anything past its date.

## Contents

### Bandage

- triangular bandage for slings
- crepe bandage for sprains
- elastic tube bandage for knees
- cohesive wrap
- finger splint

### Dressing kit

- sterile gauze pads
- adhesive tape
- saline pods
- burn gel sachets
- wound closure strips

## Use

Wrap a sprain with the crepe bandage, firm but not tight, and raise the limb.
Keep the saline for rinsing eyes.
Bandages in the kit go stiff in salt air; keep them in a dry bag.
Restock the dressing kit after every use, and note in the log what went out of the kit.
The dressing kit lives in the chart table, the bandages under the companionway steps.
Never share the dressing kit's tape with the engine box: it is for skin only.
""",
}


def test_a_singular_heading_is_named_by_its_plural_or_a_contents_question():
    assert names_the_list("Bandage", "what bandages are in the kit")
    assert names_the_list("Dressing kit", "what's in the dressing kit")
    assert not names_the_list("Bandage", "how do I wrap a sprain with a bandage")  # singular, no contents asked
    assert not names_the_list("Dressing kit", "what's in the bandage box")  # the heading's words not asked
    assert asks_for("Bandage", "what bandages are in the kit") and asks_for("Dressing kit", "what is in the dressing kit")
    off = dataclasses.replace(DEFAULT, singular_heading_named=False)
    assert not names_the_list("Bandage", "what bandages are in the kit", off)


@pytest.mark.parametrize("question, items", [
    ("what bandages are in the kit", ["triangular bandage", "crepe bandage", "elastic tube", "cohesive wrap", "finger splint"]),
    ("what's in the dressing kit", ["sterile gauze pads", "adhesive tape", "saline pods", "burn gel", "closure strips"]),
])
def test_the_whole_list_answers(tmp_path, monkeypatch, question, items):
    answer = _ask_notes(tmp_path, KIT, question)
    assert not answer.refused, answer.reason
    assert all(item in answer.answer for item in items), answer.answer
    monkeypatch.setattr(headed.Q, "ASKS_CONTENTS", headed.Q.re.compile(r"(?!)"))
    monkeypatch.setattr(headed, "_pluralised", lambda word, question: False)
    off = _ask_notes(tmp_path / "off", KIT, question)
    assert not all(item in off.answer for item in items), off.answer


def test_a_how_question_naming_the_singular_heading_is_no_list_question(tmp_path):
    answer = _ask_notes(tmp_path, KIT, "how do I wrap a sprain with the bandage")
    assert "raise the limb" in answer.answer and "triangular bandage" not in answer.answer, answer.answer
