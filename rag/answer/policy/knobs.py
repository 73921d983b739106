"""The answer stage's numeric knobs: weights, thresholds and counts, each with why and the measurement behind it.

``DEFAULT`` is the tuned policy; tune on the ``dev`` half of an eval set only (evals/SOURCES.md).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Policy:
    """Weights and thresholds of the answer stage; ``Policy()`` is the tuned default."""

    # Evidence scoring (rag.answer.evidence.Scorer): a sentence's score is a weighted sum of the share of
    # the question's idf-weighted key terms in its heading context and itself, its embedding similarity,
    # and its chunk's retrieval rank; then a bonus when it holds the kind of value asked for.
    w_context_coverage: float = 0.35
    w_own_coverage: float = 0.25
    w_similarity: float = 0.3
    w_rank: float = 0.1
    bonus_value_kind: float = 0.12  # holds the asked kind of value ("30 seconds" for "how long")
    bonus_any_number: float = 0.05  # an amount question, a sentence with some number
    bonus_bound_word: float = 0.05  # the question's "default"/"maximum" word also in the sentence
    # a why-question's asked kind is a reason: a line stating one with a reason connective (questions.REASON)
    # weighs as holding the asked kind of value does (bonus_value_kind), for the same reason and by as much.
    bonus_reason: float = 0.12
    # a code line whose trailing comment holds a word (or names an option) of a what-question its command does
    # not ("git show x  # you will see an event ..."): the comment states what the command shows
    # (rag.answer.comments); weighs as holding the asked kind of value does. practice4 k006 k014.
    bonus_comment: float = 0.12
    # Table cell lookup (rag.answer.cells): a question holding a row's cell whole ("for the Bowline", "the reef knot",
    # "which are Secure") names that row, which then outranks rows of the same table sharing only the header's
    # words (every row does). Its key (first) cell weighs as much as holding the asked kind of value and a bit more
    # (the key is what the row is of); each other named cell (a value picking rows, a second key) weighs less,
    # at most ``row_cells_counted`` of them. Words of letters this long match in any case; shorter ones and
    # symbols only as written ("ml" is not "ML"). Measured on evals/practice6 (notes of tables); see README.
    table_cell_lookup: bool = True
    bonus_row_key: float = 0.15
    bonus_row_cell: float = 0.08
    row_cells_counted: int = 2
    cell_any_case_min: int = 4
    # ...and in a table some of whose rows the question names, the rows it does not name weigh this share of their
    # score: a neighbour row sharing the question's words in a long cell ("Slippery", "before a hitch") is not the
    # row asked about ("what strength does the reef knot have")
    row_unnamed_factor: float = 0.6
    # ...and a long table chunked in pieces: pieces holding a row whose key the question names join the retrieved
    # chunks (at most this many) when other pieces of that table were retrieved (cells.keyed_rows_elsewhere)
    table_chunks: int = 2
    form_link_only: float = 0.5  # a sentence that is mostly a link
    form_topic_only: float = 0.7  # a heading-like line ("Standard queues:") names a topic, states nothing
    # a sentence that is a question ("What did the guilds control?": a study prompt above its answer) answers
    # nothing but shares the asked words. Measured (model-free, answering line first / in the top 3): a history
    # student's question-and-answer notes (evals/practice2) 0.38 -> 0.65 / 0.77 -> 0.84 (13 items better, none
    # worse; 0.7: 0.62); the other sets' notes hold no question lines and did not move.
    form_question: float = 0.5
    evidence_chunks: int = 8  # chunks whose sentences are scored (the k nearest are listed to the user)
    lexical_chunks: int = 3  # ...plus the best BM25 chunks, which rank fusion can push below k
    side_chunks: int = 2  # ...plus each comparison side's (or each part's) best chunks retrieved on its own
    phrase_units: int = 24  # best sentences whose word pairs tell a side's name ("red giant") from what is compared
    # Source selection for the prompt.
    max_sources: int = 3
    units_per_source: int = 3
    source_floor: float = 0.6  # sentences below this share of the best score are not shown to the model
    # Relevance (whether to answer at all): key-term coverage of the best sentence and dense similarity.
    w_relevance_coverage: float = 0.6
    w_relevance_dense: float = 0.4
    relevance_units: int = 8  # how many top sentences the coverage is taken over
    # The dense part is the question's closeness on these notes' own scale (rag.answer.calibrate): the share
    # of the notes' sentences whose best chunk in another note is less similar than the question's best hit.
    calibration_sentences: int = 400  # note sentences sampled at load (1.3 ms on 452 chunks)
    calibration_min: int = 20  # fewer stored sentences than this: not calibrated (coverage decides)
    calibration_pairs: int = 2_000_000  # most sentence-chunk products at load (~0.8 GFLOP at 384 dimensions)
    # Refuse below the relevance of a question that stands at this point: its best sentence speaks of a third
    # of its (idf-weighted) key terms, and its best note is as close as a typical unrelated note of these
    # notes (closeness 0.5). Less coverage must be made up by more closeness, and the reverse. Both are
    # shares on scales the notes set themselves, so no similarity value of one corpus is built in.
    # RAG_MIN_RELEVANCE overrides it. (On the dev halves every unanswerable question is refused by the
    # checks in rag.answer.gate; this floor catches questions the notes barely touch.)
    refuse_coverage: float = 1 / 3
    refuse_closeness: float = 0.5
    # Evidence units read together.
    # a line's first sentence that points back ("This happens on about every 20th regatta") is read with the last
    # sentence of the line above it in its paragraph, as it is with the sentence before it on one line: notes
    # written one sentence per line name the subject on one line and state the fact on the next (rag.answer.across)
    antecedent_across_lines: bool = True
    # such a pair (either kind) scores at least as its first sentence alone and ranks before it on a tie: it says
    # all that sentence says and the fact the pointing-back sentence adds (rag.answer.evidence._lift_pairs)
    pair_keeps_antecedent: bool = True
    # Answerability checks.
    kind_units: int = 24  # how many top sentences may hold the asked kind of value
    kind_min_coverage: float = 0.34  # ...and must share at least this much of the question's key terms
    # A question asking for a value or a definition must have one sentence that speaks of everything it asks
    # about (its asked terms, in the sentence or the headings above it); these bound how loosely a word of the
    # note may stand for a word of the question ("env" for "environment", "explode" for "explosion").
    abbreviation_min: int = 3  # a question word this long that starts a note word stands for it
    ordinals_both_ways: bool = True  # "fifth" in a question stands for "5th" in a line and the reverse (rag.answer.ordinals)
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
    # another thing's value ("MIDI Note 61, (hex) 3D" answered a near miss; rag.answer.counted)
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
    # Composition.
    strong: float = 0.85  # a sentence within this share of the best score is as good an answer as the best
    max_quotes: int = 3
    same_quote_overlap: float = 0.7  # two quotes sharing this share of terms say the same thing: show one
    # ...beside the best quote, a share of the candidate's own terms: a line ranked below the best that holds its
    # few words and more (the fact) is quoted, not dropped as a restatement (rag.answer.compose._same); among the
    # other quotes, of the shorter one's (a longer line there mostly restates one already quoted: practice p013)
    same_quote_of_longer: bool = True
    part_min_coverage: float = 0.5  # a part of a two-part question is answered when a sentence holds this share
    conflict: float = 0.7  # how close to the best sentence a disagreeing one must score to be worth mentioning
    list_max_lines: int = 12  # lines of a list block quoted under its heading
    # "what did she chart": a list item opening with the question's verb is quoted with its siblings that open with it
    # too ("- Charted the comet" ... "- Charted the nebula"), when the question's other words name only what the
    # heading above names (rag.answer.parallel)
    parallel_items: bool = True
    # "how were the strata dated": the best line is quoted with all its nested lines (to list_max_lines), the ways it
    # names, not only with detail_max_lines of them (rag.answer.parallel.with_children)
    manner_children: bool = True
    # a lead-in announcing its count ("the seven points of sail:") is quoted through that many items, past
    # list_max_lines (measured: a 7-item list with blank lines and sub-items between runs 22 lines), up to this
    announced_list_max_lines: int = 40
    detail_max_lines: int = 3  # a quoted line with at most this many lines under it is quoted with them
    # a question line wrapped in HTML ("<summary>What is a tannin?</summary><br>", a flash card) is a question line
    # like a bare one: quoted with the answer paragraph below it (rag.answer.follows.with_answer); off: only a line
    # whose raw text ends in "?"
    question_lines_in_markup: bool = True
    # ...and an answer opening with a lead-in ("The basic steps are:") runs through its list, to list_max_lines, not
    # detail_max_lines (rag.answer.follows.with_answer); off: detail_max_lines
    answer_lead_in_lists: bool = True
    # a lead-in ending in ":" ("The hull speed is given by:") is quoted with the display formula right below it
    # ("$$v = 1.34\sqrt{L}$$"), which finishes its sentence (rag.answer.follows.formula_under); off: the line alone
    formula_under_lead_in: bool = True
    formula_blank_lines: int = 1  # blank lines that may stand between the lead-in and its formula
    # a number asked in digits ("what is a grade 2 building") stands in a line writing it as a roman numeral after a
    # name ("A Grade II building is one ..."; rag.answer.roman); off: digits and number words only
    roman_numerals: bool = True
    # a note's sentence is not cut after "vs." / "e.g." / "i.e." ("Heavier anchors (e.g., 20 kg vs. 10 kg) hold in
    # stronger winds"): the pieces are read as one sentence (rag.answer.sentences); off: the plain split
    join_after_abbreviations: bool = True
    formula_max_lines: int = 8  # a display formula closing further down than this is not quoted with its lead-in
    label_max_words: int = 5  # a line right under a label this short ("--dry-run option") is quoted with it
    # a list item this short (characters of its text) holding two or three sentences is one point: the sentence
    # chosen from it is quoted with the rest of the item ("- Bowline: a fixed loop at the end of a line. It does not
    # slip under load."; rag.answer.bullet); 0: the sentence alone. practice9 y003 y007 y028.
    item_whole_max_chars: int = 200
    # "... according to Okafor": the named source need not be in the answering line when a line of its chunk at or
    # above it names it ("What does Okafor argue?"; rag.answer.attributed); off: the gate asks it
    # of the answering line like any other word. practice9 y076.
    attribution_above: bool = True
    # a heading of at most this many words over a list names it ("## Ingredients", "## Side effects"): a
    # question naming it asks for the list (rag.answer.headed); longer headings say something of their own
    list_name_max_words: int = 3
    heading_names_list: bool = True  # off: only a question's grammar asks a list (for tests and measuring)
    one_line_comparisons: bool = True  # off: a comparison quotes each side's own line only (rag.answer.together)
    headings_as_items: bool = True  # off: a section's subsection headings are never a list's items (idem)
    # a "who" / "which <noun>" question answered by a line that never names its subject, only its heading does
    # ("### Marie Curie" > "- Isolated radium"): the quote is shown under that heading ("Marie Curie: “...”"),
    # when the heading is a short name, at most this many words (rag.answer.subject); 0 turns it off
    subject_heading_max_words: int = 4

    # Verification: every content word a model sentence adds beyond the question must be in the cited line.
    min_added_terms: int = 1  # a sentence adding nothing (an echo of the question) is not an answer
    # Generation: the model stops once it has written the sentence that will lead the answer (rag.answer.lead)
    model_writes_lead_only: bool = True
    # ...and it may write only as many tokens as a lead can take (rag.answer.lead.lead_budget): this many times
    # the longest line the lead may restate (in the model's tokens), plus lead_budget_extra tokens (citation marks,
    # a connective); 0 turns it off (the user's max_tokens alone). Only the lead can change the answer and a lead
    # restates one such line; the tiny model often echoes a source or two first ("[1] topic: line"), so the room
    # is a few lines, not one. Real model, three dev halves: 12 leads in 125 calls, written by 1.1 lines' room
    # but one (2.4, after echoing two sources); 2.5 changes no answer and cuts median tokens 53/45/47 -> 40/35/43.
    lead_budget_lines: float = 2.5
    lead_budget_extra: int = 8
    # A stopword the notes write alone as a label or heading ("**Will**") and this often after an article ("the will")
    # is a content word of those notes: questions and lines keep it (rag.answer.vocab.Vocabulary.kept); 0: off.
    stopword_as_term_uses: int = 2
    # A question's "planted" is not found in a line's "planter" (same stem; policy.notes.AGENT_NOUN)
    agent_noun_is_not_the_verb: bool = True
    # "A vs B which one handles X better": "better" asks which side wins, X is what is compared (Q.JUDGING_WORDS)
    judging_word_not_compared: bool = True
    # Notes labelling "range" as a term ("**Range**") define it: a question naming it asks the term, not a numeric
    # range that a line must state (the range check of rag.answer.gate)
    defined_range_is_a_term: bool = True
    # Two question words the notes only ever write hyphened ("one-handed") are joined so (Vocabulary.hyphenate)
    join_as_the_notes_hyphen: bool = True
    # A title restating the question (its key words in order; not for a comparison or two parts): rag.answer.titled
    heading_restates_question: bool = True
    title_min_terms: int = 3  # key words the title must hold: fewer make a topic ("## Knots"), not a task
    other_title_factor: float = 0.4  # weight of lines under other titles. practice10 z018 z027 z063
    # A list whose items name sections of the same note further down ("- **Pumps**: learn how they work" over
    # "## Pumps") is a table of contents: its items point to what the note states, so their evidence score is
    # scaled by this factor (1.0 turns it off) and the section's own lines answer (rag.answer.contents)
    contents_item_factor: float = 0.5
    contents_min_items: int = 2  # how many of a run of list items must name a later heading

    @property
    def min_relevance(self) -> float:
        """The default refusal floor: the relevance of the reference point described above (0.4)."""
        return self.w_relevance_coverage * self.refuse_coverage + self.w_relevance_dense * self.refuse_closeness


DEFAULT = Policy()
