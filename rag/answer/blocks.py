"""Quote a note's structure, not a lone sentence: a topic line with the list under it, a list item with the
list it belongs to (climbing to its parent line), tree diagrams nesting like indented lists."""

from __future__ import annotations

from ..inline_html import Piece, pieces
from ..markup import FENCE, HEADING, LIST_ITEM, NUMBERED, depth
from ..tables import before_cut_table, table_at
from ..text import terms
from .evidence import Unit, kind_of
from .bullet import whole_item
from .follows import code_after, code_before, code_under, commands_under, formula_under, with_answer
from .units import opens_block
from .policy import notes as N, values as V
from .policy import DEFAULT, Policy


def block(unit: Unit, lines: list[str], whole_list: bool, policy: Policy = DEFAULT,
          asked: frozenset[str] = frozenset(), steps: bool = False, commands: bool = False) -> tuple[str, int, int]:
    """(quote, start, end): a topic line with the list under it; for a list question, the whole list
    the sentence belongs to, from its parent line, or the lines of the section whose heading names what is
    asked (``asked``: the question's terms). Falls back to the sentence itself."""
    if unit.row:
        return _table_block(unit, lines, whole_list, policy)
    if unit.end:  # a sentence wrapped over lines (rag.answer.wrapped) is quoted across them, as written
        formula = formula_under(lines, unit.end, policy) if unit.quote.rstrip().endswith(":") else None
        return ("\n".join([unit.quote] + lines[unit.end:formula]), unit.line, formula) if formula else (
            unit.quote, unit.line, unit.end)
    if not 0 < unit.line <= len(lines) or unit.quote not in lines[unit.line - 1]:
        return unit.quote, unit.line, unit.line
    if "<" in lines[unit.line - 1] and (piece := _piece_of(unit, lines[unit.line - 1])) is not None:
        # a piece of a line written in HTML: for a list question its list ("<ul>..</ul>"), else itself
        if whole_list and piece.items:
            return lines[unit.line - 1][slice(*piece.items)], unit.line, unit.line
        # ...a flash card's question ("<summary>What is a tannin?</summary>") with its answer below it
        return with_answer(unit, lines, policy) or (unit.quote, unit.line, unit.line)
    # a list item of one word ("- Velouté") says nothing alone: it is quoted with its list
    whole_list = whole_list or bool(LIST_ITEM.match(lines[unit.line - 1]) and len(unit.display.split()) == 1)
    if (whole_list or steps) and (code := _code_block(unit, lines, policy)) is not None:
        return code
    if whole_list and (under := _table_under(lines, unit.line, policy)) is not None:
        head = lines[unit.line - 1]
        return "\n".join([head[head.find(unit.quote):]] + lines[unit.line: under.last + 1]), unit.line, under.last + 1
    text = unit.display
    start = unit.line
    # for a question asking how (``commands``), a line pointing back ("This prints ...") with the code block above
    # it, a prose line with the code block after it; a comment line in a code block with the commands under it: the
    # comment or the prose names the step, the code does it
    if commands and not unit.fenced and (above := code_before(lines, start, policy)) is not None:
        return "\n".join(lines[above - 1:start]), above, start  # the block, then the line saying what it does
    after = commands_under(unit, lines, policy) or (code_after(lines, start, policy) if commands and not unit.fenced
                                                    and not formula_under(lines, start, policy) else None)
    if after is not None and not code_under(lines, start, policy):
        head = lines[start - 1]
        return "\n".join([head[head.find(unit.quote):]] + lines[start:after]), start, after
    if (formula := formula_under(lines, start, policy) or code_under(lines, start, policy)) is not None:
        # "The hull speed is given by:" over "$$v = 1.34\sqrt{L}$$": the formula (or the code block) finishes the sentence
        head = lines[start - 1]
        return "\n".join([head[head.find(unit.quote):]] + lines[start:formula]), start, formula
    topic = text.endswith(":") or (len(text.split()) <= 8 and not text.endswith((".", "!", "?")))
    # a sentence on a line whose last sentence introduces what follows ("A contract rests on agreement. It has
    # four elements:") is quoted with it: the line is the list's lead-in, whichever of its sentences scored
    topic = topic or lines[start - 1].rstrip().endswith(":")
    if topic and (code := _code_block(unit, lines, policy)) is not None and code[1] == unit.line:
        return code  # a title right above a code block ("A typical failure event") is quoted with what it shows
    if whole_list and _has_children(lines, start):
        topic = True  # "unitary states: ..." with its examples indented under it
    elif 0 < _children(lines, start) <= policy.detail_max_lines:
        # a line with a few lines under it reads with them: the fix or the limit often sits just below
        # ("no hot water" over "reset the boiler's pressure valve")
        topic = True
    elif whole_list and not LIST_ITEM.match(lines[start - 1]) and (top := _named_heading(unit, lines, asked, policy)):
        # a plain line under a heading that names the asked list ("Kitchen herbs" for "what herbs does
        # a kitchen garden have"): the section's lines are the list
        start, topic = top, True
    elif whole_list and LIST_ITEM.match(lines[start - 1]):
        # climb to the parent line (less indented, or a heading) that introduces this list
        indent = depth(lines[start - 1])
        for number in range(start - 1, max(0, start - policy.list_max_lines), -1):
            line = lines[number - 1]
            if not line.strip():
                continue
            if depth(line) < indent or HEADING.match(line):
                start = number
                break
        topic = topic or start != unit.line
    if not topic:
        item = whole_item(unit.quote, lines[start - 1], policy)  # a short list item is quoted whole
        return with_answer(unit, lines, policy) or ((item, start, start) if item else _with_label(unit, lines, policy))
    head = lines[start - 1]
    indent = depth(head)
    heading = bool(HEADING.match(head))
    head_text = head.strip().lstrip("-*+• ").rstrip()
    title = len(head_text.split()) <= 8 and not head_text.endswith((".", "!", "?"))
    # a lead-in that announces how many items follow is quoted through that many, however long they run
    announced = announced_count(head_text)
    if heading and not announced:  # ...or the lead-in right under the heading the block starts from
        lead_in = next((line.strip() for line in lines[start: start + 2] if line.strip()), "")
        announced = announced_count(lead_in) if lead_in.endswith(":") else None
    reach = policy.announced_list_max_lines if announced else policy.list_max_lines
    # a title line that starts its paragraph (a blank line or a heading above it): not one of a list's lines
    # written without markers ("Fees:" over "Filing hours" over "Copy requests")
    above = lines[start - 2] if start > 1 else ""
    opens_paragraph = not heading and not opens_block(head) and (not above.strip() or bool(HEADING.match(above)))
    level, items = None, 0  # the depth of the list's items, and how many have been quoted
    last, blanks, nested, gap = start, 0, False, False
    for number in range(start + 1, min(len(lines), start + reach) + 1):
        line = lines[number - 1]
        if not line.strip():
            blanks, gap = blanks + 1, True
            if blanks > 1 and not (heading and last == start):  # blank lines right under a heading end nothing
                break
            continue
        deeper = depth(line) > indent or heading
        # items at the head's own level belong to it when it introduces them: "Steps:" or a title line
        # ("How to reduce weather helm") over a numbered list
        same_level_item = LIST_ITEM.match(line) and depth(line) >= indent and (
            head.rstrip().endswith(":") or (NUMBERED.match(line) and not NUMBERED.match(head) and title))
        # "The four knot families are:" over plain lines at its own level: its paragraph, to the first blank line;
        # so is a title line naming a thing ("LOA (length over all)") whose paragraph goes on to say
        # what it is ("Usually 8-12 m"): the paragraph is one statement (rag.answer.units reads it so)
        same_level_item = same_level_item or (not gap and depth(line) == indent and (
            head.rstrip().endswith(":") or (title and opens_paragraph and not opens_block(line))))
        if not (deeper or same_level_item) or HEADING.match(line):
            break
        if nested and not deeper:
            break  # a list indented under its head ends where the indentation comes back: the next point
        nested = deeper if last == start else nested  # the head's first line tells how its list is laid out
        item = bool(LIST_ITEM.match(line)) and depth(line) == (level if level is not None else depth(line))
        level = depth(line) if level is None and LIST_ITEM.match(line) else level
        # past the usual length only the announced list goes on: its items until their count, then the last
        # one's own lines (a miscounted lead-in quotes at most one item more than a block always did)
        if number - start > policy.list_max_lines and not (announced and (not item or items < announced)):
            break
        items += item
        last, blanks = number, 0
    last = before_cut_table(lines, start, last)  # half a table reads as nothing
    if last == start:
        return _with_label(unit, lines, policy)
    first = head if start != unit.line else head[head.find(unit.quote):]
    first = first.lstrip() if start != unit.line else first
    return "\n".join([first] + lines[start:last]), start, last


