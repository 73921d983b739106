"""How-to, command and request questions: what they ask, the object and means they name. Plain English; read as
``Q.NAME`` through :mod:`rag.answer.policy.questions`."""

from __future__ import annotations

import re

# A question asking how to do something ("how do I caulk a seam", "how to ..."): what the notes write as commands
# answers it (rag.answer.steps). A request that opens with neither a question word nor an auxiliary ("list the open
# ports", "copy a file out of the box", "general fix for ...") may ask for a command or for a fact: a short code block
# it hits is quoted whole, as for a how-to question (rag.answer.blocks), but prose there still answers first.
HOW_TO = re.compile(r"(?i)^\s*how\s+(?:do|can|could|would|should|to)\b")
REQUEST = re.compile(r"(?i)^\s*(?!(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|does|do|did|can|could"
                     r"|should|will|would|has|have|must|may|might)\b)[a-z]")
# A question asking for a command or option by name ("what flag skips the cache", "which command lists the jobs") or
# whether one can do something ("can I bake it without a lid"): what a prose line describes, the code block under it
# does (rag.answer.follows.code_after), as for a how-to question.
ASKS_COMMAND = re.compile(r"(?i)^\s*(?:what|which)\s+(?:\w+\s+)?(?:command|option|flag|switch|argument|syntax)s?\b"
                          r"|^\s*(?:can|could)\s+(?:i|we|you)\b")
# The means or key a how-to imposes ("how do I sort the jars by their date", "how to tie it with a bowline"): a
# preposition of means, a determiner, then the noun (group 1) the answering line must speak of
# (rag.answer.means.unspoken_means)
HOW_TO_MEANS = re.compile(r"(?i)\b(?:by|with|using|via)\s+(?:its|their|the|a|an|his|her|my|your|our)\s+([a-z][\w-]*)")
