"""The marks of markdown a note's lines open with (headings and their underlines, list-item markers, code fences,
tree-diagram depth) and an answer's citation marks, each defined once: the modules reading a line's structure
take them from here, so that they agree on what a heading, an item or a fence is.

Where a module reads a mark otherwise on purpose, its own pattern stays with it and says how it differs:
rag.chunk (a fence is only a backtick fence; a heading needs a title), rag.answer.contents (a table of
contents' items and headings), rag.answer.units (the lead stripped off a line), rag.text.strip_markup.
"""

from __future__ import annotations

import re

# An ATX heading's opening: up to three spaces, one to six "#", a blank ("## Knots"; "#hashtag" is none).
_ATX = r"^\s{0,3}#{1,6}\s"
# A setext heading's underline: a line of "=" or "-" only, under the heading's text.
UNDERLINE = re.compile(r"^\s*(=+|-+)\s*$")
# A heading line: an ATX heading, or a setext underline of at least three dashes (or any "=" run). Three dashes
# because a lone "-" or "--" line is an empty list item or a dash, not an underline.
HEADING = re.compile(_ATX + r"|^\s*(=+|-{3,})\s*$")
# ...the same, but any run of dashes is an underline (UNDERLINE): the reading of rag.tables and rag.answer.units,
# which differs from HEADING only on a line of one or two dashes.
HEADING_ANY_DASHES = re.compile(_ATX + r"|" + UNDERLINE.pattern)

# A list item's marker: a bullet ("-", "*", "+", "•") or a number and "." or ")" ("1.", "2)").
_MARKER = r"^\s*(?:[-*+•]|\d+[.)])"
# A list item: its marker and the blank after it (``match(line).end()`` is where the item's text starts).
ITEM = re.compile(_MARKER + r"\s+")
# ...with some text after the blank (a marker alone is no item).
ITEM_WITH_TEXT = re.compile(_MARKER + r"\s+\S")
# ...the marker with or without a blank after it ("-x", "**Tools**", "1.5" open with one): what rag.chunk strips
# from an outline line to read its label, and where it sees no setext heading.
ITEM_MARK = re.compile(_MARKER + r"\s*")
# A line opening a list's item (a marker then a blank: "**bold**" and "1.5 GB" open none) or a branch of a tree
# diagram ("├── child"), which nests like an indented list.
LIST_ITEM = re.compile(_MARKER + r"(?=\s)|^\s*[├└│]")
# A numbered item ("1. ", "2) ").
NUMBERED = re.compile(r"^\s*\d+[.)]\s")
# A line's lead mark: a heading's hashes, a bullet or a number, with the blank after it (what the web views strip
# off a quoted line).
LEAD_MARK = re.compile(r"^\s*(?:[-*+•]\s+|\d+[.)]\s+|#{1,6}\s+)")

# A code fence opening or closing a block: three backticks or three tildes.
FENCE = re.compile(r"^\s*(```|~~~)")

# Indentation and the box-drawing characters of a tree diagram: a line's depth is where its text starts, so "│   ├──
# child" is deeper than "├── parent" and tree outlines nest like indented lists.
_DEPTH = re.compile(r"^[\s\u2500-\u257f]*")


def depth(line: str) -> int:
    """How deep a line's text starts: its indentation and tree-diagram characters (:data:`_DEPTH`)."""
    return len(_DEPTH.match(line).group(0))


# An answer's citation mark, "[2]": the number of the source it cites.
CITE_MARK = re.compile(r"\[(\d+)\]")
# ...or one mark citing several sources, "[1, 2]" or "[1;3]": the numbers are group 1.
CITE_MARKS = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


def item_text(line: str) -> str:
    """A line's text with its list marker, if any, stripped (ITEM): what an outline item says."""
    marker = ITEM.match(line)
    return (line[marker.end():] if marker else line).strip()
