"""Small text helpers shared by retrieval, answering and verification: terms, stems, sentences, numbers."""

from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from functools import lru_cache

from .inline_html import readable

STOPWORDS = frozenset(
    """a about above after again against all am an and any are aren't as at be because been before being below
    between both but by can can't cannot could did do does doing don't down during each few for from further had
    has have having he her here hers herself him himself his how i if in into is isn't it it's its itself just let
    me more most my myself no nor not of off on once only or other ought our ours ourselves out over own same she
    should so some such than that that's the their theirs them themselves then there there's these they this those
    through to too under until up very was we were what what's when where which while who whom why will with would
    you your yours yourself yourselves whats wats wat hows tell explain describe mean means meaning give show list
    know please also use used using get got does thing things way ways one two service services""".split()
)
# a negated auxiliary ("doesn't", "wasn't") is as much a function word as the auxiliary: never a word asked about
STOPWORDS |= frozenset(f"{aux}n't" for aux in "is are was were do does did has have had would should could must need"
                       " might".split()) | {"can't", "won't", "shan't"}
# "uses" is the inflection of "use" / "used" / "using" the list above lacked; "till" is "until" ("till what age did cadets")
STOPWORDS |= {"uses", "till"}
# Stopwords one set of notes uses as content words (law notes' "**Will**", "the will"): learned from the
# notes (rag.answer.vocab.Vocabulary.kept) and kept by :func:`terms` while the answer stage reads those notes.
KEPT_STOPWORDS: ContextVar[frozenset] = ContextVar("kept_stopwords", default=frozenset())
# Words that carry the question's intent but rarely appear verbatim in notes.
GENERIC = frozenset("""default defaults maximum max minimum min limit limits number many much long size time kind kinds
    type types sort sorts example examples""".split())

# A word starts with a letter of any script ("Brønsted", "Gödel", "сила"), then letters and digits ("H2O").
_WORD = re.compile(r"[^\W\d_][^\W_]*(?:[-'][^\W_]+)*|\d+(?:[.,]\d+)*")
# Math notation in notes (LaTeX between $...$): "$\text{V}_h$" is read "Vh", "$\ce{H2O}$" "H2O". Only
# inside the dollars: "max_length" in a code note stays two words.
_MATH = re.compile(r"\$\$?([^$\n]{1,300}?)\$?\$")
_LATEX_TEXT = re.compile(r"\\(?:text\w*|math\w*|operatorname|ce|pu|mbox)\s*\{([^{}]*)\}")
_LATEX_SUBSCRIPT = re.compile(r"(?<=[^\W_])_\{?([^\W_]{1,3})\}?")  # pK_a, pK_{a}, H_2O
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)")
# Letters that do not decompose into a base letter and an accent: folded by hand, as a reader would type them.
_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "ł": "l",
                       "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i"})
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?:\s?%)?")
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[*A-Z0-9])|(?<=[.!?]\))\s+")


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    # cached: a note's vocabulary is small and every chunk is stemmed again when the index reloads (refresh)
    return _stemmer().stemWord(word.lower())


def words(text: str) -> list[str]:
    """Lower-cased words of a text as a reader types them (see :func:`plain`)."""
    return [w.lower() for w in _WORD.findall(plain(text))]


def plain(text: str) -> str:
    """A text's words as typed on a plain keyboard: accents folded ("Ålesund" -> "Alesund", "café" ->
    "cafe") and math notation read ("$\\text{V}_h$" -> "Vh", "$\\alpha$" -> "alpha"). Only for matching
    words: quotes always show the note as written."""
    if "<" in text or "&" in text:  # HTML in a markdown line: its text, as a viewer shows it ("<li>" is no word)
        text = readable(text, " ")
    if "$" in text:
        text = _MATH.sub(lambda m: _read_math(m.group(1)), text)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _read_math(math: str) -> str:
    """LaTeX as words: wrappers unwrapped, subscripts joined to their symbol, Greek letters named, other
    commands (arrows, spacing) dropped."""
    math = _LATEX_SUBSCRIPT.sub(r"\1", _LATEX_TEXT.sub(r"\1", math))
    return " " + _LATEX_COMMAND.sub(lambda m: f" {_spoken(m.group(1))} ", math) + " "


def _spoken(name: str) -> str:
    """What a reader calls a LaTeX command's symbol: a Greek letter's name, the words of
    rag.answer.policy.notes.MATH_WORDS ("forall", "integral"), or nothing (arrows, spacing, \\frac)."""
    return name if _greek(name) else _math_words().get(name, "")


@lru_cache(maxsize=1)
def _math_words() -> dict[str, str]:
    from .answer.policy import notes  # the word list lives with the other knobs; imported when first read

    return dict(notes.MATH_WORDS)


