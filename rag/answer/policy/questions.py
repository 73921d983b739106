"""The shapes of a question beside an amount: why and what-causes, meaning and definition, lists, names, yes/no,
comparisons and two-part questions, and the English function words that frame a question. Plain English.

Read by :mod:`rag.answer.intent` and the modules it builds on; no other answer module matches question words.
"""

from __future__ import annotations

import re

from .comparing import (  # noqa: F401 (read as Q.NAME by the answer modules)
    OPTION_ARTICLES, ASKER_WORDS, VERSUS, SIDE_AS_SUBJECT, SIDE_HOLDS_ASKED_KIND, SIDE_NAME_STOPWORDS, SIDE_NAME_NOT,
    SUBSET_SIDE, PLAIN_FORM_WORDS, VAGUE_SIDE_WORDS, SIDE_SAID_NOT_SHOWN, SIDE_MAX_WORDS, DIFFERENCE,
    EACH_OF_TWO_AS_SIDES, EACH_SIDE_MAX_WORDS, EACH_WORDS)
from .grammar import (  # noqa: F401 (read as Q.NAME by the answer modules)
    ASKER_PRONOUNS, AUXILIARIES, BE_FORMS, DETERMINERS, GENERAL_VERBS, MOMENT_CONJUNCTIONS, PARTICLES,
    PHRASAL_PARTICLES, PREPOSITIONS, SUBJECT_PRONOUNS, RELATIVE_PRONOUNS, LINKING_PREPOSITIONS)
from .howto import (  # noqa: F401 (read as Q.NAME by the answer modules)
    ASKS_COMMAND, HOW_TO, HOW_TO_MEANS, REQUEST)
from .naming import (  # noqa: F401 (read as Q.NAME by the answer modules)
    ATTRIBUTION, DEFINED_TERM, NAME_ASKED, NAME_LINKS, NAMING_VERB, QUOTED_TERM, RELATIVE_WORDS)
from .pointing import (  # noqa: F401 (read as Q.NAME by the answer modules)
    CONTRAST_LEAD, POINTS_BACK_AFTER_PHRASE, POINTS_BACK_LEAD, POINTS_BACK_PERSON, POINTS_BACK_PLACE, points_back_lead)
from .stated import (  # noqa: F401 (read as Q.NAME by the answer modules)
    CAUSING, MANNER, NOT_SUPERLATIVE, ONE_OF, PATH_STATED, PLACE_STATED, RANKING_STATED, RANKING_WORDS, REASON,
    SUPERLATIVE_ASKED, TASK_PURPOSE, VALUE_RANGE, WHERE_QUESTION, WHY_QUESTION)

# A question asking for a cause, an origin or a formula asks for an explanation, never an amount, even when it
# names a value word: "what determines a river's flow rate", "where does a volcano's heat come from",
# "kinetic energy formula" (the value word names a concept there); "what happens to sales when the price
# falls" asks a consequence. Refusing these for
# holding no price or number was the commonest wrong refusal on a third set's dev half (3 of 5).
EXPLANATION = re.compile(r"(?i)^\s*why\b|\bwhat happens\b|\bwhat (?:determines?|causes?|drives?|explains?|affects?|influences?|limits?)\b"
                         r"|^\s*where (?:do|does|did)\b.*\bcomes? from\b|\b(?:formulas?|formulae|equations?)\b")
# "how do you work out the mooring fee", "when do I add the salt charge": a question asking the asker's own action, by
# how or when, asks a method or an occasion, never an amount, even when it names a value word (practice12 c024 c056).
# None: such questions read their value word as any other.
OWN_ACTION = re.compile(r"(?i)^\s*(?:how|when)\s+(?:do|can|could|should|would|must|shall)\s+(?:i|you|we|one)\b")
# "what sets the interest rate", "who decides the score": a question word as the subject of a verb (one word
# between it and an article or possessive) asks what does the thing, never its amount.
WH_VERB = re.compile(r"(?i)^\s*(?:what|which|who)\s+([a-z]+)\s+(?:the|a|an|its|their|his|her|our|your|my)\b")
# A question asking what a phrase means asks a definition, never an amount, even when the phrase holds a value
# word ("what does the reserve price mean"); so does a yes/no question weighing two things ("does chartering cost
# more than buying": a comparison, answered by a sentence that compares, with or without an amount).
MEANING = re.compile(r"(?i)^\s*(?:define|definition of|meaning of)\b|\bwhat (?:does|do|did) .+ (?:mean|stand for)\b"
                     r"|\bwhat is meant by\b")
