"""Each side of a comparison keeps its own line (rag/answer/sides.py side_lines / best_line), named by an
acronym the notes spell out (rag/answer/vocab.py acronyms_in), kept in the sources beyond the lines a note
keeps (rag/answer/gather.py), and a comparison is refused only when neither side is in the notes
(rag/answer/gate.py). Notes invented from fields other than the eval sets': chemistry, law, cooking."""

from __future__ import annotations

from types import SimpleNamespace

from test_compose import _ask_notes

from rag.answer.evidence import Unit
from rag.answer.gather import Gatherer
from rag.answer.intent import parse
from rag.answer.sides import side_lines, sides_of, topic_of
from rag.answer.vocab import Vocabulary, acronyms_in


def _unit(quote: str, context: str, line: int, chunk: int = 0) -> Unit:
    return Unit("n.md", line, quote, context, chunk, heading=context.split(" ")[0])


# -- acronyms learned from the notes ----------------------------------------------------------------------

def test_acronyms_are_learned_from_a_name_written_beside_them():
    assert acronyms_in("**Thin Layer Chromatography (TLC)**: a coated plate") == {"tlc": ("thin", "layer", "chromatographi")}
    assert acronyms_in("run it by GC (Gas Chromatography) first") == {"gc": ("gas", "chromatographi")}
    assert acronyms_in("Alternative Dispute Resolution (ADR) avoids court")["adr"] == ("altern", "disput", "resolut")
    # letters that are not the initials of the words before them teach nothing
    assert acronyms_in("the second sample (Primary) and the ladle (AB)") == {}
    assert Vocabulary.learn(["Gas Chromatography (GC) needs heat"]).acronyms == {"gc": ("gas", "chromatographi")}


def test_a_side_asked_by_its_acronym_is_named_by_the_words_of_its_name():
    acronyms = {"tlc": ("thin", "layer", "chromatographi"), "gc": ("gas", "chromatographi")}
    units = [_unit("Thin Layer Chromatography (TLC): a plate coated with silica", "Methods", 1),
             _unit("Gas Chromatography (GC): a column in an oven", "Methods", 2),
             _unit("the sample need not be volatile", "Samples thin layer plates:", 5),
             _unit("the sample must be volatile", "Samples gas columns:", 7)]
    intent = parse("tlc vs gc volatile sample")
    tlc, gc = side_lines(intent, units, acronyms)
    assert tlc is units[2] and gc is units[3]
    # without the acronyms the notes spell out, only the lines saying "TLC" and "GC" name the sides
    assert side_lines(intent, units) == [units[0], units[1]]
    # asked by the name, a line saying only the acronym names the side too
    sides = sides_of(parse("thin layer chromatography vs gc cost"), acronyms)
    assert frozenset({"tlc"}) in sides[0].names


def test_an_acronym_in_the_question_finds_its_sides_line_through_the_whole_pipeline(tmp_path):
    notes = {"lab.md": """# Chromatography

## Methods
- **Thin Layer Chromatography (TLC)**: a plate coated with silica
- **Gas Chromatography (GC)**: a column in an oven

## Samples
- thin layer plates:
  - the sample need not be volatile
- gas columns:
  - the sample must be volatile
"""}
    answer = _ask_notes(tmp_path, notes, "tlc vs gc volatile sample")
    assert not answer.refused, answer.reason
    assert "need not be volatile" in answer.answer and "must be volatile" in answer.answer, answer.answer


def test_a_question_asking_how_one_thing_differs_from_another_is_a_comparison():
    assert parse("how does a tort differ from a crime").side_heads == ("tort", "crime")
    assert parse("is baking soda different from baking powder").side_heads == ("soda", "powder")
    assert parse("titration as opposed to gravimetry for purity").side_heads == ("titrat", "gravimetri")
    assert parse("compare a tort with a crime").side_heads == ("tort", "crime")
    difference = parse("how do torts and crimes differ in who brings the case")
    assert difference.side_heads == ("tort", "crime") and "case" in difference.compared


# -- which line answers for a side -------------------------------------------------------------------------

def test_the_line_naming_the_sides_whole_phrase_beats_one_naming_its_words_apart():
    # "increase in temperature": both lines name "increase" and "temperature" and speak of the rate
    units = [_unit("If the rate must increase, raise the temperature first", "Kinetics", 1),
             _unit("An increase in temperature speeds up the rate of reaction", "Kinetics", 2),
             _unit("An increase in pressure speeds up the rate for gases only", "Kinetics", 3)]
    intent = parse("increase in temperature vs increase in pressure, what happens to the rate")
    assert side_lines(intent, units) == [units[1], units[2]]


