"""Kinds of value a question may ask (duration, size, price, ...): the units and numbers a note line states each
with, the question words asking each, bounds (max, min, default), counts and positions. Plain English.

Read by :mod:`rag.answer.amount` and :class:`rag.answer.intent.Intent`; a kind of value's words live here only.
"""

from __future__ import annotations

import re

# a number in digits, or a number word standing as a word of its own: "Ninebark" holds no "nine", "often" no
# "ten", "component" no "one" (inside another word, a count asked was found in every line)
NUMBER_WORDS = (r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                r"|hundred|thousand|million|billion|dozen|unlimited)(?=s?\b))")
TIME_UNITS = r"(?:ms|milli\w*|sec\w*|s\b|min\w*|mins?|hours?|hrs?|h\b|days?|weeks?|months?|years?|yrs?|decades?|centur\w+)"
MONEY_UNITS = r"(?:dollars?|euros?|pounds?|cents?|pence|yen|yuan|rupees?)\b"
SIZE_UNITS = (r"(?:bytes?|[kmgtp]i?b\b|[kmgtp]b/?s?\b"
              # an IEC binary prefix alone is a size too ("8Gi", "512Mi"), capitalised as written ("2 pi" is none)
              r"|(?-i:[KMGTPE]i\b)|kilobytes?|megabytes?|gigabytes?|terabytes?|characters|chars"
              # how big a thing is, not only a file: lengths, masses, volumes ("a 16 millimeter egg")
              r"|[nµμu]m\b|[mck]m\b|(?:nano|micro|milli|centi|kilo)?met(?:er|re)s?\b|inch(?:es)?\b|feet\b|foot\b|ft\b"
              r"|miles?\b|(?:milli|kilo)?grams?\b|[mk]?g\b|tonnes?\b|tons?\b|lbs?\b|(?:milli)?lit(?:er|re)s?\b|ml\b|gallons?\b)")

# A year is any number with an era marker, whatever its size ("480 B.C.", "3000 BC to 2000 BC", "AD 43", "c. 200
# BCE", "10,000 BC"): the marker says the number counts years. Written as notes write it, in capitals (a lower-case
# "bc" is shorthand for "because", "ad" a word), with or without dots.
ERA = r"(?-i:B\.?\s?C\.?(?:\s?E\.?)?|A\.?\s?D\.?|C\.?\s?E\.?)"
ERA_YEAR = rf"(?<![\w.,])\d[\d,]*s?\s?{ERA}(?![A-Za-z])|(?<![A-Za-z]){ERA}\s?\d{{1,4}}\b"
# A year written bare after a preposition of time ("planted the vineyard in 812", "by 800", "around 950"): three digits
# that no unit or percent follows, so "in 812" is a date where "in 500 ml" or "in 250 steps" are not. Four-digit
# years are dates anyway (the "date" pattern); two digits ("in 12") are too often counts. practice9 y062.
YEAR_AFTER_PREPOSITION = r"(?<!\bone\s)(?<!\b1\s)\b(?:in|by|around|circa|until|since)\s+\d{3}\b(?![.,]?\d)(?!\s*(?:%|[A-Za-z°]))"
# A century or millennium named by its number is a time too ("the 5th century", "third century BC", "the
# eighteenth-century salons"); a bare "century" counts years (a duration), not when.
CENTURY = (r"\b(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh"
           r"|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
           r"|twenty-first)[\s-]+(?:centur(?:y|ies)|millenni(?:um|a))\b")

# A span of one unit of time counted by an article, not a digit: "the varnish needs a week to cure", "(a day)", "an
# afternoon", "a few days", "a couple of hours". After "once", "twice", "times" or "per" the same words give how
# often ("twice a day"), not how long, and are left out; "a second" is left out too, mostly an ordinal ("a second
# coat"). After "for" the span is left as it was (counted only as "for a few days", below): counting "keeps for a
# year" made the composer quote a neighbouring line's span about another thing (tests/test_rank_lines.py). Off
# (DURATION_BY_ARTICLE False) a duration needs a number.
DURATION_BY_ARTICLE = True
ARTICLE_DURATION = (r"(?<!\bonce\s)(?<!\btwice\s)(?<!\btimes\s)(?<!\bper\s)(?<!\bfor\s)\b(?:a|an)\s+(?:few\s+|couple\s+of\s+)?"
                    r"(?:minute|hour|day|night|week|fortnight|month|year|morning|afternoon|evening)s?\b")

