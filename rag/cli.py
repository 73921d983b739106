"""The `rag` command line: thin wrappers that parse flags, call the pipeline and print errors on one line."""

from __future__ import annotations

import functools
import json
import logging
import os
import sys
from pathlib import Path

import click

from .config import REPO_CORPUS, Settings
from .errors import RagError
from .text import printable


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    for noisy in ("sentence_transformers", "transformers", "httpx", "faiss", "bm25s"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    import warnings

    warnings.filterwarnings("ignore")


def friendly(func):
    """Turn every error into one line on stderr and exit status 1; never show a traceback."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except RagError as err:
            click.echo(f"error: {err}", err=True)
            sys.exit(1)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as err:  # last resort: a bug, but the user still gets one line
            if os.environ.get("RAG_DEBUG"):
                raise
            click.echo(f"error: unexpected {type(err).__name__}: {err} (set RAG_DEBUG=1 for details)", err=True)
            sys.exit(1)

    return wrapper


def _unicode(text: str) -> str:
    """Text from argv, stdin or a prompt as valid Unicode: bytes that were not UTF-8 (which Python keeps as
    surrogate escapes, and would write back out as invalid UTF-8, even inside --json) become U+FFFD."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def _settings(ctx: click.Context, **extra) -> Settings:
    opts = dict(ctx.obj or {})
    opts.update({k: v for k, v in extra.items() if v is not None})
    return Settings.load(**opts)


def _remember(ctx: click.Context, param: click.Parameter, value):
    """Keep a shared option given after the subcommand; it wins over the same option given before it."""
    if value is not None:
        root = ctx.find_root()
        if root.obj is None:
            root.obj = {}
        root.obj[param.name] = value
        ctx.obj = root.obj
    return value


def notes_options(func):
    """--corpus, --index and --model, accepted before the subcommand (`rag --corpus D ask`) and after it."""
    options = [
        click.option("--corpus", type=click.Path(path_type=Path), callback=_remember, expose_value=False,
                     help="Notes folder (env RAG_CORPUS)."),
        click.option("--index", "index", type=click.Path(path_type=Path), callback=_remember, expose_value=False,
                     help="Index folder (env RAG_INDEX)."),
        click.option("--model", callback=_remember, expose_value=False,
                     help="'smollm2', 'gemma3' or a path to a .gguf file (env RAG_MODEL)."),
        click.option("--backend", callback=_remember, expose_value=False,
                     help="auto, gguf (in-process) or openai (a server) (env RAG_BACKEND)."),
        click.option("--llm-url", "llm_url", callback=_remember, expose_value=False,
                     help="OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (env RAG_LLM_URL; "
                          "its key only from env RAG_LLM_API_KEY, never a flag anyone can see in ps)."),
        click.option("--llm-model", "llm_model", callback=_remember, expose_value=False,
                     help="Model name on that server (env RAG_LLM_MODEL)."),
    ]
    for option in reversed(options):
        func = option(func)
    return func


@click.group(invoke_without_command=True)
@click.version_option(package_name="notesqa", prog_name="rag", message="%(prog)s (notesqa) %(version)s")
@click.option("--corpus", type=click.Path(path_type=Path), help="Notes folder (env RAG_CORPUS).")
@click.option("--index", "index_dir", type=click.Path(path_type=Path), help="Index folder (env RAG_INDEX).")
@click.option("--model", help="'smollm2', 'gemma3' or a path to a .gguf file (env RAG_MODEL).")
@click.option("-v", "--verbose", is_flag=True, help="Log what is happening.")
@click.pass_context
@friendly
def main(ctx: click.Context, corpus, index_dir, model, verbose) -> None:
    """Ask questions about your notes; answers cite the exact note and lines."""
    _setup_logging(verbose)
    ctx.obj = {"corpus": corpus, "index": index_dir, "model": model}
    # fail early on bad settings; the notes folder may still come after the subcommand (`rag ask --corpus D`)
    Settings.load(**{**ctx.obj, "corpus": ctx.obj.get("corpus") or REPO_CORPUS})
    if ctx.invoked_subcommand is None:
        ctx.invoke(chat)


@main.command()
@notes_options
@click.option("--rebuild", is_flag=True, help="Re-embed every note, ignoring the previous index.")
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
@friendly
def index(ctx, rebuild, quiet) -> None:
    """Build or refresh the index (only new or changed notes are embedded)."""
    from .pipeline import Pipeline

    settings = _settings(ctx)
    stats = Pipeline(settings).build(progress=not quiet, rebuild=rebuild)
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
    from .answer import clean_question
    from .pipeline import Pipeline

    settings = _settings(ctx, top_k=k)
    question = _unicode(question)
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
        preview = " ".join(h.chunk.text.split())
        click.echo(f"   {preview[:200]}{'…' if len(preview) > 200 else ''}")


def _pages(pipeline) -> dict[str, list[int]]:
    """PDF notes' page starts from the index manifest: citations of a PDF name page and line."""
    files = pipeline.retriever().store.manifest.get("files", {})
    return {name: info["pages"] for name, info in files.items() if info.get("pages")}


def _answer_json(answer, pages: dict[str, list[int]]) -> dict:
    from .readers import page_of

    data = answer.to_json()
    for c in data.get("citations", []):
        if c.get("file") in pages:
            c["page"], c["page_start_line"] = page_of(pages[c["file"]], c["start_line"])
            c["page_end_line"] = c["page_start_line"] + c["end_line"] - c["start_line"]
    return data


def _print_answer(answer, pages: dict[str, list[int]] | None = None) -> None:
    from .readers import where

    click.echo(answer.answer)
    if answer.citations:
        click.echo()
        for c in answer.citations:
            quote = " / ".join(part.strip() for part in c.quote.split("\n"))  # multi-line quotes on one line
            page = (pages or {}).get(c.file)
            place = f" ({where(page, c.start_line, c.end_line)})" if page else ""
            click.echo(f"[{c.n}] {printable(c.file)}:{c.start_line}-{c.end_line}{place}  \"{quote}\"")
    elif answer.refused and answer.nearest:
        click.echo("\nNearest notes:")
        for n in answer.nearest[:3]:
            click.echo(f"  {printable(n['file'])}:{n['start_line']}-{n['end_line']}  {n['heading']}")


@main.command()
@notes_options
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object (one per line with '-').")
@click.option("-k", "k", type=int, help="Number of chunks to retrieve.")
@click.pass_context
@friendly
def ask(ctx, question, as_json, k) -> None:
    """Answer QUESTION from your notes. Use '-' to read questions from stdin, one per line."""
    from .answer import clean_question
    from .errors import QuestionError
    from .pipeline import Pipeline

    pipeline = Pipeline(_settings(ctx, top_k=k))
    if question != "-":
        clean_question(question)  # an empty question fails before any model or index is loaded
    questions = (_unicode(line.rstrip("\n")) for line in sys.stdin) if question == "-" else [_unicode(question)]
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
    from .errors import QuestionError
    from .pipeline import Pipeline

    pipeline = Pipeline(_settings(ctx))
    pipeline.answerer()
    history: list[str] = []
    click.echo("Ask about your notes (empty line or Ctrl-D to quit).")
    while True:
        try:
            q = _unicode(input("? "))
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


@main.command("eval")
@notes_options
@click.option("--dataset", default=None, metavar="SET",
              help="Q&A set: a path, a shipped set's name (default evals/qa.jsonl), or 'mine' for your own set "
                   "(items added from the web UI; RAG_USER_EVALS, default my-evals.jsonl beside the index).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@click.option("--report", type=click.Path(path_type=Path), help="Write a markdown report with charts here.")
@click.option("--limit", type=int, help="Only the first N items (quick check).")
@click.option("--baseline", type=click.Path(path_type=Path, exists=True, dir_okay=False),
              help="Figures of an earlier run (its --json output or report results.json) to print beside these.")
@click.option("--save", is_flag=True, help="Save the run beside the index (as the web UI's Evals tab does) and "
              "list regressions and fixes against the previous saved run of this set.")
@click.option("--split", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
              help="Only one fixed half of the set (evals/splits.json); tune on dev, report test.")
@click.option("--all-sets", is_flag=True, help="Run every shipped eval set (evals/qa.jsonl and evals/govnotes), each on its own notes.")
@click.pass_context
@friendly
def eval_cmd(ctx, dataset, as_json, report, limit, baseline, save, split, all_sets) -> None:
    """Run the eval set through the full pipeline and report retrieval, answer, refusal and latency figures."""
    import time

    from . import evalset
    from .evaluate import format_summary, run_eval, run_sets, split_of, write_report
    from .pipeline import Pipeline

    if limit is not None and limit < 1:
        from .errors import ConfigError

        raise ConfigError(f"--limit {limit} must be 1 or more (how many eval items to run); leave it out to run them all")
    settings = _settings(ctx)
    if all_sets:
        results = run_sets(settings, split=split, limit=limit, progress=not as_json)
        if as_json:
            click.echo(json.dumps({name: {"metrics": r["metrics"], "by_split": r["by_split"]} for name, r in results.items()}, indent=1))
        for name, result in results.items():
            if report:
                write_report(result, Path(report) / name)
            if not as_json:
                click.echo(f"== {name}\n{format_summary(result)}\n")
        return
    chosen = evalset.resolve(dataset, settings)
    items = evalset.load_set(chosen.path, settings.corpus)
    if split != "all":
        items = [it for it in items if (it.get("split") or split_of(chosen.path, it["id"])) == split]
    if limit is not None:
        items = items[:limit]
    started, clock = time.time(), time.perf_counter()
    pipeline = Pipeline(settings)
    result = run_eval(pipeline, items, progress=not as_json, dataset=chosen.path)
    if report:
        write_report(result, report)
    if as_json:
        click.echo(json.dumps(result["metrics"], indent=1))
    else:
        click.echo(format_summary(result))
        if baseline:
            from .evaluate import format_comparison

            click.echo("\n" + format_comparison(result, baseline))
        if report:
            click.echo(f"report written to {report / 'report.md'}")
    if save:
        from .evalruns import save_and_compare
        from .feedback import index_version

        for line in save_and_compare(settings, chosen, items, result, started, time.perf_counter() - clock,
                                     index_version(pipeline)):
            click.echo(line, err=as_json)  # stdout stays pure JSON with --json


@main.command("feedback")
@notes_options
@click.option("--rating", type=click.Choice(["like", "dislike"]), help="Only answers rated so.")
@click.option("--export", "export_to", type=click.Path(path_type=Path, allow_dash=True),
              help="Write the feedback to this file ('-' for stdout) instead of listing it.")
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), help="Export format (default: from the file "
              "name, else jsonl).")
