"""HTML written inside a note's lines ("<ul><li>", "&amp;") is shown as a reader of the note sees it wherever
a note's text reaches the user: the CLI's source line under an answer, its nearest notes and search previews,
and the web UI's source panel (passage and numbered surrounding lines). Line numbers stay the note's own,
and in the web UI every shown text is still escaped, so a note's markup never runs. Invented cooking and
chemistry-lab notes."""

from __future__ import annotations

from rag.answer.verify import Citation
from rag.cli import main
from rag.web import notes, sources
from conftest import write_notes

CAKE_STEPS = ("<ul><li>Whisk 3 eggs &amp; 100 g caster sugar until pale and thick.</li>"
              "<li>Fold in 100 g sifted flour with a metal spoon.</li></ul>")
CAKE = f"# Sponge cake\n\n## Method\n{CAKE_STEPS}\n- Bake at 180 °C for 20 minutes.\n"
LAB = ("# Titration lab\n\nSafety first.\n"
       "<ul><li>Add 5 mL HCl &amp; stir slowly.</li><li>Never add water to acid &lt;script&gt;alert(1)&lt;/script&gt;"
       "</li><li><b onclick=\"steal()\">Wear goggles</b> at all times.</li></ul>\n"
       "Rinse the burette twice.\n")


def _cli_env(tmp_path, monkeypatch, files: dict[str, str]):
    corpus = write_notes(tmp_path / "notes", files)
    monkeypatch.setenv("RAG_CORPUS", str(corpus))
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "index"))
    return corpus


# -- CLI ---------------------------------------------------------------------------------------------
def test_cli_source_line_under_an_answer_shows_no_html_and_keeps_its_line(runner, fake_models, tmp_path, monkeypatch):
    _cli_env(tmp_path, monkeypatch, {"cake.md": CAKE})
    fake_models.replies = ["Whisk 3 eggs and 100 g caster sugar until pale and thick [1]."]
    result = runner.invoke(main, ["ask", "what do you whisk the eggs with in the sponge cake method"])
    assert result.exit_code == 0, result.output
    source = [line for line in result.stdout.splitlines() if line.startswith("[1] ")]
    assert source, result.stdout
    assert source[0].startswith("[1] cake.md:4-4  "), source  # the line holding the HTML list, as numbered in the note
    assert "Whisk 3 eggs & 100 g caster sugar until pale and thick." in source[0], source
    assert "<li>" not in result.stdout and "</ul>" not in result.stdout and "&amp;" not in result.stdout


def test_cli_nearest_notes_and_search_preview_show_no_html(runner, fake_models, tmp_path, monkeypatch):
    _cli_env(tmp_path, monkeypatch, {"lab.md": LAB.replace("# Titration lab\n\n", "")})
    refused = runner.invoke(main, ["ask", "what is the capital of France"])
    assert refused.exit_code == 0, refused.output
    assert "Nearest notes:" in refused.stdout and "lab.md:" in refused.stdout
    found = runner.invoke(main, ["search", "add hydrochloric acid and stir"])
    assert found.exit_code == 0, found.output
    for output in (refused.stdout, found.stdout):
        assert "<li>" not in output and "</b>" not in output and "&amp;" not in output, output
    assert "Add 5 mL HCl & stir slowly." in found.stdout
    # the machine-readable output keeps the note's text as written
    raw = runner.invoke(main, ["search", "--json", "add hydrochloric acid and stir"])
    assert "<li>Add 5 mL HCl &amp; stir slowly.</li>" in raw.stdout


# -- web UI --------------------------------------------------------------------------------------------
def _card(tmp_path, quote: str, line: int) -> str:
    reader = notes.NoteReader(write_notes(tmp_path / "notes", {"lab.md": LAB}))
    return sources.render_citation(Citation(1, "lab.md", line, line, quote, "Titration lab"), reader)


def test_web_source_passage_shows_the_list_as_text_and_marks_the_quote(tmp_path):
    card = _card(tmp_path, "Add 5 mL HCl &amp; stir slowly.", 4)
    passage = card.split('class="nq-passage">', 1)[1].split("</div>", 1)[0]
    assert "<mark>Add 5 mL HCl &amp; stir slowly.</mark>" in passage, passage  # "&" escaped once, not "&amp;amp;"
    assert "Wear goggles at all times." in passage
    assert "li&gt;" not in card and "&amp;amp;" not in card and "<li>" not in card


def test_web_surrounding_lines_keep_their_numbers_and_show_no_tags(tmp_path):
    card = _card(tmp_path, "Add 5 mL HCl &amp; stir slowly.", 4)
    context = card.split('<pre class="nq-context">', 1)[1]
    assert '<span class="nq-ln">3</span><span class="nq-tx">Safety first.</span>' in context
    assert '<span class="nq-ln">5</span><span class="nq-tx">Rinse the burette twice.</span>' in context
    assert 'nq-line nq-hit"><span class="nq-ln">4</span><span class="nq-tx"><mark>Add 5 mL HCl &amp; stir slowly.</mark>; ' in context
    assert "ul&gt;" not in context and "b&gt;" not in context


def test_web_source_panel_never_lets_a_note_inject_markup(tmp_path):
    card = _card(tmp_path, "Never add water to acid &lt;script&gt;alert(1)&lt;/script&gt;", 4)
    # the entities decode to text that is escaped again: shown as "<script>", never run
    assert "<script" not in card and "&lt;script&gt;alert(1)&lt;/script&gt;" in card
    assert "onclick" not in card and "steal()" not in card and "<b" not in card  # a tag is dropped, never run
    assert "${" not in card and "{{" not in card


def test_web_nearest_note_preview_and_its_note_view_show_no_tags(tmp_path):
    reader = notes.NoteReader(write_notes(tmp_path / "notes", {"lab.md": LAB}))
    html_out = sources.render_nearest([{"file": "lab.md", "heading": "Titration lab", "start_line": 3,
                                        "end_line": 5, "score": 0.4}], reader)
    assert "Add 5 mL HCl &amp; stir slowly.; Never add water" in html_out
    assert '<span class="nq-ln">5</span><span class="nq-tx">Rinse the burette twice.</span>' in html_out
    assert "li&gt;" not in html_out and "<li>" not in html_out and "<script" not in html_out