# What a supporting sentence must contain for each kind of value (a regex over the note sentence).
VALUE_PATTERNS = {
    "price": re.compile(rf"(?i)[$€£¥]\s?\d|\d\s?(?:usd|eur|gbp|cents?|dollars?|euros?|pounds?)\b|\bfree\b"
                        # "hundreds of millions of dollars"
                        rf"|\b{NUMBER_WORDS}s?\s+(?:of\s+)?{MONEY_UNITS}"),
    "percent": re.compile(rf"(?i){NUMBER_WORDS}\s*(?:%|percent)"),
    # ...or a span in plural units alone after "for" ("store them for weeks at a time", "for a few hours"): a
    # duration given loosely (practice11 k009)
    "duration": re.compile(rf"(?i){NUMBER_WORDS}\s*-?\s*(?:to\s+\S+\s+)?{TIME_UNITS}|\b(?:never|indefinite\w*|forever)\b"
                           r"|\bfor\s+(?:several\s+|many\s+|a\s+few\s+)?(?:minutes|hours|days|weeks|months|years)\b"
                           + (f"|{ARTICLE_DURATION}" if DURATION_BY_ARTICLE else "")),
    "size": re.compile(rf"(?i){NUMBER_WORDS}\s*{SIZE_UNITS}"),
    "temperature": re.compile(rf"(?i){NUMBER_WORDS}\s*(?:°|º|degrees?\b|kelvin|celsius|fahrenheit)|(?-i:\d\s*K\b)"
                              r"|\b(?:room|body) temperature\b"),
    "date": re.compile(rf"(?i)\b(?:1\d{{3}}|20\d{{2}})s?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
                       rf"|{ERA_YEAR}|{CENTURY}|{YEAR_AFTER_PREPOSITION}"),
    # "how quickly": a time ("within 5 minutes"), a rate ("3 per second") or words of speed ("less rapidly")
    "speed": re.compile(rf"(?i){NUMBER_WORDS}\s*-?\s*(?:to\s+\S+\s+)?{TIME_UNITS}|\bper\s+{TIME_UNITS}"
                        r"|\b(?:quick(?:ly|er|est)?|fast(?:er|est)?|rapid(?:ly)?|slow(?:ly|er|est)?|immediate(?:ly)?"
                        r"|instant(?:ly|aneous(?:ly)?)?|gradual(?:ly)?|sudden(?:ly)?|swift(?:ly)?|speed|pace|real[- ]time"
                        r"|at once|right away)\b"),
    # when an event happened: a date, a span of time ("in the 1300s", "decades later") or a clause placing it
    # in time ("after the fall of the empire", "during the storm"); not "now" or "then", which place nothing, nor
    # "when" or "once", which also state conditions ("when the tide and wind match")
    "time": re.compile(rf"(?i){ERA_YEAR}|{CENTURY}|{YEAR_AFTER_PREPOSITION}|"
                       r"\b(?:1\d{3}|20\d{2})s?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
                       r"|\b(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies)|after|before|during|since|until|till|follow(?:s|ed|ing)|preced(?:es|ed|ing)|ago|era|period"
                       r"|at the (?:end|start|beginning|time|turn)|(?:jan|febr)uary|march|april|june|july|august|september"
                       r"|october|november|december)\b"),
    "count": re.compile(rf"(?i){NUMBER_WORDS}|\b(?:unlimited|no limit)\b"),
    "number": re.compile(rf"(?i){NUMBER_WORDS}"),
}
# "charge" after "in" or "take" is being in control ("who was in charge of the fleet"), never a price
IN_CHARGE = r"(?<!\bin )(?<!\btake )(?<!\btook )(?<!\btakes )(?<!\btaking )"
# Kinds of value whose one-word cue also heads terms of a field ("running cost", "depth charge", "late fee"): where
# the notes write the question's word before the cue beside it, the question names that term of the notes and asks
# no amount of it ("what is running cost", "what fuse does a depth charge use"). "how much ... cost" still asks
# one (rag.answer.amount.value_asked). Empty turns this off. practice12 c024 c056 were refused as price questions.
TERM_HEAD_KINDS = frozenset({"price"})
# ...unless the question asks an amount in so many words: "how much is the late fee" asks the fee's amount
AMOUNT_ASKED = re.compile(r"(?i)\bhow\s+(?:much|many)\b")
# A percentage asked: "percent", "percentage", "what share", a "%" sign ("what % of", "is 0% good"). Not a "%" inside
# a word or a code token ("${NAME%SUFFIX}", "%d": notation), nor "percent" opening a hyphened compound
# ("percent-escaped": how a thing is written, no share of anything); rag.answer.intent.
PERCENT_ASKED = re.compile(r"(?i)\b(percent|percentage|what share|what proportion)\b(?!-\w)"
                           r"|(?<![A-Za-z_{}$%])%(?![A-Za-z_{}%])")