def _piece_of(unit: Unit, line: str) -> Piece | None:
    """The piece of an HTML-written line (rag.inline_html) that holds the unit's sentence, if the line has any."""
    at = line.find(unit.quote)
    return next((p for p in pieces(line) if p.start <= at < p.end), None)


def sides_table(unit: Unit, lines: list[str], sides: list[tuple[frozenset[str], ...]],
                policy: Policy = DEFAULT) -> tuple[str, int, int] | None:
    """(quote, start, end) of a line introducing a table whose column names hold each compared side ("Compare
    sloops with ketches in the chart below" over "| | Bermuda sloop | Gaff ketch |"): the notes compare
    them row by row, so the line is quoted with its table. None for any other line (``sides``: each side's
    names, as :func:`rag.answer.sides.sides_of` gives them)."""
    if len(sides) != 2 or unit.row or not 0 < unit.line <= len(lines) or unit.quote not in lines[unit.line - 1]:
        return None
    if unit.header and (piece := _piece_of(unit, lines[unit.line - 1])) is not None:
        # a cell of an HTML table whose column names a side: the side's whole list in that column
        named = [any(name and name <= set(terms(unit.header)) for name in names) for names in sides]
        if sum(named) == 1 and piece.items:
            return lines[unit.line - 1][slice(*piece.items)], unit.line, unit.line
        return None
    table = _table_under(lines, unit.line, policy)
    if table is None:
        return None
    columns = [set(terms(column)) for column in table.columns]
    # each side names a column of its own: the same column naming both is no comparison of them
    found = [{i for i, column in enumerate(columns) if any(name and name <= column for name in names)} for names in sides]
    if not all(found) or len(found[0] | found[1]) < 2:
        return None
    head = lines[unit.line - 1]
    return "\n".join([head[head.find(unit.quote):]] + lines[unit.line: table.last + 1]), unit.line, table.last + 1


