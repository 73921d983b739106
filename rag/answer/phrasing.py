"""Which asked words only phrase a question: its verb, read from the question's frame and judged by the notes.

A near miss is a question about a thing the notes leave unsaid ("the voting age" in notes that never give
one), so the gate wants one line that speaks of every asked term (rag.answer.gate.unspoken). But a question's
verb says how the things it asks about relate, and a note says that in its own words: "how many days does a
book stay on loan" is answered by "the loan period is 21 days for books", "how many items can be borrowed on
one card" by "up to 8 items per member card". Such a word is
excused when

- the question's frame puts it in a verb's place: after an auxiliary and its subject ("does a teak
  starter need"; the subject is the run of words the notes themselves write side by side), between a question
  word and a determiner ("what sets the ..."), or as a participle before a preposition or a determiner
  ("borrowed on", "ordering a"); or it is a participle before a noun that the notes never write ("combined
  size"); and
- the notes never use it as a thing: never after an article, a possessive or a number ("the table", "6 sets"),
  never as a name, and it is no word of the value asked ("what age", "when was it signed").

No word list of verbs: plain English function words (rag.answer.policy) tell the frame, the notes tell the rest.
"""

from __future__ import annotations

import re

from ..text import GENERIC, STOPWORDS, stem, words
from .policy import DEFAULT, Policy, questions as Q
from .amount import value_cue
from .intent import Intent
from .lightverb import light_verb_pair
from .sameword import synonyms_of
from .vocab import Vocabulary

_TOKEN = re.compile(r"[A-Za-z][\w'-]*|\d+(?:[.,]\d+)*")


def phrasing_terms(intent: Intent, vocab: Vocabulary, policy: Policy = DEFAULT) -> frozenset[str]:
    """The stemmed asked terms that are the question's verb (see the module doc): no answering line need speak
    them; nor any light word (:func:`light_terms`). The verb is none for a question asking the point at which it
    happens ("at what temperature does wax melt", policy.questions.AT_POINT): it names the event whose value is
    asked."""
    tokens = [t.lower() for t in _TOKEN.findall(intent.question)]
    asked = set(intent.asked_terms)
    light = light_terms(intent.question, policy) & asked
    if policy.light_words:  # the frame is read without them: "does the keeper climb every day" ("day" is no verb)
        tokens = [t for t in tokens if t not in Q.LIGHT_WORDS]
    if policy.point_verb_must_be_spoken and intent.wants_amount and Q.AT_POINT.match(intent.question):
        return frozenset(light)
    cue = {stem(w) for w in _TOKEN.findall(value_cue(intent.question).lower())}
    found = (set(_verb_after_subject(tokens, vocab, policy.verb_frames)) | set(_verb_after_question_word(tokens, vocab))
             | set(_participles(tokens, vocab, policy)))
    found |= set(_verb_after_pronoun(tokens))
    if policy.infinitive_and_preposition_frames:
        found |= set(_infinitive(tokens)) | set(_complex_preposition(tokens))
    if policy.copula_and_partitive_frames:
        found |= set(_copula_as(tokens)) | set(_partitive(tokens))
    if policy.general_phrasal_verbs:  # ...and a light verb's pair ("takes charge of": rag.answer.lightverb)
        found |= set(_general_phrasal(tokens, policy.relative_general_verbs)) | set(
            light_verb_pair(tokens) if policy.light_verb_pairs else ())
    # the purpose frame's word is excused even where the notes use it as a thing ("a good loaf"): the frame says
    # what it is there, an adjective asking what the thing is for
    framed = {stem(w) for w in _purpose(intent.question)} if policy.infinitive_and_preposition_frames else set()
    if policy.date_verb_must_be_spoken and intent.wants_amount and Q.EVENT_DATE.match(intent.question):
        found = {w for w in found if _loose_verb(w, tokens)}  # the event's verb must be spoken, unless general or phrasal
    return frozenset(stem(w) for w in found
                     if stem(w) in asked and stem(w) not in cue and not _a_thing(w, vocab)) | (framed & asked) | light


def light_terms(question: str, policy: Policy = DEFAULT) -> set[str]:
    """The stems of the question's light words (policy.questions.LIGHT_WORDS: "actually", "really", "every") and of
    its adverbial idioms' words ("from scratch", policy.questions.ADVERBIAL_IDIOMS) and a judging frame's adjective
    ("what's wrong with", policy.questions.JUDGING_FRAME): they modify the asking, not
    the thing asked (knob Policy.light_words)."""
    if not policy.light_words:
        return set()
    tokens = [t.lower() for t in _TOKEN.findall(question)]
    found = {stem(t) for t in tokens if t in Q.LIGHT_WORDS}
    found |= {stem(m.group(1).lower()) for m in Q.JUDGING_FRAME.finditer(question)}
    found |= {stem(w.lower()) for m in Q.OPTIONS_FRAME.finditer(question) for w in m.groups() if w and policy.options_frame_light}
    return found | {stem(t) for m in Q.ADVERBIAL_IDIOMS.finditer(question) for t in _TOKEN.findall(m.group(0).lower())}


