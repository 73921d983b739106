"""The shape of a composed answer (rag.answer.compose), with hand-made evidence units so each rule is
exercised exactly: one quote per block, summaries give way to the full line, leads without echoed labels,
no "your notes don't say" for a part a quoted block answers."""

from __future__ import annotations

from rag.answer.compose import Composer, unlabel
from rag.answer.evidence import Unit
from rag.answer.intent import parse
from rag.answer.verify import Checked, Source

PLANETS = ["# Planets", "- Mars has two moons. They are small:", "  - Phobos, 22 km across", "  - Deimos, 12 km across",
           "- a day on Mars lasts 24.6 hours"]


def _unit(line: int, quote: str, score: float, context: str = "Planets", summary: bool = False) -> Unit:
    return Unit("planets.md", line, quote, context, chunk_id=0, score=score, coverage=0.5, heading="Planets",
                summary=summary)


def _compose(question: str, units: list[Unit], lines=PLANETS, checked: list[Checked] | None = None, part_units=(),
             anchor: Unit | None = None):
    composer = Composer(lambda file: lines)
    return composer.compose(parse(question), checked or [], [Source(1, "planets.md", "Planets", units)], units,
                            part_units, anchor)


def test_a_block_lying_inside_a_quoted_block_is_not_quoted_again():
    # the topic line is quoted with the list under it; the list's own line is not quoted a second time
    lines = ["# Planets", "- Mars has two moons:", "  - Phobos, 22 km across", "  - Deimos, 12 km across"]
    units = [_unit(2, "Mars has two moons:", 1.0), _unit(4, "Deimos, 12 km across", 0.95)]
    text, citations, *_ = _compose("what moons does Mars have", units, lines)
    assert text.count("Deimos") == 1, text
    assert len(citations) == 1


def test_a_part_that_a_quoted_block_answers_is_not_said_to_be_missing():
    # no single sentence speaks of Deimos, but the list quoted for the first part does
    lines = ["# Planets", "- the two moons of Mars:", "  - Phobos, 22 km across", "  - Deimos, 12 km across"]
    units = [_unit(2, "the two moons of Mars:", 1.0)]
    text, _c, _m, _f, shown = _compose("which moons does Mars have and how big is Deimos", units, lines)
    assert "12 km" in text
    assert not any(s.origin == "missing" for s in shown), text


def test_a_summary_line_gives_way_to_the_full_line_below():
    lines = ["# Planets", "- tldr", "  - Mars is small and cold", "- Mars is small and cold, about half the size of Earth"]
    units = [_unit(3, "Mars is small and cold", 1.0, "Planets tldr", summary=True),
             _unit(4, "Mars is small and cold, about half the size of Earth", 0.9)]
    text, *_ = _compose("how big is Mars", units, lines)
    assert "half the size of Earth" in text
    assert "tldr" not in text


def test_a_lead_does_not_echo_the_labels_above_its_line():
    unit = Unit("cells.md", 4, "**mitosis**: one cell divides into two identical cells", "Cell division", 0,
                heading="Cell division")
    assert unlabel("cell division: mitosis: one cell divides into two identical cells", unit) == \
        "Mitosis: one cell divides into two identical cells"
    # a label the line itself states stays
    assert unlabel("mitosis: one cell divides", unit) == "Mitosis: one cell divides"
    assert unlabel("Note: two cells result", unit) == "Note: two cells result"


def test_comparison_side_that_the_whole_question_ranks_low_still_gets_its_line(tmp_path):
    # many lines name both sides; the one line defining the second side alone ranks below them all
    from test_compose import _ask_notes

    notes = {f"talk{i}.md": f"# Talk {i}\n\n- in debate {i}, tone matters for pitch and volume alike\n" for i in range(14)}
    notes["volume.md"] = "# Sound\n\n- **volume**: how loud a sound is, measured in decibels\n"
    notes["pitch.md"] = "# Sound basics\n\n- **pitch**: how high or low a sound is, set by its frequency\n"
    answer = _ask_notes(tmp_path, notes, "pitch vs volume")
    assert not answer.refused, answer.reason
    assert "decibels" in answer.answer and "frequency" in answer.answer, answer.answer


