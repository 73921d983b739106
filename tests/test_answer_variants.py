"""Answers v2 fixes that must hold on notes from any field: spelling variants learned from the notes, "whats",
qualifiers stated once for a section, and one value asked at two bounds. Each test fails with its mechanism off."""

from __future__ import annotations

from test_compose import _answerer, _ask_notes, _grounded
from test_gate import BAKING

from conftest import write_notes
from rag.answer.intent import parse
from rag.answer.vocab import Vocabulary
from rag.text import terms

ARCHIVE = {
    "records.md": """# Parish records

## Cleaning
- De-duplication of baptism entries takes 2 weeks per parish
- transcription is done by volunteers on weekends

## Storage
- deduplication of burial entries is rarely needed
- scans are kept on two separate drives
""",
    "visits.md": "# Visits\n\n- the reading room opens at 9 on weekdays\n- bring a pencil, never a pen\n",
}


def test_a_hyphened_compound_is_the_same_term_as_its_joined_spelling():
    assert terms("De-duplication")[0] == terms("deduplication")[0] == "dedupl"
    assert terms("e-mail")[0] == terms("email")[0]


def test_a_shortened_question_word_stands_for_the_notes_word_it_starts():
    vocab = Vocabulary.learn(ARCHIVE.values())
    assert vocab.expansion("dedup", 5) == "deduplication"  # counted over both spellings
    assert vocab.expansion("dedupe", 5) == "deduplication"  # by its stem, "dedup"
    assert vocab.expansion("baptism", 5) is None  # a word the notes use
    assert vocab.expansion("dedu", 5) is None  # too short to stand for anything
    assert vocab.expansion("zebra", 5) is None  # nothing starts with it


def test_a_compound_or_a_function_word_is_no_spelled_out_shortening():
    # a garden planner's notes: "plotName" joins "plot" to "name", and "#before-sowing" is an anchor; neither
    # is "plots" or "before" spelled out, so the question keeps its own words
    vocab = Vocabulary.learn(["- plotName: north bed\n- each name is a label on the plan\n",
                              "see [sowing](#before-sowing)\n- germination takes 10 days\n"])
    assert vocab.expansion("plots", 5) is None
    assert vocab.expansion("before", 5) is None


def test_the_question_is_rewritten_with_the_notes_word_and_answered(tmp_path):
    answerer = _answerer(write_notes(tmp_path / "notes", ARCHIVE), tmp_path / "index", "I can't find that in your notes.")
    assert "deduplication" in answerer.prepare("how long does baptism dedup take")
    answer = answerer.ask("how long does baptism dedup take")
    assert not answer.refused, answer.reason
    assert "2 weeks" in answer.answer
    _grounded(answer, ARCHIVE)


def test_whats_without_an_apostrophe_asks_what_whats_asks(tmp_path):
    for question in ("whats a levain", "what’s a levain"):
        assert parse(question).definition and parse(question).specific
    for question in ("whats the temperature of the levain", "what’s the temperature of the levain"):
        assert parse(question).value == "temperature" and parse(question).specific
    answer = _ask_notes(tmp_path, BAKING, "whats the temperature of the levain")
    assert answer.refused, answer.answer
    assert "temperature" in answer.reason  # refused as a near miss, naming what is missing


LIBRARY = {
    "loans.md": """# Library

## Borrowing
- per-household limits
  - applied to every card in one home
- loans allow at most 12 books at a time
- renewals are made at the desk

## Events
- story time for children on saturdays
""",
}


def test_a_qualifier_stated_once_for_its_section_is_not_a_near_miss(tmp_path):
    # "household" stands two lines above the line with the number, in the same section
    answer = _ask_notes(tmp_path, LIBRARY, "how many books can a household borrow")
    assert not answer.refused, answer.reason
    assert "12 books" in answer.answer
    _grounded(answer, LIBRARY)


MEDICINE = {
    "doses.md": """# Doses

## Ibuprofen
- the usual adult dose is 200 mg by default
  - at most 1200 mg in a day without a doctor
- take it with food

## Paracetamol
- works on fever and mild pain
""",
}