@click.pass_context
@friendly
def feedback_cmd(ctx, rating, export_to, fmt) -> None:
    """List or export the Like/Dislike feedback given on answers in the web UI."""
    from .feedback import FeedbackStore, export, feedback_path, listing

    store = FeedbackStore(feedback_path(_settings(ctx)))
    entries = store.entries(rating)
    if export_to is not None:
        fmt = fmt or ("csv" if str(export_to).lower().endswith(".csv") else "jsonl")
        text = export(entries, fmt)
        if str(export_to) == "-":
            click.echo(text, nl=False)
            return
        try:
            Path(export_to).write_text(text, encoding="utf-8", newline="")
        except OSError as err:
            raise RagError(f"cannot write {export_to} ({err.strerror}); pick another --export file") from None
        click.echo(f"{len(entries)} feedback entries written to {export_to} ({fmt})", err=True)
        return
    if not entries:
        click.echo(f"No feedback yet (it is kept in {store.path}); rate answers with Like/Dislike in the web UI.")
    for line in listing(entries):
        click.echo(_unicode(line))


@main.command()
@notes_options
@click.option("--host", help="Address to serve on (default 127.0.0.1; env RAG_HOST). Anything else needs RAG_AUTH=user:password.")
@click.option("--port", type=int, help="Port (default 7860; env RAG_PORT).")
@click.option("-k", "--top-k", "top_k", type=int, help="Default number of sources (env RAG_TOP_K).")
@click.option("--api", is_flag=True, help="Serve an OpenAI-compatible API (/v1/chat/completions, model 'notesqa') "
              "instead of the web UI; beyond 127.0.0.1 it needs RAG_API_KEY or RAG_AUTH.")