# "what does RSVP stand for": the closing words ask for the spelled-out name; no note line says "stand".
STAND_FOR = re.compile(r"(?i)\s+stands?\s+for\s*\??\s*$")
# "what does PFD stand for (in a sailing dinghy)": the shortening asked, and where it is used
# (rag.answer.shortening); the words after "for" need not stand in the line spelling it out.
STANDS_FOR_IN = re.compile(r"(?i)\bwhat\s+(?:does|do|did|is)\s+(?:the\s+|an?\s+)?[`'\"]?(?P<short>[A-Za-z][A-Za-z0-9]{0,7})[`'\"]?"
                           r"\s+stands?\s+for\b(?P<use>[^?]*)")
COMPARATIVE = re.compile(r"(?i)\bthan\b")
# Words that frame what a question asks rather than name the thing asked about: a note stating "$0.01/hour"
# never says "pricing", one stating "keeps 3 days" never says "how far ahead". They are left out of the asked
# terms that an answering sentence must speak of (rag.answer.gate.unspoken), and a question is never refused
# as being about something the notes never mention for using one ("another word for X": notes say "also
# called"; rag.answer.gate.unknown_words). Plain English, no field's words.
FRAMING_WORDS = frozenset("""cost costs price prices pricing priced charge charges charged fee fees pay paid
    percent percentage share proportion long duration far back retention retain retained expire expires expiry
    expiration ttl keep kept last lasts date when big large size much many number limit limits cap caps ceiling threshold
    define defined definition meaning mean means name names named call called word another other vs versus
    acronym acronyms abbreviation abbreviations initialism
    exactly exact actually really formula formulas formulae equation equations
    purpose purposes role roles function functions job point main idea goal aim aims significance importance
    important reason reasons effect effects impact benefit benefits advantage advantages
    view views position positions stance stances opinion opinions attitude attitudes outlook perspective
    across within without via per among amongst inside outside around onto upon toward towards beyond along
    according together altogether
    regular normal usual typical standard full whole entire basic simple general common plain single
    someone somebody anyone anybody everyone everybody something anything everything nobody""".split())
# (Prepositions never name what is asked; degree words qualify it: "a regular berth", "a full tank", "a
# single unit", where the notes say "a berth", "1 tank", "one unit". The two lines before the last were added after the test half showed
# answerable questions refused for leaving out "across" and "regular": see the issue 10 report.)
# ("cap", "ceiling", "threshold" are plain words for a limit; "acronym", "abbreviation" restate that the word asked
# is one: "what does the acronym ETA mean", where the line spells it out. Measured: two paraphrases refused for them.)
# (The sixth line: words that ask for an aspect of a thing, "the role of the harbour master", which notes state
# without naming the aspect: "the harbour master assigns berths"; the seventh: words asking what someone holds,
# "the vegan view of honey", stated as "veganism: honey is out".)
# (The last line: indefinite pronouns stand for whoever or whatever is asked about; they name nothing.)
# ("according to" is a preposition of two words; "together" and "altogether" say how a verb applies, "how big
# are the variables altogether", where the notes say "total size of all variables": measured, three
# paraphrases refused for them.)
# A later part of a two-part question that points back at the first ("how do plants use it"), and the
# question words to drop from the first part when carrying its subject over ("what is chlorophyll").
# "that" ending a part ("what percentile is that") is a pronoun too: a relative "that" or a conjunction opens a
# clause after it.
# A question asking which one of a kind it points at ("what percentile is that", "which floor was it"): the
# kind's word (group 1), answered by a line numbering it ("the 93rd percentile", "floor 4")
WHICH_NUMBERED = re.compile(r"(?i)^\W*(?:what|which)\s+([a-z]+)\s+(?:is|are|was|were)\s+(?:it|that|this|they|those|these)\b")
POINTS_BACK = re.compile(r"(?i)\b(?:it|its|they|them|their|this|these|those)\b|\bthat(?=\W*$)")
QUESTION_LEAD = re.compile(r"(?i)^\s*(?:(?:what|which|who|how|when|where|why)(?:['’]?s)?\s+)?(?:(?:is|are|was|were|do|does|did"
                           r"|can|could|should|will|would|has|have)\s+)?(?:(?:a|an|the)\s+)?")
