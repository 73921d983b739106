"""Evidence scoring: how well each sentence unit (rag.answer.units) answers a question, and the list words."""

from __future__ import annotations

import math
import re

from ..text import GENERIC, numbers, stem, strip_markup, terms, words
from . import intent as intents
from .policy import notes as N, questions as Q, values as V
from .policy import DEFAULT, Policy
from .cells import cell_bonus, joined_names, pick_named_rows
from .titled import restating_factors
from .comments import asks_what, comment_answers, options as command_options
from .sameword import shortened, stands_for
from .units import Unit, units_of, with_antecedents  # noqa: F401 (importers use them here)
from .wrapped import defined_term
from .embedded import line_texts, sentence_texts  # noqa: F401 (importers use them here)


def spoken_terms(unit: Unit) -> set[str]:
    """The stemmed words a sentence speaks of: itself, its heading path and parent lines (and, for a line of a
    code block, the line introducing the block; for a table row, the question's tokens joining two of its cells,
"C4"), hyphened words also split ("high-water-mark" speaks of "water")."""
    text = f"{unit.heading} {unit.context} {unit.lead_in} {unit.quote} {unit.named}"
    return set(terms(text)) | set(terms(re.sub(r"[-/_]", " ", text)))


class Scorer:
    """Scores sentences for a question: idf-weighted term coverage plus embedding similarity.

    ``stored`` looks a sentence's vector up in the index (``Store.sentences``); only sentences it lacks are
    embedded while the question waits, and kept for the next question.
    """

    def __init__(self, idf: dict[str, float], embedder=None, policy: Policy = DEFAULT, stored=None):
        self.idf = idf
        self.policy = policy
        self.embedder = embedder
        self.stored = stored
        self.default_idf = max(idf.values(), default=1.0)
        self._vectors: dict[str, object] = {}  # sentence -> embedding; note sentences recur across questions

    def _embed(self, texts: list[str]):
        import numpy as np

        if len(self._vectors) > 50_000:
            self._vectors.clear()
        missing = []
        for text in dict.fromkeys(texts):
            if text not in self._vectors:
                vector = self.stored.get(text) if self.stored is not None else None
                if vector is None:
                    missing.append(text)
                else:
                    self._vectors[text] = vector
        if missing:
            self._vectors.update(zip(missing, self.embedder.encode(missing)))
        return np.stack([self._vectors[t] for t in texts])

    def weight(self, term: str) -> float:
        return self.idf.get(term, self.default_idf)

    def coverage(self, question_terms: list[str], text: str, forms: dict[str, set[str]] | None = None,
                 options: tuple[str, ...] = ()) -> float:
        """Share of the question's (idf-weighted) content terms found in ``text``; ``forms`` maps a term to the
        notes' stems that are the same word inflected ("gardener" in a question, "gardening" in a note).
        ``options``: terms offered as alternatives ("strong or weak"), one of which the answering line states:
        together they weigh as one term, found when any is."""
        return self._covered(question_terms, set(terms(text)), forms, options)

    def _covered(self, question_terms: list[str], have: set[str], forms: dict[str, set[str]] | None,
                 options: tuple[str, ...] = ()) -> float:
        """:meth:`coverage` of a text already split into its stemmed terms (``have``)."""
        if not question_terms:
            return 0.0

        def has(t: str) -> bool:
            return t in have or (forms is not None and bool(forms.get(t, set()) & have))

        offered = set(options) & set(question_terms)
        asked = set(question_terms) - offered
        total = sum(self.weight(t) for t in asked) + max((self.weight(t) for t in offered), default=0.0)
        found = sum(self.weight(t) for t in asked if has(t)) + max((self.weight(t) for t in offered if has(t)), default=0.0)
        return found / total if total else 0.0

    def score(self, question: str, units: list[Unit], chunk_rank: dict[int, int]) -> list[Unit]:
        p = self.policy
        intent = intents.parse(question)
        q_terms = terms(question)
        q_key = [t for t in q_terms if t not in GENERIC] or q_terms
        sims = [0.0] * len(units)
        if self.embedder is not None and units:
            qvec = self.embedder.encode_query(question)
            vecs = self._embed([u.display for u in units])
            sims = (vecs @ qvec).tolist()
        # each question term's inflected forms among these sentences' words, found once per question
        said = [set(terms(f"{unit.context} {unit.quote}")) for unit in units]
        seen = set().union(*said)
        forms = {t: {w for w in seen if w != t and stands_for(t, {w}, p, abbreviations=False)} for t in set(q_key)}
        for t, short in shortened(question, seen, p).items():  # "PFD" for "personal flotation device"
            forms.setdefault(t, set()).update(short)
        # a code line's trailing comment saying what a what/which question asks (rag.answer.comments)
        commented = asks_what(intent)
        flags = command_options(question) if commented else set()
        cell = [cell_bonus(question, unit.row, p) for unit in units]  # table cells the question names
        picked = pick_named_rows(units, cell, p) if p.table_cell_lookup else [1.0] * len(units)
        verbs = {stem(w) for w in words(question) if N.VERB_FORM.match(w)} if p.agent_noun_is_not_the_verb else set()
        restates = p.heading_restates_question and not (intent.sides or intent.parts)  # (rag.answer.titled)
        restate = (restating_factors(q_key, [u.heading for u in units], forms, p.title_min_terms,
                                     p.other_title_factor, _GENERAL_VERBS if p.title_excuses_general_verb else
                                     frozenset(), p.title_words_general_verb) if restates else [1.0] * len(units))
        picked = [a * b for a, b in zip(picked, restate)]  # a title the question restates
        lacking = p.lacking_words_not_said and not Q.LACKING.search(question)
        where = bool(p.bonus_path_place and Q.WHERE_QUESTION.match(question))  # a prose line writing a path says where
        for unit, sim, have, named, factor in zip(units, sims, said, cell, picked):
            doer = agent_only(f"{unit.context} {unit.quote}", verbs) if verbs else set()
            doer = doer | lacked(unit) if lacking else doer
            own = self._covered(q_key, set(terms(unit.quote)) - doer, forms, intent.options)
            ctx = self._covered(q_key, have - doer, forms, intent.options)
            rank_prior = 1.0 / math.sqrt(chunk_rank.get(unit.chunk_id, 1))
            unit.sim, unit.coverage = float(sim), ctx
            unit.named = joined_names(question, unit.row) if named else ""
            unit.score = (p.w_context_coverage * ctx + p.w_own_coverage * own + p.w_similarity * max(sim, 0.0)
                          + p.w_rank * rank_prior + _intent_bonus(intent, unit.quote, p)
                          + (p.bonus_path_place if where and not unit.fenced and Q.PATH_STATED.search(unit.quote) else 0.0)
                          + (p.bonus_comment if commented and unit.fenced
                             and comment_answers(q_key, flags, unit.quote) else 0.0)
                          + (p.bonus_defined_term if term_covers(q_key, unit, forms) else 0.0)
                          + named) * factor * (
                              1.0 if unit.row else _form(unit.quote, p, asking_list=intent.wants_list))  # a row states its values
        if p.pair_keeps_antecedent:
            _lift_pairs(units)
        return sorted(units, key=lambda u: (-u.score, not u.joined))


