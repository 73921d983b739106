"""PDF and HTML notes: text with structure kept, page and line in citations, scanned PDFs skipped by name."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import FakeEmbedder, write_notes
from rag.chunk import chunk_note
from rag.cli import main
from rag.config import Settings
from rag.errors import CorpusError
from rag.ingest import Note, load_corpus, read_note
from rag.readers import page_of, where
from rag.readers.html import read_html
from rag.build import build_index
from rag.store import Store
from rag.web import notes as web_notes, sources as web_sources

CHROMIUM = Path("/usr/bin/chromium")
BIOLOGY_HTML = """<!doctype html><html><head><title>Biology notes</title>
<style>h1 { break-before: page; } h1:first-of-type { break-before: auto; } body { font: 14px sans-serif; }</style>
</head><body>
<h1>Cell biology</h1>
<p>Mitochondria produce most of the ATP in a cell.</p>
<p>Ribosomes translate messenger RNA into proteins.</p>
<h1>Genetics</h1>
<p>A gene is a stretch of DNA that encodes a protein.</p>
<p>Human body cells have 23 pairs of chromosomes.</p>
</body></html>
"""


def print_to_pdf(html: str, folder: Path, name: str) -> Path:
    """A real PDF, as a person would make one: headless Chromium printing an HTML page."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (make browser-deps)")
    source = folder.parent / f"{name}.html"
    source.write_text(html, encoding="utf-8")
    target = folder / name
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={target}", source.as_uri()], check=True, capture_output=True, timeout=120)
    assert target.read_bytes().startswith(b"%PDF")
    return target


