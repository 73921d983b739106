"""Ingestion: decoding, mojibake repair, line numbers, redaction, and which files are read at all."""

from __future__ import annotations

import re

import pytest

from conftest import CORPUS, write_notes
from rag.chunk import chunk_note
from rag.errors import CorpusError
from rag.ingest import find_notes, load_corpus, read_note, repair_text
from rag.redact import MASK, redact_lines, redact_text

NOTE_000 = "000_589cdc5781c49bfb.txt"
NOTE_003 = "003_7357156ceb9514df.txt"
NOTE_004 = "004_8e372f65d56d4820.txt"


def _raw_text(name: str) -> str:
    return (CORPUS / name).read_bytes().decode("utf-8")


@pytest.fixture(scope="module")
def corpus_notes():
    notes, warnings = load_corpus(CORPUS)
    return {n.path: n for n in notes}, warnings


# -- the real notes ------------------------------------------------------------------------------


def test_corpus_has_five_notes(corpus_notes):
    notes, _ = corpus_notes
    assert sorted(notes) == sorted(p.name for p in CORPUS.glob("*.txt"))
    assert len(notes) == 5


def test_pin_emoji_mojibake_is_repaired():
    raw = _raw_text(NOTE_000)
    assert "ðŸ“Œ" in raw  # the file really holds UTF-8 read as Windows-1252
    note = read_note(CORPUS / NOTE_000, CORPUS)
    assert note.lines[2] == "### 📌 What it is?"
    assert "📌" in note.text
    assert "ðŸ" not in note.text and "â€" not in note.text


def test_macroman_mojibake_is_repaired():
    raw = _raw_text(NOTE_004)
    assert "‚îú‚îÄ‚îÄ" in raw and "üüß" in raw  # UTF-8 read as MacRoman
    note = read_note(CORPUS / NOTE_004, CORPUS)
    assert "# 🟧 AWS Essential Guide" in note.lines
    assert any(line.startswith("├── ") for line in note.lines)
    assert any("│   └── " in line for line in note.lines)
    assert "‚îú" not in note.text and "‚îÇ" not in note.text and "üüß" not in note.text


# Characters that only appear in these notes as pieces of mojibake (UTF-8 read as cp1252 or MacRoman).
_MOJIBAKE = re.compile("[\u00f0\u0178\u00e2\u20ac\u00fc\u201a\u00d4\u00c3\uf8ff]")


def test_repair_keeps_line_count_and_touches_only_mojibake(corpus_notes):
    notes, _ = corpus_notes
    repaired = 0
    for name, note in notes.items():
        raw_lines = _raw_text(name).replace("\r\n", "\n").split("\n")
        assert len(note.lines) == len(raw_lines), name
        # line i of the note is line i of the file; only mojibake lines (and the one secret) change
        for number, (raw, fixed) in enumerate(zip(raw_lines, note.lines), start=1):
            if (name, number) == (NOTE_003, 39):
                continue
            if _MOJIBAKE.search(raw):
                repaired += fixed != raw.expandtabs(4).rstrip()
                assert not _MOJIBAKE.search(fixed), f"{name}:{number}: {fixed!r}"
            else:
                assert fixed == raw.expandtabs(4).rstrip(), f"{name}:{number}"
    assert repaired > 50


def test_curly_quotes_are_kept():
    note = read_note(CORPUS / "001_2ab54867701c3e12.txt", CORPUS)
    assert any("doesn’t" in line for line in note.lines)  # the author's apostrophe, as in the file
    sqs = read_note(CORPUS / "002_7fb0504609d8a022.txt", CORPUS)
    assert "By default “message visibility timeout” is 30 seconds" in sqs.lines[66]


def test_repair_text_edge_cases():
    lines, warnings = repair_text(b"\xef\xbb\xbfone\r\ntwo\rthree\tx  \n", "bom.txt")
    assert lines == ["one", "two three   x", ""]  # a lone CR is not a line end (grep -n): it becomes a space
    assert warnings == []
    lines, warnings = repair_text("café\n".encode("cp1252"), "latin.txt")
    assert lines[0] == "café"
    assert warnings and "latin.txt" in warnings[0] and "UTF-8" in warnings[0]
    # real accents are not "repaired" into something else
    assert repair_text("naïve résumé – ok\n".encode())[0][0] == "naïve résumé – ok"


# -- redaction -----------------------------------------------------------------------------------


def _raw_password() -> str:
    line = _raw_text(NOTE_003).split("\n")[38]
    match = re.search(r"pass\s*:\s*(\S+)", line)
    assert match, "line 39 of the raw note should hold the MySQL password"
    return match.group(1)