def test_one_value_asked_at_two_bounds_is_two_parts():
    assert parse("ibuprofen dose default and max").parts == ("ibuprofen dose default", "ibuprofen dose max")
    assert parse("what is the min and max dose").parts == ("what is the min dose", "what is the max dose")
    # each bound with its own noun is two values, split where the "+" is
    assert parse("minimum wage + maximum weekly hours").parts == ("minimum wage", "maximum weekly hours")


def test_each_bound_is_answered_by_the_line_stating_it(tmp_path):
    answer = _ask_notes(tmp_path, MEDICINE, "ibuprofen dose default and max")
    assert not answer.refused, answer.reason
    assert "200 mg" in answer.answer and "1200 mg" in answer.answer, answer.answer
    _grounded(answer, MEDICINE)


def test_a_line_with_a_few_lines_under_it_is_quoted_with_them():
    from test_compose_shape import _compose

    from rag.answer.evidence import Unit

    lines = ["# Garden", "- tomato leaves turn yellow when the roots sit in cold wet soil.", "  - water less often",
             "  - add grit to the bed", "- basil needs full sun.", "  - one", "  - two", "  - three", "  - four"]
    yellow = Unit("g.md", 2, "tomato leaves turn yellow when the roots sit in cold wet soil.", "Garden", 0, score=1.0)
    text, citations, *_ = _compose("why do tomato leaves turn yellow", [yellow], lines)
    assert "water less often" in text and "add grit to the bed" in text, text
    assert (citations[0].start_line, citations[0].end_line) == (2, 4)
    # a line with many lines under it is a list: quoted alone unless the question asks for a list
    basil = Unit("g.md", 5, "basil needs full sun.", "Garden", 0, score=1.0)
    text, *_ = _compose("how much sun does basil need", [basil], lines)
    assert "one" not in text, text


def test_a_line_under_a_short_label_comes_with_the_labels_other_lines():
    from test_compose_shape import _compose

    from rag.answer.evidence import Unit

    lines = ["# Library", "- Card fees", "  - adult card ($5/year)", "  - replacement card ($2 each)"]
    adult = Unit("l.md", 3, "adult card ($5/year)", "Library", 0, score=1.0)
    text, citations, *_ = _compose("library card fees", [adult], lines)
    assert "$5/year" in text and "$2 each" in text, text
    assert (citations[0].start_line, citations[0].end_line) == (2, 4)


def test_a_hyphened_compound_also_speaks_of_its_parts():
    from rag.answer.evidence import Scorer

    assert {"execut", "role"} <= set(terms("one execution-role per function"))
    assert "re" not in terms("re-use") and "reus" in terms("re-use")  # parts are content words only ("re" is not)
    # "exactly once delivery" is fully covered by a line saying "exactly-once delivery"
    scorer = Scorer({})
    assert scorer.coverage(terms("exactly once delivery"), "exactly-once delivery for every parcel") == 1.0


GARDEN = {
    "garden.md": """# Garden

## Tomatoes
- tomato plants grow tall and need stakes in every bed
- tomato plants need full sun and deep watering twice a week

### Tomato Types
- cherry: small and sweet
- beefsteak: large slices
- roma: for sauces
""",
    "shed.md": "# Shed\n\n- the shed holds tools and seed trays\n- oil the hinges in spring\n",
}


def test_a_heading_naming_the_asked_list_is_quoted_with_its_list(tmp_path):
    from rag.answer.evidence import names_asked

    assert names_asked("Garden > Tomato Types", terms("tomato plant types"))
    assert not names_asked("Garden > Tomato Plants", terms("tomato plant types"))  # no list word: a topic
    assert not names_asked("Garden > Plant Types", terms("tomato types"))  # "plant" is not asked
    answer = _ask_notes(tmp_path, GARDEN, "what tomato plant types are there")
    assert not answer.refused, answer.reason
    for kind in ("cherry", "beefsteak", "roma"):
        assert kind in answer.answer, answer.answer
    _grounded(answer, GARDEN)
