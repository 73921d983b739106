"""What a line announces that the lines after it hold: a question the notes ask themselves is answered in the
paragraph below it; a lead-in ending in ":" ("The hull speed is given by:") is finished by the display formula
below it, or by the code blocks below it ("Rig the dinghy so:" over a fenced block, or over labelled blocks "Jib:" ...
"Main:"). Quoting the line alone answers nothing, so it is quoted with what follows (rag.answer.blocks). So is a comment
line in a code block with the commands under it, and, for a question asking how, a prose line with the block after it."""

from __future__ import annotations

from ..markup import FENCE, HEADING, LIST_ITEM
from .evidence import Unit, asks
from .policy import notes as N
from .policy import Policy


def _question_line(line: str, policy: Policy) -> bool:
    """Whether a note's line is a question: its text ends with "?", read without the HTML tags that may wrap it
    (a flash card's "<summary>What is a tannin?</summary><br>") when ``policy.question_lines_in_markup``."""
    return asks(line) if policy.question_lines_in_markup else line.rstrip().endswith("?")


def with_answer(unit: Unit, lines: list[str], policy: Policy) -> tuple[str, int, int] | None:
    """A question the notes ask themselves ("Is it possible to reef a sail while running?") is quoted with
    the paragraph after it, its answer (flash cards, review questions): the question alone answers nothing.
    The answer runs to the next blank line, heading, code fence or question, over at most
    ``policy.detail_max_lines`` lines, or ``policy.list_max_lines`` when it opens with a lead-in ending in ":" over
    its list; None when the line is no question or nothing follows it within one blank line."""
    line = lines[unit.line - 1]
    if not unit.display.rstrip().endswith("?") or not _question_line(line, policy):
        return None
    first = unit.line + 1
    if first <= len(lines) and not lines[first - 1].strip():
        first += 1  # one blank line may stand between a question and its answer
    last = first - 1
    # an answer opening with a lead-in ("The basic steps are:") runs through the list it announces
    announces = policy.answer_lead_in_lists and first <= len(lines) and lines[first - 1].rstrip().endswith(":")
    reach = policy.list_max_lines if announces else policy.detail_max_lines
    for number in range(first, min(len(lines), first + reach - 1) + 1):
        text = lines[number - 1]
        if not text.strip() or HEADING.match(text) or FENCE.match(text) or _question_line(text, policy):
            break
        last = number
    if last < first:
        return None
    last = formula_under(lines, last, policy) or last  # an answer "For a hull over 30 feet:" over its formula
    quote = line[line.find(unit.quote):]
    return "\n".join([quote] + lines[unit.line: last]), unit.line, last


def formula_under(lines: list[str], number: int, policy: Policy) -> int | None:
    """The last line of the display formula ("$$v = 1.34\sqrt{L}$$", or "$$" ... "$$" over lines) that line ``number``,
    a lead-in ending in ":", introduces: the formula starts on the next non-blank line (at most
    ``policy.formula_blank_lines`` blank lines between) and closes within ``policy.formula_max_lines`` lines.
    None when the line ends otherwise, no formula follows, or it never closes."""
    if not policy.formula_under_lead_in or not 0 < number <= len(lines) or not lines[number - 1].rstrip().endswith(":"):
        return None
    first = number + 1
    while first <= len(lines) and not lines[first - 1].strip() and first - number - 1 < policy.formula_blank_lines:
        first += 1
    if first > len(lines) or not (opening := N.DISPLAY_MATH_OPEN.match(lines[first - 1])):
        return None
    closer = N.DISPLAY_MATH_CLOSE[opening.group(1)]
    if closer in lines[first - 1][opening.end():]:
        return first  # opened and closed on one line
    for last in range(first + 1, min(len(lines), first + policy.formula_max_lines - 1) + 1):
        if closer in lines[last - 1]:
            return last
    return None