def test_the_sides_phrase_counts_in_either_order():
    units = [_unit("If the rate must increase, raise the temperature first", "Kinetics", 1),
             _unit("An increase in temperature speeds up the rate of reaction", "Kinetics", 2),
             _unit("An increase in pressure speeds up the rate for gases only", "Kinetics", 3)]
    intent = parse("what happens to the rate when temperature increases vs when pressure increases")
    assert side_lines(intent, units) == [units[1], units[2]]


def test_a_label_child_does_not_beat_a_better_line_only_by_being_a_child():
    # the child of "Salting fish leads to:" speaks of the water, but the line about the cheese's water is
    # the one the question ranks first
    label = "Salting fish leads to:"
    units = [_unit("Draws water out of the curd over a week", "Dairy > Salting", 1),
             _unit(label, "Fish", 5), _unit("Water drawn out of the flesh", f"Fish {label}", 6),
             _unit("Smoking cheese adds no water", "Dairy", 9)]
    assert side_lines(parse("salting vs smoking cheese water"), units)[0] is units[0]


def test_words_both_sides_share_in_the_question_or_the_notes_name_the_sides_not_what_is_compared():
    # "decrease" on both sides; "bread flour" as the notes name it: what is compared is the protein
    intent = parse("bread vs cake flour, how much protein does each hold")
    units = [_unit("Bread flour: 12-14% protein", "Flours", 1), _unit("Cake flour: 7-9% protein", "Flours", 2)]
    sides = sides_of(intent)
    assert "flour" not in topic_of(intent, sides, units) and "protein" in topic_of(intent, sides, units)
    # "Bread flour: ..." labels a line: the colon ends the name, so the word after it is still compared
    labelled = parse("bread vs cake protein")
    assert "protein" in topic_of(labelled, sides_of(labelled), units)


def test_a_word_the_notes_put_after_a_preposition_is_compared_not_part_of_the_sides_name():
    # "outside the fridge" is where the dough rests; "bread flour" is a name
    intent = parse("should dough rest inside or outside the fridge")
    units = [_unit("Dough rested outside the fridge doubles in an hour", "Resting", 1),
             _unit("Inside the fridge it rises slowly overnight", "Resting", 2)]
    assert "fridg" in topic_of(intent, sides_of(intent), units)
    assert side_lines(intent, units) == [units[1], units[0]]


def test_when_nothing_is_compared_the_line_defining_each_side_answers():
    units = [_unit("A fine usually follows misdemeanours", "Offences", 1),
             _unit("Crimes that carry short jail terms are misdemeanours", "Offences", 2),
             _unit("A felony record bars some jobs", "Offences", 3),
             _unit("Serious crimes punished by long prison terms are called felonies", "Offences", 4)]
    assert side_lines(parse("misdemeanours vs felonies"), units) == [units[1], units[3]]


def test_a_side_asked_with_a_word_both_sides_share_is_defined_by_the_notes_name_for_it():
    # "coupe cars vs sedan cars": the notes define "coupes" and "sedans", never "coupe cars"
    units = [_unit("A coupe roof line slopes to the tail", "Cars", 1),
             _unit("Cars that have two doors are coupes", "Cars", 2),
             _unit("Cars that have four doors are called sedans", "Cars", 3)]
    assert side_lines(parse("coupe cars vs sedan cars"), units) == [units[1], units[2]]


def test_of_a_label_lines_children_the_one_most_about_what_is_compared_answers():
    # "Overproofed dough leads to:" heads the lines that state the effects; of those speaking of the crumb,
    # the one that is about the crumb, not the one that mentions it among other things
    label = "Overproofed dough leads to:"
    units = [_unit(label, "Proofing", 1),
             _unit("More gas in the crumb than the gluten can hold at oven heat", f"Proofing {label}", 2),
             _unit("A coarse crumb", f"Proofing {label}", 3),
             _unit("Underproofed dough leads to:", "Proofing", 4),
             _unit("A tight crumb", "Proofing Underproofed dough leads to:", 5)]
    over, under = side_lines(parse("overproofed vs underproofed dough effect on the crumb"), units)
    assert over is units[2] and under is units[4]


def test_a_label_that_speaks_of_what_is_compared_gives_way_to_its_child():
    label = "Crumb of overproofed dough:"
    units = [_unit(label, "Proofing", 1), _unit("coarse and open, with large holes", f"Proofing {label}", 2),
             _unit("Underproofed dough crumb is tight", "Proofing", 3)]
    over, under = side_lines(parse("overproofed vs underproofed dough crumb"), units)
    assert over is units[1] and under is units[2]


def test_a_line_under_headings_naming_both_sides_belongs_to_the_side_named_nearest():
    units = [_unit("Tennis players rarely speed up between points", "Racquets", 1),
             _unit("ball speed up to 260 km/h", "Racquets > Tennis and squash Tennis:", 3),
             _unit("ball speed up to 280 km/h", "Racquets > Tennis and squash Squash:", 5)]
    assert side_lines(parse("tennis vs squash ball speed"), units) == [units[1], units[2]]


