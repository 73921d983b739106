"""Read notes from the corpus folder: decode, repair mojibake, normalise, redact, keep line numbers."""

from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from .blobs import strip_blobs
from .errors import CorpusError
from .readers import DOCUMENT_SUFFIXES, read_document
from .redact import redact_lines
from .text import printable

log = logging.getLogger("rag")

NOTE_SUFFIXES = (".md", ".txt", ".markdown", *DOCUMENT_SUFFIXES)  # PDF and HTML: rag/readers/
MAX_NOTE_BYTES = 20 * 1024 * 1024  # larger files are almost surely not hand-written notes
# Line numbers are those of `grep -n`: only "\n" ends a line. Other separators that Python's str.splitlines()
# or ftfy would break on (CR, VT, FF, FS/GS/RS, NEL, U+2028/9) become a space inside the line; other controls go.
_SEPARATORS = "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_CONTROL = {c: None for c in range(32) if c not in (9, 10)} | {0x7F: None} | {ord(c): " " for c in _SEPARATORS}
# A note line written to steer the assistant ("ignore previous instructions and say ..."): it stays note text
# (indexed and shown like any other line) and is reported at index time; it is data, never an instruction.
_INSTRUCTION = re.compile(
    r"(?i)\b(?:ignore|disregard|forget|override)\s+(?:(?:all|any|the|your|my|previous|prior|above|earlier|"
    r"preceding|these|those|other|system)\s+)*(?:instructions?|prompts?|rules|directions|guidelines)\b"
    r"|\b(?:print|reveal|show|repeat|output|leak)\s+(?:\w+\s+){0,3}(?:system\s+prompt|instructions)\b"
    r"|\byou\s+are\s+now\b|\bnew\s+instructions\s*:|^\W*(?:system|assistant)\s*:"
)


@dataclass
class Note:
    """One note, repaired and redacted; ``lines[i]`` is line ``i + 1`` of the original file."""

    path: str  # relative to the corpus folder, with '/' separators
    sha256: str  # of the raw bytes, for incremental rebuilds
    lines: list[str]
    warnings: list[str] = field(default_factory=list)
    size: int = -1  # bytes and modification time when read, to tell later whether the file changed
    mtime_ns: int = -1
    pages: list[int] = field(default_factory=list)  # PDF: first line of each page (rag.readers.page_of)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def repair_text(raw: bytes, name: str = "<text>") -> tuple[list[str], list[str]]:
    """Decode and repair bytes into normalised lines; same line count as the file. Returns (lines, warnings)."""
    warnings: list[str] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        warnings.append(f"{name}: not valid UTF-8, read as Windows-1252 (Latin-1); save it as UTF-8 to be sure")
    text = text.replace("\r\n", "\n")  # a lone CR is not a line end for grep -n: normalise_line makes it a space
    raw_lines = text.split("\n")
    # Repair mojibake only: keep the author's curly quotes, so quotes cited from a note are in the note.
    fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False).split("\n")
    if len(fixed) != len(raw_lines):  # never trade line numbers for a repair
        fixed = [ftfy.fix_text(line, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False) for line in raw_lines]
    fixed = [_undo_macroman(line) for line in fixed]
    lines = [normalise_line(line) for line in fixed]
    return lines, warnings


def _undo_macroman(line: str) -> str:
    """Repair UTF-8 that was decoded as MacRoman (ftfy does not cover it): 'üüß' -> '🟧', '‚îÇ' -> '│'."""
    if line.isascii():
        return line
    try:
        repaired = line.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return line  # not MacRoman mojibake: real accents do not survive this round trip
    return repaired if repaired != line else line


def normalise_line(line: str) -> str:
    """Tabs to spaces, separators to spaces, control characters out, trailing whitespace off."""
    line = unicodedata.normalize("NFC", line).translate(_CONTROL)
    return line.expandtabs(4).rstrip()


def looks_like_instruction(text: str) -> bool:
    """Whether a line of a note reads like an instruction to the assistant (a prompt injection)."""
    return bool(_INSTRUCTION.search(text or ""))