def code_under(lines: list[str], number: int, policy: Policy) -> int | None:
    """The last line of the code blocks that line ``number``, a prose lead-in ending in ":", announces: the block
    opening on the next non-blank line (at most ``policy.formula_blank_lines`` blank lines between), and each
    block after it that a short label of its own introduces ("Jib:" over a fence, at most
    ``policy.label_max_words`` words), while all of them fit in ``policy.code_lead_in_max_lines`` lines from the
    lead-in. The last line inside the last such block; None when the line ends otherwise or no block follows."""
    if (not policy.code_under_lead_in or not 0 < number <= len(lines) or not lines[number - 1].rstrip().endswith(":")
            or FENCE.match(lines[number - 1]) or HEADING.match(lines[number - 1])):
        return None
    end, at = None, number
    while (first := _next_text(lines, at, policy.formula_blank_lines)) is not None:
        text = lines[first - 1].strip()
        if not FENCE.match(text):
            # a short label of its own ("Jib:") over the next block; the lead-in may announce several such blocks
            labelled = (text.endswith(":") and len(text.split()) <= policy.label_max_words and not HEADING.match(text)
                        and (fence := _next_text(lines, first, policy.formula_blank_lines)) is not None
                        and FENCE.match(lines[fence - 1]))
            if not labelled:
                break
            at = first
            continue
        closing = next((n for n in range(first + 1, len(lines) + 1) if FENCE.match(lines[n - 1])), None)
        if closing is None or closing - number > policy.code_lead_in_max_lines:
            break
        end, at = closing - 1, closing
    return end


def _next_text(lines: list[str], number: int, blanks: int) -> int | None:
    """The first non-blank line after line ``number``, with at most ``blanks`` blank lines between; None past that."""
    first = number + 1
    while first <= len(lines) and not lines[first - 1].strip() and first - number - 1 < blanks:
        first += 1
    return first if first <= len(lines) and lines[first - 1].strip() else None


def commands_under(unit: Unit, lines: list[str], policy: Policy) -> int | None:
    """The last of the lines right under a comment line of its own in a code block ("# Brine for one chicken" over
    the command doing it), to the next blank line, comment line or fence, at most ``policy.detail_max_lines``:
    the comment says what they do. None when the unit is no such comment or nothing follows it."""
    number = unit.line
    if (not policy.comment_over_command or not unit.fenced or not 0 < number <= len(lines)
            or not N.CODE_COMMENT_LINE.match(lines[number - 1])):
        return None
    last = None
    for below in range(number + 1, min(len(lines), number + policy.detail_max_lines) + 1):
        text = lines[below - 1]
        if not text.strip() or FENCE.match(text) or N.CODE_COMMENT_LINE.match(text):
            break
        last = below
    return last


def code_after(lines: list[str], number: int, policy: Policy) -> int | None:
    """The last line inside the code block that follows prose line ``number``: right below it, or past at most
    ``policy.code_after_lines`` other prose lines (a label "**Stovetop:**", a one-line paragraph) and single blank
    lines, no heading, list item or block between; the block closes within ``policy.list_max_lines`` lines.
    None when the line is a heading or a fence, or no such block follows."""
    if (not policy.code_after_prose or not 0 < number <= len(lines) or FENCE.match(lines[number - 1])
            or HEADING.match(lines[number - 1])):
        return None
    at, between = number, 0
    while (first := _next_text(lines, at, 1)) is not None:
        text = lines[first - 1]
        if FENCE.match(text):
            closing = next((n for n in range(first + 1, len(lines) + 1) if FENCE.match(lines[n - 1])), None)
            return closing - 1 if closing is not None and 1 < closing - first <= policy.list_max_lines else None
        between += 1
        if between > policy.code_after_lines or HEADING.match(text) or LIST_ITEM.match(text) or text.lstrip()[:1] in "|>":
            return None
        at = first
    return None


def code_before(lines: list[str], number: int, policy: Policy) -> int | None:
    """The first line inside the code block right above line ``number`` (at most one blank line between) when the
    line opens its paragraph pointing back at it (``N.POINTS_BACK``: "This prints the weights") and the block
    runs to at most ``policy.list_max_lines`` lines. None otherwise."""
    if not policy.code_before_prose or not 1 < number <= len(lines) or not N.POINTS_BACK.match(lines[number - 1]):
        return None
    closing = number - 1 if lines[number - 2].strip() else number - 2
    if closing < 1 or not FENCE.match(lines[closing - 1]):
        return None
    fences = [n for n in range(1, closing) if FENCE.match(lines[n - 1])]
    if len(fences) % 2 == 0 or not 1 < closing - fences[-1] <= policy.list_max_lines:
        return None  # the fence above closes no block (an even number of fences before it opens one)
    return fences[-1] + 1
