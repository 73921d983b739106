"""A comment line of its own in a code block is quoted with the lines it comments (rag.answer.follows.commands_under),
and, for a question asking how or for a command, a prose line with the code block after it (follows.code_after).
Invented pottery-kiln and brewing notes; with policy.comment_over_command / code_after_prose off the line is alone."""

from rag.answer.blocks import block
from rag.answer.evidence import Unit
from rag.answer.intent import parse
from rag.answer.policy import Policy

KILN = """# Firing the kiln

Bisque firing is slow so the clay can dry out.

**Cone 04 schedule:**

```sh
# Candle overnight so the last of the water leaves the clay.
kiln set --ramp 50 --hold 8h

# Climb to bisque
kiln set --ramp 150 --target 1060
```

A glaze firing can start the next day.
Useful when the shelves are already loaded.

```sh
kiln set --ramp 200 --target 1240 --hold 15m
```

## Cooling

- Leave the lid shut until below 100 degrees.
""".split("\n")


def _unit(lines: list[str], number: int, fenced: bool = False) -> Unit:
    text = lines[number - 1].lstrip("# ").strip() if fenced else lines[number - 1]
    return Unit("notes.md", number, text, "", chunk_id=0, fenced=fenced)


def test_comment_line_is_quoted_with_the_command_under_it():
    unit = _unit(KILN, 8, fenced=True)
    on, start, end = block(unit, KILN, False, Policy())
    assert "kiln set --ramp 50 --hold 8h" in on and (start, end) == (8, 9)
    assert "Climb to bisque" not in on  # the next comment starts the next step
    off, _, end_off = block(unit, KILN, False, Policy(comment_over_command=False))
    assert "--ramp 50" not in off and end_off == 8  # a whole sentence: no title over its block


def test_prose_over_a_label_and_block_is_quoted_through_the_block_for_a_how_question():
    unit = _unit(KILN, 3)
    on, start, end = block(unit, KILN, False, Policy(), commands=True)
    assert "--target 1060" in on and (start, end) == (3, 12)
    off, _, end_off = block(unit, KILN, False, Policy(code_after_prose=False), commands=True)
    assert "--target" not in off and end_off == 3
    plain, _, _ = block(unit, KILN, False, Policy())  # a question asking no command: the prose alone
    assert "--target" not in plain


def test_title_over_a_one_line_paragraph_and_block():
    unit = _unit(KILN, 15)
    on, _, end = block(unit, KILN, False, Policy(), commands=True)
    assert "--target 1240" in on and end == 19
    assert "Cooling" not in on


def test_no_block_after_a_heading_or_a_list():
    lines = ["Leave the wort to cool.", "", "## Pitching", "", "```", "yeast add --strain ale", "```"]
    quote, _, end = block(_unit(lines, 1), lines, False, Policy(), commands=True)
    assert quote == "Leave the wort to cool." and end == 1
    lines = ["Rack the beer twice.", "- first after a week", "", "```", "rack --into secondary", "```"]
    quote, _, end = block(_unit(lines, 1), lines, False, Policy(), commands=True)
    assert "rack --into" not in quote


def test_questions_asking_for_a_command():
    assert parse("how do i candle the kiln overnight").asks_command
    assert parse("what flag sets the hold time").asks_command
    assert parse("which command starts the glaze firing, and how long does it hold").asks_command
    assert parse("can i fire glaze the next day").asks_command
    assert not parse("why is bisque firing slow").asks_command
    assert not parse("what is bisque firing").asks_command


SMOKER = """## Reading the probe

To see every reading, use the log option:

```sh
probe log --all
```

This full view lists each reading with its time, like a chart recorder.

```sh
probe log --summary
```

This gives the average temperature without listing each reading.
""".split("\n")


def test_a_line_pointing_back_is_quoted_with_the_block_above_it():
    unit = _unit(SMOKER, 9)
    on, start, end = block(unit, SMOKER, False, Policy(), commands=True)
    assert on.startswith("probe log --all") and "This full view" in on and (start, end) == (6, 9)
    off, _, _ = block(unit, SMOKER, False, Policy(code_before_prose=False), commands=True)
    assert "--all" not in off  # (the block below it, for a how question: follows.code_after)
    plain, _, _ = block(unit, SMOKER, False, Policy())  # a question asking no command: the line alone
    assert "probe log" not in plain
    first = _unit(SMOKER, 3)  # a lead-in ending in ":" keeps its own block below (follows.code_under)
    assert "--all" in block(first, SMOKER, False, Policy(), commands=True)[0]


def test_words_after_without_cover_no_question_term():
    from rag.answer.evidence import Scorer
    from rag.text import terms

    units = [Unit("notes.md", 9, SMOKER[8], "Smoker", chunk_id=0),
             Unit("notes.md", 15, SMOKER[14], "Smoker", chunk_id=0)]
    idf = {t: 1.0 for u in units for t in terms(u.quote)}

    def score(question: str, policy: Policy) -> float:
        fresh = [Unit(u.file, u.line, u.quote, u.context, chunk_id=0) for u in units]
        return next(u.score for u in Scorer(idf, None, policy).score(question, fresh, {0: 1}) if u.line == 15)

    # "without listing each reading" says it does not list them: those words cover nothing asked
    question = "list each reading of the probe"
    assert score(question, Policy()) < score(question, Policy(lacking_words_not_said=False)) - 0.1
    asked = "average temperature without listing each reading"  # the question says "without" too: the words count
    assert score(asked, Policy()) == score(asked, Policy(lacking_words_not_said=False))


def test_without_reaches_to_a_bracket_and_four_words():
    from rag.answer.evidence import lacked

    cool = Unit("notes.md", 1, "Rest the roast (without foil) for ten minutes before carving.", "", chunk_id=0)
    assert lacked(cool) == {"foil"}  # "carving" is what it says to do