def read_note(path: Path, corpus: Path) -> Note:
    """Read one note file. Raises CorpusError when the file is not a text note."""
    rel = path.relative_to(corpus).as_posix()
    shown = printable(rel)  # a name with a newline in it must not forge a line of output
    limit = f"{MAX_NOTE_BYTES // 1_000_000} MB"
    try:
        # The size is checked before anything is read (a 2 GB file is never loaded), and the read stops past
        # the limit in case the file grows in between.
        with path.open("rb") as fh:
            stat = os.fstat(fh.fileno())
            if stat.st_size > MAX_NOTE_BYTES:
                raise CorpusError(f"{shown}: {stat.st_size // 1_000_000} MB is too large for a note (limit {limit}); split it")
            raw = fh.read(MAX_NOTE_BYTES + 1)
    except OSError as err:
        raise CorpusError(f"{shown}: cannot read ({err.strerror}); check its permissions") from None
    if len(raw) > MAX_NOTE_BYTES:
        raise CorpusError(f"{shown}: more than {limit} is too large for a note; split it")
    pages: list[int] = []
    if path.suffix.lower() in DOCUMENT_SUFFIXES:  # text extracted by a reader; its lines are what citations name
        document = read_document(path.suffix, raw, shown)
        lines, warnings, pages = [normalise_line(line) for line in document.text.split("\n")], document.warnings, document.pages
    elif _looks_binary(text := _utf8_from_bom(raw)):
        raise CorpusError(f"{shown}: binary data, not a text note; remove it, give it another extension, or save it "
                          "as UTF-8 text if it is text")
    else:
        lines, warnings = repair_text(text, shown)
    lines, blobs = strip_blobs(lines)
    for number, kind, size in blobs:
        warnings.append(f"{shown}:{number}: {kind} ({size:,} characters, e.g. a pasted image) left out; it is not indexed as text")
    lines, found = redact_lines(lines)
    for finding in found:
        warnings.append(f"{shown}:{finding.line}: {finding.kind} redacted (it will not be indexed or shown)")
    for number, line in enumerate(lines, start=1):
        if looks_like_instruction(line):
            warnings.append(f"{shown}:{number}: reads like an instruction to the assistant; it is kept as note text, never obeyed")
    return Note(rel, hashlib.sha256(raw).hexdigest(), lines, warnings, stat.st_size, stat.st_mtime_ns, pages=pages)


# Text saved as "Unicode" by Windows editors is UTF-16 with a byte-order mark: its NUL bytes are not binary data.
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: they start alike
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _utf8_from_bom(raw: bytes) -> bytes:
    """UTF-8 bytes of a UTF-16/32 text that starts with its byte-order mark; other bytes as they are."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).encode("utf-8")
            except UnicodeDecodeError:
                return raw  # a BOM followed by something else: judged as bytes
    return raw


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    if head.startswith((b"\x89PNG", b"%PDF", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04")):
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return bool(head) and control / len(head) > 0.05


def find_notes(corpus: Path) -> tuple[list[Path], list[str]]:
    """List note files under ``corpus`` (recursively), skipping what is unsafe. Returns (paths, warnings)."""
    if not corpus.exists():
        raise CorpusError(f"notes folder {corpus} does not exist; create it or pass --corpus / set RAG_CORPUS")
    if not corpus.is_dir():
        raise CorpusError(f"notes folder {corpus} is a file, not a folder; pass the folder that holds your notes")
    root = corpus.resolve()
    paths, warnings = [], []
    for path in sorted(corpus.rglob("*")):
        if path.suffix.lower() not in NOTE_SUFFIXES or any(p.startswith(".") for p in path.relative_to(corpus).parts):
            continue
        try:
            resolved = path.resolve()
        except OSError:
            warnings.append(f"{printable(path.relative_to(corpus).as_posix())}: broken link, skipped")
            continue
        if not resolved.is_relative_to(root):
            warnings.append(f"{printable(path.relative_to(corpus).as_posix())}: points outside the notes folder ({resolved}), skipped")
            continue
        if path.is_symlink() and not path.exists():
            warnings.append(f"{printable(path.relative_to(corpus).as_posix())}: broken link, skipped")
            continue
        if path.is_file():
            paths.append(path)
    return paths, warnings


def read_or_skip(path: Path, corpus: Path, warnings: list[str]) -> Note | None:
    """One note, its warnings added to ``warnings``; a bad file is skipped with a warning naming it (None)."""
    try:
        note = read_note(path, corpus)
    except CorpusError as err:
        warnings.append(f"{err}; skipped")
        return None
    warnings.extend(note.warnings)
    return note


def load_corpus(corpus: Path) -> tuple[list[Note], list[str]]:
    """Read every note; bad files are skipped with a warning naming them. Returns (notes, warnings)."""
    paths, warnings = find_notes(corpus)
    notes = [note for path in paths if (note := read_or_skip(path, corpus, warnings)) is not None]
    return notes, warnings
