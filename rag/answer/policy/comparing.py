"""How a comparison's sides are read: what "or" and "vs" join, which words name a side, how each side's line is
chosen (rag.answer.versus, rag.answer.sides). Read as Q.NAME through rag.answer.policy.questions."""

from __future__ import annotations

import re

from .grammar import AUXILIARIES, BE_FORMS, DETERMINERS, PARTICLES, PREPOSITIONS, SUBJECT_PRONOUNS

# A yes/no question whose "or" offers the answer's options for a subject named before them: "does a high tide
# mean a strong or weak current", "is a whale a fish or a mammal" (a phrase opening with an article after the
# subject's words) asks which option holds, not a comparison of two things ("is the sun or the moon bigger",
# "should I use a list or a tuple": the asker is the subject, choosing between two things).
OPTION_ARTICLES = frozenset("a an the".split())
ASKER_WORDS = frozenset("i we you me us my our your".split())
VERSUS = re.compile(r"(?i)\s+(?:vs\.?|versus|compared (?:to|with)|or|differs? from|different from|as opposed to)\s+")
# When nothing is compared ("knights vs knaves"), a side's line is one the side is the subject of, opening with
# its name ("Knaves always lie"), before one naming it only as a predicate ("Guard 1 is a Knave"): False turns off
SIDE_AS_SUBJECT = True
# A comparison asking a kind of value ("first stage vs second stage: how long does each take") is answered for each
# side by a line stating that kind (a duration), before one only naming the side (rag.answer.sides.best_line)
SIDE_HOLDS_ASKED_KIND = True
# A side named by a stopword alone ("service vs return" in tennis notes) keeps it as a term while answered
# (rag.answer.versus.named_stopwords; False: off); never a function word (closed classes, SIDE_NAME_NOT) nor a number.
SIDE_NAME_STOPWORDS = True
SIDE_NAME_NOT = DETERMINERS | PREPOSITIONS | SUBJECT_PRONOUNS | ASKER_WORDS | AUXILIARIES | BE_FORMS | PARTICLES | frozenset(
    "what which who whom whose when where why how if because while as until unless once that and or but not no nor so "
    "than then both either neither other more less most least same own too very one".split())
# A comparison side whose name is the other side's name shortened ("butter vs brown butter", "a loan vs a secured
# loan"), maybe with a word saying it is the unqualified one (PLAIN_FORM_WORDS: "plain rye vs rye sourdough"), is the
# shorter name standing alone: its line names it without the other side's extra word (rag.answer.versus; False: off)
SUBSET_SIDE = True
PLAIN_FORM_WORDS = frozenset("plain bare vanilla ordinary".split())
# A comparison side's vague or light words name nothing of that side ("a pod vs a specific container": "container"
# names it, "specific" does not): they are left out of the side, and a side
# made only of them is no side, so the question is no comparison of it (rag.answer.versus.side_terms; empty: off)
VAGUE_SIDE_WORDS = frozenset("specific particular certain given various".split())
# A comparison asking what tells two things apart, nothing else compared ("difference between X and Y"), is answered for
# each side by a line saying something of it before a line of a code block merely writing it ("$ tool x --flag"):
# the command shows the side, the prose says how it differs (rag.answer.sides.best_line; False: off)
SIDE_SAID_NOT_SHOWN = True
SIDE_MAX_WORDS = 3  # a comparison side is shown by at most this many of the question's words ("For trade deficit:")
DIFFERENCE = re.compile(r"(?i)^.*?\b(?:difference|differences|diff)\s+between\s+(.+?)\s+and\s+(.+?)\??$"
                        # "compare A and B", "compare A with B"; "how do A and B differ (in cost)"
                        r"|^\s*compare\s+(.+?)\s+(?:and|with|to)\s+(.+?)\??$"
                        r"|^\s*how\s+(?:do|does|did)\s+(.+?)\s+and\s+(.+?)\s+differ\b(.*?)\??$")
# "how many crew do A and B each need", "... do both A and B need", "... do A and B need, respectively": one question
# of each of two things, read as "A vs B" (rag.answer.versus._each_as_versus) so each side gets its own line. The
# two follow the first auxiliary (not the asker: "what do I do with A and B each morning"), each in at most
# EACH_SIDE_MAX_WORDS words; EACH_WORDS float after them, "both" opens them. False: off.
EACH_OF_TWO_AS_SIDES = True
EACH_SIDE_MAX_WORDS = 4
EACH_WORDS = ("each", "respectively")