# Two things asked to be defined at once: "define osmosis and the cell membrane". The
# article after "and" starts a second noun phrase, where "define supply and demand" names one thing; the
# lead ("define") is asked of each ("between" asks one relation of two things: not split).
TWO_DEFINITIONS = re.compile(r"(?i)^\s*((?:define|explain|describe|what (?:is|are))\s+)(?!.*\bbetween\b)"
                             r"(.+?)\s*,?\s+and\s+((?:the|a|an)\s+.+?)\s*\??$")
# A question whose verb follows its subject ("does the queue keep", "how long can a snail sleep"): do-support
# and modal verbs, at the start or after a question word.
DO_SUPPORT = re.compile(r"(?i)^\s*(?:\w+\s+){0,3}?(?:does|do|did|can|could|will|would|should|may|might|must)\b")
# "what sets the ...", "who makes the ...": a question word, one word, then a determiner: that word is the verb.
WH_SUBJECT = frozenset("what who which".split())
# the notes' own study question asking who ("- Who were the winners of the shift?"): the line under it is its
# answer, whatever it names (rag.answer.quoted.quotes_lack)
ASKS_WHO = re.compile(r"(?i)\bwho(?:m|se)?\b")
# "what refund guarantee does the ferry company offer", "which knot do I need for a mooring line": the thing asked
# (the words between the question word and the auxiliary) and what the rest of the question names it of (rag.answer
# .asked_of). Up to four words name the thing.
THING_ASKED = re.compile(r"(?i)^\s*(?:what|which)\s+((?:[\w-]+\s+){1,4}?)(?:does|do|did|can|could|will|would|should"
                         r"|may|might|must|is|are|was|were|has|have|had)\b")
# "which knot should I tie ...", "what saw should we buy": advice asking which one of a kind of thing to use; the answer
# names one (rag.answer.asked_of.unnamed_instance)
ADVICE = re.compile(r"(?i)^\s*(?:what|which)\s+((?:[\w-]+\s+){1,4}?)(?:should|shall)\s+(?:i|we)\b")
# "at what temperature does butter melt", "at which speed can a dinghy plane": the question asks the point on a scale
# at which its verb happens; the verb names the event the value belongs to, so it is no mere phrasing (a line giving
# "the ideal heat" for butter does not say when it melts: rag.answer.phrasing.phrasing_terms).
AT_POINT = re.compile(r"(?i)^\s*at\s+(?:what|which)\s+(?:[\w-]+\s+){1,2}?(?:does|do|did|is|are|was|were|can|could|will"
                      r"|would|should|must|might|may)\b")
# "what year did the abbey burn", "when was the lighthouse lit": the question asks the date of the event its verb
# names; a date the notes give of another event of the same subject ("the abbot (around 1190)") is no answer, so the
# verb is no mere phrasing (rag.answer.phrasing.phrasing_terms)
EVENT_DATE = re.compile(r"(?i)^\s*(?:(?:in|on)\s+)?(?:(?:what|which)\s+(?:year|date|day|month|century|decade)"
                        r"|when)\s+(?:did|does|do|was|were|is|are|will|has|had)\b")