def _loose_verb(word: str, tokens: list[str]) -> bool:
    """A verb that names no particular event: one of general meaning ("take", policy.questions.GENERAL_VERBS) or one
    a particle makes phrasal ("thrown out"), which notes word otherwise ("evicted", "ousted")."""
    at = tokens.index(word) if word in tokens else -1
    return word in Q.GENERAL_VERBS or 0 <= at < len(tokens) - 1 and tokens[at + 1] in Q.PARTICLES


def unknown_action(intent: Intent, vocab: Vocabulary, policy: Policy = DEFAULT) -> str | None:
    """The action the asker asks about doing ("how do I caulk ...", "what knot should I tie off with ..."): the verb
    after "I"/"you"/"we" (policy.questions.ASKER_PRONOUNS), when the notes never use it, nor a synonym or a word it
    shortens, and no particle makes it phrasal ("work out" a frequency, "look up" a name: idioms the notes word
    otherwise), nor is it a verb of wanting or choosing (policy.questions.GENERAL_VERBS: "what size should I pick"). Such a verb is no mere phrasing: notes that never speak of the action cannot say how or with what to do
    it. Only where the question asks the doing itself: the pronoun after an auxiliary ("how do I", not "if I ..."),
    and no value asked ("how many hours do I get" speaks of a value the notes may state in their own verbs).
    None when there is no such verb, or the notes use it (policy.action_must_be_spoken)."""
    if not policy.action_must_be_spoken or intent.comparison or intent.wants_amount:
        return None
    tokens = [t.lower() for t in _TOKEN.findall(intent.question)]
    for i, t in enumerate(tokens[:-1]):
        if t not in Q.ASKER_PRONOUNS or not i or tokens[i - 1] not in Q.AUXILIARIES:
            continue  # "how do I ...", "what should we ...": not a condition, "if I reserve a boat ..."
        for word in _verb_after_pronoun(tokens[i:])[:1]:
            after = tokens[tokens.index(word, i) + 1:][:1]
            if after and after[0] in Q.PARTICLES or word in Q.GENERAL_VERBS:
                continue  # a phrasal verb, "work out", or a verb of choosing, "pick": the notes say it otherwise
            if (word.isalpha() and len(word) > 2 and not vocab.knows(word) and not synonyms_of(stem(word)) & vocab.stems
                    and vocab.expansion(word, policy.expand_min) is None):
                return word
    return None


def _content(word: str) -> bool:
    return (word not in STOPWORDS and word not in GENERIC and word not in Q.PREPOSITIONS and len(word) > 1
            and not word[0].isdigit())


def _a_thing(word: str, vocab: Vocabulary) -> bool:
    """The notes use the word as a thing: after an article, a possessive or a number, or as a name."""
    return word in vocab.things or word in vocab.names


def _verb_after_subject(tokens: list[str], vocab: Vocabulary, objects: bool = False) -> list[str]:
    """ "how often does a teak deck need ...": after the auxiliary, the subject runs on while the notes
    write its words side by side ("teak deck"); the verb is the first word after it that can be one: a word
    in its plain form (after "does" a verb takes no "-s", "-ed" or "-ing": "barons" is not one), not a thing of
    the notes, followed by nothing, by two or more words the notes write side by side ("store event history"),
    or by one word that cannot be the verb ("need feeding"; one that can may be the verb itself: "does the word
    subsidy refer"), or, with ``objects``, by its object before a preposition: a thing of the notes, or a word of
    theirs after one they never use ("do the monks split history into"). After a pronoun
    subject ("can I prune") the first content word is the verb."""
    # the auxiliary opens the question or follows its question word ("for how many days at most can a ...")
    asking = next((i for i, t in enumerate(tokens) if t in Q.QUESTION_WORDS), None)
    aux = next((i for i, t in enumerate(tokens) if t in Q.AUXILIARIES and (i < 5 or asking is not None and asking < i)), None)
    if aux is None:
        return []
    rest = tokens[aux + 1:]
    at = 0
    while at < len(rest) and not _content(rest[at]):
        if rest[at] in Q.SUBJECT_PRONOUNS and at + 1 < len(rest) and _content(rest[at + 1]):
            return [rest[at + 1]]
        at += 1
    run = []
    for t in rest[at:]:
        if not _content(t):
            break
        run.append(t)
    # the run must end where a verb's clause may: at the end, or before an object or a preposition; a run
    # ending before a function word that is itself a verb ("does a high gear mean") holds no verb
    end = rest[at + len(run)] if at + len(run) < len(rest) else None
    closed = (end is None or end in Q.DETERMINERS or end in Q.PREPOSITIONS or end in Q.SUBJECT_PRONOUNS
              or end in Q.CLAUSE_WORDS)
    chained = lambda words: all((stem(a), stem(b)) in vocab.pairs for a, b in zip(words, words[1:]))  # noqa: E731
    for i in range(1, len(run)):
        word = run[i]
        if (stem(run[i - 1]), stem(word)) in vocab.pairs or _a_thing(word, vocab) or len(word) < 2:
            continue
        after = run[i + 1:]
        # ...or by its object before a preposition: one thing of the notes, or one word of theirs after a word they
        # never use ("do the monks split history into"; at the question's end the last word is the verb: "does a fat
        # gram store")
        if _plain(word) and (not after and closed or len(after) >= 2 and chained(after)
                             or len(after) == 1 and (not _plain(after[0]) or objects and end in Q.PREPOSITIONS and not _adverb(word) and (
                                 _a_thing(after[0], vocab) or vocab.knows(after[0]) and not vocab.knows(word)))):
            return [word]
    return []