def term_covers(q_key: list[str], unit: Unit, forms: dict[str, set[str]]) -> bool:
    """The unit defines a term (rag.answer.wrapped.defined_term) whose words are every key word the question asks
    ("what does the bosun do": "**Bosun** -" over its definition): it says what that thing is or does."""
    have = set(terms(defined_term(unit)))
    return bool(have) and all(t in have or forms.get(t, set()) & have for t in q_key)


def lacked(unit: Unit) -> set[str]:
    """The words a sentence writes only after "without" ("a rough count without the full report": full, report),
    nowhere else in it nor in its context: what it says it does not do."""
    said = [m.group(1) for m in Q.LACKING.finditer(unit.quote)]
    if not said:
        return set()
    rest = Q.LACKING.sub(" ", unit.quote)
    return set(terms(" ".join(said))) - set(terms(f"{rest} {unit.context}"))


def agent_only(text: str, verbs: set[str]) -> set[str]:
    """The stems of ``verbs`` (a question's "planted") that ``text`` speaks only as an agent noun ("a planter"):
    the tool or the doer is not the doing, so the line does not speak of what the question's verb asks."""
    agents, others = set(), set()
    for w in words(text):
        (agents if N.AGENT_NOUN.match(w) else others).add(stem(w))
    return (agents - others) & verbs


def _lift_pairs(units: list[Unit]) -> None:
    """A sentence read with the one before it that it points back at (:func:`with_antecedents`, rag.answer.across)
    says all that one says and what it says of it: it scores at least as that sentence alone, and ranks before
    it on a tie, so the pair is quoted rather than the half naming the subject without the fact."""
    alone: dict[tuple[str, int], list[Unit]] = {}
    for unit in units:
        if not unit.joined:
            alone.setdefault((unit.file, unit.line), []).append(unit)
    for unit in units:
        if unit.joined:
            said = unit.display
            inside = [o.score for o in alone.get((unit.file, unit.line), []) if o.display and said.startswith(o.display)]
            unit.score = max([unit.score] + inside)


def names_asked(heading: str, asked: list[str], nouns: list[str] | None = None) -> bool:
    """Whether a sentence's own heading (the last of its heading path) names the list a question asks for:
    made only of the question's words, among them the question's list word, its last one ("Cell Types" for
    "connective tissue cell types"; not "Connective Tissue", which names the topic). Words that all mean "a
    kind of" stand for each other ("Cell Types" names the list "what kinds of cells" asks for). ``nouns``: the
    list words the question uses as such (:func:`list_nouns`); by default its terms that are list words."""
    asked = kind_of(asked)
    nouns = kind_of(nouns) if nouns is not None else [t for t in asked if t in _LIST_NOUNS]
    own = set(kind_of(terms(heading.split(" > ")[-1]))) if heading and nouns else set()
    return nouns[-1] in own and own <= set(asked) if own else False