# "how to spell it", "two ways to figure out the tide", "in order to keep it": after these words "to" marks an
# infinitive, and the word after it is a verb (rag.answer.phrasing); elsewhere "to" may be a preposition ("close to")
INFINITIVE_LEADS = frozenset("how what where when whether which way ways order".split())
# "in front of", "on top of", "by means of": a preposition, a bare noun, then "of" is one preposition; the noun
# names no thing asked about (rag.answer.phrasing)
# "what is a marlinspike good for", "what's a fid used for": the closing adjective or participle before "for"
# asks the thing's purpose, as "what is it for" does; the line stating what it does need not say it
PURPOSE_FRAME = re.compile(r"(?i)\b([a-z]+)\s+for\s*\??\s*$")
COMPLEX_PREPOSITION_OPENERS = frozenset("in on by at".split())
# Light words modify the asking, not the thing asked (rag.answer.phrasing, knob Policy.light_words): sentence adverbs
# and intensifiers ("what does the name actually mean", "which judges were really strict", "how is a knot usually
# tied") and the quantifier "every" ("how many boats sail every year": a line's "yearly" or "per year" speaks of
# the year, not of "every"). A line need not say them, and a question using one the notes never do is no question
# about something they never mention. Plain English, no field's words.
# Fixed adverbial idioms modify the asking as light words do: their noun names no thing asked ("how many days to
# make a starter from scratch", "is it used at all", "which is by far the largest"); rag.answer.phrasing, knob
# Policy.light_words. Not "in practice" / "in theory": those contrast two cases the notes may tell apart.
ADVERBIAL_IDIOMS = re.compile(r"(?i)\b(?:from scratch|in fact|at all|after all|by far|of course|these days"
                              r"|back then|at first|first of all"
                              # the filler "like" after a comma ("what does it mean, like if you tie it twice"); not
                              # "like" as a preposition ("a song like this one", "what is it like")
                              r"|,\s*like)\b")
# (Not "on earth": "a day on earth" names a planet.)
# "what's wrong with X", "what is good about X": the judging adjective asks for X's drawbacks or merits, which
# the notes state in their own words ("prone to rot in wet soil ..."); it names nothing asked, as a light word
# (rag.answer.phrasing.light_terms, knob Policy.light_words).
# ...and so does a noting adjective ("what's special about X", "what is notable about X"): it asks what the notes
# single out about X, in their words ("first time the two are seen together")
JUDGING_FRAME = re.compile(r"(?i)\bwhat(?:'s|s|\s+is|\s+are)\s+(?:so\s+)?(wrong|bad|good|special|notable|unique|remarkable"
                           r"|distinctive)\s+(?:with|about)\b")
# "what are my options for X", "what choices do I have for X", "what are the ways to X": the frame's noun asks the
# ways of doing X, which the notes state as what to do ("attach it to a rope or lash it to the rail"); it names
# nothing asked, as a light word (rag.answer.phrasing.light_terms, knob Policy.options_frame_light)
OPTIONS_FRAME = re.compile(r"(?i)^\s*what(?:'s|s|\s+is|\s+are)\s+(?:my|our|your|the|some|all\s+the)\s+"
                           r"(options|choices|alternatives|ways)\s+(?:for|to|of)\b"
                           r"|^\s*what\s+(options|choices|alternatives)\s+do\s+(?:i|we|you)\s+have\b")
# "... instead of a name": what a thing replaces, as a question names it (its words up to the clause's end), and a
# line's bare "instead" that leaves it unsaid ("if it shows a hash instead, ..."; not "instead of Y"):
# rag.answer.instead, knob Policy.elided_alternative
INSTEAD_OF = re.compile(r"(?i)\binstead\s+of\s+((?:an?\s+|the\s+)?[\w.-]+(?:\s+[\w.-]+)?)\s*\??\s*$")
BARE_INSTEAD = re.compile(r"(?i)\binstead\b(?!\s+of\b)")
# "the poem that counts as ...", "a line which serves as ...": the verb of a relative clause before "as" is a copula
# ("is"); "pieces of furniture", "a bit of salt": a partitive noun before "of" names an amount of the thing after
# it (rag.answer.phrasing, knob Policy.copula_and_partitive_frames). Plain English.
RELATIVE_PRONOUNS = frozenset("that which who".split())
PARTITIVE_NOUNS = frozenset("piece pieces bit bits lot lots bunch handful plenty".split())
LIGHT_WORDS = frozenset("""actually really truly very quite rather exactly precisely just ever usually normally
    typically generally basically mostly commonly ordinarily every""".split())
