"""A "who" answer's quoted lines name someone by an acronym the notes spell out in capitalised words ("Boat Captain
(BC)"), wherever it stands in the line (rag.answer.quoted.names_in, vocab.titled); and a quoted list item naming no one
under a label item is widened to the label's block when a sibling line names someone (rag.answer.labelled_block).
Invented rowing-club notes, fake embedder, a model that never answers."""

from __future__ import annotations

from test_compose import _answerer, write_notes

from rag.answer.policy import Policy
from rag.answer.vocab import titled_acronyms

CLUB = {
    "club.md": """# rowing club handbook

## officers
- **Boat Captain (BC)** - keeps the boat log and the keys
- the coach and the boat captain sign out each shell

## outings
- Coach checks the weather with the cox and BC before every outing
- a personal flotation device (PFD) is worn in the launch
""",
}

REGATTA = {
    "regatta.md": """# regatta notes

## race day
* **PRIZE GIVING**
  * _Rowers, Coaches, Umpires, Parents, etc._
  * Not a banquet, just a prize giving in the boathouse
* **BOAT WASH**
  * rinse every hull after racing
  * not a race, just a rinse
""",
}


def _ask(tmp_path, notes, question, policy: Policy | None = None):
    answerer = _answerer(write_notes(tmp_path / "notes", notes), tmp_path / "index", "I can't find that in your notes.")
    if policy is not None:
        answerer.policy = policy
    return answerer.ask(question)


def test_only_an_acronym_spelled_out_in_capitals_is_titled():
    assert titled_acronyms("the **Boat Captain (BC)** keeps the log") == {"bc"}
    assert titled_acronyms("a personal flotation device (PFD) is worn") == set()


def test_a_defined_acronym_inside_a_sentence_names_someone(tmp_path):
    answer = _ask(tmp_path, CLUB, "who checks the weather before an outing")
    assert not answer.refused, answer.reason
    assert "BC" in answer.answer


def test_with_the_acronym_reading_off_it_is_refused(tmp_path):
    answer = _ask(tmp_path, CLUB, "who checks the weather before an outing",
                  Policy(who_defined_acronym_names=False))
    assert answer.refused
    assert "names anyone" in answer.reason


def test_a_siblings_names_under_the_label_answer(tmp_path):
    answer = _ask(tmp_path, REGATTA, "who gets invited to the prize giving")
    assert not answer.refused, answer.reason
    assert "Umpires" in answer.answer
    assert answer.citations[0].quote.startswith("**PRIZE GIVING**")


def test_with_the_sibling_block_off_it_is_refused(tmp_path):
    answer = _ask(tmp_path, REGATTA, "who gets invited to the prize giving", Policy(who_sibling_block_max_lines=0))
    assert answer.refused
    assert "names anyone" in answer.reason


def test_a_label_whose_lines_name_no_one_stays_refused(tmp_path):
    answer = _ask(tmp_path, REGATTA, "who invented the boat wash")
    assert answer.refused