# (question pattern, kind of value). First match wins; the order puts the most specific first.
VALUE_QUESTIONS = [
    # "in charge of", "took charge": control, not a price (IN_CHARGE)
    (re.compile(rf"(?i)\b(?:cost|costs|price|pricing|priced|{IN_CHARGE}charge[sd]?|fee|fees)\b|\bhow much (?:do|does|did|is|are|was|were|will|would|can|could)\b.*\b(?:pay|paid|cost|charge|earn(?:s|ed)?|spen[dt]s?)"
                rf"|\bhow many {MONEY_UNITS}|\bhow much money\b"), "price"),
    (PERCENT_ASKED, "percent"),
    (re.compile(r"(?i)\b(how long|duration|how far back|how soon|how much time|retention|retain(?:ed)?|expir\w*|ttl"
                r"|how many (?:days|hours|minutes|seconds|years|weeks|months))\b"), "duration"),
    (re.compile(r"(?i)\b(what year|which year|in what year|when (?:was|were|did|is|does)\b.*\b(?:signed|founded|born|built|passed|adopted|created|established|written|introduced|start\w*|end\w*|happen\w*|devolve\w*))"), "date"),
    # "when did the guild lose its charter": a past event's time, a date or a time clause ("after the war")
    (re.compile(r"(?i)\b(when (?:did|was|were))\b"), "time"),
    (re.compile(r"(?i)\b(how (?:big|large)|size|payload|how much (?:data|storage|memory|space))\b"), "size"),
    # "what is the melting temperature of butter", "how hot is the oven": a temperature, in degrees
    # "how quickly is a claim settled": a time or a speed, never a bare count
    (re.compile(r"(?i)\bhow (quickly|fast|rapidly|slowly|swiftly|speedily)\b"), "speed"),
    (re.compile(r"(?i)\b(how hot|how cold|how warm|(?:what|which) temperature|temperature(?=.*\b(?:of|for|in)\s+\w))"),
     "temperature"),
    (re.compile(r"(?i)\b(how many|number of|limit on|max(?:imum)? number|how old|what age|minimum age)\b"), "count"),
    # "what is X's score / rate / coefficient": the answer is a number even without "how many"
    (re.compile(r"(?i)\b(score|rate|ratio|coefficient|population|age|index of|term length|term limit)\b.*\b(?:of|for|in)\b\s+\w+"), "number"),
    (re.compile(r"(?i)\b\w+'s\s+(?:\w+\s+)?(score|rate|ratio|coefficient|population)\b"), "number"),
    # "what drag coefficient does the hull have", "what interest rate does the loan have": the value word named, then
    # the thing asked about it ("what range of scores does ..." asks the range, not one number); "what noise level does
    # the pump make" too: a level is a number, a line saying "the pump is quiet" gives none (practice13 w063)
    (re.compile(r"(?i)\b(?:what|which)\s+(?:(?!of\b)[\w-]+\s+){0,2}?(score|rate|ratio|coefficient|population|level)s?\b"
                r"(?=\s+(?:does|do|did|is|are|was|were|has|have|had|can|will|would)\b)"), "number"),
]
# "what size anchor should i buy", "which size pan": "size" right after an opening what/which is the question's
# determiner, asking the size of the noun after it, not a qualifier of that noun (rag.answer.amount._modifies_a_noun;
# evals/nearmiss practice5 n004). Only "size": other value words there qualify the noun ("what colour options do
# the sails come in" asks the options, as para-aws q068p does; "what price list")
VALUE_WORD_ASKED = re.compile(r"(?i)^\s*(?:what|which)\s+size$")
# A unit word ("days", "year") frames the question only inside the words that ask for the value ("how many
# days", "what year"); elsewhere it names what is asked about ("how many days is a year at sea").
CUE_UNIT_WORDS = re.compile(rf"(?i){TIME_UNITS}|{SIZE_UNITS}|{MONEY_UNITS}|dates?")
# Kinds of value whose unit says what the value is: a line stating "220 °C" speaks of a temperature, "4 KB" of a
# size, without saying "temperature" or "size" (rag.answer.gate.unspoken). A bare number says no such thing:
# "18" in a line about voting is no voting age.
STATED_BY_UNIT = frozenset({"temperature", "size", "duration", "price", "percent", "speed"})
# An age stated without the word: a person (a personal pronoun) "was"/"were"/"turned" a bare number ("served as
# cadets until they were 16", "she was 19 when ..."); no unit or "%" after it (rag.answer.gate.stated).
AGE_STATED = re.compile(r"(?i)\b(?:he|she|they|we|you|i)\s+(?:was|were|is|are|turns?|turned)\s+(?:aged\s+)?"
                        rf"(?:\d{{1,3}}|{NUMBER_WORDS})\b(?!\s*(?:%|percent|{MONEY_UNITS}|{TIME_UNITS}))")