@click.pass_context
@friendly
def serve(ctx, host, port, top_k, api) -> None:
    """Open the web UI (http://127.0.0.1:7860 by default) to ask your notes in a browser."""
    from .web.serve import NOISY_LOGGERS, serve as serve_web

    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.ERROR)
    if api:
        from .web.api import serve_api

        return serve_api(_settings(ctx, host=host, port=port, top_k=top_k))
    serve_web(_settings(ctx, host=host, port=port, top_k=top_k))


@main.command()
@notes_options
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
@friendly
def info(ctx, as_json) -> None:
    """Show the notes folder, its index (notes, chunks, last build), the model and every setting in effect."""
    from .info import describe

    settings = _settings(ctx)
    report = describe(settings, Settings.origins(**(ctx.obj or {})))
    if as_json:
        click.echo(json.dumps(report, indent=1, ensure_ascii=False, default=str))
        return
    index = report["index"]
    click.echo(f"notes folder:  {report['notes_folder']}")
    click.echo(f"index:         {index['path']}")
    if index.get("built_at"):
        click.echo(f"               {index['notes']} notes, {index['chunks']} chunks, last built {index['built_at']}")
    else:
        click.echo(f"               {index['state']}")
    click.echo(f"model:         {report['model']}")
    click.echo("settings:")
    width = max(len(name) for name in report["settings"]) + 2
    for name, (value, origin) in report["settings"].items():
        click.echo(f"  {name:<{width}}{value!s:<40} ({origin})")


if __name__ == "__main__":
    main()