def announced_count(text: str) -> int | None:
    """How many items a lead-in line announces ("the seven points of sail:" -> 7), or None when it names no
    single count (no number, or two of them: "between 2 and 5 crew")."""
    found = V.ANNOUNCED_COUNT.findall(text)
    if len(found) != 1:
        return None
    word = found[0].lower()
    count = int(word) if word.isdigit() else V.COUNT_WORDS[word]
    return count if 2 <= count <= 20 else None


def _named_heading(unit: Unit, lines: list[str], asked: frozenset[str], policy: Policy) -> int:
    """The line number of the heading right above ``unit`` (within a list block's length, no other heading
    between) when its words are all words of the question: 0 otherwise."""
    said = set(terms(unit.heading.split(" > ")[-1])) if unit.heading else set()
    own = set(kind_of(list(said)))  # "Knot Types" names what "kinds of knots" asks
    if not own or not own <= set(kind_of(list(asked))):
        return 0
    for number in range(unit.line - 1, max(0, unit.line - policy.list_max_lines), -1):
        if HEADING.match(lines[number - 1]):
            return number if said <= set(terms(lines[number - 1])) else 0
    return 0


def _children(lines: list[str], number: int) -> int:
    """How many lines sit right under line ``number``, indented deeper (0 when none; blank lines end them)."""
    indent = depth(lines[number - 1])
    count = 0
    for line in lines[number:]:
        if not line.strip() or depth(line) <= indent or HEADING.match(line):
            break
        count += 1
    return count


