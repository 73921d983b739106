"""The `rag` group and what every command shares: one-line errors, settings from flags, the notes options."""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

import click

from ..config import REPO_CORPUS, Settings
from ..errors import RagError


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


def unicode_text(text: str) -> str:
    """Text from argv, stdin or a prompt as valid Unicode: bytes that were not UTF-8 (which Python keeps as
    surrogate escapes, and would write back out as invalid UTF-8, even inside --json) become U+FFFD."""
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        raw = text.encode("utf-8", "replace")
    return raw.decode("utf-8", "replace")


def settings_of(ctx: click.Context, **extra) -> Settings:
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
        ctx.invoke(main.commands["chat"])
