"""Vocabulary the answer stage learns from the notes when the index is loaded: words, count units, names.

Nothing about one field is written in code: "seats" becomes a unit because the notes say "650 seats" and
"435 seats", whatever field they are from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..text import STOPWORDS, compound_parts, joined, stem, strip_markup, terms, words
from .ordinals import spelled_ordinals
from .policy import questions as Q

_NUMBER_THEN_WORD = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*\s*([A-Za-z][A-Za-z-]{0,20})")
MIN_UNIT_COUNT = 2  # a word must follow a number at least twice in the notes to count as a unit
_LOWER_WORD = re.compile(r"(?<![\w-])[a-z][a-z'-]*")  # a word written in lower case: no name (rag.answer.quoted)
MIN_NAME_COUNT = 3  # ...and a word must occur this often, capitalised mid-sentence this share of the time,
COMPOUND_REST_MIN = 3  # "berthName" is "berth" joined to "name": a remainder this long the notes use on its own
NAME_SHARE = 0.8  # to count as a name ("Nelson", "Escoffier"): a question pairing a name with an unknown word
_MID_SENTENCE_WORD = re.compile(r"(?<=[a-z,;(] )([A-Za-z][a-z]+)\b")  # asks about something the notes never name
# "Personal Flotation Device (PFD)" and "PFD (Personal Flotation Device)": a name and its acronym, side by side
_NAME_THEN_ACRONYM = re.compile(r"((?:[A-Za-z][\w-]*\s+){1,8})\(\s*([A-Z][A-Za-z]{1,7}?)s?\s*\)")
_ACRONYM_THEN_NAME = re.compile(r"\b([A-Z][A-Za-z]{1,7}?)s?\s*\(\s*([A-Za-z][\w\s-]{2,80}?)\s*\)")
# A word right after an article, a possessive or a number stands where a thing is named ("the table", "3 coats",
# "four burners", "its term"): the notes use it as a thing (rag.answer.phrasing). "this"/"that" are left out: they also stand
# alone as subjects ("this allows ...").
# A bold label ("**Retention**: ...") or a markdown heading names a topic of the notes: its words name things.
_LABEL = re.compile(r"(?m)\*\*([^*\n]{1,80})\*\*|^\s{0,3}#+\s+(.+)$")
_THING_SLOT = re.compile(r"(?i)(?<![\w-])(?:the|a|an|its|their|his|her|our|your|my|each|every|\d+(?:[.,]\d+)*"
                         # a number in words counts things as digits do: "four burners", "two hulls"
                         r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|hundred|thousand)\s+"
                         r"([A-Za-z][\w-]*)")


@dataclass(frozen=True)
class Vocabulary:
    words: frozenset[str]  # lower-cased words of the notes
    stems: frozenset[str]
    units: frozenset[str]  # stemmed words that follow numbers in the notes ("2 replicas" -> "replica")
    names: frozenset[str] = frozenset()  # lower-cased words the notes mostly write capitalised mid-sentence
    counts: dict | None = None  # how often each word occurs (hyphened compounds also joined: "deduplication")
    acronyms: dict | None = None  # "pfd" -> ("person", "flotat", "devic"): the stemmed name an acronym stands for
    things: frozenset[str] = frozenset()  # lower-cased words the notes put where a thing is named ("the table")
    pairs: frozenset[tuple[str, str]] = frozenset()  # stemmed terms the notes write side by side ("teak", "deck")
    labelled: frozenset[str] = frozenset()  # words the notes write alone as a label or heading ("**Will**", "## Range")
    slotted: dict | None = None  # how often each stopword stands where a thing is named ("the will", "a will")
    hyphened: frozenset[tuple[str, str]] = frozenset()  # two words the notes join with a hyphen, never apart ("one-handed")
    spread: dict | None = None  # stemmed term -> how many of the notes' texts (chunks) it occurs in
    texts: int = 0  # how many texts the notes have
    lowered: frozenset[str] = frozenset()  # stems of the words the notes write in lower case somewhere (no name)
    titled: frozenset[str] = frozenset()  # acronyms spelled out in capitalised words ("Harbour Master (HM)" -> "hm")

    @classmethod
    def learn(cls, texts, headings=()) -> "Vocabulary":
        """Learn from the notes' texts and their heading paths ("Knots > Hitches > Uses")."""
        seen: set[str] = set()
        after_numbers: Counter = Counter()
        capital: Counter = Counter()
        lowered: set[str] = set()
        total: Counter = Counter()
        counts: Counter = Counter()
        acronyms: dict[str, tuple[str, ...]] = {}
        titled: set[str] = set()
        things: set[str] = set()
        labelled: set[str] = set()
        slotted: Counter = Counter()
        apart: set[tuple[str, str]] = set()
        pairs: set[tuple[str, str]] = set()
        spread: Counter = Counter()
        texts_seen = 0
        for text in texts:
            texts_seen += 1
            in_text: set[str] = set()
            acronyms.update(acronyms_in(text))
            titled.update(titled_acronyms(text))
            things.update(w.lower() for w in _THING_SLOT.findall(text))
            things.update(w for label in _LABEL.findall(text) for part in label for w in words(part))
            labelled.update(_one_word(part) for label in _LABEL.findall(text) for part in label)
            slotted.update(w.lower() for w in _THING_SLOT.findall(text) if w.lower() in STOPWORDS)
            for line in text.splitlines():
                found = terms(line)
                pairs.update(zip(found, found[1:]))
                in_text.update(found)
            spread.update(in_text)
            found = words(text)
            apart.update(zip(found, found[1:]))
            seen.update(found)
            seen.update(spelled_ordinals(text))  # "5th" in the notes: a question's "fifth" is a word they use
            counts.update(joined(w) for w in found)
            # "half-hitch" speaks of "half" and "hitch", as the lines' terms do (rag.text.terms): the notes use both
            seen.update(part for w in found for part in compound_parts(w))
            after_numbers.update(stem(w) for w in _NUMBER_THEN_WORD.findall(text))
            lowered.update(_LOWER_WORD.findall(text))
            for match in _MID_SENTENCE_WORD.finditer(text):
                word = match.group(1)
                total[word.lower()] += 1
                capital[word.lower()] += word[0].isupper()
        units = frozenset(u for u, n in after_numbers.items() if n >= MIN_UNIT_COUNT and len(u) > 1 and u not in STOPWORDS)
        names = frozenset(w for w, n in total.items() if n >= MIN_NAME_COUNT and capital[w] / n >= NAME_SHARE and len(w) > 1)
        things.update(w for heading in headings for w in words(heading))
        labelled.update(_one_word(part) for heading in headings for part in heading.split(" > "))
        seen |= set(counts)
        hyphened = {tuple(w.split("-")) for w in seen if w.count("-") == 1 and all(w.split("-"))} - apart
        return cls(frozenset(seen), frozenset(stem(w) for w in seen), units, names, dict(counts), acronyms,
                   frozenset(things), frozenset(pairs), frozenset(labelled - {""}), dict(slotted),
                   frozenset(hyphened), dict(spread), texts_seen, frozenset(stem(w) for w in lowered),
                   frozenset(titled))

    def kept(self, min_uses: int) -> frozenset[str]:
        """Stopwords these notes use as content words: written alone as a label or heading ("**Will**") and at
        least ``min_uses`` times where a thing is named ("the will"). Law notes defining "the will" ask
        and answer about it; notes that only say "it will keep" never label it."""
        return frozenset(w for w in self.labelled if w in STOPWORDS and (self.slotted or {}).get(w, 0) >= min_uses)

    def pervasive(self, word: str, share: float, least: int = 1) -> bool:
        """Whether a question's word names the notes' whole subject ("hive" throughout beekeeping notes), which
        their lines leave unsaid one by one: its stem occurs in at least ``share`` of the notes' texts, and in
        ``least`` of them (in a few texts every word is in a large share of them). Not a name
        (one of the places or people the notes compare, "Kelby"), nor a participle narrowing a thing ("smoked" in
        "a smoked cheese": the notes' cheese is not it; policy.questions.PARTICIPLE)."""
        low = word.lower()
        found = (self.spread or {}).get(stem(low), 0)
        return (0 < share and found >= max(least, share * self.texts) and low.isalpha() and low not in self.names
                and not Q.PARTICIPLE.match(low))

    def hyphenate(self, question: str) -> str:
        """The question with two words the notes only ever write joined ("one handed" for "one-handed") joined as
        they are: a compound whose first word is a stopword ("one", "two") otherwise loses the word that tells it
        from its sibling ("two-handed")."""
        if not self.hyphened:
            return question
        return re.sub(r"\b([A-Za-z]+) (?=([A-Za-z]+)\b)", lambda m: m.group(1) + (
            "-" if (m.group(1).lower(), m.group(2).lower()) in self.hyphened else " "), question)

    def close_up(self, question: str) -> str:
        """The question with two words written as one where the notes write them so and never use one of them
        alone ("gang plank" -> "gangplank" in notes that say "gangplank" and never "gang"): the question spaced a
        closed compound, and its half is no word the notes use, so it must not read as a word they never mention."""
        if not self.counts:
            return question

        def join(m: re.Match) -> str:
            a, b = m.group(1), m.group(2)
            whole = (a + b).lower()
            # a word the notes write closed, not one they hyphen ("one-ply": that is :meth:`hyphenate`'s)
            closed = (whole in self.counts and whole not in STOPWORDS and f"{a}-{b}".lower() not in self.words
                      and not (self.knows(a) and self.knows(b)))
            return a if closed else a + " "

        return re.sub(r"\b([A-Za-z]{2,}) (?=([A-Za-z]{2,})\b)", join, question)

    def knows(self, word: str) -> bool:
        """Whether a word (any inflection) occurs in the notes."""
        return word.lower() in self.words or stem(word) in self.stems

    def expansion(self, word: str, min_length: int, common: frozenset[str] = frozenset()) -> str | None:
        """The notes' word that a question's shortened word stands for ("dedup"/"dedupe" -> "deduplication"
        when the notes never say "dedup"): the most frequent word of the notes that starts with it (or with
        its stem), for a word of at least ``min_length`` letters the notes never use. A word of ``common``
        (real English words, rag.dictionary) must itself start the notes' word ("specs" -> "specification"):
        its stem alone would turn one word into another ("relative" -> "relationship"). None when there is none."""
        low = word.lower()
        if len(low) < min_length or not low.isalpha() or low in STOPWORDS or self.knows(low) or not self.counts:
            return None
        heads = {low, stem(low)} if len(stem(low)) >= min_length and low not in common else {low}
        found = [(n, w) for w, n in self.counts.items()
                 if len(w) > len(low) and w.isalpha() and any(w.startswith(h) and not self._compound(w, h) for h in heads)]
        return max(found)[1] if found else None

    def _compound(self, word: str, head: str) -> bool:
        """``word`` is ``head`` joined to another word of the notes ("berthName", "berth-id"): a compound naming
        another thing, not ``head`` spelled out ("deduplication" for "dedup")."""
        rest = word[len(head):]
        return len(rest) >= COMPOUND_REST_MIN and self.knows(rest)


