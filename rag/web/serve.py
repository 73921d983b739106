"""Start the web UI: checks that fail fast (binding, port), then models and index, then the page.

Shared by `rag serve` and `python app.py`; Gradio is imported only once the checks passed, so a bad flag
answers in a fraction of a second and a missing Gradio is one line with the fix.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import threading
import warnings
from pathlib import Path

from ..config import Settings
from ..errors import ConfigError, RagError
from .auth import check_bind

NOISY_LOGGERS = ("sentence_transformers", "transformers", "httpx", "faiss", "bm25s", "gradio", "uvicorn")


def url(settings: Settings) -> str:
    host = settings.host
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{settings.port}"


def port_in_use(host: str, port: int) -> bool:
    """Whether ``host:port`` is taken (checked before the slow model loading, not instead of launch's own check)."""
    try:
        family, kind, _, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, IndexError, UnicodeError):
        return False  # let launch report an unusable host
    with socket.socket(family, kind) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError:
            return True
    return False


def port_message(settings: Settings) -> str:
    return (f"port {settings.port} on {settings.host} is in use (is notesqa already running?); "
            "pick another with --port or RAG_PORT")


def _import_app():
    import importlib

    try:
        app = importlib.import_module(f"{__package__}.app")
    except ImportError as err:
        if getattr(err, "name", "") and str(err.name).split(".")[0] == "gradio":
            raise ConfigError("the web UI needs Gradio, which is not installed; run: pip install 'notesqa[ui]'") from None
        raise
    return app


def start(settings: Settings):
    """Check, load and serve without blocking; returns the running Gradio app. RagError for anything a user can fix."""
    check_bind(settings.host, settings.auth)  # before any slow work
    if port_in_use(settings.host, settings.port):
        raise ConfigError(port_message(settings))
    from ..pipeline import Pipeline

    pipeline = Pipeline(settings)
    app = _import_app()
    print("notesqa: loading models and index…", flush=True)
    # The GGUF model and the index load here (0.5 s; the index is built if missing): a bad model or a foreign
    # index fails before anything is served.
    pipeline.answerer()
    demo = app.create_app(pipeline, watch=True)
    try:
        app.launch(demo, settings, prevent_thread_lock=True)
    except OSError as err:
        if "empty port" in str(err):
            raise ConfigError(port_message(settings)) from None
        raise ConfigError(f"cannot serve on {settings.host}:{settings.port} ({err})") from None
    # The embedding model loads once the page is served (onnxruntime: ~0.3 s; torch, RAG_EMBED_RUNTIME=torch:
    # ~5 s); a question asked before it is ready waits for it. Loaded beside Gradio's import instead, the two
    # imports took turns on the GIL and the page came up no sooner than both together (benchmarks/README.md).
    threading.Thread(target=pipeline.warm, name="notesqa-warm", daemon=True).start()
    return demo


def serve(settings: Settings) -> None:
    """Serve until Ctrl-C (what `rag serve` and `python app.py` do)."""
    demo = start(settings)
    print(f"notesqa is running at {url(settings)}  (Ctrl-C to stop)", flush=True)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass


def quiet_logging() -> None:
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="app.py", description="notesqa web UI: ask questions about your notes.")
    parser.add_argument("--host", help="address to serve on (default 127.0.0.1; env RAG_HOST). "
                        "Anything but 127.0.0.1/localhost needs RAG_AUTH=user:password.")
    parser.add_argument("--port", type=int, help="port (default 7860; env RAG_PORT)")
    parser.add_argument("--corpus", type=Path, help="notes folder (env RAG_CORPUS)")
    parser.add_argument("--index", type=Path, help="index folder (env RAG_INDEX)")
    parser.add_argument("--model", help="'smollm2', 'gemma3' or a path to a .gguf file (env RAG_MODEL)")
    parser.add_argument("-k", "--top-k", type=int, dest="top_k", help="default number of sources (env RAG_TOP_K)")
    return parser.parse_args(argv)


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


def main(argv=None) -> None:
    """`python app.py [flags]`: the same as `rag serve`, with errors on one line."""
    args = parse_args(argv)
    quiet_logging()
    try:
        settings = Settings.load(corpus=args.corpus, index=args.index, model=args.model, host=args.host,
                                 port=args.port, top_k=args.top_k)
        serve(settings)
    except RagError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as err:  # a bug: still one line, unless RAG_DEBUG asks for the traceback
        if os.environ.get("RAG_DEBUG"):
            raise
        _fail(f"unexpected {type(err).__name__}: {err} (set RAG_DEBUG=1 for details)")
