"""English function words that frame a question (auxiliaries, determiners, prepositions, pronouns, particles,
forms of "be") and the verbs of general meaning: plain English, read as ``Q.NAME`` through :mod:`.questions`."""

# The question's frame, for telling its verb from the things it names (rag.answer.phrasing): plain English
# function words. A word between a subject and one of these, or a participle before a preposition, relates the
# things asked about ("does a book stay on ...", "items borrowed on ..."), as a verb does.
AUXILIARIES = frozenset("does do did can could will would should may might must".split())
DETERMINERS = frozenset("a an the its their his her our your my this these those each every all any some".split())
PREPOSITIONS = frozenset("""to for in on at by from with of into onto about across per over under through via
    within without between among against after before during since toward towards upon""".split())
SUBJECT_PRONOUNS = frozenset("i you we they it he she one".split())
# the asker as a clause's subject ("how do I ...", "what should we ..."): its verb is the action asked about
ASKER_PRONOUNS = frozenset("i you we".split())
# particles that make a verb phrasal ("work out", "look up", "hook up", "roll back"): the pair means what the notes
# say in other words ("calculate", "find", "connect"), so the verb alone is no action the notes must name
# verbs of wanting, choosing and getting frame an asker's question ("what size should I pick", "what do I need")
# rather than name an action, so notes that never use them may still answer (rag.answer.phrasing.unknown_action)
GENERAL_VERBS = frozenset("""need want pick choose buy try take make put find see go look work run check learn think
    expect bring mean call show hold start stop keep let say ask""".split())
PARTICLES = frozenset("up out off down back away around apart".split())
# ...and, after a verb of general meaning only (GENERAL_VERBS), the particles that make it phrasal while they also
# are prepositions elsewhere ("take over", "go through"; "simmer over a low flame" keeps its verb): rag.answer.phrasing
PHRASAL_PARTICLES = PARTICLES | frozenset("over through".split())
BE_FORMS = frozenset("be been being is are was were get gets got".split())
# a verb of general meaning (GENERAL_VERBS) in a relative clause right before one of these prepositions ("the crates
# that go to the galley") only links its noun to the preposition's object, which notes join by the preposition alone
# ("crates to galley"): rag.answer.phrasing, knob Policy.relative_general_verbs
RELATIVE_PRONOUNS = frozenset("that which".split())
LINKING_PREPOSITIONS = frozenset("to from into onto with".split())
# A closing clause naming a moment ("... before the barley goes in", "... after the tide turns"): the conjunction and
# the order it asks of the notes' steps, +1 when the moment's thing comes in a later line, -1 in an earlier one
# (rag.answer.moment). Not "when" or "while": they name no order.
MOMENT_CONJUNCTIONS = {"before": 1, "until": 1, "till": 1, "after": -1, "once": -1}
