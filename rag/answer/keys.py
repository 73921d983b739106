"""A setting written in a code block ("soilType: Loam", "restart_policy = always") answers the question naming it.

Notes of commands and configuration keep their facts as settings: a key, then its value, inside a code fence
(YAML, TOML, INI, a shell's ``NAME=value``). A question asking what a setting holds names the key in its own
words ("what restart policy does the web service use" for ``restartPolicy: always``), while a prose line nearby
shares more of its words ("the web service is restarted by the host"). So when the words a "what"/"which"
question asks for (right after it, up to its verb) hold every word of a key (split where a key joins words:
camelCase, ``_``, ``-``, ``.``), the line setting that key is the answer's first quote (rag.answer.engine's
anchor). It picks among lines the gate already let
through; it never decides whether to answer. A label line outside code ("- Lifespan: 30 years", "Habitat: reef flats")
answers the same way when the question's words hold its whole label: one per label for each note the question
names, so a question asking two labels, or one label of two notes, quotes each (:func:`label_lines`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..text import stem, terms, words
from .policy import DEFAULT, Policy
from .policy import notes as N, questions as Q

if TYPE_CHECKING:
    from .intent import Intent
    from .units import Unit

_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def setting_key(line: str) -> str:
    """The key a line of a code block sets ("waterModes" for "  waterModes:", "max_conn" for "max_conn = 50"),
    or "" when the line sets none (a command, a comment, a list item of values)."""
    match = N.SETTING_LINE.match(line)
    return match.group(1) if match else ""


def bare_key(line: str) -> str:
    """The key a line sets with its value on the lines under it ("waterModes:" over "- DripOnly"), or ""."""
    match = N.SETTING_LINE.match(line)
    return match.group(1) if match and line[match.end():].strip() == "" and line.rstrip().endswith(":") else ""


def line_setting(line: str, parent: str) -> str:
    """What a code block's line sets: its own key, or, for a value written under a bare key ("- DripOnly"
    under "waterModes:"), that key."""
    return setting_key(line) or bare_key(parent)


def key_words(key: str) -> list[str]:
    """The stemmed words a key joins: "waterModes" -> ["water", "mode"], "max_connections" -> ["max",
    "connect"], "soilType" -> ["soil", "type"]."""
    return [stem(part.lower()) for piece in re.split(r"[_.\-]+", key) for part in _CAMEL.findall(piece)]


def asked_thing(question: str) -> list[str]:
    """The words a "what"/"which" question asks for: those right after it (past "is", "the"), up to its verb,
    auxiliary, preposition or determiner ("what water modes does ..." -> ["water", "modes"], "what's the
    default checkMinutes for ..." -> ["default", "checkminutes"]); [] for other questions."""
    said = words(question.replace("’", "'"))
    if not said or not Q.ASKS_A_THING.match(question):
        return []
    rest = said[1:]
    while rest and (rest[0] in Q.BE_FORMS or rest[0] in Q.DETERMINERS or rest[0] in ("s", "'s")):
        rest = rest[1:]
    stop = Q.AUXILIARIES | Q.BE_FORMS | Q.DETERMINERS | Q.PREPOSITIONS
    out = []
    for word in rest:
        if word in stop:
            break
        out.append(word)
    return out


def named(thing: list[str], key: str) -> int:
    """How many of the asked words (:func:`asked_thing`) a key names, when it names nothing else: 0 when a word
    of the key is not among them. "soilType" names "soiltype" and "soil type" whole (1 and 2)."""
    parts = key_words(key)
    asked = [stem(w) for w in thing]
    if re.sub(r"[_.\-]", "", key).lower() in {w.replace("-", "").replace("_", "") for w in thing}:
        return len(parts)
    return len(set(parts)) if parts and set(parts) <= set(asked) else 0


def setting_line(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """For a question asking what something is ("what ... / which ..."): of the top lines setting a key made of
    the words it asks for (see the module doc), the one naming most of them, the best ranked of those; None
    for other questions, or when no such line ranks."""
    if intent.comparison or intent.parts:
        return None
    thing = asked_thing(intent.question)
    found = [(named(thing, u.setting), -i, u) for i, u in enumerate(ranked[: policy.kind_units]) if u.setting]
    best = max(found, default=None, key=lambda f: f[:2])
    return best[2] if best and best[0] else None


def line_label(unit: Unit) -> str:
    """The label a line outside code gives a short value ("Prep time" for "⏲️ Prep time: 30 min"), or ""."""
    match = None if unit.fenced or unit.row else N.LABEL_LINE.match(unit.quote)
    if not match or len(match.group(1).split()) > N.LABEL_MAX_WORDS:
        return ""
    return match.group(1) if len(match.group(2).split()) <= N.LABEL_VALUE_MAX_WORDS else ""


def _singular(word: str) -> str:
    """A word as written, a plural's "s" aside: "lifespans" is "lifespan", "depths" is "depth"."""
    return word.lower().removesuffix("s")


def label_lines(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> list[Unit]:
    """The label lines (:func:`line_label`) among the top lines whose whole label the question says (word for word,
    a plural aside; not a how-to question), the best ranked per label and note; a line only from a note whose
    heading path holds a word the question asks beside the label ("depth range of the clownfish and the moray":
    "Clownfish", "Moray"), when it asks one. [] when off."""
    if not N.LABELS_ANSWER or intent.how_to:
        return []
    question = intent.question.replace("’", "'")
    said = {_singular(w) for w in words(question)}
    found: dict[tuple[str, str], Unit] = {}
    for unit in ranked[: policy.kind_units]:
        label = line_label(unit)
        named = {_singular(w) for w in words(label)}
        # a label the question gives a value itself ("expose it on port 80") is a condition, not what it asks
        if not label or not named <= said or not terms(label) or re.search(
                rf"(?i)\b{re.escape(label)}s?\s+\d", question):
            continue
        named = set(terms(label))
        others = set(intent.key_terms) - named
        if others and not others & set(terms(unit.heading)):
            continue
        found.setdefault((unit.file, " ".join(sorted(named))), unit)
    return list(found.values())


def label_items(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> list[Unit]:
    """The label lines a question asks (:func:`label_lines`) when they are two or more (two labels, or one label
    of two notes): the answer quotes each, as it does a list's items; [] otherwise."""
    found = label_lines(intent, ranked, policy)
    return found if len(found) >= 2 else []


def label_line(intent: Intent, ranked: list[Unit], policy: Policy = DEFAULT) -> Unit | None:
    """The one label line a question asks (:func:`label_lines`), when it stands in the section of the best ranked
    line or one holding it (a label of another section names another thing's value, "Port: 80" of another
    service); None for a
    yes/no question, or when there are none or several."""
    if intent.comparison or intent.parts or intent.yes_no or not ranked:
        return None
    found = label_lines(intent, ranked, policy)
    top, line = ranked[0], found[0] if len(found) == 1 else None
    return line if line and line.file == top.file and f"{top.heading} > ".startswith(f"{line.heading} > ") else None
