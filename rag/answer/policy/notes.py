"""How a note's lines are read (summary labels, lines defining a comparison's side) and what a model's sentence
may add to the line it cites (units, glue words, alternatives, initials, a small synonym table). Plain English.
"""

from __future__ import annotations

import re

# A heading or parent line that labels a summary of the note: its lines restate what the note says in full
# below, so a quote prefers the full line (rag.answer.compose).
SUMMARY_LABEL = re.compile(r"(?i)tl;?\s?dr|summary|recap|overview|key (?:points|takeaways)|in short|at a glance")
# A line defining a comparison's side (rag.answer.sides): "pumps: proteins that move ions" (the words before
# the colon); "proteins that move ions are called pumps" (the words after "called"); "a substance that donates
# protons is an acid" (a noun with a relative clause, then "is"/"are" and the defined words).
DEFINED_BEFORE = re.compile(r"^\s*([^:]{1,60}?)\s*:\s+\S")
DEFINED_AFTER = re.compile(r"(?i)\b(?:is|are)\s+(?:called|known\s+as|termed|named)\s+(.{1,60}?)\W*$"
                           r"|^\s*(?:(?:an?|the)\s+)?[\w-]+\s+(?:that|which|who)\b.*?\b(?:is|are)\s+(.{1,40}?)\W*$")
# A word in at least this share of the notes' chunks is their subject ("hive" in beekeeping notes): lines leave it
# unsaid, so the gate lets a line answering the rest of a question miss that one word (rag.answer.gate.check,
# rag.answer.vocab.Vocabulary.pervasive); 0 turns it off. A near miss naming a thing of the notes' subject that they
# never state ("how many wires in a cable") still misses a rarer word.
SUBJECT_WORD_SHARE = 0.2
# ...and in at least this many chunks: in notes of a few chunks every word is in a large share of them
SUBJECT_WORD_TEXTS = 8
# A line of a code block that sets a key (rag.answer.keys): "waterModes:", "- name: web", "restart_policy = always",
# "MAX_JOBS=4"; a key is one word (letters, digits, "_", "-", "."), then ":" before a space or the line's end (not
# "http://"), or "=". Commands ("git log") and comments ("# ...") set none.
SETTING_LINE = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w.-]*)\s*(?::(?=\s|$)|=)")
# An option flag of a command ("-s", "-N", "--x", "-it"): one or two dashes and letters, standing alone (not inside
# a word, "e-mail", nor a number, "-1"). When its letters are one letter or a stopword, rag.text.terms keeps it as
# a term as written (rag.text.option_flags): "what does -s check" asks about the table row keyed "`-s`". None: off.
OPTION_FLAG = re.compile(r"(?<![\w-])--?([A-Za-z]+)(?![\w-])")
# Units of measure any notes may use; count units of one set of notes ("replicas", "seats") are learned.
GENERIC_UNITS = frozenset("""second seconds sec secs s minute minutes min mins hour hours hr hrs day days week weeks
    month months year years decade decades century centuries ms millisecond milliseconds kb mb gb tb pb kib mib gib
    byte bytes percent times x""".split())
# Words a model sentence may add without adding a claim ("X is called Y", "X refers to Y").
GLUE_WORDS = frozenset("""called known refer refers referred mean means meaning include includes including
    consist consists example examples e.g i.e etc note notes according say says said state states""".split())
