"""A code line's trailing comment says what running it shows or does; a question asking that is answered by it.

Notes of commands annotate a line at its end ("zfs list -t snapshot  # shows the hourly snapshots", "rsync -avn
src/ dst/  # -n only lists what would change"): the command is how, the comment is what comes of it. A question
that asks what (not how to) finds the command's words in many lines of a block, and often more of its words in a
prose line around it, while the one fact it asks sits in the comment. So a code block's line whose comment holds
a word of the question that its command does not, or names an option (``-n``, ``--dry-run``) the question names,
is scored up (rag.answer.evidence.Scorer, ``Policy.bonus_comment``), for a single what/which question only: a how-to
question asks for the command itself, a why or yes/no question for a reason or verdict the prose gives, and a list
or comparison for more than one line.
"""

from __future__ import annotations

import re

from typing import TYPE_CHECKING

from ..text import terms
from .policy import questions as Q

if TYPE_CHECKING:
    from .intent import Intent

# a comment opened after code on the same line: "#" after whitespace, the line not starting with it
_TRAILING = re.compile(r"^(?P<code>\s*[^#\s].*?)\s+#+\s*(?P<comment>\S.*)$")
# an option of a command line written in a question or a comment ("-it", "--rm", "--dry-run")
_OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")


def split_comment(line: str) -> tuple[str, str]:
    """(code, trailing comment) of a code line; comment "" when the line has none."""
    found = _TRAILING.match(line)
    return (found.group("code"), found.group("comment")) if found else (line, "")


def options(text: str) -> set[str]:
    """The command options written in ``text`` ("-it", "--rm")."""
    return set(_OPTION.findall(text))


def asks_what(intent: Intent) -> bool:
    """Whether a question asks what or which one thing is (not how to, why, whether, nor a list or comparison)."""
    return (bool(Q.WHAT_WHICH.match(intent.question)) and not intent.how_to and not intent.wants_list
            and not intent.comparison and not intent.parts and not intent.yes_no)


def comment_answers(asked: list[str], asked_options: set[str], line: str) -> bool:
    """Whether a code line's trailing comment states something the question asks: it holds one of the
    question's key terms (``asked``, stemmed) that the command part does not, or names an option the question
    names (``asked_options``)."""
    code, comment = split_comment(line)
    if not comment:
        return False
    said = set(terms(comment))
    return bool((set(asked) & said) - set(terms(code))) or bool(asked_options & options(comment))