# Kinds of value that are one amount in a unit or one date: a plural in such a question names the unit or the
# thing measured ("how many seconds", "the dates of the treaties", "when were the guilds founded"), never asks for
# a list.
ONE_AMOUNT = STATED_BY_UNIT | {"date", "time"}
# A past event's time is asked of an event the notes tell in their own words ("when did marinas spread" of
# "the boom of marinas after the end of rationing"): a relevant line must place it in time, but it
# need not speak of every word asked (rag.answer.intent.Intent.specific). Measured on probes: requiring that
# refused 2 of 5 answerable "when" questions (a paraphrased verb, a name the notes misspell).
PLACED_IN_TIME = frozenset({"time"})
# "when was the law of sheer proposed": a copula or passive "when" question, all of whose words but its closing
# participle name the thing whose time is asked (rag.answer.quoted.time_of_another); after "did" the verb may
# take another form in the notes ("rise" / "rose") and stand anywhere, so those are left to the gate
# "the speed of sound in m/s": a question closing on the unit its answer is asked in (rag.answer.quoted.unit_asked)
IN_A_UNIT = re.compile(r"(?i)\bin\s+([a-z]+(?:/[a-z]+)?)\s*[?.!]*\s*$")
A_NUMBER = re.compile(r"\d")  # what a quoted line must hold for a question asking its answer in a unit
# ...or a number written out before the word it counts ("at least four hours", "ten years later", "an hour"):
# group 1 is that word, which must be one the notes write after numbers (rag.answer.quoted.states_a_number)
NUMBER_IN_WORDS = re.compile(rf"(?i)(?:{NUMBER_WORDS}|\b(?:half\s+)?an?\b)[\s-]+([a-z]+)")
# ...a time asked in one unit is answered in another ("two weeks" for "in days"): the words of a span of time
DURATION_WORD = re.compile(r"(?i)(?:second|minute|hour|day|week|month|year|decade|centur(?:y|ie))s?")
TIME_OF_A_THING = re.compile(r"(?i)^\s*when\s+(?:was|were|is|are)\b")
# ...and the state it closes on, after its subject: a preposition other than "of" opens it ("in power", "at war")
TIME_COMPLEMENT = re.compile(r"(?i)(?<=\w)\s+(?:in|at|on|under|during)\s+(.+)$")
# A question asking how much of something, how far along a scale, or which way ("how much salt does the brine
# need", "how high is the fee in court", "in which direction does the tide turn") asks one degree of one
# thing: the line that answers must speak of everything it asks about, as for a value (rag.answer.gate), though
# the degree may be a number or a word ("low salinity", "the same direction"). The words asking the degree
# (its group 1: "high", "direction") need not stand in that line; "how much" needs a noun after it ("how much do
# they pay" asks a price, "how much can it save" an amount of what the verb says). The words after "how" that
# already ask a kind of value, or ask a manner ("how exactly"), are left out.
DEGREE = re.compile(r"(?i)\bhow\s+much\s+(?!(?:do|does|did|is|are|was|were|will|would|can|could|should|has|have|had"
                    r"|to|more|less|longer)\b)(?=[a-z])"
                    r"|\bhow\s+(?!(?:many|much|long|big|large|old|far|often|soon|hot|cold|warm|come|about|so|to|do|does|did"
                    r"|is|are|was|were|can|could|should|will|would|may|might|must|has|have|had|exactly|else)\b)([a-z]{3,})\b"
                    r"|\b(?:which|what)\s+(direction|way)s?\b")