def blank_pdf(pages: int = 2) -> bytes:
    """A PDF with no text layer at all, like a scan without OCR."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# -- HTML --------------------------------------------------------------------------------------------


def test_html_keeps_headings_lists_and_drops_scripts():
    doc = read_html(b"""<html><head><title>T</title><script>var x = 1;</script></head><body>
        <h2>Soil</h2><p>Loam   holds <b>water</b> well.</p><ul><li>Clay drains slowly.</li><li>Sand drains fast.</li></ul>
        <style>p{}</style><h3>pH &amp; lime</h3><p>Lime raises pH.</p></body></html>""", "soil.html")
    assert doc.text.splitlines() == ["# T", "## Soil", "Loam holds water well.", "- Clay drains slowly.",
                                     "- Sand drains fast.", "### pH & lime", "Lime raises pH."]
    assert "var x" not in doc.text and "p{}" not in doc.text


def test_html_note_is_chunked_along_its_headings(tmp_path):
    folder = write_notes(tmp_path / "notes", {"garden.html": "<h1>Garden</h1><h2>Soil</h2><p>Loam holds water.</p>"
                                                              "<h2>Pests</h2><p>Aphids hate garlic spray.</p>"})
    note = read_note(folder / "garden.html", folder)
    chunks = chunk_note(note, max_tokens=40, overlap=0)
    assert [c.heading for c in chunks] == ["Garden > Soil", "Garden > Pests"]
    assert note.lines[chunks[1].start_line - 1] == "## Pests"


# -- PDF ---------------------------------------------------------------------------------------------


def test_page_of_and_where():
    pages = [1, 4, 9]
    assert page_of(pages, 1) == (1, 1) and page_of(pages, 3) == (1, 3)
    assert page_of(pages, 4) == (2, 1) and page_of(pages, 10) == (3, 2)
    assert where(pages, 5, 6) == "page 2, lines 2–3" and where(pages, 9, 9) == "page 3, line 1"
    assert where([], 5, 6) == "lines 5–6"


def test_chunks_never_span_two_pages():
    note = Note("a.pdf", "x", ["Alpha one.", "Alpha two.", "Beta one.", "Beta two."], pages=[1, 3])
    chunks = chunk_note(note, max_tokens=200, overlap=0)
    assert [(c.start_line, c.end_line) for c in chunks] == [(1, 2), (3, 4)]


def test_scanned_pdf_is_skipped_with_a_warning_naming_it(tmp_path):
    folder = write_notes(tmp_path / "notes", {"ok.md": "# Ok\nA readable note."})
    (folder / "scan.pdf").write_bytes(blank_pdf(3))
    notes, warnings = load_corpus(folder)
    assert [n.path for n in notes] == ["ok.md"]
    (warning,) = [w for w in warnings if "scan.pdf" in w]
    assert "no text layer" in warning and "3 pages" in warning and "OCR" in warning and "skipped" in warning


def test_damaged_pdf_is_skipped_with_a_warning(tmp_path):
    folder = write_notes(tmp_path / "notes", {"ok.md": "# Ok\nA readable note."})
    (folder / "broken.pdf").write_bytes(b"%PDF-1.7\n this is not really a pdf")
    notes, warnings = load_corpus(folder)
    assert [n.path for n in notes] == ["ok.md"] and any("broken.pdf" in w and "skipped" in w for w in warnings)


def test_pdf_without_pypdf_names_the_extra(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__
    pdf = _write(tmp_path / "a.pdf", blank_pdf(1))

    def no_pypdf(name, *args, **kwargs):
        if name == "pypdf" or name.startswith("pypdf."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pypdf)
    with pytest.raises(CorpusError, match=r"notesqa\[pdf\]"):
        read_note(pdf, tmp_path)


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_printed_pdf_cites_page_and_line(tmp_path, fake_models):
    """A PDF printed by Chromium: the answer cites the PDF with its page and the line on that page."""
    folder = tmp_path / "bio"
    folder.mkdir()
    print_to_pdf(BIOLOGY_HTML, folder, "biology.pdf")
    note = read_note(folder / "biology.pdf", folder)
    assert len(note.pages) == 2, note.lines
    line = next(i for i, text in enumerate(note.lines, 1) if "23 pairs of chromosomes" in text)
    page, on_page = page_of(note.pages, line)
    assert page == 2 and note.lines[note.pages[1] - 1 + on_page - 1].endswith("23 pairs of chromosomes.")

    fake_models.replies = ["Human body cells have 23 pairs of chromosomes [1]."]
    result = CliRunner().invoke(main, ["ask", "--json", "--corpus", str(folder), "--index", str(tmp_path / "idx"),
                                       "How many pairs of chromosomes do human body cells have?"])
    assert result.exit_code == 0, result.output
    (citation,) = json.loads(result.stdout)["citations"]
    assert citation["file"] == "biology.pdf" and "23 pairs of chromosomes" in citation["quote"]
    assert (citation["page"], citation["page_start_line"]) == (2, on_page) and citation["start_line"] == line

    text = CliRunner().invoke(main, ["ask", "--corpus", str(folder), "--index", str(tmp_path / "idx"),
                                     "How many pairs of chromosomes do human body cells have?"])
    assert f"[1] biology.pdf:{line}-{line} (page 2, line {on_page})" in text.stdout

    # the web UI's source card says the same, and shows the PDF's text around it
    store = Store.load(tmp_path / "idx", Settings(corpus=folder, index=tmp_path / "idx"), FakeEmbedder.id)
    assert store.manifest["files"]["biology.pdf"]["pages"] == note.pages
    from rag.answer.verify import Citation

    card = web_sources.render_citation(Citation(1, "biology.pdf", line, line, citation["quote"], ""),
                                  web_notes.NoteReader(folder))
    assert f"page 2, line {on_page}" in card and "<mark>" in card


def test_a_folder_of_mixed_formats_indexes_every_readable_note(tmp_path):
    folder = write_notes(tmp_path / "notes", {"a.md": "# A\nAlpha note.", "b.txt": "Beta note.",
                                              "c.html": "<h1>C</h1><p>Gamma note.</p>"})
    (folder / "scan.pdf").write_bytes(blank_pdf(1))
    stats = build_index(Settings(corpus=folder, index=tmp_path / "idx"), FakeEmbedder(), progress=False)
    assert stats.files == 3 and any("scan.pdf" in w for w in stats.warnings)