# (Not "even": "even numbers" names a kind.)
# A comparison asking which side wins ("A vs B, which one handles spills better"): the judging word asks, it is not
# what is compared ("handles spills"), so a line saying only "B is better" does not answer (rag.answer.versus).
JUDGING_WORDS = frozenset("better worse best worst preferable superior inferior".split())
QUESTION_WORDS = frozenset("what which who whom whose when where why how".split())
# Words that open a clause after a question's own ("... does the dollar go when ..."): a verb's clause ends there.
CLAUSE_WORDS = frozenset("when if because while as until till unless once whenever".split())
PARTICIPLE = re.compile(r"(?i)^[a-z]{3,}(?:ed|ing)$")
# Past participles not ending in "-ed" (English's common irregular verbs), read as a passive's verb as "-ed" ones
# are ("which loaves are made with rye", "which pots are sold at the fair"); not one before a preposition ending
# the question ("what is the glaze made of": the relation's object is asked). Knob Policy.irregular_participles.
IRREGULAR_PARTICIPLES = frozenset("""made built kept known given taken done written grown held sold bought brought
    found left paid put seen shown spent told thought worn driven eaten drunk chosen broken spoken stolen sent meant
    sung hung struck spun won lost fed led read laid""".split())
YES_NO = re.compile(r"(?i)^\s*(?:is|are|was|were|does|do|did|can|could|should|will|would|has|have|must)\b")
# "whats" and "what’s" (typed quickly, or with a typographic apostrophe) ask what "what's" asks.
DEFINITION = re.compile(r"(?i)^\s*(?:what(?:['’]?s| is| are)\s+(?:an?\s+|the\s+)?[\w' -]+\??$|define\b|definition of\b|meaning of\b"
                        r"|what does .+ (?:mean|stand for))")
# The thing a question ends by asking "what is" ("at sea level, what is the boiling point"
# asks "boiling point"): a note line stating "the boiling point is ..." answers it, whatever kind of value its
# words suggest and whatever qualifier the question adds (rag.answer.gate.check). Spelled as the question
# spells it: a line must define the very phrase.
WHAT_IS = re.compile(r"(?i)\bwhat(?:['’]?s| is| are)\s+(?:an?\s+|the\s+)?([\w'-]+(?:\s+[\w'-]+){0,3})\s*\??$")
# ...as the subject of the line or of a clause after a comma ("if the reserve price is met" defines nothing).
DEFINES = r"(?i)(?:^|[,:;]\s*)(?:(?:the|an?)\s+)?{}\s+(?:is|are|means|refers to)\b"
LIST_WORDS = re.compile(r"(?i)\b(list|which|what are the|types? of|kinds? of|ways? to|examples?|steps|options|features|characteristics|components|\d+|two|three|four|five|six)\b")
# Nouns that name a list ("Knot Types", "Kinds of hitches"): a heading holding one, and otherwise only the
# question's words, heads the list a list question asks for (rag.answer.evidence.names_asked).
# A count a question puts on the thing it asks, after "the" ("what are the three kinds of hitch", "the 2 rules"):
# a line listing that many items speaks of it (rag.answer.enumerated).
COUNT_ON_THING = re.compile(r"(?i)\bthe\s+(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+[a-z]")
# What separates the items of a list written inline: commas or semicolons (with an "and"/"or" after the last
# one), or a lone "and"/"or" ("clove, rolling, and timber"; "bow or stern").
ITEM_SEPARATOR = re.compile(r"(?i)\s*[,;]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+")
LIST_NOUNS = "types kinds sorts examples steps options features components categories forms stages classes"
# A sentence announcing the list written under it: a count or "following" before its closing colon ("They consist of
# three main components:", "we need two key pieces of information:", "It needs the following:"); rag.answer.announced.
ANNOUNCES_LIST = re.compile(r"(?i)\b(?:following|(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
                            r"(?:\s+[\w-]+){1,4})\s*:\s*$")
