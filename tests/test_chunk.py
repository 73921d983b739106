"""Chunking: heading paths, exact line numbers, the token budget, and odd note shapes."""

from __future__ import annotations

import pytest

from conftest import CORPUS
from rag.chunk import chunk_note, clean_heading
from rag.ingest import Note, load_corpus, repair_text
from rag.tokens import count_tokens


def make_note(text: str, path: str = "note.md") -> Note:
    lines, _ = repair_text(text.encode("utf-8"), path)
    return Note(path, "0" * 64, lines)


@pytest.fixture(scope="module")
def notes() -> dict[str, Note]:
    loaded, _ = load_corpus(CORPUS)
    return {n.path: n for n in loaded}


@pytest.fixture(scope="module")
def chunks(notes) -> dict[str, list]:
    return {name: chunk_note(note) for name, note in notes.items()}


def _chunk_with(chunks, text):
    found = [c for c in chunks if text in c.text]
    assert found, f"no chunk contains {text!r}"
    return found[0]


# -- known chunks of the real notes --------------------------------------------------------------


def test_sqs_visibility_timeout_chunk(notes, chunks):
    sentence = "By default “message visibility timeout” is 30 seconds"
    raw_lines = (CORPUS / "002_7fb0504609d8a022.txt").read_text(encoding="utf-8").split("\n")
    assert sentence in raw_lines[66]  # raw line 67
    chunk = _chunk_with(chunks["002_7fb0504609d8a022.txt"], sentence)
    assert chunk.heading == "SQS > Message Visibility Timeout"
    assert chunk.start_line <= 67 <= chunk.end_line
    offset = next(i for i, line in enumerate(chunk.text.split("\n")) if sentence in line)
    assert chunk.line_numbers[offset] == 67


def test_app_mesh_what_it_is_chunk(chunks):
    chunk = _chunk_with(chunks["000_589cdc5781c49bfb.txt"], "AWS App Mesh is a **service mesh**")
    assert chunk.heading == "1. AWS App Mesh > What it is"
    assert (chunk.start_line, chunk.end_line) == (3, 4)
    assert "Envoy" in chunk.text
    assert chunk.embed_text().startswith("1. AWS App Mesh > What it is\n")


def test_markdown_heading_chunk(chunks):
    chunk = _chunk_with(chunks["004_8e372f65d56d4820.txt"], "Temporary permissions that can be assumed")
    assert chunk.heading == "AWS Essential Guide > Identity and Access Management (IAM) > Core Components > Roles"
    assert chunk.start_line == 132
    assert chunk.text.startswith("#### Roles\n")


def test_route53_underlined_heading_chunk(chunks):
    chunk = _chunk_with(chunks["002_7fb0504609d8a022.txt"], "about 15 global health checkers")
    assert chunk.heading == "route 53"
    assert chunk.start_line == 1 and chunk.end_line >= 6


def test_chunk_lines_are_note_lines(notes, chunks):
    total = 0
    for name, note in notes.items():
        for chunk in chunks[name]:
            lines = chunk.text.split("\n")
            assert len(lines) == len(chunk.line_numbers)
            assert chunk.line_numbers == sorted(chunk.line_numbers)
            assert chunk.start_line == chunk.line_numbers[0] and chunk.end_line == chunk.line_numbers[-1]
            for line, number in zip(lines, chunk.line_numbers):
                assert line == note.lines[number - 1], f"{name}:{number}"
            total += 1
    assert 400 <= total <= 520  # ~450 chunks at the default settings


def test_chunk_ids_hashes_and_files(chunks):
    for name, note_chunks in chunks.items():
        assert [c.id for c in note_chunks] == list(range(len(note_chunks)))
        assert all(c.file == name for c in note_chunks)
        assert len({c.hash for c in note_chunks}) == len(note_chunks)
    # every chunk has text, and the notes' content is covered (the first and last content lines)
    for c in (c for cs in chunks.values() for c in cs):
        assert c.text.strip()


# -- the token budget ----------------------------------------------------------------------------


@pytest.mark.parametrize("max_tokens, overlap", [(200, 30), (64, 10), (32, 0), (40, 15)])
def test_no_chunk_over_budget(notes, max_tokens, overlap):
    for name, note in notes.items():
        note_chunks = chunk_note(note, max_tokens, overlap)
        assert note_chunks
        worst = max(count_tokens(c.text) for c in note_chunks)
        assert worst <= max_tokens, f"{name}: a chunk has {worst} tokens > {max_tokens}"
        for chunk in note_chunks:
            # lines of a split long line are exact pieces of the note line, so quotes stay verbatim
            for line, number in zip(chunk.text.split("\n"), chunk.line_numbers):
                assert line.strip() and line in note.lines[number - 1] or line == note.lines[number - 1]


def test_small_budget_makes_more_chunks_with_overlap(notes):
    note = notes["002_7fb0504609d8a022.txt"]
    default, small = chunk_note(note), chunk_note(note, 64, 10)
    assert len(small) > len(default)
    # overlap: some consecutive chunks of one section share their boundary line
    shared = [a for a, b in zip(small, small[1:]) if a.heading == b.heading and b.start_line <= a.end_line]
    assert shared