def _general_phrasal(tokens: list[str], relative: bool = False) -> list[str]:
    """A verb of general meaning ("take", "takes", "taking"; policy.questions.GENERAL_VERBS) with a particle right after it
    ("take over", "go through"): a phrasal verb the notes word with one verb of their own ("acquired"); with
    ``relative``, one linking a relative clause's noun to a preposition ("crates that go to the galley")."""
    return [t for i, (t, nxt) in enumerate(zip(tokens, tokens[1:])) if stem(t) in _GENERAL_STEMS and (
        nxt in Q.PHRASAL_PARTICLES or relative and i and tokens[i - 1] in Q.RELATIVE_PRONOUNS and nxt in Q.LINKING_PREPOSITIONS)]


_GENERAL_STEMS = frozenset(stem(v) for v in Q.GENERAL_VERBS)


def _verb_after_pronoun(tokens: list[str]) -> list[str]:
    """ "if I miss a deadline", "if I don't oil it": a personal pronoun that opens a clause of the question is
    its subject; the first word after it, past an auxiliary or a "not", is its verb."""
    found = []
    for i, t in enumerate(tokens[:-1]):
        if t not in Q.SUBJECT_PRONOUNS or t in ("it", "one"):
            continue
        at = i + 1
        while at < len(tokens) and (tokens[at] in Q.AUXILIARIES or tokens[at] in ("not", "never") or tokens[at].endswith("n't")):
            at += 1
        if at < len(tokens) and _content(tokens[at]):
            found.append(tokens[at])
    return found


def _adverb(word: str) -> bool:
    """A light word or a word in "-ly" ("actually go on"): an adverb, no verb with an object."""
    return word in Q.LIGHT_WORDS or word.endswith("ly")


def _plain(word: str) -> bool:
    """Whether a word may be a verb's plain form: no "-s" ("ss" is no ending), "-ed" or "-ing"."""
    return not (word.endswith("s") and not word.endswith("ss")) and not Q.PARTICIPLE.match(word)


def _verb_after_question_word(tokens: list[str], vocab: Vocabulary) -> list[str]:
    """ "what sets the interest rate": a question word, one word, then a determiner. "how many bolts hold a
    wheel", "how high a tide floods the quay": after "how many" (or "how" and a degree word) and the words naming
    what is counted, which the notes use as things, the first word they never use as one, unless it ends in
    "-ed" or "-ing" (it may qualify the next: "how many bolts fixed ...")."""
    if len(tokens) >= 3 and tokens[0] in Q.WH_SUBJECT and _content(tokens[1]) and tokens[2] in Q.DETERMINERS:
        return [tokens[1]]
    for i in range(len(tokens) - 2):
        if tokens[i] == "how" and (tokens[i + 1] in ("many", "much") or _content(tokens[i + 1])):
            at = i + 2 + (tokens[i + 2] in Q.DETERMINERS)
            # the words naming what is counted or measured, things of the notes ("anchor chains"), then the verb:
            # a word the notes never use as a thing, in its plain or "-s" form, right after one they do
            while at < len(tokens) and _content(tokens[at]) and _a_thing(tokens[at], vocab):
                at += 1
            word = tokens[at] if at < len(tokens) else ""
            if (at > i + 2 and _a_thing(tokens[at - 1], vocab) and _content(word) and not Q.PARTICIPLE.match(word) and not word.endswith("ed")
                    and len(word) > 2 and not _a_thing(word, vocab)):
                return [word]
            break
    return []