# A phrase a model sentence puts in quotation marks or a code span claims to be the note's own words, most
# often the name of the thing asked ('is called "..."'): it must stand in the cited line itself, not only in
# the heading shown with it (measured: 'the technique is called "Knots and Splices: The Technique"', the
# heading's text, where the cited line says 'The technique is called `back splice`').
QUOTED_PHRASE = re.compile(r'"([^"]{2,})"|\u201c([^\u201d]{2,})\u201d|`([^`]{2,})`')
# Two alternatives the notes give together ("is called either `freehold` or `leasehold`"): a model
# sentence naming one and not the other narrows what the note says (measured: "is called a leasehold").
ALTERNATIVES = re.compile(r"(?i)\beither\s+[`*_\"']*([\w-]+)[`*_\"']*\s+or\s+[`*_\"']*([\w-]+)")
# Small words a shortening may skip inside the run it spells: "RSPB" for "royal society for the protection of birds"
# (rag.answer.sameword.initialled); any other function word gives its letter ("per" in "mph").
INITIALS_SKIPPED = frozenset({"of", "and", "the", "for", "in", "on"})
# How a note spells a shortening out after writing it (rag.answer.shortening): "PFD = Personal Flotation Device",
# "M stands for mise", "ETA: estimated time of arrival", "ETA (estimated time of arrival)"; a shortening
# of one letter only after the first two ("Q: quality" may name a section).
SPELLED_OUT_BY = r"=|:|\(|stands?\s+for|(?:is\s+)?short\s+for|(?:is\s+)?an?\s+abbreviation\s+(?:for|of)"
SPELLED_OUT_ONE_LETTER = re.compile(r"(?i)=|stands?\s+for")
# A small synonym table, as pairs of words that may stand for each other (compared after stemming). "era"/"period"
# is plain English for a span of history; "daily" is "every day", which the stemmer does not join as it joins
# "yearly"/"year" (practice7 a057; the second for any notes' "every day"). GENERAL_SYNONYMS: plain English verbs,
# adverbs and superlatives a question and a note use for one meaning, never a field's words (mean11-census.md:
# "keep"/"stored", "almost every"/"nearly all", "grow"/"increase", "person"/"human being", "advances"/"improvements"
# cost practice p017, p004, p018, practice5 b066, practice2 h032; "chance"/"probability", "near"/"close",
# "people"/"population" practice8 s064, practice12 c003, practice2 h024).
GENERAL_SYNONYMS = [("keep", "store"), ("call", "name"), ("grow", "increase"), ("begin", "start"),
                    ("biggest", "largest"), ("almost", "nearly"), ("carry", "transport"), ("send", "deliver"),
                    ("advance", "improve"), ("person", "human"), ("chance", "probability"), ("near", "close"),
                    ("people", "population"),
                    # the words naming a thing's merits and faults ("downsides" asked, "#### Disadvantages" heading the
                    # list; practice13 w047)
                    ("downside", "disadvantage"), ("drawback", "disadvantage"), ("downside", "drawback"),
                    ("upside", "advantage"), ("benefit", "advantage"), ("upside", "benefit")]
SYNONYMS = [("max", "maximum"), ("min", "minimum"), ("approx", "approximately"), ("sec", "second"),
            ("info", "information"), ("govt", "government"), ("gov", "government"), ("eg", "example"),
            ("vs", "versus"), ("aka", "called"), ("allow", "let"), ("big", "large"), ("small", "little"),
            ("need", "require"), ("era", "period"), ("daily", "day")] + GENERAL_SYNONYMS