def test_mysql_password_is_masked_in_the_note(corpus_notes):
    secret = _raw_password()
    notes, warnings = corpus_notes
    note = notes[NOTE_003]
    assert note.lines[38].endswith(f"mysql pass : {MASK}")
    assert secret not in note.text
    assert any(w.startswith(f"{NOTE_003}:39:") and "redacted" in w for w in warnings)
    assert secret not in " ".join(warnings)


def test_mysql_password_is_in_no_chunk(corpus_notes):
    secret = _raw_password()
    notes, _ = corpus_notes
    chunks = [c for note in notes.values() for c in chunk_note(note)]
    assert len(chunks) > 400
    assert not [c for c in chunks if secret in c.text or secret in c.heading]
    assert any(MASK in c.text and c.file == NOTE_003 for c in chunks)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE now", "export AWS_ACCESS_KEY_ID=[REDACTED] now"),
        ("key id ASIAQWERTYUIOPASDFGH.", "key id [REDACTED]."),
        ("password = hunter2x", "password = [REDACTED]"),
        ("db pwd: S3cret!", "db pwd: [REDACTED]"),
        ("aws_secret_access_key wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key [REDACTED]"),
        ("ghp_abcdefghijklmnopqrstuvwxyz0123456789", "[REDACTED]"),
    ],
)
def test_secrets_are_masked(text, expected):
    masked, kinds = redact_text(text)
    assert masked == expected
    assert kinds


@pytest.mark.parametrize(
    "text",
    [
        "bearer token: jwt or Oauth",
        "use strong password policies and MFA",
        "password: see vault",
        "API key (x-api-key header) is not authorization",
        "Instances in us-east-1 use AMI ami-0abcdef1234567890",
    ],
)
def test_prose_is_not_masked(text):
    assert redact_text(text) == (text, [])


def test_private_key_block_is_masked():
    lines = [
        "my key:",
        "-----BEGIN RSA PRIVATE KEY-----",
        "MIIEowIBAAKCAQEAvR4k",
        "",
        "q1w2e3r4t5y6",
        "-----END RSA PRIVATE KEY-----",
        "after the key",
    ]
    out, found = redact_lines(lines)
    assert out == ["my key:", MASK, MASK, "", MASK, MASK, "after the key"]  # same count: line numbers hold
    assert [(f.line, f.kind) for f in found] == [(2, "private key")]


def test_read_note_reports_redactions_by_line(tmp_path):
    corpus = write_notes(tmp_path / "notes", {"creds.md": "# Creds\nfine line\npassword = hunter2x\n"})
    note = read_note(corpus / "creds.md", corpus)
    assert note.lines[2] == f"password = {MASK}"
    assert note.warnings == ["creds.md:3: password value redacted (it will not be indexed or shown)"]
    assert "hunter2x" not in note.text


# -- which files are notes -----------------------------------------------------------------------


def test_find_notes_skips_hidden_binary_and_other_files(tmp_path):
    corpus = write_notes(
        tmp_path / "notes",
        {"a.md": "# A\ntext", "sub/b.txt": "b text", "c.markdown": "c", ".hidden/d.md": "d", "e.json": "{}"},
    )
    (corpus / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00binary")
    paths, warnings = find_notes(corpus)
    assert [p.relative_to(corpus).as_posix() for p in paths] == ["a.md", "bin.txt", "c.markdown", "sub/b.txt"]
    notes, warnings = load_corpus(corpus)
    assert [n.path for n in notes] == ["a.md", "c.markdown", "sub/b.txt"]
    assert any(w.startswith("bin.txt: binary data") for w in warnings)


def test_symlink_outside_corpus_is_skipped(tmp_path):
    outside = tmp_path / "outside.md"
    outside.write_text("secret stuff")
    corpus = write_notes(tmp_path / "notes", {"a.md": "# A"})
    (corpus / "link.md").symlink_to(outside)
    paths, warnings = find_notes(corpus)
    assert [p.name for p in paths] == ["a.md"]
    assert any("link.md" in w and "outside the notes folder" in w for w in warnings)


def test_missing_or_wrong_corpus_folder(tmp_path):
    with pytest.raises(CorpusError, match="does not exist"):
        find_notes(tmp_path / "nope")
    (tmp_path / "file.md").write_text("x")
    with pytest.raises(CorpusError, match="is a file, not a folder"):
        find_notes(tmp_path / "file.md")
