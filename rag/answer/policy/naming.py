"""How a question asks a name, and how a line gives one: "what was the X called", naming verbs, quoted and defined
terms, the words that may stand between a name and its thing, and a question naming whose view it asks. Plain
English; re-exported by :mod:`.questions`, where the answer modules read them (``Q.NAME``).
"""

from __future__ import annotations

import re

# "what was the first ferry called", "what is the name of the new marina", "what do sailors call the last watch":
# the question asks a name, and <thing> is what it names (rag.answer.named). Not "what is it named after" (an origin).
NAME_ASKED = (
    re.compile(r"(?i)^what(?:['’]s|\s+(?:is|was|are|were))\s+(?:the\s+)?names?\s+(?:of|for)\s+(?P<thing>.+?)\s*\??$"),
    re.compile(r"(?i)^what(?:['’]s|\s+(?:is|was|are|were))\s+(?P<thing>(?:[\w'’-]+\s+){0,6}?[\w'’-]+)\s+"
               r"(?:called|named)\b(?!\s+(?:after|for)\b)"),
    re.compile(r"(?i)^what\s+(?:do|does|did)\s+(?:[\w'’-]+\s+){1,3}?call\s+(?P<thing>.+?)\s*\??$"),
)
# a line naming a thing: a naming verb and the name's first word ("is called the dog watch", "called `back splice`"; "named after" is an
# origin, "known for" a fame), a quoted term, a term the line opens by defining ("a bight is the loop ...",
# "Bight: the loop ...")
NAMING_VERB = re.compile(r"(?i)\b(?:called|named|known\s+as|termed|aka|a\.k\.a\.)\s+(?!(?:after|for|by|in|to|on|from)\b)"
                         r"[\"“‘`*_]*([A-Za-z][\w'-]*)")
QUOTED_TERM = re.compile(r"[\"“‘`]([^\"”’`]{2,40})[\"”’`]")
DEFINED_TERM = re.compile(r"(?i)^\W*(?:(?:the|an?)\s+)?([\w'-]+(?:\s+[\w'-]+){0,2}?)(?:\s+(?:is|are|was|were)\s+(?:the|an?)\s+"
                          r"|\s*[:=–—]\s+\S)")
# what may stand between a name and the thing it names in a line: "the schooner Bluenose", "Bluenose, the schooner",
# "the marina of Seabrook", "the watch is called Dog" (punctuation is no word and is skipped)
# a relative pronoun ends the thing's own phrase as a preposition does ("the marina that the town built")
RELATIVE_WORDS = frozenset("that which who whom whose where".split())
NAME_LINKS = frozenset("the a an of is was are were called named known as aka".split())
# A question naming whose view it asks ("what is wrong with X according to Okafor", "in the view of Lund"): the
# name is the source, not the subject (rag.answer.attributed). The name: one word, or two capitalised ones.
ATTRIBUTION = re.compile(r"(?i)\b(?:according\s+to|in\s+the\s+(?:view|words)\s+of)\s+"
                         r"([^\W\d_][\w'-]*(?:\s+(?-i:[A-Z])[\w'-]*)?)")