def test_a_title_line_over_a_numbered_list_is_quoted_with_its_steps():
    from rag.answer.blocks import block

    lines = ["-How to repot a plant", "1) Water it the day before", "   -moist roots slide out", "2) Loosen the root ball",
             "3) Set it in fresh soil", "", "-Other tips"]
    quote, start, end = block(_unit(1, "How to repot a plant", 1.0), lines, whole_list=True)
    assert (start, end) == (1, 5) and "fresh soil" in quote and "Other tips" not in quote
    # sibling bullets under a bullet title stay separate: only a numbered list belongs to the title
    siblings = ["- personal rule", "- military rule"]
    assert block(_unit(1, "personal rule", 1.0), siblings, whole_list=False)[1:] == (1, 1)


def test_which_plural_noun_does_asks_for_a_list():
    assert parse("which message brokers does the service support").wants_list
    assert parse("which enzymes do plants use to fix carbon").wants_list
    assert not parse("which process does a cell use to divide").wants_list


def test_each_part_gets_its_own_line_a_what_is_part_its_definition():
    from rag.answer.gather import best_for_part

    lines = ["# Bread", "- **levain**: a portion of starter built up for one bake",
             "- levain care: feed the levain twice before baking"]
    care = Unit("bread.md", 3, "levain care: feed the levain twice before baking", "Bread", 0, score=1.0,
                coverage=1.0, heading="Bread")
    define = Unit("bread.md", 2, "**levain**: a portion of starter built up for one bake", "Bread", 0, score=0.9,
                  coverage=1.0, heading="Bread")
    # scored against "what is a levain" alone, both hold the part; the defining line answers it
    assert best_for_part("what is a levain", [care, define]) is define
    assert best_for_part("how is the levain cared for", [care, define]) is care
    text, *_ = _compose("what is a levain and how is the levain cared for", [care, define], lines,
                        part_units=[define, care])
    assert "portion of starter" in text and "feed the levain twice" in text, text


def test_one_line_comparing_both_sides_on_the_asked_attribute_answers_the_comparison():
    lines = ["# Climate", "- Norway is cold and wet", "- Spain exports olive oil",
             "- Norway has LOW rainfall variability while Spain has HIGH rainfall variability"]
    units = [_unit(2, "Norway is cold and wet", 1.0), _unit(3, "Spain exports olive oil", 0.98),
             _unit(4, "Norway has LOW rainfall variability while Spain has HIGH rainfall variability", 0.9)]
    text, *_ = _compose("norway vs spain rainfall variability", units, lines)
    assert "LOW rainfall variability while Spain has HIGH" in text, text
    assert "olive oil" not in text


def test_numbers_in_lines_a_question_asks_no_amount_of_are_no_disagreement():
    from rag.answer.conflict import find_conflict

    units = [Unit("a.md", 1, "votes in ward 3 are counted by hand", "Votes", 0, score=1.0),
             Unit("b.md", 1, "votes in ward 7 are counted by hand", "Votes", 1, score=0.95)]
    assert find_conflict(parse("how are votes counted"), units) is None
    kept = [Unit("a.md", 1, "votes are kept for 30 days", "Votes", 0, score=1.0),
            Unit("b.md", 1, "votes are kept for 90 days", "Votes", 1, score=0.95)]
    assert find_conflict(parse("how long are votes kept"), kept) is not None


def test_a_part_the_other_part_outscores_is_still_answered(tmp_path):
    # many lines speak of the first part; the one line answering the second sits in another note
    from test_compose import _ask_notes

    notes = {f"levain{i}.md": f"# Levain {i}\n\n- a levain {i} is a portion of starter, and levain {i} is fed "
                              f"with flour and water\n" for i in range(12)}
    notes["timing.md"] = "# Timing\n\n- bulk fermentation takes 4 to 6 hours at room temperature\n"
    answer = _ask_notes(tmp_path, notes, "what is a levain and how long does bulk fermentation take")
    assert not answer.refused, answer.reason
    assert "portion of starter" in answer.answer and "4 to 6 hours" in answer.answer, answer.answer
    assert not any(s.origin == "missing" for s in answer.shown)