def _participles(tokens: list[str], vocab: Vocabulary, policy: Policy = DEFAULT) -> list[str]:
    """ "items borrowed on", "can be assigned to": a past participle after a word or a form of "be", before a
    preposition, a determiner or the end; "a diner ordering a dish": a present one before a determiner (at
    the end, or before a noun, an "-ing" word names a kind: "mooring fee", "sailing age"), or one after "by"
    ("save by choosing a plan": the means); "max lashed
    height": a past participle the notes never write, before the word asking the value (it qualifies the value,
    where "smoked salmon" names a thing). An irregular participle ("are these loaves made with rye") counts as an "-ed"
    one (policy.irregular_participles), but not before a preposition ending the question ("what is it made of")."""
    found = []
    irregular = Q.IRREGULAR_PARTICIPLES if policy.irregular_participles else frozenset()
    for i, t in enumerate(tokens):
        if i == 0 or not (Q.PARTICIPLE.match(t) or t in irregular) or not _content(t):
            continue
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        before = tokens[i - 1]
        past = t.endswith("ed") or t in irregular
        if t in irregular and after in Q.PREPOSITIONS and i + 2 == len(tokens):
            continue  # "what is the glaze made of": the preposition ends the question, whose object is asked
        if (_content(before) or before in GENERIC or before in Q.BE_FORMS) and (
                after in Q.DETERMINERS or past and (after is None or after in Q.PREPOSITIONS)):
            found.append(t)
        elif before == "by" and not past and t not in vocab.things:
            # "save by choosing spot capacity": the means, a verb the line stating the saving need not repeat
            found.append(t)
        elif past and after is not None and (after in GENERIC or after in Q.FRAMING_WORDS) and t not in vocab.words:
            found.append(t)
    return found


def _infinitive(tokens: list[str]) -> list[str]:
    """ "the two ways to figure out the tide", "how to spell it": after "how", "ways" or "in order"
    (policy.questions.INFINITIVE_LEADS) "to" marks an infinitive, and the content word after it is the verb."""
    return [tokens[i + 2] for i in range(len(tokens) - 2)
            if tokens[i] in Q.INFINITIVE_LEADS and tokens[i + 1] == "to" and _content(tokens[i + 2]) and _plain(tokens[i + 2])]


def _complex_preposition(tokens: list[str]) -> list[str]:
    """ "a flat in front of a numeral", "on top of the dough": a preposition, a bare noun (no determiner) and
    "of" make one preposition (policy.questions.COMPLEX_PREPOSITION_OPENERS); the noun names nothing asked."""
    return [tokens[i + 1] for i in range(len(tokens) - 2)
            if tokens[i] in Q.COMPLEX_PREPOSITION_OPENERS and _content(tokens[i + 1]) and tokens[i + 2] == "of"]


def _copula_as(tokens: list[str]) -> list[str]:
    """ "the poem that counts as the oldest", "a knot which serves as a stopper": a relative clause's verb before
    "as" says what the thing is, as "is" would (policy.questions.RELATIVE_PRONOUNS); the line says "is" its own way."""
    return [tokens[i] for i in range(1, len(tokens) - 1)
            if tokens[i - 1] in Q.RELATIVE_PRONOUNS and tokens[i + 1] == "as" and _content(tokens[i])]


def _partitive(tokens: list[str]) -> list[str]:
    """ "one of the oldest pieces of furniture", "a bit of salt": a partitive noun before "of"
    (policy.questions.PARTITIVE_NOUNS) names an amount of the thing after it, not a thing asked."""
    return [tokens[i] for i in range(len(tokens) - 1) if tokens[i] in Q.PARTITIVE_NOUNS and tokens[i + 1] == "of"]


def _purpose(question: str) -> list[str]:
    """ "what is a marlinspike good for": a question opening "what is/are" and closing on a word and "for"
    asks a purpose (policy.questions.PURPOSE_FRAME); that word frames it, as "what is it for" needs none."""
    frame = Q.PURPOSE_FRAME.search(question)
    return [frame.group(1).lower()] if frame and re.match(r"(?i)\s*what(?:'s|\s+(?:is|are))\b", question) else []


def content_words(question: str) -> list[str]:
    """The question's words that name something: no stopword, no generic word, at least three letters."""
    return [w for w in words(question) if w not in STOPWORDS and w not in GENERIC and len(w) > 2]


def named_words(question: str, excused: frozenset[str], policy: Policy = DEFAULT) -> list[str]:
    """The content words the unknown share is taken of: the question's verb (``excused``) names no thing, so "what
    did the Veltrani invent" in notes that never say "Veltrani" is all unknown (policy.unknown_share_of_things)."""
    content = content_words(question)
    things = [w for w in content if stem(w) not in excused] if policy.unknown_share_of_things else content
    return things or content
