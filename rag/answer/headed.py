"""A list its heading names: a section that opens with a list under a short plural heading ("## Ingredients",
"## Symptoms") is the list that heading names, so a question naming it ("ingredients for the fish stew",
"symptoms of blight in roses") asks for that list, even when its grammar marks no list ("which", "what are",
"types of"), and is answered with the whole list under the heading, not with lines that merely use the word."""

from __future__ import annotations

from typing import Callable

from ..chunk import markdown_heading
from ..markup import HEADING, LIST_ITEM, depth
from ..text import stem, terms, words
from .evidence import Unit
from .intent import Intent
from .policy import questions as Q
from .policy import DEFAULT, Policy
from .sameword import stands_for, synonyms_of


def heading_over_list(unit: Unit, lines: list[str], policy: Policy = DEFAULT) -> int:
    """The line number of the heading a list item sits right under (only the list's own items, their
    indented continuation lines and blank lines between them), or 0: a unit that is no list item, a list
    introduced by a line of prose (a lead-in says what the list is, not the heading), or a heading other
    than the unit's own (its last heading, as the unit's heading path names it)."""
    if not unit.heading or not 0 < unit.line <= len(lines) or not LIST_ITEM.match(lines[unit.line - 1]):
        return 0
    indent = depth(lines[unit.line - 1])
    name = unit.heading.split(" > ")[-1].strip()
    for number in range(unit.line - 1, max(0, unit.line - policy.list_max_lines), -1):
        line = lines[number - 1]
        if not line.strip() or (not HEADING.match(line) and (LIST_ITEM.match(line) or depth(line) > indent)):
            continue
        if HEADING.match(line) and _name(line) == name:
            return number
        return 0
    return 0


def names_the_list(name: str, question: str, policy: Policy = DEFAULT) -> bool:
    """Whether a heading ``name`` names what ``question`` asks for: a short noun phrase ending in a plural
    ("Ingredients", "Side effects") that the question says as written, every other word of it a word of the
    question (inflections allowed). "Notes on pruning" (a preposition: a topic, not a list) and a singular
    heading ("Oven") name no list."""
    said = words(name)
    asked = set(terms(question))
    if not said or len(said) > policy.list_name_max_words or len(terms(name)) != len(said):
        return False
    if not Q.PLURAL_NOUN.match(said[-1]):  # "### Bandage" over its list: named by "what bandages", or "what's in" it
        named = _pluralised(said[-1], question) or bool(Q.ASKS_CONTENTS.match(question))
        return policy.singular_heading_named and named and all(
            stands_for(t, asked, policy, abbreviations=False) for t in terms(name))
    # the plural as the question writes it, or a synonym of a word it asks ("Requirements": "what do I need")
    if said[-1] not in words(question) and not synonyms_of(terms(said[-1])[0]) & asked:
        return False
    return all(stands_for(t, asked, policy, abbreviations=False) for t in terms(name))


def asks_for(name: str, question: str) -> bool:
    """Whether the question's grammar asks for the thing a heading ``name`` names, rather than asking a count,
    a process or a yes/no of it: it opens with the name's words (a singular name's last word may be plural: "what
    bandages" for "Bandage"), with "what/which" and a verb or the name's words, with an order ("list", "name"), or asks
    what is in it (Q.ASKS_CONTENTS)."""
    said, own = words(question), [stem(w) for w in words(name)]
    if said[:1] and said[0] in Q.ORDERING_WORDS or [stem(w) for w in said[: len(own)]] == own:
        return True
    if Q.ASKS_CONTENTS.match(question):
        return True
    return said[:1] != [] and said[0] in Q.ASKING_WORDS and (said[1:2] and said[1] in Q.ASKING_VERBS
                                                            or [stem(w) for w in said[1: 1 + len(own)]] == own)


def _pluralised(word: str, question: str) -> bool:
    """Whether the question writes a singular heading's word in the plural ("bandages" for "Bandage")."""
    return any(w != word and Q.PLURAL_NOUN.match(w) and stem(w) == stem(word) for w in words(question))


