"""Asking: `rag index`, `rag search`, `rag ask` and `rag chat`."""

from __future__ import annotations

import json
import sys

import click

from ..inline_html import readable
from ..text import printable
from .base import friendly, main, notes_options, settings_of, unicode_text


@main.command()
@notes_options
@click.option("--rebuild", is_flag=True, help="Re-embed every note, ignoring the previous index.")
@click.option("--quiet", is_flag=True, help="No progress bar (none is drawn when stderr is not a terminal either).")
@click.pass_context
@friendly
def index(ctx, rebuild, quiet) -> None:
    """Build or refresh the index (only new or changed notes are embedded)."""
    from ..pipeline import Pipeline

    settings = settings_of(ctx)
    stats = Pipeline(settings).build(progress=not quiet, rebuild=rebuild)  # bars are drawn only on a terminal
    for warning in stats.warnings:
        click.echo(f"warning: {printable(warning)}", err=True)
    click.echo(stats.summary())


@main.command()
@notes_options
@click.argument("question")
@click.option("-k", "k", type=int, default=5, show_default=True, help="How many chunks to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@friendly
def search(ctx, question, k, as_json) -> None:
    """Show the chunks that best match QUESTION (no model involved)."""
    from ..answer import clean_question
    from ..pipeline import Pipeline

    settings = settings_of(ctx, top_k=k)
    question = unicode_text(question)
    clean_question(question)  # an empty question fails before any model or index is loaded
    hits = Pipeline(settings).search(question, k)
    if as_json:
        click.echo(json.dumps([
            {"rank": h.rank, "file": h.chunk.file, "start_line": h.chunk.start_line, "end_line": h.chunk.end_line,
             "heading": h.chunk.heading, "score": round(h.score, 5), "dense": round(h.dense, 4),
             "bm25": round(h.lexical, 3), "text": h.chunk.text}
            for h in hits
        ], ensure_ascii=False, indent=1))
        return
    if not hits:
        click.echo("No matching notes.")
    for h in hits:
        click.secho(f"{h.rank}. {printable(h.chunk.file)}:{h.chunk.start_line}-{h.chunk.end_line}  score {h.score:.4f}", bold=True)
        if h.chunk.heading:
            click.echo(f"   {h.chunk.heading}")
        preview = " ".join(readable(h.chunk.text, " ").split())  # "<li>" written in a note is no text
        click.echo(f"   {preview[:200]}{'…' if len(preview) > 200 else ''}")


def _pages(pipeline) -> dict[str, list[int]]:
    """PDF notes' page starts from the index manifest: citations of a PDF name page and line."""
    files = pipeline.retriever().store.manifest.get("files", {})
    return {name: info["pages"] for name, info in files.items() if info.get("pages")}


def _answer_json(answer, pages: dict[str, list[int]]) -> dict:
    from ..readers import page_of

    data = answer.to_json()
    for c in data.get("citations", []):
        if c.get("file") in pages:
            c["page"], c["page_start_line"] = page_of(pages[c["file"]], c["start_line"])
            c["page_end_line"] = c["page_start_line"] + c["end_line"] - c["start_line"]
    return data


def _print_answer(answer, pages: dict[str, list[int]] | None = None) -> None:
    from ..readers import where

    click.echo(answer.answer)
    if answer.citations:
        click.echo()
        for c in answer.citations:
            # multi-line quotes on one line; HTML written in a note's line shown as a viewer shows it (its line
            # numbers stay those of the note); a blank line inside a quote (a question, then its answer) is no part
            quote = " / ".join(readable(part.strip()) for part in c.quote.split("\n") if part.strip())
            page = (pages or {}).get(c.file)
            place = f" ({where(page, c.start_line, c.end_line)})" if page else ""
            click.echo(f"[{c.n}] {printable(c.file)}:{c.start_line}-{c.end_line}{place}  \"{quote}\"")
    elif answer.refused and answer.nearest:
        click.echo("\nNearest notes:")
        for n in answer.nearest[:3]:
            # a chunk without a heading (a table, a note with no titles) is named by its first words
            label = readable(n.get("heading") or _first_words(n.get("preview", "")), " ")
            click.echo(f"  {printable(n['file'])}:{n['start_line']}-{n['end_line']}  {printable(label)}")


def _first_words(text: str, limit: int = 80) -> str:
    """The first non-blank line of ``text``, cut at ``limit`` characters."""
    line = next((part.strip() for part in text.split("\n") if part.strip()), "")
    return line if len(line) <= limit else line[: limit - 1] + "…"


@main.command()
@notes_options
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (one per line with '-').")
@click.option("-k", "k", type=int, help="Number of chunks to retrieve.")
@click.pass_context
@friendly
def ask(ctx, question, as_json, k) -> None:
    """Answer QUESTION from your notes. Use '-' to read questions from stdin, one per line."""
    from ..answer import clean_question
    from ..errors import QuestionError
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings_of(ctx, top_k=k))
    if question != "-":
        clean_question(question)  # an empty question fails before any model or index is loaded
    questions = (unicode_text(line.rstrip("\n")) for line in sys.stdin) if question == "-" else [unicode_text(question)]
    for q in questions:
        if question == "-" and not q.strip():
            continue
        try:
            answer = pipeline.ask(q)
        except QuestionError as err:
            if question != "-":
                raise
            click.echo(json.dumps({"question": q, "error": str(err)}) if as_json else f"error: {err}")
            continue
        if as_json:
            click.echo(json.dumps(_answer_json(answer, _pages(pipeline)), ensure_ascii=False))
        else:
            _print_answer(answer, _pages(pipeline))


@main.command()
@notes_options
@click.pass_context
@friendly
def chat(ctx) -> None:
    """Interactive prompt: ask questions one after another (follow-ups understand the previous one)."""
    from ..errors import QuestionError
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings_of(ctx))
    pipeline.answerer()
    history: list[str] = []
    click.echo("Ask about your notes (empty line or Ctrl-D to quit).")
    while True:
        try:
            q = unicode_text(input("? "))
        except EOFError:
            break
        if not q.strip():
            break
        try:
            answer = pipeline.ask(q, history)
        except QuestionError as err:
            click.echo(f"error: {err}")
            continue
        history.append(answer.standalone)
        _print_answer(answer, _pages(pipeline))
        click.echo()
