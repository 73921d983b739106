"""Find credentials in note lines and mask them, so they are never indexed, shown or answered.

The one redaction path: ingestion masks every note line here before anything is stored, shown or quoted
(index, search, answers, the source viewer, eval reports all read notes through ingestion), and model
output goes through :func:`redact_text` as a last guard. Three kinds of evidence, strongest first:

1. the token's own shape: provider prefixes (rag/secret_rules.py, from the gitleaks rule list);
2. its place: the value of a credential-named field (``DB_PASSWORD=``, ``"password": "..."``, ``client_secret:``,
   an ``Authorization:`` header, the password of a URL, a "Password" column of a markdown table);
3. prose ("root password is ...", "the password for X is Y"): only a value that looks like a credential,
   or a long random token (by entropy) on a line that talks about keys or tokens. Prose *about* passwords stays.

A change that masks more must bump ``rag.store.FORMAT_VERSION``: an older index may hold what it now masks.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from .secret_rules import PROVIDER_RULES
from .tables import CELL_BAR

MASK = "[REDACTED]"

# A field name that holds a credential (checked on the name alone, segment by segment).
_SECRET_NAME = re.compile(
    r"passw(?:or)?d|pwd|passphrase|passcode|secret|credential|api[_ -]?key|private[_ -]?key|access[_ -]?key|"
    r"(?:access|auth|refresh|bearer|session|id|bot|sas|api|oauth)[_ -]?token|(?:session|signing|encryption|master|"
    r"account|license|app|client)[_ -]?key|^(?:pass|pw|token|apikey)$"
)
_SECRET_SEGMENT = {"pass", "pw", "token", "apikey", "pat"}
# A name that only talks *about* the credential ("password_policy", "token_ttl", "secret_arn").
_ABOUT = {"policy", "length", "len", "min", "max", "expiry", "expires", "expiration", "ttl", "name", "id", "arn",
          "type", "file", "path", "hint", "reset", "rotation", "age", "count", "field", "env", "var", "header",
          "prompt", "required", "enabled", "manager", "store", "url", "uri", "endpoint", "format", "hash", "algorithm",
          "message", "msg", "text", "label", "description", "embeddings", "embedding", "limit", "size", "usage", "ids",
          "provider", "method", "mode", "scheme", "service", "server", "host", "user", "username", "timeout"}
_PLACEHOLDER_WORDS = {"none", "null", "nil", "true", "false", "yes", "no", "on", "off", "required", "optional",
                      "empty", "redacted", "hidden", "masked", "secret", "password", "token", "changeme", "todo", "tbd",
                      "n/a", "na", "example", "placeholder", "undefined", "string", "str", "int"}

# `KEY=value`, `export KEY=value`, `"key": "value"`, `key: value`, `key => 'value'`: a field and its value.
_FIELD = re.compile(
    r"""(?P<key>(?<![\w.-])[A-Za-z_][\w.-]*)(?P<q>["']?)[ \t]*(?P<sep>:=|=>|=|:)[ \t]*"""
    r"""(?P<value>"[^"\n]*"|'[^'\n]*'|`[^`\n]*`|[^\s"'`,;]+)"""
)
# "<password>xyz</password>" (XML config files)
_XML_FIELD = re.compile(r"<([A-Za-z_][\w:.-]*)>([^<\n]+)</\1>")
# "Authorization: Bearer xyz", "-H 'Authorization: token xyz'": everything after the scheme is the credential.
_AUTH_HEADER = re.compile(
    r"(?i)(\b(?:proxy-)?authorization[\"']?\s*[:=]\s*[\"']?(?:(?:bearer|basic|token|digest|negotiate|ntlm|apikey|"
    r"aws4-hmac-sha256|sso-key|key)\s+)?)([^\s\"'`]+(?:,\s*[\w-]+=[^\s,\"']+)*)"
)
# "mysql://admin:S3cret@db", "redis://:S3cret@cache", "u:p@ss@host": the password part (up to the last '@').
_URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@]*:)([^\s/]+)(@[^\s@/]+)")
# Prose: "db pass : Kestrel#2031", "root password is Xy7!...", "pw: ...".
_KEYWORD_VALUE = re.compile(
    r"(?i)\b(pass(?:word|wd|phrase|code)?|pwd|pw|secret(?:[ _-]?access)?(?:[ _-]?key)?|api[ _-]?key|access[ _-]?token|"
    r"auth[ _-]?token|token)(\s*[:=]\s*|\s+(?:is|was)\s+)(?![\[(])(\S+)"
)
# ".netrc" and command lines: "machine db login app password S3cret" (the last word of the line).
_TRAILING = re.compile(r"(?i)\b(password|passwd|passphrase)\s+(\S+)\s*$")
# Prose: "the password for the staging DB is swordfish."
_FOR_IS = re.compile(
    r"(?i)\b(pass(?:word|phrase|code)?|pin|secret|token|api key|login)\s+(?:for|of|to|on)\s+(?:[^\s.,;:]+\s+){0,5}?"
    r"(?:is|was|=|:)\s+([`\"'“‘]?)([^\s`\"'”’]+?)([`\"'”’]?)(?=\s*$|[.,;!?]\s*$|[.,;!?]\s)"
)
# A line that talks about credentials, where a long random token is taken for one.
_CREDENTIAL_TALK = re.compile(r"(?i)\b(?:pass(?:word|wd|phrase)?|pwd|secret|token|api[ _-]?key|key|credentials?|auth)\b")
_TOKEN = re.compile(r"(?<![\w+/=.-])[A-Za-z0-9+/_=.-]{20,}(?![\w+/=.-])")
_BEARER = re.compile(r"(?i)(?<=\bbearer )[A-Za-z0-9._~+/-]{16,}=*")
_WORDISH = re.compile(r"[A-Z]?[a-z]+\d*|[A-Z]+\d*|\d{1,4}")
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MIN_ENTROPY = 3.5  # bits per character; gitleaks' generic-api-key rule uses 3.5 too. English words score ~2.5-3.3
_KEY_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
_KEY_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def is_secret_name(name: str) -> bool:
    """Whether a field, column or variable named ``name`` holds a credential ("DB_PASSWORD", "client_secret")."""
    key = name.strip().strip("\"'`*").lower()
    segments = [s for s in re.split(r"[_.\-\s]+", key) if s]
    if not segments or segments[-1] in _ABOUT or len(key) > 60:
        return False
    if "auth" in segments and name.strip().strip("\"'`").isupper():  # RAG_AUTH=, PROXY_AUTH=: an env variable
        return True
    return bool(_SECRET_NAME.search(key)) or any(s in _SECRET_SEGMENT for s in segments)