@lru_cache(maxsize=256)
def _greek(name: str) -> bool:
    """Whether a LaTeX command names a Greek letter ("alpha", "Omega"), read as the letter's name."""
    try:
        unicodedata.lookup(f"GREEK SMALL LETTER {name.upper()}")
        return True
    except KeyError:
        return False


def terms(text: str, drop_generic: bool = False) -> list[str]:
    """Stemmed content words, in order, without stopwords. An option flag whose letters would be dropped ("-s",
    "-N", "-it": one letter, or a stopword) is a term as written (:func:`option_flags`)."""
    flags = option_flags(text) if "-" in text else []
    if not flags:
        return _terms(text, drop_generic)
    out, last = [], 0
    for start, end, flag in flags:  # in order: callers read a text's first term
        out += _terms(text[last:start], drop_generic) + [flag]
        last = end
    return out + _terms(text[last:], drop_generic)


def option_flags(text: str) -> list[tuple[int, int, str]]:
    """(start, end, flag) of each option flag in a text that :func:`terms` would lose: a dash-led token of letters
    (rag.answer.policy.notes.OPTION_FLAG) that is one letter or a stopword ("-s", "-N", "-it"). Kept as written,
    case and all: a command's "-s" and "-S" are two options, and the word "s" is no word at all, so a question
    asking "what does -s do" asked nothing before. Longer flags ("-nt", "--force") keep their word as any word."""
    from .answer.policy import notes  # the pattern lives with the other knobs; read on each call (tests switch it)

    if notes.OPTION_FLAG is None:
        return []
    out = []
    for match in notes.OPTION_FLAG.finditer(text):
        letters = match.group(1)
        if len(letters) == 1 or letters.lower() in STOPWORDS:
            out.append((match.start(), match.end(), match.group(0)))
    return out


def is_flag(term: str) -> bool:
    """Whether a term of :func:`terms` is an option flag (no word term starts with a dash)."""
    return term.startswith("-")


def _terms(text: str, drop_generic: bool = False) -> list[str]:
    """:func:`terms` of a text without option flags."""
    out = []
    kept = KEPT_STOPWORDS.get()
    for word in words(text):
        if (word in STOPWORDS and word not in kept) or (drop_generic and word in GENERIC):
            continue
        if len(word) == 1 and not word.isdigit():
            continue
        out.append(stem(joined(word)))
        out.extend(stem(part) for part in compound_parts(word))
    return out


def compound_parts(word: str) -> list[str]:
    """The words a hyphened compound is made of: "dock-line" speaks of "dock" and "line", as notes
    and questions write it either way. Lower-cased, without stopwords and parts under three letters ("re-")."""
    if "-" not in word:
        return []
    return [p for p in (x.lower() for x in word.split("-")) if len(p) > 2 and p not in STOPWORDS and not p.isdigit()]


def joined(word: str) -> str:
    """A hyphened compound as one word ("de-duplication" -> "deduplication", "e-mail" -> "email"): notes
    write the same word with and without the hyphen, and a term must match both spellings."""
    return word.replace("-", "") if "-" in word and not word[:1].isdigit() else word


def numbers(text: str) -> set[str]:
    """Numbers in a text, normalised ("1,000" -> "1000", "18 %" -> "18%")."""
    return {re.sub(r"[,\s]", "", n) for n in _NUMBER.findall(text)}


def number_value(n: str) -> float:
    """The value of a string from :func:`numbers` ("10240" -> 10240.0; "18%" -> 0.0), for ordering a range."""
    try:
        return float(n.replace(",", ""))
    except ValueError:
        return 0.0


def split_sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENT_SPLIT.split(text)) if s]


def strip_markup(text: str, lead: bool = True) -> str:
    """Note text as a reader sees it: no bullets, emphasis markers, heading hashes or HTML tags (a list's items
    and a table's cells joined with semicolons), entities decoded. ``lead=False``: a text that is no line of its
    own (a table cell) has no lead mark to drop, and "-x" there keeps its dash."""
    text = readable(text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    # the lead mark: as rag.markup.LEAD_MARK, but a bullet needs no blank after it and is not one of a run ("--flag"
    # keeps its dashes, "**bold**" its stars; "-x" loses its dash)
    if lead:
        text = re.sub(r"^\s*(?:#{1,6}\s+|[-*+•](?![-*+•])\s*|\d+[.)]\s+)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def printable(name: str) -> str:
    """A file name that prints on one line as itself: control, format and line-separator characters (a newline
    that could forge an output line, a right-to-left override) are shown as escapes such as ``\\n``."""
    import unicodedata

    return "".join(
        ascii(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn") else ch
        for ch in str(name)
    )