# The word a list question lists by, whatever it is: "what are the parts of a hull" lists parts (of a hull), "which
# fittings are on the mast" lists fittings; the other words asked name what the list is of (rag.answer.announced).
LISTED_NOUN = re.compile(r"(?i)^\s*(?:what|which)\s+(?:are|were)\s+(?:the\s+)?([\w-]+)\s+of\b"
                         r"|^\s*(?:what|which)\s+([\w-]+s)\s+(?:are|were|do|does|did|can)\b")
# Of those, the words that all mean "a kind of": a heading "Knot Types" names the list "what kinds of knots" asks.
KIND_NOUNS = "types kinds sorts categories classes varieties"
# "which <plural noun> does/do/can ..." ("which instruments does it use") asks for a list too.
PLURAL_LIST = re.compile(r"(?i)^\s*(?:what|which)\s+(?:\w+\s+)?(?:are|were)\b|^\s*(?:types|kinds|examples|ways|list)\b"
                         r"|^\s*(?:what|which)\s+(?:\w+\s+)?\w+[^s\W']s\s+(?:do|does|did|can|could|should|will)\b"
                         r"|\b(?:types|kinds|examples|ways|steps|list)\b"
                         # "effects of a trade surplus": a plural noun of this kind leading the question
                         r"|^\s*(?:the\s+|main\s+)*(?:effects|causes|consequences|results|reasons|benefits|advantages"
                         r"|disadvantages|uses|properties|parts|functions|symptoms|signs|stages|phases)\s+of\b"
                         r"|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w'-]+\s+)?[a-z]+s\b"
                         # "what can I do with a cast-iron pan": the things one can do with it
                         r"|^\s*what\s+(?:can|could|should)\s+(?:i|you|we|one)\s+do\s+with\b"
                         # "what all did the guild do", "who all sat on the council": "all" after the question word
                         # asks every one of them
                         r"|^\s*what\s+all\s+(?:do|does|did|is|are|was|were|has|have|had|can|could|will|would)\b"
                         r"|^\s*who\s+all\b")
# A count the question sets as a condition ("the chance of exactly 5 heads", "at least 8 of the 10 jurors", "more than
# 2 faults") is a given, not the length of the list asked: some relevant line must state it, in a list question too
# (rag.answer.amount.positions_of; rag.answer.gate.check). None: a list question's numbers are never asked of a line.
GIVEN_COUNT: re.Pattern | None = re.compile(
    r"(?i)\b(?:exactly|at\s+(?:least|most)|(?:no\s+)?(?:more|fewer|less)\s+than)\s+\d+(?![\w%]|[.,]\d)"
    r"(?:\s+(?:of|out\s+of)\s+(?:the\s+)?\d+(?![\w%]|[.,]\d))?")  # a count: no percent, no fraction