def _one_word(label: str) -> str:
    """The word a label or heading consists of ("Will", "Range:"), or "" when it is anything else."""
    found = words(label)
    return found[0] if len(found) == 1 else ""


def kept_idf(texts: list[str], kept: frozenset[str]) -> dict[str, float]:
    """The idf (BM25's smoothed form, as rag.retrieve) of each kept stopword's stem over the chunks' texts: the
    retriever's idf never counted them."""
    if not kept:
        return {}
    from ..retrieve import smoothed_idf  # the retriever's formula, over the kept stems each text holds

    stems = {stem(w) for w in kept}
    return smoothed_idf(texts, [list(stems & {stem(w) for w in words(text)}) for text in texts])


def acronyms_in(text: str) -> dict[str, tuple[str, ...]]:
    """The acronyms a text spells out: "Personal Flotation Device (PFD)" -> {"pfd": ("person", "flotat",
    "devic")}; also "PFD (Personal Flotation Device)". An acronym counts only when its letters are the initials
    of the name's words, in order (small words such as "and", "of" may be skipped)."""
    text = strip_markup(text)
    found: dict[str, tuple[str, ...]] = {}
    for before, acronym in _NAME_THEN_ACRONYM.findall(text):
        name = _spelled(acronym, before.split(), from_end=True)
        if name:
            found[acronym.lower()] = name
    for acronym, after in _ACRONYM_THEN_NAME.findall(text):
        name = _spelled(acronym, after.split(), from_end=False)
        if name and len(name) == len(terms(after)):
            found[acronym.lower()] = name
    return found