# A line comparing two things itself: a preference or a comparative ("Instead of a tiller I prefer a wheel",
# "a wheel is lighter than a tiller", "unlike a tiller, ..."): rag.answer.together.both_sides. A line that only
# names both ("Steering: tiller, wheel") compares nothing.
COMPARING = re.compile(r"(?i)\b(?:prefer(?:s|red)?|instead of|rather than|unlike|whereas|(?:more|less|fewer)\s+\w+\s+than|\w+er\s+than)\b")
# A correlative comparison, how one thing varies with another ("The higher the tide the stronger the current",
# "the more sail you carry, the more the boat heels"): a sentence (or a clause after a comma) opening "the" and a
# comparative, with a second "the" and a comparative after it (rag.answer.together.degree_lines).
CORRELATIVE = re.compile(r"(?i)(?:^|[,;:]\s*)the\s+(?:more|less|fewer|\w{2,}er)\b[^.;!?]*?\bthe\s+(?:more|less|fewer|\w{2,}er)\b")
# A hard-wrapped sentence (rag.answer.wrapped): plain prose wrapped at a fixed width puts one sentence over
# two or three lines ("A tide of around 2 metres is the best time to launch" / "a small dinghy
# and ..."). A line's last sentence is unfinished when it ends without one of these marks (after closing quotes,
# brackets or emphasis), and the next line of its paragraph goes on with it when that line does not start with
# a capital letter: "a small dinghy", "(30-70%).", "hours.". A line starting with a capital opens a sentence of
# its own, as outline notes write it ("LOA (Length over all)" / "Usually 8-12 m").
SENTENCE_END = re.compile(r"[.!?:;][\"'’”)\]*_`]*\s*$")
WRAP_GOES_ON = re.compile(r"^\s*[^A-Z\s]")
# A term line: a short line naming a term and ending on a dash ("**Bosun** -", "Navigator -"), whose definition
# is the line written under it ("_Keeps the deck and the gear in order_"). Glossary-like outline notes put the two
# on consecutive lines without a full stop, so the hard-wrap rule above does not join them; a term line and the one
# line it runs into are read as one unit (rag.answer.wrapped), the term then speaking for its definition; a definition
# of one word ("_Rigging_") is still a line of its own there (rag.answer.units).
# Off (TERM_LINE_JOINS_DEFINITION False), the term and its definition stay two units, as before.
TERM_LINE = re.compile(r"^\W{0,4}[^\s.!?:;-][^.!?:;]{0,60}?(?:[*_]+\s*|\s+)[-\u2013\u2014]\s*$")
TERM_LINE_MAX_WORDS = 6
TERM_LINE_JOINS_DEFINITION = True
# A pair read together (a sentence and the next, which points back at it: "... a flat prefix.  This means take the
# scale degree ...") that wraps onto the next lines stays a pair when joined over them, so it still scores at least as
# its first sentence alone (knob pair_keeps_antecedent). False: the wrapped pair scores as any sentence. practice6 m036.
WRAPPED_PAIR_STAYS_PAIR = True
# A list item's text goes on in the plain line right under it even at the marker's indent or less (markdown's lazy
# continuation: "3. A shot glass works." / "This sample tells when the dough is done."), as it does on a line indented
# under its text: the line is read with the item (wrapped and pointing-back sentences joined; rag.answer.units).
LAZY_ITEM_CONTINUATION = True

# A plain line ending in a colon, this many words at most ("Second stage:", "**Spring checks:**"), heads the list
# written under it at its own indent: each item reads under it, in its context (rag.answer.listlabel). Off
# (LIST_LABEL_READS_OVER_LIST False), the items read under their heading alone, as before.
LIST_LABEL_MAX_WORDS = 8
LIST_LABEL_READS_OVER_LIST = True
# A list item's later sentence reads under the item's first sentence, cut to this many characters (as a wrapped line
# reads under its paragraph's first line): "Leave the mixture for 2 days" under "Mix the wax and the oil in a jar".
ITEM_FIRST_SENTENCE_LEADS = True
ITEM_LEAD_MAX_CHARS = 120

# Ordinal numbers written both ways: notes write "5th", "2nd", "21st" where a question says "fifth", "second"
# (and the reverse). Position i holds the word for i + 1; the numeral's suffix is the word's last two letters
# ("first" -> "st", "second" -> "nd", "third" -> "rd", "fifth" -> "th"). Plain English, any field: the 5th
# Amendment, the 3rd proof, the 2nd coat of varnish. Read by :mod:`rag.answer.ordinals`.
ORDINAL_WORDS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                 "eighteenth", "nineteenth", "twentieth")

