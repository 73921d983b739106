"""A "who" question: a line naming someone (a capitalised word the question does not hold, Intent.holds_name) ranks
over a line that only repeats the question's words (policy bonus_who_name), as a line holding the asked kind of value
does for "how long". Notes invented from a field other than the eval sets': a sailing club."""

from __future__ import annotations

import dataclasses

from test_compose import _ask_notes, _grounded

from rag.answer.evidence import _intent_bonus
from rag.answer.intent import parse
from rag.answer.policy import DEFAULT

CLUB = {
    "club.md": """# Club season

## Spring

* **SEA TRIAL**
  * Not a race, just a shakedown sail for the sea trial
  * Skipper, Rigger and Owner only
* **WORK PARTY**
  * Scrape and paint the club launch
  * With the Members and the Juniors
""",
}


def test_a_line_naming_someone_weighs_more_for_who():
    who = parse("who goes on the sea trial")
    assert _intent_bonus(who, "With the Skipper, the Rigger and the Owner") == DEFAULT.bonus_who_name > 0
    assert _intent_bonus(who, "Not a race, just a shakedown sail for the sea trial") == 0
    assert _intent_bonus(parse("what happens on the sea trial"), "With the Skipper and the Rigger") == 0
    off = dataclasses.replace(DEFAULT, bonus_who_name=0.0)
    assert _intent_bonus(who, "With the Skipper, the Rigger and the Owner", off) == 0


def test_who_is_answered_by_the_line_naming_someone(tmp_path):
    answer = _ask_notes(tmp_path, CLUB, "who goes on the sea trial")
    assert not answer.refused and "Rigger" in answer.answer
    _grounded(answer, CLUB)