def _placeholder(value: str) -> bool:
    """``${DB_PASSWORD}``, ``<your-token>``, ``os.environ[...]``, ``****``, ``null``: no credential in it."""
    v = value.strip().strip("\"'`").strip().rstrip(")]}>")  # "secret=None)" in a signature
    if not v or v == MASK or v[0] in "$%<{[(" or "(" in v or re.search(r"(?i)\benv\b|environ|getenv|secrets\.|\w\[\d", v):
        return True
    return set(v) <= set("*x.-_#?•…") or v.lower().strip(".,") in _PLACEHOLDER_WORDS


def looks_secret(value: str) -> bool:
    """A value after 'password:' in prose that is a credential rather than a word ("bearer token: jwt or OAuth")."""
    value = value.strip("\"'.,;)")
    if len(value) < 4 or _placeholder(value):
        return False
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    mixed_case = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return has_digit or has_symbol or mixed_case or len(value) >= 12


def entropy(text: str) -> float:
    """Shannon entropy in bits per character."""
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values()) if text else 0.0


def _random_token(token: str) -> bool:
    """A long token that is random data (a key), not a word, path, host name or id."""
    core = _UUID.sub("", token).strip("=.-/")  # resource ids are not secrets
    if len(core) < 20 or "." in core:  # host and file names, versions
        return False
    pieces = [p for p in re.split(r"[_\-/+=]", core) if p]
    if all(_WORDISH.fullmatch(p) for p in pieces):  # snake_case / kebab-case / path of words: an identifier
        return False
    if not (any(c.isdigit() for c in core) and any(c.isalpha() for c in core)):
        return False
    return entropy(core) >= MIN_ENTROPY


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based
    kind: str


