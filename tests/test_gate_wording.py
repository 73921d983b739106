"""The gate judges whether a line speaks of what a question asks, in the notes' words, not the question's:
a shortening of the notes spells a run of the question's words by their initials ("rpm" for "revolutions per
minute"), and the words naming an asked amount's bound ("the largest", "upper") are read as its bound, not as
a thing the line must name. Notes on cycling and on a restaurant kitchen, fields far from the eval sets; fake
embedder and model."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.intent import parse
from rag.answer.sameword import initialled
from rag.text import stem, terms

CYCLING = {
    "cycling.md": """# Track cycling
## Cadence
- sprinters spin at up to 160 rpm in the final lap
- endurance riders hold about 100 rpm for an hour
## Gearing
- track bikes use a single fixed gear
- a 50 x 14 gear ratio suits a kilo time trial
""",
}

KITCHEN = {
    "kitchen.md": """# Kitchen rules
## Walk-in fridge
- The walk-in fridge must not hold more than 400 kg of stock.
- the door stays shut except when loading
## Staff
- The CEO visits the kitchen on Mondays.
""",
}


def test_a_shortening_spells_the_question_words_it_stands_for():
    spoken = set(terms("sprinters spin at up to 160 rpm in the final lap"))
    assert {stem("revolutions"), stem("minute")} <= initialled("how many revolutions per minute do sprinters reach", spoken)
    # initials of words that are no run of the question spell nothing
    assert initialled("how many laps per race do sprinters ride", spoken) == set()


def test_a_run_of_question_words_is_spoken_by_the_notes_shortening(tmp_path):
    # the line says "rpm": "revolutions per minute" is what it speaks of, so the question is answered
    answer = _ask_notes(tmp_path, CYCLING, "how many revolutions per minute do sprinters reach in the final lap")
    assert not answer.refused, answer.reason
    assert "160 rpm" in answer.answer


def test_words_the_notes_shorten_are_not_unknown(tmp_path):
    # "chief executive officer" is never written out: the notes say "CEO"; the question is about them
    answer = _ask_notes(tmp_path, KITCHEN, "on which day does the chief executive officer visit the kitchen")
    assert not answer.refused, answer.reason
    assert "Mondays" in answer.answer


def test_a_shortening_of_other_words_still_leaves_the_asked_words_out(tmp_path):
    # "rpm" spells no run of these words: a near miss, refused
    answer = _ask_notes(tmp_path, CYCLING, "how many pedal strokes per hour do sprinters reach in the final lap")
    assert answer.refused


def test_a_bound_word_of_an_asked_amount_is_no_asked_term():
    intent = parse("what is the upper size limit of stock in the walk-in fridge")
    assert intent.value is not None
    assert stem("upper") not in intent.asked_terms
    # a question asking no amount keeps it: "the highest court" names a court
    assert stem("highest") in parse("what is the highest court").asked_terms


def test_an_amount_at_its_bound_is_answered_by_the_line_stating_the_bound_its_way(tmp_path):
    # the line says "must not hold more than 400 kg", never "upper"
    answer = _ask_notes(tmp_path, KITCHEN, "what is the upper size limit of stock in the walk-in fridge")
    assert not answer.refused, answer.reason
    assert "400 kg" in answer.answer


FLOWERS = {
    "flowers.md": """# Flowers
## Lilies
- a lily flower has six petals
- lilies grow from bulbs planted in autumn
""",
}


def test_a_number_in_words_counts_things_so_the_verb_after_them_is_excused(tmp_path):
    # "six petals" makes "petals" a thing of the notes, so "make" after "how many petals" is the question's verb
    answer = _ask_notes(tmp_path, FLOWERS, "how many petals make up a lily flower")
    assert not answer.refused, answer.reason
    assert "six petals" in answer.answer


POOL = {
    "pool.md": """# Pool rules
## Lanes
- Minimum lane width: 2 m
## Bookings
- Minimum booking duration: 2 hours
- each lane holds 8 swimmers during club sessions
## Email
- the total size of all attachments to the booking office must stay under 25 MB
""",
}


def test_a_line_at_another_bound_does_not_answer(tmp_path):
    # the notes give the shortest booking, never the longest: a near miss. "longest" is kept as typed (notes
    # that never say it still state bounds), and the line naming "minimum" is at another bound than the one asked
    answer = _ask_notes(tmp_path, POOL, "what is the longest booking duration")
    assert answer.refused
    assert not _ask_notes(tmp_path, POOL, "what is the minimum booking duration").refused


def test_a_participle_after_the_value_word_qualifies_the_amount(tmp_path):
    # "size allowed for": "allowed" is no noun the size names, and no line need say it
    assert parse("what is the total size allowed for all attachments").value == "size"
    answer = _ask_notes(tmp_path, POOL, "what is the total size allowed for all attachments to the booking office")
    assert not answer.refused, answer.reason
    assert "25 MB" in answer.answer


def test_a_term_another_ends_with_is_still_asked():
    # "board" beside "skateboard" names another thing ("the board of a skateboard"); "photo" beside
    # "photosynthesis" is the same word begun again
    assert stem("board") in parse("how wide is the board of a street skateboard").asked_terms
    assert stem("photo") not in parse("what is the photo rate of photosynthesis").asked_terms


SCHOOLS = {
    "schools.md": """# Schools of ancient philosophy
- **stoicism**: virtue is the only good; external things are indifferent
- **epicureanism**: pleasure, understood as the absence of pain, is the highest good
""",
}


def test_a_word_asking_what_someone_holds_need_not_stand_in_the_line(tmp_path):
    # "view", "position", "attitude": the line states the stance without naming it as one
    for question in ("what is the stoic view of virtue", "what is the stoic position on external things",
                     "what is the epicurean attitude to pleasure"):
        answer = _ask_notes(tmp_path, SCHOOLS, question)
        assert not answer.refused, (question, answer.reason)
    # a school the notes never mention is still refused
    assert _ask_notes(tmp_path, SCHOOLS, "what is the cynic view of virtue").refused


AIR = {
    "air-travel.md": """# Air travel
## Cabin bags
- cabin bags must not exceed 55 cm x 40 cm x 20 cm
## Boards
- **ETA (estimated time of arrival)**: shown on the arrivals board
""",
}


def test_a_plain_word_for_a_limit_or_for_a_shortening_frames_the_question(tmp_path):
    # "cap" asks the limit the line states as "must not exceed"; "acronym" restates that ETA is one
    answer = _ask_notes(tmp_path, AIR, "what's the cap on the size of cabin bags")
    assert not answer.refused, answer.reason
    assert "55 cm" in answer.answer
    answer = _ask_notes(tmp_path, AIR, "what does the acronym ETA mean in air travel")
    assert not answer.refused, answer.reason
    assert "estimated time of arrival" in answer.answer


def test_initials_need_three_letters_and_skip_only_small_words():
    # "legitimacy according to weber" does not spell "law": "to" is no word a shortening leaves out
    assert initialled("what are the types of legitimacy according to weber", {"law"}) == set()
    # two letters spell too many runs by chance ("cloudfront ... around" is no "ca")
    assert initialled("how many locations does the cloudfront have around", {"ca"}) == set()
    assert initialled("who heads the department of homeland security", {"dhs"}) == {
        stem("department"), stem("homeland"), stem("security")}