def _has_children(lines: list[str], number: int) -> bool:
    """Whether the next non-blank line after line ``number`` is indented deeper (a nested list)."""
    indent = depth(lines[number - 1])
    for line in lines[number:]:
        if line.strip():
            return depth(line) > indent
    return False


def _code_block(unit: Unit, lines: list[str], policy: Policy) -> tuple[str, int, int] | None:
    """For a list question, a line of a code block is one of the block's lines, as an item is one of its list's
    ("git log -p main" among the other ways to write it, "pip cache purge" among the cache commands):
    the block is quoted whole, from the line introducing it when that line is right above its fence (at most one
    blank line between), when it runs to at most list_max_lines lines. The line introducing a block, asked
    about, is quoted with it. None when the line is in no code block."""
    fences = [number for number in range(1, len(lines) + 1) if FENCE.match(lines[number - 1])]
    opening = None
    for first, last in zip(fences[::2], fences[1::2]):
        if first < unit.line < last or _introduces(lines, unit.line, first):
            opening = first, last
            break
    if opening is None or not 1 < opening[1] - opening[0] <= policy.list_max_lines:
        return None
    first, last = opening
    start = next((n for n in (first - 1, first - 2) if n >= 1 and _introduces(lines, n, first)), first + 1)
    return "\n".join(lines[start - 1: last - 1]), start, last - 1  # as written: a citation quotes its lines


def _introduces(lines: list[str], number: int, fence: int) -> bool:
    """Whether line ``number`` is plain prose right above the code fence at line ``fence`` (a blank line between at
    most): the line saying what the block is ("A typical failure event", "Add, list and remove chart repos")."""
    if not 0 < number < fence or fence - number > 2 or any(lines[n - 1].strip() for n in range(number + 1, fence)):
        return False
    text = lines[number - 1]
    return bool(text.strip()) and not HEADING.match(text) and not FENCE.match(text) and not opens_block(text)


def _with_label(unit: Unit, lines: list[str], policy: Policy) -> tuple[str, int, int]:
    """A line right under a short label that names what it describes ("--dry-run option" over "checks
    whether you have the required permissions") is quoted with the label: the label is often the answer."""
    line = lines[unit.line - 1]
    above = unit.line - 1
    if above < 1 or not lines[above - 1].strip() or depth(lines[above - 1]) >= depth(line):
        return unit.quote, unit.line, unit.line
    label = lines[above - 1]
    text = label.strip().lstrip("-*+• ").rstrip()
    if (HEADING.match(label) or N.SUMMARY_LABEL.fullmatch(text.strip(" :")) or not text
            or len(text.split()) > policy.label_max_words or text.endswith((".", "!", "?", ":"))):
        return unit.quote, unit.line, unit.line
    # the label's other few lines come too: "Pricing" over "hours ($0.01/hour)" and "data ($0.01/GB)"
    under = _children(lines, above)
    last = above + under if under <= policy.detail_max_lines else unit.line
    return "\n".join([label.lstrip()] + lines[above:last]), above, last


def _table_under(lines: list[str], number: int, policy: Policy):
    """The table that line ``number`` introduces ("Solvents we keep:" over it, a blank line between at most),
    when it is no longer than a list block."""
    for index in range(number, min(number + 2, len(lines))):
        if lines[index].strip():
            table = table_at(lines, index)
            return table if table is not None and table.header == index and 1 < len(table.rows) <= policy.list_max_lines else None
    return None


def _table_block(unit: Unit, lines: list[str], whole_list: bool, policy: Policy) -> tuple[str, int, int]:
    """A table row is quoted as written; for a list question, the whole table from its header row, when it
    is no longer than a list block (the rows are what the list asks for)."""
    single = unit.row, unit.line, unit.line
    if not whole_list or not 0 < unit.line <= len(lines) or unit.row not in lines[unit.line - 1]:
        return single
    table = table_at(lines, unit.line - 1)
    if table is None or not 1 < len(table.rows) <= policy.list_max_lines:
        return single
    return "\n".join(lines[table.header: table.last + 1]), table.header + 1, table.last + 1