def titled_acronyms(text: str) -> set[str]:
    """Acronyms a text spells out in capitalised words before them ("Harbour Master (HM)" -> {"hm"}; not
    "personal flotation device (PFD)"): a titled phrase defined by its initials names a role or a body."""
    found = set()
    for before, acronym in _NAME_THEN_ACRONYM.findall(strip_markup(text)):
        spelled = [w for w in before.split() if w.lower() not in STOPWORDS][-len(acronym):]
        if _spelled(acronym, before.split(), from_end=True) and all(w[:1].isupper() for w in spelled):
            found.add(acronym.lower())
    return found


def _spelled(acronym: str, name_words: list[str], from_end: bool) -> tuple[str, ...] | None:
    """The stemmed words whose initials spell ``acronym``: the last ones before it, or the first after it."""
    letters = acronym.lower()
    if len(letters) < 2:
        return None
    picked: list[str] = []
    seq = list(reversed(name_words)) if from_end else name_words
    want = list(reversed(letters)) if from_end else list(letters)
    for word in seq:
        if not want:
            break
        low = word.lower().strip("-")
        if low[:1] == want[0]:
            picked.append(low)
            want.pop(0)
        elif low in STOPWORDS and picked:
            continue
        else:
            return None
    if want:
        return None
    picked = list(reversed(picked)) if from_end else picked
    # as :func:`rag.text.terms` spells them (stopwords such as "service" left out), so lines match them
    return tuple(t for w in picked for t in terms(w)[:1]) or None