# A table cell a question names (rag.answer.cells): a lone cell that is one of these words is not named by the
# question's word, which is grammar there: English writes the pronoun "I" capitalised, as a table may write a
# row's key ("I" the first chord of a key, "I" a roman-numbered item), so "what do I use" names no such row.
CELL_GRAMMAR_WORDS = frozenset({"I"})
# A display formula (rag.answer.follows.formula_under): a line opening with "$$" or "\\[" (LaTeX in Markdown),
# closed by the same "$$" or by "\\]", on its line or a later one.
DISPLAY_MATH_OPEN = re.compile(r"^\s*(\$\$|\\\[)")
DISPLAY_MATH_CLOSE = {"$$": "$$", "\\[": "\\]"}
# Abbreviations that never end a sentence (rag.answer.sentences): a split after one ("e.g. 20 kg vs. 10 kg") is undone.
# Not "etc." nor "approx.": a sentence may end with either. A person's title ("Dr.", "Mr.", "Mrs.", "Ms.", "Prof.")
# stands before a name, so "presented by Dr. Ann Lee" stays one sentence, never "presented by Dr." (TITLES_END_NOTHING).
TITLES_END_NOTHING = True
_TITLES = r"|dr|mr|mrs|ms|prof" if TITLES_END_NOTHING else ""
NEVER_ENDS_SENTENCE = re.compile(rf"(?i)(?:^|[\s(\[])(?:vs|e\.g|i\.e|cf|viz{_TITLES})\.$")
# LaTeX commands for symbols a reader names in words (rag.text.plain): "$$\int$$ table" is read "integral table", as a
# user types "integral table"; "$\lim_{x \to 0}$" "lim limit". Greek letters are named anyway; a command not listed
# here (arrows, spacing, \frac) reads as nothing. Each value is the words a user types for the symbol.
MATH_WORDS = {
    "forall": "forall", "exists": "exists", "nexists": "exists", "infty": "infinity", "sum": "sum",
    "prod": "product", "int": "integral", "oint": "integral", "sqrt": "sqrt root", "partial": "partial",
    "nabla": "nabla gradient", "lim": "lim limit", "log": "log", "ln": "ln", "exp": "exp", "sin": "sin",
    "cos": "cos", "tan": "tan", "max": "max", "min": "min", "emptyset": "empty set", "varnothing": "empty set",
    "cup": "union", "cap": "intersection", "subset": "subset", "subseteq": "subset", "notin": "notin",
    "neg": "not", "lnot": "not", "iff": "iff", "implies": "implies", "approx": "approx", "bot": "bot",
}
# A verb's past or present participle in a question ("how is it planted", "grinding") and an agent noun in a line
# ("a planter", "grinders") share a stem but not a meaning: the tool or doer is not the doing
# (rag.answer.evidence.agent_only). "-ed"/"-ing" after at least three letters; "-or(s)"/"-er(s)" likewise.
VERB_FORM = re.compile(r"^[a-z]{3,}(?:ed|ing)$")
AGENT_NOUN = re.compile(r"^[a-z]{3,}(?:or|er)s?$")
# For a "who" question (rag.answer.who): topic headings name no one: title case ("Concepts of Genetics and Biology",
# capitalised words joined by lower-case stopwords), a heading's opening stopword ("The cell"); nor does notation
# ("$P(Disease)$").
TOPIC_HEADINGS_NAME_NO_ONE = True
# Capitalised words that name no one, in a line or a heading: days, months, a capital letter's plural ("all Ts").
NO_ONES_NAME = re.compile(r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July"
                          r"|August|September|October|November|December|[A-Z]s)")