def test_a_sides_line_is_the_best_scored_one_not_the_one_repeating_most_words():
    lines = ["# Balancers", "- ALB: routing by path and host header", "- ALB rules for routing are listed in the console",
             "- NLB: routing by port only"]
    units = [_unit(2, "ALB: routing by path and host header", 1.0), _unit(4, "NLB: routing by port only", 0.9),
             _unit(3, "ALB rules for routing are listed in the console", 0.5)]
    text, *_ = _compose("alb vs nlb routing rules", units, lines)
    assert "path and host header" in text and "port only" in text, text
    assert "console" not in text


def test_a_line_under_a_short_label_is_quoted_with_the_label():
    from rag.answer.blocks import block

    lines = ["Camera settings", "\t--bracket mode  ", "\t\ttakes three shots at different exposures", "\tISO",
             "\t\tThe sensor's sensitivity to light. Higher is noisier."]
    quote, start, end = block(_unit(3, "takes three shots at different exposures", 1.0), lines, whole_list=False)
    assert (start, end) == (2, 3) and quote.startswith("--bracket mode")
    assert quote in "\n".join(lines[start - 1:end])  # still an exact quote of the note's lines
    # a sentence under a long line, or a summary label, stays alone
    summary = ["- tldr", "  - shots are bracketed"]
    assert block(_unit(2, "shots are bracketed", 1.0), summary, whole_list=False)[1:] == (2, 2)


def test_a_side_named_only_by_the_heading_above_its_line_still_gets_its_line():
    from rag.answer.compose import side_line

    units = [Unit("n.md", 2, "handles big workloads, 5-10 seconds run time", "Edge > Lambda at edge", 0, score=1.0),
             Unit("n.md", 5, "handles small workloads, under 1 ms run time", "Edge > Edge functions", 0, score=0.8)]
    intent = parse("edge functions vs lambda run time")
    head, other = intent.side_heads
    assert side_line(head, other, intent.compared, units) is units[1]


def test_a_comparison_asking_a_default_quotes_each_sides_default():
    lines = ["# Balancers", "- ALB: application load balancing at layer 7", "- ALB: zone spreading is on by default",
             "- NLB: zone spreading is off by default", "- NLB: network load balancing at layer 4"]
    units = [_unit(2, "ALB: application load balancing at layer 7", 1.0),
             _unit(5, "NLB: network load balancing at layer 4", 0.95),
             _unit(3, "ALB: zone spreading is on by default", 0.8), _unit(4, "NLB: zone spreading is off by default", 0.7)]
    text, *_ = _compose("load balancing default alb vs nlb", units, lines)
    assert "on by default" in text and "off by default" in text, text


def test_a_part_is_held_by_a_line_speaking_of_it_in_other_forms():
    from rag.answer.gather import best_for_part

    # "exactly-once" speaks of "exactly once", "Queues" of "queue", the heading of "fifo"
    line = Unit("q.md", 3, "Exactly-once processing, first-in-first-out", "Queues > FIFO queues", 0, score=1.0)
    other = Unit("q.md", 4, "Messages are kept in order per group", "Queues > FIFO queues", 0, score=0.9)
    assert best_for_part("does a fifo queue give exactly-once processing", [line, other]) is line
    assert best_for_part("how are the bees kept", [line, other]) is None


def test_a_lead_is_followed_by_the_block_around_its_line_when_the_block_adds_to_it():
    lines = ["Camera", "\t--bracket mode", "\t\ttakes three shots at different exposures"]
    unit = _unit(3, "takes three shots at different exposures", 1.0)
    lead = Checked("Takes three shots at different exposures", [1], support=[(1, unit)])
    text, *_ = _compose("which mode takes three shots at different exposures", [unit], lines, checked=[lead])
    assert "--bracket mode" in text, text  # the label the lead leaves out is the answer


def test_a_block_quoted_first_gives_way_to_a_later_block_holding_it():
    lines = ["# Planets", "- Mars has two moons:", "  - Phobos, 22 km across", "  - Deimos, 12 km across"]
    units = [_unit(4, "Deimos, 12 km across", 1.0), _unit(2, "Mars has two moons:", 0.95)]
    text, citations, *_ = _compose("tell me about Mars moons", units, lines)
    assert text.count("Deimos") == 1 and "Phobos" in text, text
    assert [c.n for c in citations] == [1]
