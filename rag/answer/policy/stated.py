"""What a question's kind needs its answering line to state, and how a line states it: a ranking for a
superlative asked, a place for a where-question, a reason (a connective, a causing verb) for a why-question, a
manner for a how-question. Plain English; re-exported by :mod:`.questions`, where the answer modules read
them (``Q.NAME``).
"""

from __future__ import annotations

import re

# A why-question asks for a reason, and a note states a reason with a connective that introduces one ("because",
# "since", "the reason is that", "X is the material of choice as it sticks less", "so that", "due to"); among the
# lines of the right section, the one giving the reason is the answer, its neighbours only say what is done.
# rag.answer.evidence weighs such a line up for a why-question (Policy.bonus_reason). "as the ..." ending the line
# within two words names a role ("use the reef knot as the first tie"), not a clause giving a reason; "as it" after
# a word of manner or degree ("exactly as they were", "just as it is") compares, it gives no reason. A line saying
# when a thing is of use ("this is especially useful when the tide turns") gives the reason to do it: a why-question
# ("why would I X") asks what it is good for.
WHY_QUESTION = re.compile(r"(?i)^\s*(?:why|how come)\b")
REASON = re.compile(r"(?i)\b(?:because|since(?!\s+\d)|the reason|reasons? (?:is|are|was|being)|due to|owing to|thanks to"
                    r"|so that|in order to|that(?:'s|\s+is)\s+why|which is why"
                    r"|(?<!exactly )(?<!just )(?<!precisely )(?<!same )(?<!such )(?<!much )as (?:it|they|this|that|there)\b"
                    r"|\b(?:useful|handy|helpful)\s+(?:when|if)\b"
                    r"|as (?:these|those|the)\b(?!(?:\s+[\w'-]+){1,2}\W*$))")
# "how were the strata dated", "how does a comet move": how a thing is or was done, its nested lines the ways
# (rag.answer.parallel.with_children); "how to" and "how do I" ask steps instead (questions.HOW_TO)
MANNER = re.compile(r"(?i)^\s*how\s+(?:is|are|was|were|do|does|did|has|have|had)\b")
# A ranking asked: a superlative after an article or a possessive ("which is the largest", "the most prized",
# "its best"), the grammar of a question asking which thing ranks first (rag.answer.superlative). A line ranks with
# any superlative, "most"/"least", a maximum or minimum, or "top" (leniently: a false hit only lets a line answer).
RANKING_WORDS = frozenset("most least best worst".split())
SUPERLATIVE_ASKED = re.compile(r"(?i)\b(?:the|its|their|his|her|our|your)\s+(most|least|best|worst|[a-z]{3,}est)\b")
ONE_OF = re.compile(r"(?i)\bone\s+of\s*$")  # "one of the oldest vines": a member of a top group, no ranking asked
# ...and a line giving a range of values ("Steeping: 3 minutes to 5 minutes") states its shortest and longest
VALUE_RANGE = re.compile(r"(?i)(?<![\w.])\d[\d,.]*\s*[a-z%°]*\s*(?:-|–|—|to|through|thru)\s*\d")
RANKING_STATED = re.compile(r"(?i)\b(most|least|best|worst|top|max(?:imum)?|min(?:imum)?|[a-z]{2,}est)\b")
# words ending in -est that rank nothing ("the rest", "the latest request" still ranks by time: kept out too, as
# "latest" asks a date, which the amount checks read)
NOT_SUPERLATIVE = frozenset("""rest test tests interest request suggest west forest honest digest protest guest nest
    harvest manifest contest arrest invest quest chest crest vest pest zest jest lest unrest conquest modest
    earnest latest behest midwest northwest southwest bequest inquest""".split())
# A causing verb gives a reason as a connective does: "this brine results in firmer pickles" says why they are firm
# (rag.answer.restated)
CAUSING = re.compile(r"(?i)\b(?:results?\s+in|resulted\s+in|leads?\s+to|led\s+to|causes?|caused|comes?\s+from|came\s+from"
                     r"|makes?\s+it|made\s+it|so\s+(?:we|you|they|it|that|the)\b|in\s+order|helps?\s+to|allows?)\b")
# A where-question asks a place, and a line states one with a preposition of place or a path ("kept in the cellar",
# "from the quarry", "mount it on /mnt/charts") (rag.answer.place)
WHERE_QUESTION = re.compile(r"(?i)^\s*where\b")
PLACE_STATED = re.compile(r"(?i)\b(?:in|at|on|from|near|inside|into|onto|under|between|to|across|within|outside|above|below"
                          r"|behind|beside|along|over|through|around|beneath|among|toward|towards)\b|/")
# ...and a path names a place of its own ("/mnt/charts", "~/logs", "./build", ".cache/tiles", "maps/harbour.png"): of
# the lines a where-question finds, one writing a path says where (rag.answer.evidence, Policy.bonus_path_place);
# "and/or", "1/2", "km/h" and a web address are no paths; nor is a line of a code block (a setting's path places what
# the setting does, not what the question asks)
PATH_STATED = re.compile(r"(?:(?<![\w.:/])(?:~|\.\.?)?/[\w.-]+(?:/[\w.-]*)*|(?<![\w/])\.[\w-]+/[\w./-]*"
                         r"|(?<![\w/])[\w-]+/[\w./-]*\.[A-Za-z]\w*)")
# What a how-to question's task is for ("generate a key for the database"): the words after "for" say what it serves,
# not which task it is, so a section title need not say them (rag.answer.titled.sibling_task)
TASK_PURPOSE = re.compile(r"(?i)\s+for\s+.*$")