def test_long_line_is_split_at_sentence_ends():
    sentences = [f"Sentence number {i} talks about queue retention and visibility." for i in range(40)]
    line = " ".join(sentences)
    note = make_note(line + "\n")
    pieces = chunk_note(note, max_tokens=64, overlap=0)
    assert len(pieces) > 3
    for chunk in pieces:
        assert (chunk.start_line, chunk.end_line, chunk.line_numbers) == (1, 1, [1])
        assert count_tokens(chunk.text) <= 64
        assert chunk.text.endswith("visibility.") and chunk.text.startswith("Sentence number")
        assert chunk.text in line
    assert " ".join(c.text for c in pieces) == line


def test_unbreakable_word_is_cut_to_fit():
    url = "https://example.com/" + "x1y2z3" * 200
    note = make_note(f"# Links\nsee {url} for details\n")
    pieces = chunk_note(note, max_tokens=32, overlap=0)
    assert all(count_tokens(c.text) <= 32 for c in pieces)
    parts = [line for c in pieces for line, n in zip(c.text.split("\n"), c.line_numbers) if n == 2]
    assert len(parts) > 5
    assert all(part in note.lines[1] for part in parts)
    assert "".join(parts).replace(" ", "") == f"see{url}fordetails"


# -- note shapes ---------------------------------------------------------------------------------


def test_underlined_headings():
    note = make_note(
        "Title One\n=========\n\nSome intro text here about things.\n\n"
        "Sub Part\n--------\nBody of sub part. More body.\n\nAnother\n-------\nx y z words here\n"
    )
    got = [(c.heading, c.start_line, c.end_line) for c in chunk_note(note)]
    assert got == [("Title One", 1, 4), ("Title One > Sub Part", 6, 8), ("Title One > Another", 10, 12)]


def test_rule_after_blank_line_is_not_a_heading():
    note = make_note("# Top\nfirst paragraph\n\n---\n\nsecond paragraph\n")
    pieces = chunk_note(note)
    assert {c.heading for c in pieces} == {"Top"}
    assert "---" not in "\n".join(c.text for c in pieces)
    assert "second paragraph" in pieces[-1].text


def test_markdown_heading_levels_nest_and_pop():
    note = make_note("# A\nalpha text\n## B\nbeta text\n### C\ngamma text\n## D\ndelta text\n# E\nepsilon text\n")
    headings = [c.heading for c in chunk_note(note, 32, 0)]
    assert headings == ["A", "A > B", "A > B > C", "A > D", "E"]


def test_heading_inside_code_fence_is_not_a_heading():
    note = make_note("# Real\n```\n# not a heading\nprint(1)\n```\ntext after\n")
    assert {c.heading for c in chunk_note(note)} == {"Real"}


def test_plain_text_outline_uses_top_items_as_labels():
    note = make_note(
        "Networking\n"
        "\tVPC basics\n"
        "\t\tsubnets are ranges of IP addresses inside the VPC, each in one availability zone\n"
        "\t\troute tables decide where traffic from a subnet goes next\n"
        "\tSecurity Groups\n"
        "\t\tstateful firewall at the instance level, only allow rules\n"
        "\t\treturn traffic is allowed automatically\n"
        "Storage\n"
        "\tS3 buckets\n"
        "\t\tobjects up to 5 TB, stored across at least three zones\n"
    )
    pieces = chunk_note(note, max_tokens=40, overlap=0)
    assert len(pieces) >= 3
    assert _chunk_with(pieces, "stateful firewall").heading == "Networking"
    assert _chunk_with(pieces, "objects up to 5 TB").heading == "Storage"
    assert not [c for c in pieces if "Storage" in c.text and "VPC" in c.text]  # items are not mixed
    assert all(count_tokens(c.text) <= 40 for c in pieces)


def test_note_without_headings():
    note = make_note("just some text without headings.\nanother line of text.\n")
    pieces = chunk_note(note)
    assert [(c.heading, c.start_line, c.end_line) for c in pieces] == [("", 1, 2)]
    assert pieces[0].text == "just some text without headings.\nanother line of text."


def test_note_of_only_headings():
    note = make_note("# A\n## B\n### C\n")
    pieces = chunk_note(note)
    assert pieces
    assert [c.heading for c in pieces] == ["A", "A > B", "A > B > C"]
    assert [c.text for c in pieces] == ["# A", "## B", "### C"]


def test_empty_note_has_no_chunks():
    assert chunk_note(make_note("\n\n   \n")) == []


def test_start_id_offsets_ids():
    pieces = chunk_note(make_note("# A\ntext one\n# B\ntext two\n"), start_id=10)
    assert [c.id for c in pieces] == [10, 11]


def test_clean_heading():
    assert clean_heading("📌 **What it is?**") == "What it is"
    assert clean_heading("[Link text](https://x.y) `code`") == "Link text code"
    assert len(clean_heading("word " * 40)) <= 80


def test_chunking_counts_each_block_once(monkeypatch):
    """Grouping blocks keeps a running token sum: tokens are counted a few times per line, not once per
    line for every line already in the group (that was O(n^2): 14 of 18 s chunking 1 MB of notes)."""
    import rag.chunk

    calls = []
    real = rag.chunk.count_tokens
    monkeypatch.setattr(rag.chunk, "count_tokens", lambda text: calls.append(1) or real(text))
    lines = ["# Topic"] + [f"- item {i} holds value {i * 3}" for i in range(300)]
    note = Note("n.md", "x", lines)
    chunks = rag.chunk.chunk_note(note, 200, 30)
    assert len(chunks) > 5 and len(calls) < 8 * len(lines)