def test_a_line_saying_what_is_compared_beats_one_under_a_label_that_says_it():
    units = [_unit("60 km/h at most", "Karts > Junior karts Limited speed:", 3),
             _unit("Limited speed:", "Karts > Junior karts", 2),
             _unit("Low speed - up to 60 km/h", "Karts > Racing Junior karts:", 9),
             _unit("Senior karts reach a top speed of 130 km/h", "Karts", 12)]
    assert side_lines(parse("junior vs senior karts speed"), units) == [units[2], units[3]]


def test_a_number_names_a_side_only_with_the_word_it_counts():
    # "3 rounds": a formula's "3" is not the side; with no line about 3 rounds, that side has no line
    units = [_unit("Points = 3 x wins", "Scoring", 1), _unit("After 5 rounds: 20 points", "Scoring", 2)]
    assert side_lines(parse("points after 3 rounds vs 5 rounds"), units) == [None, units[1]]


# -- the sources keep each side's line ---------------------------------------------------------------------

def test_each_sides_line_stays_in_the_sources_though_other_lines_of_its_note_score_higher():
    units = [_unit("Rates rise with heat in most reactions", "Kinetics", 1),
             _unit("Catalysts change the path of the reaction", "Kinetics", 2),
             _unit("The rate is the change in concentration over time", "Kinetics", 3),
             _unit("An increase in temperature speeds up the rate of reaction", "Kinetics", 4),
             _unit("An increase in pressure speeds up the rate for gases only", "Kinetics", 5)]
    for n, unit in enumerate(units):
        unit.score = 1.0 - n / 10
    retriever = SimpleNamespace(store=SimpleNamespace(chunks={0: SimpleNamespace(heading="Kinetics")}))
    intent = parse("increase in temperature vs increase in pressure, what happens to the rate")
    sources = Gatherer(retriever, scorer=None).select_sources(units, intent)
    kept = [u.quote for s in sources for u in s.units]
    assert units[3].quote in kept and units[4].quote in kept, kept


# -- refusing a comparison ---------------------------------------------------------------------------------

BREAD = {"bread.md": """# Bread

## Sourdough
- Sourdough proofing takes 12 hours at room temperature
- Sourdough uses a starter of wild yeast

## Rye
- Rye dough is sticky and dense
"""}


def test_a_comparison_with_one_side_missing_answers_the_other_and_says_so(tmp_path):
    answer = _ask_notes(tmp_path, BREAD, "sourdough vs zeppelin airship")
    assert not answer.refused, answer.reason
    assert "Sourdough" in answer.answer
    assert "don't say anything about zeppelin" in answer.answer, answer.answer


def test_a_comparison_with_neither_side_in_the_notes_is_refused(tmp_path):
    answer = _ask_notes(tmp_path, BREAD, "zeppelin vs hovercraft airship")
    assert answer.refused


PROOFING = {"proofing.md": """# Proofing

- Overproofed dough is dough left to rise too long
- Underproofed dough is dough baked too soon
- Overproofed dough leads to:
  1. More gas in the crumb than the gluten can hold at oven heat
  1. A coarse crumb
- Underproofed dough leads to:
  1. A tight crumb
"""}


def test_a_sides_line_that_does_not_name_its_side_is_shown_with_it(tmp_path):
    answer = _ask_notes(tmp_path, PROOFING, "overproofed vs underproofed dough effect on the crumb")
    assert not answer.refused, answer.reason
    assert "For overproofed: “A coarse crumb”" in answer.answer, answer.answer
    assert "For underproofed dough: “A tight crumb”" in answer.answer, answer.answer  # as the notes name it


def test_a_side_is_shown_by_a_few_words_the_notes_name_it_with():
    intent = parse("slow roast beef brisket vs slow roast pork shoulder oven temperature")
    units = [_unit("Beef brisket: 120 C", "Roasts", 1), _unit("Pork shoulder: 140 C", "Roasts", 2)]
    assert [s.words for s in sides_of(intent, units=units)] == ["beef brisket", "pork shoulder"]


def test_a_comparison_asking_a_value_is_answered_from_lines_each_covering_one_side(tmp_path):
    # each line speaks of one side only, a small share of the whole question's words
    notes = {"kitchen.md": "# Kitchen\n\n- Sourdough starter: 12 hours\n- Rye bread: 2 hours\n"}
    answer = _ask_notes(tmp_path, notes, "how long does sourdough vs rye take to proof")
    assert not answer.refused, answer.reason
    assert "12 hours" in answer.answer and "2 hours" in answer.answer, answer.answer