def redact_text(text: str) -> tuple[str, list[str]]:
    """Mask secrets in one piece of text; also used on model output as a last guard."""
    kinds: list[str] = []
    for kind, pattern in PROVIDER_RULES:
        text, n = pattern.subn(MASK, text)
        kinds.extend([kind] * n)
    text, n = _BEARER.subn(MASK, text)
    kinds.extend(["bearer token"] * n)

    def header(match: re.Match) -> str:
        if _placeholder(match.group(2)) or not looks_secret(match.group(2)):
            return match.group(0)
        kinds.append("Authorization header")
        return match.group(1) + MASK

    text = _AUTH_HEADER.sub(header, text)

    def url_password(match: re.Match) -> str:
        if _placeholder(match.group(2)):
            return match.group(0)
        kinds.append("password in URL")
        return match.group(1) + MASK + match.group(3)

    text = _URL_PASSWORD.sub(url_password, text)

    def field(match: re.Match) -> str:
        key, value, sep = match.group("key"), match.group("value"), match.group("sep")
        if not is_secret_name(key) or _placeholder(value):
            return match.group(0)
        quoted = value[0] in "\"'`"
        rest = text[match.end():].strip()
        # "token: valid for 1 hour" is prose; "token: abc" at the end of the line, or quoted, or KEY=value is a value
        if not (quoted or sep != ":" or not rest or rest[0] in "#,;}]|" or looks_secret(value)):
            return match.group(0)
        kinds.append(f"{key.lower()} value")
        inner = MASK if not quoted else value[0] + MASK + value[-1]
        return match.group(0)[: match.start("value") - match.start()] + inner

    text = _FIELD.sub(field, text)

    def xml_field(match: re.Match) -> str:
        if not is_secret_name(match.group(1)) or _placeholder(match.group(2)):
            return match.group(0)
        kinds.append(f"{match.group(1).lower()} value")
        return f"<{match.group(1)}>{MASK}</{match.group(1)}>"

    text = _XML_FIELD.sub(xml_field, text)

    def keyword(match: re.Match) -> str:
        if match.group(3).startswith(MASK) or not looks_secret(match.group(3)):
            return match.group(0)
        kinds.append(f"{match.group(1).lower()} value")
        return match.group(1) + match.group(2) + MASK

    text = _KEYWORD_VALUE.sub(keyword, text)

    def for_is(match: re.Match) -> str:
        value = match.group(3)
        if _placeholder(value) or len(value) < 3:
            return match.group(0)
        kinds.append(f"{match.group(1).lower()} value")
        return match.group(0)[: match.start(3) - match.start()] + MASK + match.group(4)

    text = _FOR_IS.sub(for_is, text)

    def trailing(match: re.Match) -> str:
        value = match.group(2)
        if MASK in value or re.search(r"[<>\"'`{}]", value) or not looks_secret(value):  # markup, quotes: not netrc
            return match.group(0)
        kinds.append(f"{match.group(1).lower()} value")
        return match.group(0)[: match.start(2) - match.start()] + MASK

    text = _TRAILING.sub(trailing, text)
    if _CREDENTIAL_TALK.search(text):

        def token(match: re.Match) -> str:
            if MASK in match.group(0) or not _random_token(match.group(0)):
                return match.group(0)
            kinds.append("high-entropy token")
            return MASK

        text = _TOKEN.sub(token, text)
    return text, kinds


def _cells(line: str) -> list[str]:
    return CELL_BAR.split(line.strip())[1:-1]


def _redact_row(line: str, secret_columns: set[int]) -> tuple[str, int]:
    """A markdown table row with the cells under a credential column, or after a credential name, masked."""
    cells = _cells(line)
    hidden = 0
    for i, cell in enumerate(cells):
        after_name = i > 0 and is_secret_name(cells[i - 1]) and len(cells[i - 1].strip()) <= 40
        if (i in secret_columns or after_name) and not _placeholder(cell) and MASK not in cell:
            lead = cell[: len(cell) - len(cell.lstrip())] or " "
            cells[i] = f"{lead}{MASK} "
            hidden += 1
    if not hidden:
        return line, 0
    indent = line[: len(line) - len(line.lstrip())]
    return indent + "|" + "|".join(cells) + "|", hidden


def redact_lines(lines: list[str]) -> tuple[list[str], list[Finding]]:
    """Return the lines with secrets masked (same count, so line numbers hold) and what was found."""
    out: list[str] = []
    found: list[Finding] = []
    in_key = False
    columns: set[int] | None = None  # credential columns of the markdown table we are in
    for number, line in enumerate(lines, start=1):
        if in_key or _KEY_BEGIN.search(line):
            if not in_key:
                found.append(Finding(number, "private key"))
            in_key = not _KEY_END.search(line)
            out.append(MASK if line.strip() else line)
            continue
        if _TABLE_ROW.match(line):
            following = lines[number] if number < len(lines) else ""
            if columns is None and _TABLE_RULE.match(following):  # a header row
                columns = {i for i, cell in enumerate(_cells(line)) if is_secret_name(cell)}
            elif not _TABLE_RULE.match(line):
                line, hidden = _redact_row(line, columns or set())
                found.extend(Finding(number, "password in a table") for _ in range(hidden))
        else:
            columns = None
        new, kinds = redact_text(line)
        found.extend(Finding(number, kind) for kind in kinds)
        out.append(new)
    return out, found


_looks_secret = looks_secret  # the name older callers use