# A quantity stated: a number (digits, a fraction "3/4") with a measure after it, a unit or the thing counted ("250 g",
# "2 cups", "40%"), or a number word before "of" ("half of the stock"); what answers "how much <noun>"
# (knob bonus_quantity_of_much, rag.answer.evidence).
QUANTITY_DEGREE = "how much"  # the degree words (DEGREE's match) asking an amount of a thing
MEASURED = re.compile(r"(?i)(?<![\w.])\d+(?:[.,/]\d+)?\s*(?:%|[a-z]+\b)|\b(?:half|a third|a quarter|two thirds)\s+of\b")
# (Not read as one: "what interest rate does the bank charge". Measured on paraphrases and probes, requiring the
# attribute's words cost as many answerable questions as near misses it refused: the answering line often
# names no attribute, "range", "shape", "sign", "side", and gives the value alone.)
# Bounds: the same value asked at its upper end, lower end or default.
BOUND_WORDS = {
    "max": re.compile(r"(?i)\b(max(?:imum)?|largest|biggest|longest|highest|upper|up to|at most|most)\b"),
    "min": re.compile(r"(?i)\b(min(?:imum)?|smallest|shortest|least|lowest|at least)\b"),
    "default": re.compile(r"(?i)\b(default|defaults|by default|out of the box)\b"),
}
# Bounds a value never shows by itself: "3 s to 15 min" states a shortest and a longest, but "checkMinutes: 5" in an
# example may be any choice, and a default is one only where a line says so ("by default", "defaults to", under a
# "Defaults" heading). A question asking one of these is answered only by a line naming it (rag.answer.gate.check).
STATED_ONLY_BOUNDS = frozenset({"default"})
# Two bounds of one value asked together ("default retention and max", "min and max size"): each is a part.
TWO_BOUNDS = re.compile(r"(?i)\b(default|max(?:imum)?|min(?:imum)?|largest|smallest|longest|shortest|highest|lowest)\b"
                        r"([\w\s-]*?)\s*(?:,|\band\b|&|/|\+)\s*(?:the\s+|its\s+)?"
                        r"(default|max(?:imum)?|min(?:imum)?|largest|smallest|longest|shortest|highest|lowest)\b")
# A count a list's lead-in line announces ("four essential elements:"): a number word or a small number standing
# alone before a word (not "H2O", not a year, not "5%").
COUNT_WORDS = {w: n for n, w in enumerate("two three four five six seven eight nine ten eleven twelve".split(), start=2)}
# words of number, "one" ("the major ones") with them: a title need not word them (rag.answer.gate.sibling_task)
NUMBER_TERMS = frozenset(["one", *COUNT_WORDS])
ANNOUNCED_COUNT = re.compile(r"(?i)(?<![\w.,$-])(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
                             r"(?![\w.,%-])\s+[A-Za-z*_]")
# A position asked by number ("the 9th step", "a 4th round"): some relevant line must state that number,
# in digits or as a word; notes whose list stops at 6 steps do not answer a question about the 9th.
ORDINAL = re.compile(r"(?i)\b(\d+)(?:st|nd|rd|th)\b")
ORDINAL_WORDS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth").split()
# English also writes the first few positions with Latin ordinal adjectives: "primary" for first, "secondary" for
# second ("Primary stage:" / "the first stage"; "tertiary treatment" / "the third treatment"). Position i + 1 at
# index i; read by Intent.holds_position and rag.answer.ordinals (knob ordinal_adjectives).
ORDINAL_ADJECTIVES = ("primary", "secondary", "tertiary", "quaternary")
# ...or as a word naming which one of a thing ("the third law", "a second term", "second rule of carving" opening
# the question): the word before a noun, after a determiner or first in the question. "who first defined",
# "the first to define" name no position (no noun follows; rag.answer.amount.positions_of).
ORDINAL_WORD = re.compile(rf"(?i)(?:^|\b(?:the|a|an|its|their|his|her|this|that)\s+)({'|'.join(ORDINAL_WORDS[1:])})\s+([a-z][\w-]*)")
# The last position of a list asked by a word naming no number ("the last step", "its final check"): the last item
# of the list that the question's other words name answers it (rag.answer.position; knob position_names_item).
LAST_POSITION = re.compile(r"(?i)\b(?:the|its|their|this|that)\s+(last|final)\s+([a-z][\w-]*)")
# A number the question states as a given ("the regatta in 1995", "escoffier's 5 sauces", "the 2 coats"): what is asked is
# about that number, so some relevant line must state it too. Not a number inside a word or a unit ("b12",
# "1300s", "95%", "2.5").
STATED_NUMBER = re.compile(r"(?<![\w.,$%-])(\d+)(?![\w%]|[.,]\d)")
# A question asking a range ("what port range do ...", "the score range") is answered by a line stating one: two
# numbers joined by a dash, "to" or "through", or "between N and M" ("1-7", "30 to 60"); a line giving one number
# ("port: 80") states a value inside some range, not the range (rag.answer.gate.check, knob range_must_be_stated).
RANGE_ASKED = re.compile(r"(?i)\branges?\b")
RANGE_STATED = re.compile(r"(?i)(?<![\w.])\d[\d,.]*\s*[a-z%°]{0,3}\s*(?:-|–|—|to|through|thru)\s*\d"
                          r"|\bbetween\s+\d[\d,.]*\s*[a-z%°]{0,3}\s+and\s+\d")