def named_list(intent: Intent, ranked: list[Unit], lines_of: Callable[[str], list[str]],
               policy: Policy = DEFAULT) -> Unit | None:
    """For a question (not a comparison, not two parts) naming a list by its heading: the best-ranked item
    of such a list, among the top ``kind_units`` lines; of two lists named alike ("Basic loaf > Ingredients",
    "Rye loaf > Ingredients") the one whose heading path the question names most of. None when no heading
    over a list is named."""
    if intent.comparison or intent.parts or intent.wants_amount or intent.yes_no or intent.bound:
        return None
    asked = set(terms(intent.question))
    found: list[tuple[float, int, Unit]] = []
    for rank, unit in enumerate(ranked[: policy.kind_units]):
        name = unit.heading.split(" > ")[-1]
        if not names_the_list(name, intent.question, policy):
            continue
        if not asks_for(name, intent.question):
            continue
        if not heading_over_list(unit, lines_of(unit.file), policy):
            continue
        path = set(terms(unit.heading))
        found.append((-sum(stands_for(t, asked, policy, abbreviations=False) for t in path) / len(path), rank, unit))
    if not found:
        return None
    best = min(found, key=lambda f: f[:2])[2]
    # the list is quoted from an item of it with no lines of its own under it: an item with indented lines
    # under it is quoted with those alone (rag.answer.blocks.block), not with the list it belongs to
    lines = lines_of(best.file)
    return next((u for u in ranked if (u.file, u.heading) == (best.file, best.heading) and 0 < u.line <= len(lines)
                 and LIST_ITEM.match(lines[u.line - 1]) and not _goes_deeper(lines, u.line)), best)


def _goes_deeper(lines: list[str], number: int) -> bool:
    """Whether the next non-blank line after line ``number`` is indented deeper (the item's own lines)."""
    after = next((line for line in lines[number:] if line.strip()), "")
    return bool(after) and depth(after) > depth(lines[number - 1])


def _level(line: str) -> int:
    """How deep a markdown heading line is ("## Oven" -> 2); 0 for any other line."""
    heading = markdown_heading(line)
    return heading[0] if heading else 0


def _name(line: str) -> str:
    """A markdown heading line's name as heading paths write it (rag.chunk.markdown_heading); "" for any other line."""
    heading = markdown_heading(line)
    return heading[1] if heading else ""


def heading_items(intent: Intent, ranked: list[Unit], lines_of: Callable[[str], list[str]],
                  policy: Policy = DEFAULT) -> list[Unit]:
    """For a list question naming a heading whose section is made of subsections ("# Knots" over "## Bowline
    (essential)", "## Sheet bend (optional)"), the subsection headings are the list's items: one unit per
    heading line, quoting its text. When the question asks more than the list's name ("which knots are
    essential, not optional"), only the headings holding those words, none holding the words it excludes.
    [] when the question asks no list, no parent heading of the best lines is named by it, fewer than two
    headings are left, or the asked words stand in no heading (they ask something of the items' sections)."""
    if not intent.wants_list or intent.comparison or intent.parts:
        return []
    question = intent.question
    excluded = {t for m in Q.EXCLUDING.finditer(question) for t in terms(m.group(1))}
    for unit in ranked[: policy.kind_units]:
        path = unit.heading.split(" > ")
        if len(path) < 2 or not names_the_list(path[-2], question, policy):
            continue
        lines = lines_of(unit.file)
        parent = next((n for n in range(unit.line, 0, -1) if _level(lines[n - 1])
                       and _name(lines[n - 1]) == path[-2].strip()), 0) if unit.line <= len(lines) else 0
        if not parent:
            continue
        level = _level(lines[parent - 1])
        subs = []
        for number in range(parent + 1, len(lines) + 1):
            depth_here = _level(lines[number - 1])
            if depth_here and depth_here <= level:
                break
            if depth_here == level + 1:
                subs.append((number, _name(lines[number - 1])))
        wanted = set(terms(question)) - set(terms(path[-2])) - excluded
        said = [set(terms(text)) for _, text in subs]
        named = {t for t in wanted if any(stands_for(t, s, policy, abbreviations=False) for s in said)}
        if not named:
            return []
        kept = [(n, text) for (n, text), s in zip(subs, said)
                if any(stands_for(t, s, policy, abbreviations=False) for t in named) and not excluded & s]
        if len(kept) < 2:
            return []
        return [Unit(unit.file, n, text, " > ".join(path[:-1]), unit.chunk_id, score=unit.score,
                     heading=" > ".join(path[:-1] + [text])) for n, text in kept]
    return []

