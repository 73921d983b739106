"""Find credentials in note lines and mask them, so they are never indexed, shown or answered."""

from __future__ import annotations

import re
from dataclasses import dataclass

MASK = "[REDACTED]"

# Value after a password-like word and a ':' or '=' ("mysql pass : JanNew#2025").
# Also "root password is Xy7!..." and "pw: ...": the value still has to look like a credential (_looks_secret).
_KEYWORD_VALUE = re.compile(
    r"(?i)\b(pass(?:word|wd|phrase)?|pwd|pw|secret(?:[ _-]?access)?(?:[ _-]?key)?|api[ _-]?key|access[ _-]?token|auth[ _-]?token|token)"
    r"(\s*[:=]\s*|\s+(?:is|was)\s+)(?![\[(])(\S+)"
)
# "mysql://admin:S3cret@db.example.com": the password part of a URL.
_URL_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@]+:)([^@\s/]+)(@)")
_PATTERNS = [
    ("AWS access key id", re.compile(r"\b(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b")),
    ("GitHub token", re.compile(r"\bgh[pousr]_[A-Za-z0-9]{30,}\b")),
    ("Slack token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b")),
    ("JSON web token", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\b")),
    ("bearer token", re.compile(r"(?i)(?<=\bbearer )[A-Za-z0-9._~+/-]{16,}=*")),
    # 40-char base64 run with mixed classes: the shape of an AWS secret access key.
    ("AWS secret key", re.compile(r"(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+=]*[a-z])(?=[A-Za-z0-9/+=]*[A-Z])(?=[A-Za-z0-9/+=]*[0-9])[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])")),
]
_KEY_BEGIN = re.compile(r"-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")
_KEY_END = re.compile(r"-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----")


def _looks_secret(value: str) -> bool:
    """A value after 'password:' that is a credential rather than prose ("bearer token: jwt or OAuth")."""
    value = value.strip("\"'.,;)")
    if len(value) < 4:
        return False
    has_digit = any(c.isdigit() for c in value)
    has_symbol = any(not c.isalnum() for c in value)
    mixed_case = any(c.isupper() for c in value[1:]) and any(c.islower() for c in value)
    return has_digit or has_symbol or mixed_case or len(value) >= 12


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based
    kind: str


def redact_lines(lines: list[str]) -> tuple[list[str], list[Finding]]:
    """Return the lines with secrets masked (same count, so line numbers hold) and what was found."""
    out: list[str] = []
    found: list[Finding] = []
    in_key = False
    for number, line in enumerate(lines, start=1):
        if in_key or _KEY_BEGIN.search(line):
            if not in_key:
                found.append(Finding(number, "private key"))
            in_key = not _KEY_END.search(line)
            out.append(MASK if line.strip() else line)
            continue
        new, kinds = redact_text(line)
        found.extend(Finding(number, kind) for kind in kinds)
        out.append(new)
    return out, found


def redact_text(text: str) -> tuple[str, list[str]]:
    """Mask secrets in one piece of text; also used on model output as a last guard."""
    kinds: list[str] = []

    def keyword(match: re.Match) -> str:
        if match.group(3) == MASK or not _looks_secret(match.group(3)):
            return match.group(0)
        kinds.append(f"{match.group(1).lower()} value")
        return match.group(1) + match.group(2) + MASK

    text = _KEYWORD_VALUE.sub(keyword, text)

    def url_password(match: re.Match) -> str:
        if match.group(2) == MASK:
            return match.group(0)
        kinds.append("password in URL")
        return match.group(1) + MASK + match.group(3)

    text = _URL_PASSWORD.sub(url_password, text)
    for kind, pattern in _PATTERNS:
        text, n = pattern.subn(MASK, text)
        kinds.extend([kind] * n)
    return text, kinds