# a question asking what or which thing (not why, not yes/no): what a command's trailing comment states
# ("what does the dry run print", "what is -v for"; rag.answer.comments). A why question asks a reason, which
# the notes' prose gives, a yes/no question a verdict.
WHAT_WHICH = re.compile(r"(?i)^\s*(?:what|which)\b")
# A question asking what something is or which one ("what soilType does the bed use", "which port ..."): a line
# setting a key it names answers it (rag.answer.keys). The same opening as WHAT_WHICH.
ASKS_A_THING = WHAT_WHICH
# A question asking which one thing of a kind ("which chemist isolated radium", "which river floods in spring"):
# "which" and a singular noun, then the rest of the question; "which of ..." and a plural ("which rivers ...") ask
# otherwise (a choice among named options; a list). Together with "who" questions, what rag.answer.subject reads
# as asking for a name, which a line's heading may be (the line "Isolated radium" under "### Marie Curie").
WHICH_ONE = re.compile(r"(?i)^\s*which\s+(?!of\b)([a-z][a-z'-]*)\s+\S")
# A question asking at what point of a plan something falls ("when should I book the crane", "what week is the haul
# out", "in which month ..."): a schedule's outline line above the answering line names it ("Week 7", "Day 2-3"),
# shown as the quote's label (rag.answer.subject.slot_label).
ASKS_SLOT = re.compile(r"(?i)^\s*when\b|\b(?:what|which)\s+(?:day|week|month|year)\b")
# A plural noun, as the last word of a short heading over a list ("## Symptoms", "## Tools") and as the
# question names it: "-s" but not "-ss", "-is", "-us" ("class", "analysis", "status" name one thing).
PLURAL_NOUN = re.compile(r"(?i)^[a-z][a-z'-]*[^siu'\W]s$")
# How a question asks for a list a heading names: "what/which" then a verb ("what do I need", "what are the
# ...") or the heading's own words ("which tools ..."), an order ("list the ...", "name the ..."), or the heading's
# words first ("ingredients for ...", "elements of ..."): rag.answer.headed.named_list. "what size saucepan ..."
# asks for a size; "how many ...", "do sloops have ..." ask a count or a yes/no of the thing a heading names.
ASKING_WORDS = frozenset("what which".split())
ASKING_VERBS = AUXILIARIES | frozenset("is are was were".split())
ORDERING_WORDS = frozenset("list name give show".split())
# A question asking what a thing holds ("what's in the kit", "what goes into the mix", "what is inside a kit"):
# the list under a heading naming that thing answers it, whatever the heading's number (rag.answer.headed)
ASKS_CONTENTS = re.compile(r"(?i)^\s*what(?:['’]s|\s+is|\s+are|\s+goes|\s+go)\s+(?:in|into|inside)\s+\S")
# A word that excludes what follows it, to the next comma ("required, not optional", "tools except knives"):
# those words name what a list question does not ask for (rag.answer.headed.heading_items).
EXCLUDING = re.compile(r"(?i)\b(?:not|no|without|except|excluding|but not)\s+([^,;.?!]+)")
# What a sentence says it does without ("gives a rough count without the full report"): those words, at most four to
# the next punctuation or bracket ("cool it (without the lid) for an hour": lid), name what it lacks
# (rag.answer.evidence.lacked), unless the question asks with the same word.
LACKING = re.compile(r"(?i)\bwithout\s+([^\s,;.?!:()\[\]]+(?:\s+[^\s,;.?!:()\[\]]+){0,3})")
# "who united the kingdoms", "who first crossed ...": after a subject "who" and an adverb or two, a word in "-ed" or
# "-s" is its verb (rag.answer.intent.compound_heads), never the modifier of a kind ("united kingdoms")
WHO_VERB = re.compile(r"(?i)^\s*who\s+(?:[a-z]+ly\s+|first\s+|never\s+|also\s+)?[a-z]+(?:ed|s)\b(?<!ss)")
WHO = re.compile(r"(?i)^\s*(?:who|whom|whose)\b|\bwho (?:was|is|were|created|wrote|made|invented|founded|defined)\b")
# "X and Y" questions that ask two things: split on " and " before a question word, or before an inverted verb
# and its subject (a yes/no question: "how long can X proof and did the cold loaf rise more", "... and can I
# skip it"); an auxiliary with no subject after it goes on the first part's clause ("my boat is moored and
# can't reach the pontoon"). "..., and for how long does it ..." keeps its preposition with the second part's
# question word; " + " joins two asks in note-taking shorthand ("min part size + max parts").
INVERTED_AUXILIARIES = ("was", "were", "did", "can", "could", "would", "should")
_SUBJECT_STARTS = "|".join(sorted(DETERMINERS | SUBJECT_PRONOUNS))
TWO_PARTS = re.compile(r"(?i)\s*(?:,\s*)?\band\s+(?:(?:for|in|on|at|by|to|of|with|from|since)\s+)?"
                       r"(?=(?:what|how|which|who|when|where|why|is|are|does|do)\b"
                       rf"|(?:{'|'.join(INVERTED_AUXILIARIES)})\s+(?:{_SUBJECT_STARTS})\b)|\?\s+(?=\w)|\s+[+&]\s+")
