"""A note's front matter: the "---" ... "---" block of "key: value" lines some note tools open a note with.

Its closing "---" is no setext underline (the key line above it is no heading), and its "title:" names the note
when no "# " heading does, so every section's heading path starts with it. Its lines are metadata, not statements:
no evidence, unless the question names their key (:func:`without_metadata`; knobs: rag.answer.policy.notes).
"""

from __future__ import annotations

import re

from .pernote import PerNote

_KEY = re.compile(r"^[A-Za-z_][\w .-]*:(?:\s|$)")  # "title: Comets", "tags:"
_ITEM = re.compile(r"^\s+\S|^\s*-\s")  # an indented value or a list item under a key
_H1 = re.compile(r"^\s{0,3}#\s+\S")


def front_matter(lines: list[str]) -> tuple[int, str]:
    """(lines the block spans, closing line included, or 0 when the note opens with none; the title it gives
    the note, or "" when it gives none or a "# " heading names the note)."""
    from .answer.policy import notes as N  # the knobs live with the others; imported when first read

    if not lines or lines[0].strip() != "---":
        return 0, ""
    title = ""
    for i, line in enumerate(lines[1 : N.FRONT_MATTER_MAX_LINES + 1], start=1):
        if line.strip() in ("---", "...") and i > 1:
            named = N.FRONT_MATTER_TITLES_NOTE and not any(_H1.match(rest) for rest in lines[i + 1 :])
            return i + 1, title if named else ""
        if not (line.strip() == "" or _KEY.match(line) or _ITEM.match(line)):
            return 0, ""
        found = N.FRONT_MATTER_TITLE_KEY.match(line)
        if found and not title:
            title = found.group(1).strip().strip("'\"").strip()
    return 0, ""


def title_path(title: str) -> list[tuple[int, str]]:
    """The heading path a front matter title starts (level 0: no heading of the note replaces it)."""
    return [(0, re.sub(r"\s+", " ", title)[:80])] if title else []


def _end(lines: list[str]) -> int:
    return front_matter(lines)[0]


def _knobs() -> tuple:
    from .answer.policy import notes as N

    return (N.FRONT_MATTER_MAX_LINES,)  # all the block's end depends on


_matter_end = PerNote(_end, _knobs)  # where a note's front matter ends, read once per note (not for each question)


def without_metadata(units: list, note_lines, asked: tuple[str, ...]) -> list:
    """``units`` less those on a note's front matter lines ("tags: [...]", "author: ..."): what a note tool records
    about the note, not what the note says; kept when ``asked`` (stemmed terms) names the line's key ("who is the
    author"). ``note_lines(file)``: the note's lines."""
    from .answer.policy import notes as N
    from .text import terms

    if not N.FRONT_MATTER_NOT_EVIDENCE:
        return units
    ends = {file: _matter_end(note_lines(file)) for file in {unit.file for unit in units}}
    return [u for u in units if u.line > ends[u.file] or set(terms(u.quote.split(":")[0])) & set(asked)]


def topic_words(lines: list[str]) -> str:
    """The words a front matter files the note under ("tags: ['pasta', 'italian']", or items under "tags:"):
    what the whole note is about, as its title is; "" when it has none (keys: policy.notes.FRONT_MATTER_TOPIC_KEY).
    Read once per note: the answerer asks it for each question."""
    return _note_topics(lines)


def _topics(lines: list[str]) -> str:
    from .answer.policy import notes as N

    if N.FRONT_MATTER_TOPIC_KEY is None:
        return ""
    end = _matter_end(lines)
    found, under = [], False
    for line in lines[1: max(end - 1, 0)]:
        key = N.FRONT_MATTER_TOPIC_KEY.match(line)
        if key:
            found.append(key.group(1))
        under = bool(key) or under and bool(_ITEM.match(line))
        if under and not key and _ITEM.match(line):
            found.append(line)
        elif not key and _KEY.match(line):
            under = False
    return re.sub(r"[\[\]'\",-]", " ", " ".join(found)).strip()


def _topic_knobs() -> tuple:
    from .answer.policy import notes as N

    return _knobs() + (N.FRONT_MATTER_TOPIC_KEY,)


_note_topics = PerNote(_topics, _topic_knobs)