def list_nouns(question: str) -> list[str]:
    """The list words a question asks a list by, stemmed: plural ("cell types", "the steps") or before "of"
    ("what kind of knots"); "step" in the name "step functions" asks no list of steps."""
    said = words(question)
    return [terms(w)[0] for i, w in enumerate(said) if w in _LIST_WORDS or (
        terms(w) and terms(w)[0] in _LIST_NOUNS and said[i + 1: i + 2] == ["of"])]


def lists_asked(unit: Unit, asked: list[str], nouns: list[str] | None = None,
                counted: frozenset[tuple[int, str]] = frozenset()) -> bool:
    """Whether a line heads the list a question asks for: its heading names it (:func:`names_asked`), or the
    line itself is a label introducing a list ("Kinds of knots:") made of the question's words, as a heading
    would be (notes often label a list in a line rather than a heading), or announcing the count of the things
    the question counts (``counted``, :func:`counted_things` of the question: "the four sauces" asked, "The
    four sauces are:" in the notes)."""
    text = unit.display.strip()
    return names_asked(unit.heading, asked, nouns) or (
        text.endswith(":") and is_label(text) and (names_asked(text[:-1], asked, nouns)
                                                   or bool(counted & counted_things(text))))


def counted_things(text: str) -> frozenset[tuple[int, str]]:
    """(count, stemmed noun) of each count a text announces with the word it counts: "the four sauces" ->
    {(4, "sauc")}, "3 kinds of hitch" -> {(3, "kind")}."""
    out = set()
    for match in V.ANNOUNCED_COUNT.finditer(text):
        word = match.group(1).lower()
        after = terms(text[match.end(1):])
        if after:
            out.add((int(word) if word.isdigit() else V.COUNT_WORDS[word], after[0]))
    return frozenset(out)


_LIST_NOUNS = frozenset(terms(Q.LIST_NOUNS))
_LIST_WORDS = frozenset(Q.LIST_NOUNS.split())
_KIND_OF = {t: terms(Q.KIND_NOUNS)[0] for t in terms(Q.KIND_NOUNS)}  # each "kind of" word -> one of them


def kind_of(said: list[str]) -> list[str]:
    """Terms with each word meaning "a kind of" ("kinds", "sorts", "types") written as one of them."""
    return [_KIND_OF.get(t, t) for t in said]


def _form(sentence: str, p: Policy = DEFAULT, asking_list: bool = False) -> float:
    """Down-weight sentences that name a topic rather than state something: "Standard queues:", links, and
    the notes' own questions, except for a list question: a question line heads the list answering it ("What
    were the four humors?" over its four items) as a label line does."""
    if _LINKS.search(sentence) and len(_LINKS.sub("", sentence).split()) <= 4:
        return p.form_link_only
    if is_label(sentence) and not (p.measured_line_states and not sentence.rstrip().endswith(":")
                                   and V.MEASURED.search(strip_markup(sentence))):
        return p.form_topic_only
    if asks(sentence) and not asking_list:
        return p.form_question
    return 1.0


def asks(sentence: str) -> bool:
    """A sentence of a note that is a question ("What did the guilds control?", a study prompt above its answer)
    answers nothing: it shares the words of a question asked about it, and the answer is the line after it."""
    return strip_markup(sentence).rstrip(" )\"'’”").endswith("?")


def is_label(sentence: str) -> bool:
    """A heading-like line ("Standard queues:", "per-household limits") names a topic and states nothing."""
    text = strip_markup(sentence)
    n_words = len(text.split())
    return n_words <= 3 or (text.endswith(":") and n_words <= 8)


_LINKS = re.compile(r"!?\[[^\]]*\]\([^)]*\)|https?://\S+")


def _intent_bonus(intent: intents.Intent, sentence: str, p: Policy = DEFAULT) -> float:
    """A question that asks for a duration, size, price... prefers sentences that state one; a why-question,
    sentences that state a reason ("because ...", "the reason is that ...")."""
    bonus = 0.0
    if p.bonus_reason and intent.asks_reason and Q.REASON.search(strip_markup(sentence)):
        bonus += p.bonus_reason
    if intent.wants_amount:
        if intent.holds_value(sentence):
            bonus += p.bonus_value_kind
        elif numbers(sentence):
            bonus += p.bonus_any_number
    elif intent.bound and numbers(sentence):
        bonus += p.bonus_any_number
    elif intent.asks_quantity and V.MEASURED.search(strip_markup(sentence)):
        bonus += p.bonus_quantity_of_much  # a degree of a mass noun: a quantity answers ("250 g of flour")
    if intent.bound and V.BOUND_WORDS[intent.bound].search(sentence):
        bonus += p.bonus_bound_word
    return bonus


_GENERAL_VERBS = frozenset(stem(w) for w in Q.GENERAL_VERBS)  # verbs a title need not say (rag.answer.titled)
