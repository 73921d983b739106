"""Knobs of composition (which quotes, with what around them), verification and generation, and the reading
rules added last (they stay last so that :class:`rag.answer.policy.Policy` keeps its field order).
Part of :class:`rag.answer.policy.Policy`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ComposeKnobs:
    """Composition, verification and generation, and the reading rules added last."""

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
    # ...and a prose lead-in ending in ":" ("Rig the dinghy so:") with the code block under it, and the further
    # blocks a short label of their own introduces ("Jib:" over a fence, at most label_max_words words): the
    # blocks finish its sentence (rag.answer.follows.code_under); off: the line alone, or its block when short
    code_under_lead_in: bool = True
    code_lead_in_max_lines: int = 40  # blocks ending further below the lead-in than this are not quoted with it
    # A comment line of its own in a code block ("# Brine for one chicken") says what the lines right under it do: it
    # is quoted with them, to the next blank line, comment line or fence (at most detail_max_lines; the comment alone
    # names a step without its command; rag.answer.follows.commands_under); off: the comment alone
    comment_over_command: bool = True
    # A question asking how to do something, for a command or option, or whether one can do something ("how do I",
    # "what flag ...", "can I ...": rag.answer.intent.Intent.asks_command) answered by a prose line that a code block
    # follows (right below, or past at most code_after_lines label or paragraph lines: "Alternative to the oven." over
    # "**Stovetop:**" over the block) is quoted through the block: the prose names the step, the block does it
    # (rag.answer.follows.code_after); off: the prose alone
    code_after_prose: bool = True
    code_after_lines: int = 2
    # ...and one whose line opens a paragraph pointing back (N.POINTS_BACK: "This prints the weights") right under a
    # code block is quoted with that block (rag.answer.follows.code_before); off: the line alone
    code_before_prose: bool = True
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
    # a sentence of prose announcing the list under it ("They consist of three main components:", questions
    # .ANNOUNCES_LIST) heads it as a label line does, where it speaks of what the list is asked of or announces the
    # count the question asks ("what two things"); rag.answer.announced. practice p035, practice4 k060.
    announced_list_heads_list: bool = True
    # ...and a singular heading over a list ("### Bandage") names it for a question writing it in the plural ("what
    # bandages go in ...") or asking what is in it ("what's in the kit", Q.ASKS_CONTENTS); off: plural headings only
    singular_heading_named: bool = True
    one_line_comparisons: bool = True  # off: a comparison quotes each side's own line only (rag.answer.together)
    headings_as_items: bool = True  # off: a section's subsection headings are never a list's items (idem)
    # a "who" / "which <noun>" question answered by a line that never names its subject, only its heading does
    # ("### Marie Curie" > "- Isolated radium"): the quote is shown under that heading ("Marie Curie: “...”"),
    # when the heading is a short name, at most this many words (rag.answer.subject); 0 turns it off
    subject_heading_max_words: int = 4
    # a question asking when, or which week/day ("what week is the haul out", policy.questions.ASKS_SLOT), answered by
    # a line naming no time, under an outline line naming a slot of a schedule ("Week 7", policy.values.SLOT): the
    # quote is shown under that slot ("Week 7: “Haul out”"), the line's time (rag.answer.subject.slot_label)
    slot_label: bool = True

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
    # ...and two the notes write closed up ("gangplank"), when they never use one of them alone ("plank"), are
    # written as one (Vocabulary.close_up): the half is no word of the notes, so it must not refuse the question
    join_as_the_notes_close: bool = True
    # A title restating the question (its key words in order; not for a comparison or two parts): rag.answer.titled
    heading_restates_question: bool = True
    title_min_terms: int = 3  # key words the title must hold: fewer make a topic ("## Knots"), not a task
    other_title_factor: float = 0.4  # weight of lines under other titles. practice10 z018 z027 z063
    # ...a title holding every key word but the question's verbs of general meaning (policy.grammar.GENERAL_VERBS:
    # "what does the Tidal Rule say") restates it too, when no title holds them all. practice12 c013
    title_excuses_general_verb: bool = True
    # ...and a title opening with a word of its own before the rest ("Preparing a brine" for "how do I make a brine")
    # words that verb: its word counts toward title_min_terms (rag.answer.titled.restated; practice13 w059)
    title_words_general_verb: bool = True
    # A how-to question whose words a code block's comment line all speaks ("# One folder only") is answered by the
    # command right under that comment (rag.answer.steps.commented_command; practice13 w035)
    comment_heads_command: bool = True
    # A title that is a statement (at least opening_title_min_words words) holding opening_title_coverage of the
    # question's asked terms words the question: notes in question-and-answer form answer it in the section's first
    # line, which then ranks first in its section (rag.answer.opening). practice5 b012. (Coverage 0.6 also lifted
    # the first command under exercise titles: practice4 k017 lost its answer.)
    opening_answers_title: bool = True
    opening_title_min_words: int = 4
    opening_title_coverage: float = 1.0
    opening_min_terms: int = 3  # asked terms the question must have: two words restated name a topic ("Lewis Acids")
    # A what-question whose best line is a bare code block line ("rules  strict-tabs") is answered by the prose line
    # right before or after that block naming the code line's other word (rag.answer.shown; practice13 w038)
    prose_tells_code: bool = True
    # A question naming a run of short keys ("what do r, w and x mean") is answered by the list whose items open with
    # at least this many of them written as code ("- `r` – read"), each item quoted (rag.answer.keyed; 0: off)
    keyed_items_min: int = 2
    # A list whose items name sections of the same note further down ("- **Pumps**: learn how they work" over
    # "## Pumps") is a table of contents: its items point to what the note states, so their evidence score is
    # scaled by this factor (1.0 turns it off) and the section's own lines answer (rag.answer.contents)
    contents_item_factor: float = 0.5
    contents_min_items: int = 2  # how many of a run of list items must name a later heading
    # A "when" answer quoting a line that tells no time under the notes' study question right above it that holds
    # one ("- What did the charters issued in 1842 grant?" over "  - Their significance was ...") is quoted with
    # that question (rag.answer.studied): the year stands only there. practice2 nearmiss n013, n036
    time_quoted_with_asked_line: bool = True
    # A quoted sentence is read with the sentence right before or after it in its paragraph (rag.answer.siblings)
    # when that one scores as strong as the best, or scores at least sibling_min_share of the best and holds a
    # question term the quoted one lacks: a line names its subject in one sentence and states the fact in the
    # next. The neighbour is looked for among all ranked sentences, not only the quoted sources. practice11 k032,
    # practice12 c010, practice5 b006
    sibling_sentences: bool = True
    sibling_min_share: float = 0.45
    # ...the neighbour may open the next line of the same plain paragraph (no list item, heading or table row)
    sibling_next_line: bool = True
    # ...or open the next numbered step ("5. Hoist the main." over "6. Trim its sheet."; the rest of step 5 between)
    sibling_next_step: bool = True
    # ...or, scoring at least sibling_min_share of the best, gives a number to the thing a "what X do ..." question
    # asks (policy.questions.THING_ASKED) where the quoted one gives none. practice5 b009
    sibling_gives_value: bool = True