# A role or body the notes write as an acronym ("the QM", "_2nd RO_") names someone as a capitalised word does: an
# upper-case word of 2 to ACRONYM_LETTERS letters (a plural "s" after it allowed), not a stopword, standing in a
# stretch of a line (between dashes, colons, commas, brackets) that holds no other upper-case word (a shouted task
# name, "STOW THE SAILS", names no one) and no lower-case word but an ordinal ("2nd"): an acronym in a sentence ("made
# in the DB before ...") is a thing's. 0 turns acronyms off.
ACRONYM_LETTERS = 3
# Emphasis underscores around words ("_Bosun, Mate_") are markup, not part of a word: left out before names are read.
EMPHASIS_IS_MARKUP = True
# A note opening with a front matter block (a "---" line, "key: value" lines, a closing "---" or "...": Jekyll,
# Hugo, Obsidian) names itself in its "title:" key; when no "# " heading names it, that title heads every section
# of the note, as an h1 would (rag.frontmatter): the lines under a generic "## Steps" speak of the thing the note
# is about. Off: the closing "---" still ends the block (no heading is read from it), and no title is added.
FRONT_MATTER_TITLES_NOTE = True
FRONT_MATTER_TITLE_KEY = re.compile(r"(?i)^title\s*:\s*(.*?)\s*$")
FRONT_MATTER_MAX_LINES = 60  # a longer opening run of "key: value" lines is the note's content, not its metadata
# A front matter's lines ("tags: [...]", "author: ...", "date: ...") record facts about the note, not what it says:
# they are no evidence unless the question names their key (rag.frontmatter.without_metadata). False: they are.
FRONT_MATTER_NOT_EVIDENCE = True
# ...but the words it files the note under ("tags: ['knots', 'rigging']") say what the whole note is about, as its
# title does: every line of the note speaks of them for the gate (rag.answer.gate.unspoken; practice11 k060). None: no
# line does.
FRONT_MATTER_TOPIC_KEY = re.compile(r"(?i)^(?:tags|keywords|topics|categories)\s*:\s*(.*?)\s*$")
# A label line outside code ("- Prep time: 30 min", "Habitat: reef flats", "Court: High Court"): a short label (at
# most LABEL_MAX_WORDS words, after any bullet or symbol), a colon, then a short value (at most LABEL_VALUE_MAX_WORDS
# words: a sentence after a colon is prose). A question whose words hold every word of the label asks that line's
# value, for each note it names, however a longer line mentioning its words ranks (rag.answer.keys.label_lines).
# Off: label lines rank as any other line.
LABELS_ANSWER = True
LABEL_LINE = re.compile(r"^[\W_]*([A-Za-z][A-Za-z'’ -]*?)\s*:\s+(\S.*?)\s*$")
LABEL_MAX_WORDS = 3
LABEL_VALUE_MAX_WORDS = 6
# What is worked out once from a whole note's lines and read for each of its chunks, each question (rag.pernote: the
# state above a chunk's first line, rag.answer.above; where a front matter ends, rag.frontmatter) is kept for this
# many notes, the least recently read dropped first. A bound on memory only: no answer depends on it.
NOTES_KEPT = 512

# A comment line of its own inside a code block: "#" (shell, YAML, Python) or "//" (C-like) opening it, then text
# (rag.answer.follows.commands_under). A trailing comment after code is another thing (rag.answer.comments).
CODE_COMMENT_LINE = re.compile(r"^\s*(?:#+|//)\s*\S")
# A paragraph opening with a word pointing back ("This", "These", "That", "The above") right under a code block speaks
# of the block (rag.answer.follows.code_before): "This prints each batch's weight" under the command printing them.
# A list item whose first sentence points back (policy.questions.POINTS_BACK_LEAD: "These are only for feedback")
# is read with the sibling item right above it at the same indent, as a paragraph's line is with the line above
# (rag.answer.across.sibling_items). Off: only lines of one paragraph are read together.
SIBLING_ITEM_POINTS_BACK = True
POINTS_BACK = re.compile(r"^\s*(?:this|these|that|those|the\s+above)\b", re.I)

# A code block's line that is a comment and nothing else ("# One folder only", "// trim the photo"): it names the
# step the command under it does (rag.answer.steps.commented_command, knob Policy.comment_heads_command)
CODE_COMMENT = r"^\s*(?:#+|//|--|;+)\s*\S"

# A question's run of short keys joined by commas and a last "and"/"or" ("what do y, n, s and q mean", "flags -a, -b
# or -c"): each key at most three characters; and a list item opening with a key written as code ("- `r` – read").
# The list keyed by two or more of the run's keys answers (rag.answer.keyed, knob Policy.keyed_items_min)
KEY_RUN = re.compile(r"(?i)(?<![\w-])[\w-]{1,3}(?:\s*,\s*[\w-]{1,3})*,?\s+(?:and|or)\s+[\w-]{1,3}(?![\w-])")
CODE_KEY_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+`([^`]{1,3})`")

# A comparison side named only in a code block's line ("$ oven hold") is answered by the prose line introducing that
# block ("To keep the dough warm:"), quoted with it: the line says what the side does (rag.answer.sides.lead_in;
# False: the code line alone)
CODE_SIDE_LEAD_IN = True
