"""Find pasted non-prose data in note lines (base64 images, data URIs, long encoded blobs) and leave it out.

Such data is not something a reader asks about, costs thousands of tokens per line, and drowns retrieval;
it is replaced in place by a short placeholder (the line stays, so line numbers hold) and reported.
"""

from __future__ import annotations

import re

DATA_URI_MARK = "[embedded data omitted]"
BLOB_MARK = "[encoded data omitted]"
MIN_BLOB_CHARS = 200  # an unbroken run this long of base64/hex characters is data: no word or identifier is

_DATA_URI = re.compile(r"\bdata:[\w.+-]+/[\w.+-]+(?:;[\w.+-]+=[\w.+\"-]+)*;base64,[A-Za-z0-9+/=_-]{8,}", re.I)
_RUN = re.compile(rf"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{{{MIN_BLOB_CHARS},}}={{0,2}}(?![A-Za-z0-9+/=_-])")


def _is_blob(run: str) -> bool:
    """Encoded data mixes letters and digits; a rule of dashes or a row of one letter is not data."""
    return any(c.isdigit() for c in run) and any(c.isalpha() for c in run) and len(set(run)) >= 8


def strip_blobs(lines: list[str]) -> tuple[list[str], list[tuple[int, str, int]]]:
    """Lines with data URIs and encoded blobs replaced; returns (lines, [(line, kind, characters removed)])."""
    out: list[str] = []
    found: list[tuple[int, str, int]] = []
    for number, line in enumerate(lines, start=1):
        if len(line) < 24 or ("base64," not in line.lower() and len(line) < MIN_BLOB_CHARS):
            out.append(line)
            continue
        removed = {"data URI": 0, "encoded blob": 0}

        def data_uri(match: re.Match) -> str:
            removed["data URI"] += len(match.group(0))
            return DATA_URI_MARK

        def blob(match: re.Match) -> str:
            if not _is_blob(match.group(0)):
                return match.group(0)
            removed["encoded blob"] += len(match.group(0))
            return BLOB_MARK

        line = _RUN.sub(blob, _DATA_URI.sub(data_uri, line))
        found.extend((number, kind, size) for kind, size in removed.items() if size)
        out.append(line)
    return out, found
