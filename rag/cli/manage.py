"""Measuring and serving: `rag eval`, `rag feedback`, `rag serve` and `rag info`."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import click

from ..config import Settings
from ..errors import RagError
from .base import friendly, main, notes_options, settings_of, unicode_text


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
@click.option("--all-sets", is_flag=True, help="Run every shipped eval set (evals/qa.jsonl, evals/govnotes, evals/econnotes), each on its own notes.")
@click.pass_context
@friendly
def eval_cmd(ctx, dataset, as_json, report, limit, baseline, save, split, all_sets) -> None:
    """Run the eval set through the full pipeline and report retrieval, answer, refusal and latency figures."""
    import time

    from .. import evalset
    from ..evalreport import format_summary, write_report
    from ..evaluate import run_eval, run_sets, split_of
    from ..pipeline import Pipeline

    if limit is not None and limit < 1:
        from ..errors import ConfigError

        raise ConfigError(f"--limit {limit} must be 1 or more (how many eval items to run); leave it out to run them all")
    settings = settings_of(ctx)
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
            from ..evalreport import format_comparison

            click.echo("\n" + format_comparison(result, baseline))
        if report:
            click.echo(f"report written to {report / 'report.md'}")
    if save:
        from ..evalruns import save_and_compare
        from ..feedback import index_version

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
    from ..feedback import FeedbackStore, export, feedback_path, listing

    store = FeedbackStore(feedback_path(settings_of(ctx)))
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
        click.echo(unicode_text(line))


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
    from ..web.serve import NOISY_LOGGERS, serve as serve_web

    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.ERROR)
    if api:
        from ..web.api import serve_api

        return serve_api(settings_of(ctx, host=host, port=port, top_k=top_k))
    serve_web(settings_of(ctx, host=host, port=port, top_k=top_k))


@main.command()
@notes_options
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
@click.pass_context
@friendly
def info(ctx, as_json) -> None:
    """Show the notes folder, its index (notes, chunks, last build), the model and every setting in effect."""
    from ..info import describe

    settings = settings_of(ctx)
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