# Roman numerals (rag.answer.roman): a number asked in digits ("grade 2 building") written as a numeral after a name
# in the notes ("Grade II building"); only up to ROMAN_MAX, past which notes write digits.
ROMAN_VALUES = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
ROMAN_MAX = 20

# A version asked ("which version of the tool added X", "what library version do I need"): the answer is a version
# number stated of the asked thing, dotted ("2.16", "v1.4"), open-ended ("4+", ">= 3") or after the word
# ("version 3"); a line naming the thing but no such number is no answer (rag.answer.asked_value). "which version of"
# is left out: it often asks a variant ("which version of the recipe uses butter"), not a number.
VERSION_ASKED = re.compile(r"(?i)\b(?:what|which)\s+(?:[\w-]+\s+)?(versions?|releases?)\b(?!\s+of\b)")
VERSION_STATED = re.compile(r"(?i)(?<![\w.])v?\d+(?:\.\d+)+\+?(?![\w.]*\d)|(?<![\w.])\d+\+|[<>]=?\s*v?\d"
                            r"|\b(?:versions?|releases?|v)\s*\d")
# The size of a difference asked ("how much faster is the ferry than the bus", "how much heavier than ..."): a
# comparative after "how much" with "than" later. A line saying only "faster" states no amount of it: the answer is
# a multiple, a share or a number (DIFFERENCE_STATED). rag.answer.asked_value.
DIFFERENCE_ASKED = re.compile(r"(?i)\bhow\s+much\s+(?:more\s+|less\s+)?([a-z]{3,}er)\b(?=.*\bthan\b)")
DIFFERENCE_STATED = re.compile(rf"(?i){NUMBER_WORDS}|\b(?:twice|thrice|double|triple|half|halves|doubles|triples"
                               r"|several times|many times|orders? of magnitude)\b")
# A how-to whose object is a value question ("how do I change how long the log keeps entries", "how can I set how many
# copies print"): it asks the way to set the value, not the value; a line stating the value ("entries expire after 90
# days") is no answer, one speaking of the verb too is (rag.answer.asked_value.way_unstated). Group 1: the verb.
WAY_TO_SET = re.compile(r"(?i)^\s*how\s+(?:do|can|could|would|should)\s+(?:i|you|we|one)\s+([a-z]{3,})\s+"
                        r"how\s+(?:long|many|much|often|far|big|large|fast|soon)\b")
# A count asked at its upper bound ("the maximum number of guests"): a line stating the count names that bound ("a
# limit of 8", "up to 8", "must not exceed 8", "only 8", "no more than 8", "unlimited"; not BOUND_WORDS' bare "most",
# which also makes superlatives, "the most recent"); "item 0" or "one step" in a line about the thing count nothing of
# it (rag.answer.asked_value.bound_unnamed)
COUNT_BOUND_STATED = re.compile(r"(?i)\b(?:max(?:imum|imal)?|up to|at most|upper|limit(?:s|ed)?|exceed\w*|only|no more than"
                                r"|unlimited|cap(?:ped|s)?|allow(?:s|ed)?|permit(?:s|ted)?)\b")
# A slot of a plan or schedule: a unit of time and its number or numbers ("Week 7", "DAY 2-3", "month 4 to 6"), as an
# outline line names the part of a schedule its child lines fall in (rag.answer.subject.slot_label).
SLOT = re.compile(r"(?i)\b(?:day|week|month|year)s?\s+\d{1,3}(?:\s*(?:-|\u2013|to)\s*\d{1,3})?\b")
