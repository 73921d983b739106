"""Knobs of the answerability checks (rag.answer.gate and the modules it reads): what a line must state, and
how loosely a word of the notes may stand for a word of the question, before a question is answered rather
than refused. Part of :class:`rag.answer.policy.Policy`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckKnobs:
    """Answerability checks: what a relevant line must hold for a question to be answered."""

    # Answerability checks.
    kind_units: int = 24  # how many top sentences may hold the asked kind of value
    kind_min_coverage: float = 0.34  # ...and must share at least this much of the question's key terms
    # A question asking for a value or a definition must have one sentence that speaks of everything it asks
    # about (its asked terms, in the sentence or the headings above it); these bound how loosely a word of the
    # note may stand for a word of the question ("env" for "environment", "explode" for "explosion").
    abbreviation_min: int = 3  # a question word this long that starts a note word stands for it
    ordinals_both_ways: bool = True  # "fifth" in a question stands for "5th" in a line and the reverse (rag.answer.ordinals)
    # ...and "first" / "second" for the Latin adjectives "primary" / "secondary" (policy.values.ORDINAL_ADJECTIVES)
    ordinal_adjectives: bool = True
    shared_prefix_min: int = 5  # two words sharing this many first letters...
    shared_prefix_share: float = 0.7  # ...and this share of the shorter word are the same word inflected
    # a shortening of the notes ("mph", "PFD") stands for the run of question words its letters are the initials
    # of ("miles per hour", "personal flotation devices"): shortenings this long, from a run this many words
    # (three letters at least: two-letter words of the notes, "ca", "el", spelled runs of unrelated question words)
    initials_min: int = 3
    initials_max: int = 5
    # an ordinal the question asks ("the third reef") is held by a relevant line counting at least that many
    # of the thing ("four reefs") as well as by one naming the position (rag.answer.amount.counts_past)
    ordinal_by_count: bool = True
    expand_min: int = 5  # a question word this long the notes never use, starting a word they use, stands for
    # it ("dedup" for "deduplication"): questions shorten words that notes spell out, and the reverse
    # the lines an answer quotes must hold the kind of answer asked, not only some relevant line
    # (rag.answer.quoted): a "who" answered by lines naming no one is refused. (The same for a value asked and
    # quoted lines stating none refused an answerable "what is the market price" asking a definition, and no near miss.)
    who_quote_names: bool = True
    # ...unless a quoted line answers the notes' own question asking who ("- Who were the winners of the shift?" over
    # "  - Winners were landed farmers ..."): a group or a role answers it as well as a name (practice2 control)
    who_from_asked_line: bool = True
    # ...or an acronym the notes spell out in capitalised words ("Harbour Master (HM)") stands in a quoted line (for
    # the gate, rag.answer.who.names_someone, a relevant one), even inside a sentence ("signed by the skipper and
    # HM"): a titled phrase the notes define names a role
    who_defined_acronym_names: bool = True
    # ...and when none does, a quoted list item under a label item ("**OPEN DAY**" over "  - Not a race, ...") is
    # quoted with its label and siblings when a sibling names someone ("  - _Crews, Judges, Families_"): the label
    # is the subject of every line under it (rag.answer.labelled_block); blocks longer than this many lines are not
    who_sibling_block_max_lines: int = 6
    # ...and a comparison of two kinds of one thing ("salted or unsalted butter"), one kind said missing, needs a
    # quoted line speaking of the thing ("butter"), not only of the other kind's word ("salted fish")
    compared_head_quoted: bool = True
    # ...and a "when" question needs a quoted line giving a time that speaks of every word asked, the verb aside
    # (a sibling's year, "the law of lift was proposed in 1905", answers no "when was the law of sheer proposed")
    time_quote_of_asked: bool = True
    # ...read with the notes' own question the quoted line answers ("- What did Okafor publish in 1905?" over its
    # answer "  - His tables of sheer ..."): the study question holds the time and the thing, the answer neither
    time_from_asked_line: bool = True
    # ...a parent item being a study question when it holds one anywhere, a hint after it ("Who was the king from
    # 1556-98?  (hint, read the section)"): ending in "?" missed a practice2 control
    asked_item_question_anywhere: bool = True
    # ...and the state a copula "when" question closes on after a preposition ("when were the guilds in power") is
    # not asked of the line: "1700 B.C. to 1000 B.C." under the dynasty's heading answers it (2 practice7 controls)
    time_complement_unasked: bool = True
    # ...nor a word the notes never use ("when was the pilot alive" of "Okafor (1801-1860)"): no quote can say it
    # (practice2, practice7 controls); telling a sibling's time apart rests on the words the notes do use
    time_unknown_word_unasked: bool = True
    # ...and a question closing on the unit it asks its answer in ("the speed of sound in m/s") a quoted number:
    # a line naming the quantity and its unit with no value ("c - the speed of light (m/s)") answers nothing
    unit_asks_a_number: bool = True
    # ...where a number written out before a word the notes write after numbers counts ("cool for at least four
    # hours" answers "how long to cool it in hours"): digits alone refused 3 answerable practice controls
    unit_number_in_words: bool = True
    # a "who" question about one kind of a thing needs a line naming someone that speaks of that kind
    # (rag.answer.gate.kind_named): a name beside another kind ("a sea kayak" for "who invented the
    # folding kayak") answered a near miss. (Requiring every asked word instead, as for one value,
    # refused 5 answerable questions whose verb the line says in its own words: "who paid for", "who came up with".)
    who_names_the_kind: bool = True
    # a part of a two-part question asking a kind of value looks for it in the lines about that part (speaking of
    # kind_min_coverage of the part's key terms), not only those relevant to the whole question: "how big is the
    # jib, and what knot ties the sheet" was refused, its size line holding too few of both parts' words
    value_per_part: bool = True
    # A part asking which one of a kind ("what percentile is that", Q.WHICH_NUMBERED) is answered, of the lines as
    # strong as the best, by one numbering that kind ("the 93rd percentile"), not one only naming it
    numbered_one_per_part: bool = True
    # a question asking a default needs a relevant line naming it, in itself, its headings or a label above
    # (policy.values.STATED_ONLY_BOUNDS): an example's value ("checkMinutes: 5") is no default
    default_must_be_stated: bool = True
    # "at what temperature does butter melt": the verb names the event the value is asked of, and the answering line
    # must speak of it (policy.questions.AT_POINT); off, it is excused as phrasing like any question's verb
    point_verb_must_be_spoken: bool = True
    # ...as does "what year did the abbey burn" / "when was X built" (policy.questions.EVENT_DATE): a date the notes
    # give of another event ("The first Roman cookbook (around 400 A.D.)") answered "what year did he die"
    # (practice7 a081). A verb of general meaning (GENERAL_VERBS: "take") or a phrasal one ("thrown out") stays excused
    date_verb_must_be_spoken: bool = True
    # "what refund guarantee does the ferry company offer": when lines state the thing asked and others speak of what
    # it is asked of, but no line speaks of both, the notes state it of something else (rag.answer.asked_of)
    thing_said_of_subject: bool = True
    # a number the question states before a noun counts that noun ("a 40 seat restaurant"): a relevant line holds it
    # only with a word standing for the noun at most counted_noun_window words away ("40 seats", "Seats 40"), not as
    # another thing's value ("Locker 61, (code) 3D" for "a 61 locker room"; rag.answer.counted)
    number_counts_its_noun: bool = True
    counted_noun_window: int = 3
    # the action the asker asks about doing ("how do I roll back a release", "what scale should I solo over ..."): a
    # verb after "I"/"you"/"we" that the notes never use (nor a synonym) is refused, though it is one word of several
    # (rag.answer.phrasing.unknown_action): the notes never speak of doing it. practice4 k079, practice6 m089
    action_must_be_spoken: bool = True
    # a question asking a range needs a relevant line stating one ("1-7", "between 30 and 60"; policy.values
    # RANGE_STATED): lines giving single ports answered "what port range do ..." (practice4 k077). Only where the
    # relevant lines state some amount: "what range of dishes does the inn serve" asks things, not two ends.
    range_must_be_stated: bool = True
    # "which anchor should I carry": advice asking which one of a kind needs a relevant line naming one
    # ("the Danforth anchor"), not only the kind ("you need not carry a spare Anchor", practice4
    # k078; rag.answer.asked_of.unnamed_instance)
    advice_names_an_instance: bool = True
    # "what was the X called", "what is the name of the X" (policy.questions.NAME_ASKED) asks a name: a relevant line
    # must give one, by a naming verb, a quoted or defined term, a heading that is a name, or a capitalised word
    # joined to the thing in a line speaking of all of it (rag.answer.named): "Had a guild of bakers" named none
    # and answered practice7 a084
    name_must_be_given: bool = True
    # ...a line naming by a naming verb, a quote or a definition may leave this many words of the thing's own phrase
    # unsaid (notes word the kind their own way: "theorem" for "theory"); a capitalised word or a heading none
    name_line_may_leave_out: int = 1
    # a question word the notes hold in another inflection or derivation ("founders" / "founded", by the
    # shared-prefix rule above) is a word they use, not one they never mention (rag.answer.sameword.kin_in_notes);
    # so is one whose synonym they use (policy.notes.SYNONYMS: "era" where they say "period"; practice7 a057)
    unknown_by_kin: bool = True
    # three frames of English mark a word as phrasing, not a thing asked: the verb of an infinitive after "how to" /
    # "ways to", the noun of a complex preposition ("in front of"), the word before a closing "for" of "what is X
    # good for"; rag.answer.phrasing, in policy.questions (INFINITIVE_LEADS, COMPLEX_PREPOSITION_OPENERS, PURPOSE_FRAME)
    infinitive_and_preposition_frames: bool = True
    # light words (policy.questions.LIGHT_WORDS: sentence adverbs, intensifiers, "every") are phrasing, never a thing
    # asked: "the regatta every year" was refused as a name beside a word the notes never use (practice7 a041)
    light_words: bool = True
    # an age is stated without the word as a person's bare number ("until they were 16", policy.values.AGE_STATED):
    # such a line speaks of the age asked ("till what age did cadets ..."; practice7 a044; rag.answer.gate.stated)
    age_by_pronoun: bool = True
    # a verb after an auxiliary and its subject, with its object before a preposition or the end ("how many periods do
    # the monks split history into"; the object a thing of the notes, or a word of theirs after one they never use):
    # rag.answer.phrasing; practice7 a035
    verb_frames: bool = True
    # a relative clause's verb before "as" ("the recipe that counts as the oldest") is a copula, and a partitive noun
    # before "of" ("pieces of furniture") an amount: phrasing, not things asked (rag.answer.phrasing; practice7 a007)
    copula_and_partitive_frames: bool = True
    # a verb of general meaning with a particle after it ("take over", "go through", "find out":
    # policy.questions.GENERAL_VERBS, PHRASAL_PARTICLES) is a phrasal verb: its meaning is in the pair, and notes
    # word it with one verb of their own ("acquired", "discovered"); phrasing, wherever the question puts it
    # (rag.answer.phrasing; practice7 a014, refused for its phrasal "take")
    general_phrasal_verbs: bool = True
    # ...and one in a relative clause before a linking preposition ("the crates that go to the galley",
    # policy.grammar.RELATIVE_PRONOUNS, LINKING_PREPOSITIONS): notes join the two by the preposition alone
    # ("crates to galley"; practice14 f030)
    relative_general_verbs: bool = True
    # ...and a light verb construction, "<general verb> <bare noun> of" ("who takes charge of the galley"): the pair
    # is the question's verb, neither word a thing a line must say (rag.answer.lightverb; practice14 f012)
    light_verb_pairs: bool = True
    # one asked word a value line leaves out is asked nothing apart when another line ties it to the value line's own
    # phrase: an activity's occasion ("mast stepping shift", a line opening so) or the phrase's term line
    # ("**Mast Stepping** - _Rigging_"): rag.answer.alike (practice14 f034, f041)
    named_alike: bool = True
    # a contrast's found kind ("an oral lease" for "a written lease") must end in the asked word itself, a plural
    # aside: "Unit Harbour Master" shares a stem with "harbour mastering" but is a person (rag.answer.gate.contrasted;
    # practice14 f013)
    contrast_same_word: bool = True
    # a passive's participle is the question's verb however English forms it: an irregular one ("are made by", "is
    # kept in": policy.questions.IRREGULAR_PARTICIPLES) as a regular "-ed" one (rag.answer.phrasing; practice5 b048)
    irregular_participles: bool = True
    # the relevance floor's key-term coverage leaves out the question's verb (rag.answer.phrasing), as the gate's
    # checks do: "what heat should the oven be brought to" is covered by "the oven should be set to 220 °C"; only when the
    # notes use every other word the question asks (engine: "what does Murphy's law say" keeps the verb's weight)
    relevance_without_verb: bool = True
    # "which herb is the hardiest": a question asking a ranking (a superlative after an article) needs a relevant
    # line that ranks and speaks of another thing asked; notes listing herbs, or calling a knife "a good
    # slicer", do not say which is largest or best (rag.answer.superlative; evals/nearmiss practice n005)
    superlative_must_rank: bool = True
    # "why was the sloop overtaken so quickly" over "The sloop was quickly overtaken by the ketch": a best line
    # restating the question (half its words, at most restated_new_terms of its own) and giving no reason, with no
    # other best line giving one, does not answer why (rag.answer.restated; evals/nearmiss practice7 n006)
    why_needs_a_reason: bool = True
    restated_new_terms: int = 2
    # ...but a best line heading nested lines leaves the reason to them, its own line matched as a reader sees it: a
    # bold term ("**Proofing**") over "Slow rise, deeper flavour" heads it though the nested line's context has no
    # stars (rag.answer.nested; evals/practice14 f028)
    nested_head_as_read: bool = True
    # ...and "how was the cheese made" over "The cheese was made": a how-question asking a manner whose best lines add no
    # word to it is not answered (rag.answer.restated; evals/nearmiss practice7 n003)
    how_needs_a_manner: bool = True
    # "where did the abbey build its greenhouse" over "The abbey built greenhouses that doubled its harvest": a
    # where-question needs a relevant line stating a place (rag.answer.place; evals/nearmiss practice2 n001)
    where_needs_a_place: bool = True
    unknown_share: float = 0.5  # refuse when more than this share of the question's key terms never occurs in the notes
    # ...taken of the words naming things: the question's verb (rag.answer.phrasing) is left out of the share, so a
    # question whose every named thing is unknown is refused ("what did the Veltrani invent"; evals/nearmiss
    # practice7 n002); the verb still counts as unknown-or-not in the other checks
    unknown_share_of_things: bool = True
    # "what are the three kinds of hitch": a line listing exactly that many items, inline after a colon (each of at
    # most enumeration_item_words words) or as list items right under it, speaks of the count; notes seldom write
    # the count over a list they give (rag.answer.enumerated). practice12 c061, practice9 y083
    count_by_enumeration: bool = True
    enumeration_item_words: int = 6
    # a how-to question whose nearest section title (of the best sibling_title_units lines; titles as read with
    # composing.heading_restates_question) words a sibling task, differing in one stretch of at most
    # sibling_asked_words of the question's and sibling_title_words of its own ("Knit a scarf in garter stitch" for
    # "in seed stitch"), which no best line speaks of, is refused (rag.answer.titled.sibling_task). practice10
    # z089 z091 z092 z093
    sibling_title_refuses: bool = True
    sibling_title_units: int = 5
    sibling_asked_words: int = 3  # more is the question adding its own matter (an example it quotes)
    sibling_title_words: int = 2  # more is a title naming another task, not a sibling of it
    # A question asking a version ("which release added X", policy.values.VERSION_ASKED) is refused when no best line
    # holding a version number (VERSION_STATED) speaks of what else it asks; "how much faster ... than" when the
    # lines saying "faster" state no amount (DIFFERENCE_*). rag.answer.asked_value; practice13 w066 w070.
    version_must_be_stated: bool = True
    # ...but this many of the other asked terms (so too the line stating a difference's amount), which the line may word otherwise ("dont handle" for "does not
    # handle": practice10 z029)
    value_terms_unsaid: int = 1
    difference_must_be_stated: bool = True
    # The notes' subject word, unsaid by a line that answers the rest (notes.SUBJECT_WORD_SHARE), is not unsaid by a
    # line of a note none of whose lines speaks of it: that line is about something else (rag.answer.asked_value
    # .unsaid_in_its_note; practice13 w061)
    subject_word_in_its_note: bool = True
    # A how-to whose object is a value question ("how do I change how long X lasts", policy.values.WAY_TO_SET) is
    # refused when no best line speaks of its verb and everything else asked (rag.answer.asked_value.way_unstated;
    # practice13 w067)
    way_must_be_stated: bool = True
    # A count asked at its upper bound ("the maximum number of guests") is refused when no relevant line holding a
    # number names a bound (policy.values.COUNT_BOUND_STATED; rag.answer.asked_value.bound_unnamed; practice13 w062)
    count_bound_must_be_named: bool = True
    # A how-to imposing a means or key ("sort the jars by their date", policy.questions.HOW_TO_MEANS) is refused when
    # no best line speaks of that noun: the notes do it otherwise (rag.answer.means; practice13 w068)
    means_must_be_spoken: bool = True
    # A question asking an item by its position ("the first step of the bread recipe", "the last check", values
    # .ORDINAL_WORD / LAST_POSITION) is answered by the item at that position of a list (of at least
    # position_list_min items) whose heading path and lead-in line name everything else asked: the ordinal and its
    # noun are spoken by the position (rag.answer.position; practice13 w056)
    position_names_item: bool = True
    position_list_min: int = 2
    # "what are my options for X" (policy.questions.OPTIONS_FRAME): the frame's noun is a light word, which no line need
    # say (rag.answer.phrasing.light_terms; practice13 w014)
    options_frame_light: bool = True

    # A question's closing "instead of X" is spoken by a line's bare "instead", which leaves X unsaid
    # (rag.answer.instead; practice13 w002)
    elided_alternative: bool = True
    # A closing clause naming a moment ("how long does the stock simmer before the barley goes in", grammar
    # .MOMENT_CONJUNCTIONS) need not be spoken by the line answering the rest when the nearest line of its section
    # speaking of the moment's thing stands later for "before", earlier for "after" (rag.answer.moment; practice11 k030)
    moment_by_step_order: bool = True
    # A subject holding a number between two of its words ("how many days does lab 2b3 open") is read as one subject
    # before its verb, which no answering line need say (rag.answer.coded; practice12 c034)
    coded_subject_verb: bool = True
