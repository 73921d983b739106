"""notesqa web UI: ask your notes in a browser. `python app.py` (or `make run`) serves http://127.0.0.1:7860.

Thin on purpose: :func:`create_app` builds the Gradio Blocks (no launch, no model loading, so it is
testable), :func:`main` parses flags, loads the models and launches. All HTML is made in
``rag/ui_helpers.py``, which escapes every piece of note, model and user text.
"""

from __future__ import annotations

import argparse
import logging
import os
import socket
import sys
import warnings
from pathlib import Path

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from rag import ui_helpers as ui  # noqa: E402
from rag.config import Settings  # noqa: E402
from rag.errors import RagError  # noqa: E402
from rag.turns import ChatFirst  # noqa: E402
from rag.web import evals_render, evals_tab, feedback_panel  # noqa: E402

log = logging.getLogger("rag")

EXAMPLES = [
    "What's the default SQS visibility timeout?",
    "What is AWS App Mesh?",
    "What is the maximum memory for a Lambda function?",
]
MAX_K = 8
# System fonts only: the UI works offline and must not fetch anything from the internet.
THEME = gr.themes.Soft(
    primary_hue="indigo",
    neutral_hue="slate",
    font=("ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Helvetica", "Arial", "sans-serif"),
    font_mono=("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"),
)
CSS = """
.gradio-container { max-width: 1400px !important; }
#nq-header h1 { margin: 0; font-size: 1.5rem; }
#nq-header p { margin: 2px 0 0; color: var(--body-text-color-subdued); }
#nq-status { min-height: 1.6em; }
.nq-status { font-size: 0.85rem; color: var(--body-text-color-subdued); padding: 2px 4px; }
.nq-status span + span::before { content: ""; }
.nq-status.nq-error-state { color: #b45309; }
.nq-standalone { margin-top: 2px; font-style: italic; }
.nq-msg { line-height: 1.5; }
#nq-chat .example { border: 1px solid var(--border-color-primary); border-radius: 10px; background: var(--background-fill-secondary);
  padding: 10px 14px; text-align: left; }
#nq-ask, #nq-clear { white-space: nowrap; }
#nq-chat .example:hover { border-color: var(--color-accent, #6366f1); }
.nq-cite { font-size: 0.8em; font-weight: 600; text-decoration: none; color: var(--color-accent, #4f46e5); }
.nq-badges { margin-top: 6px; }
.nq-badge { display: inline-block; font-size: 0.72rem; font-weight: 600; letter-spacing: 0.02em; padding: 1px 7px;
  border-radius: 999px; background: var(--background-fill-secondary); color: var(--body-text-color-subdued);
  border: 1px solid var(--border-color-primary); margin-right: 6px; vertical-align: 1px; }
.nq-badge-info { background: #e0e7ff; color: #3730a3; border-color: #c7d2fe; }
.nq-badge-warn { background: #fef3c7; color: #92400e; border-color: #fde68a; }
.nq-badge-error { background: #fee2e2; color: #991b1b; border-color: #fecaca; }
.nq-refusal { color: var(--body-text-color-subdued); border-left: 3px solid #a5b4fc; padding: 2px 0 2px 10px; }
.nq-refusal-text { margin-top: 4px; font-style: italic; }
.nq-hint { font-size: 0.8rem; margin-top: 2px; }
.nq-error { border-left: 3px solid #f59e0b; padding: 2px 0 2px 10px; }
.nq-draft { opacity: 0.75; }
.nq-draft-note { font-size: 0.75rem; color: var(--body-text-color-subdued); margin-top: 4px; font-style: italic; }
.nq-caret { animation: nq-blink 1s steps(2) infinite; }
@keyframes nq-blink { 50% { opacity: 0; } }
.nq-unverified { margin-top: 8px; padding: 6px 10px; border: 1px dashed #f59e0b; border-radius: 8px; font-size: 0.85rem; }
.nq-unverified ul { margin: 4px 0 0; padding-left: 0; list-style: none; }
.nq-unverified li { margin: 3px 0; }
.nq-reason { color: var(--body-text-color-subdued); font-size: 0.8rem; }
.nq-unverified-title { color: #92400e; font-weight: 600; }
.nq-panel-title { font-weight: 600; font-size: 0.9rem; margin: 0 0 8px; color: var(--body-text-color-subdued); }
.nq-empty { color: var(--body-text-color-subdued); font-size: 0.9rem; padding: 18px 8px; text-align: center;
  border: 1px dashed var(--border-color-primary); border-radius: 10px; }
.nq-src { border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 10px 12px; margin-bottom: 10px;
  background: var(--background-fill-primary); }
.nq-src-head { display: flex; flex-wrap: wrap; gap: 8px; align-items: baseline; }
.nq-src-n { font-weight: 700; color: var(--color-accent, #4f46e5); }
.nq-src-file { font-family: var(--font-mono, monospace); font-size: 0.85rem; font-weight: 600; word-break: break-all; }
.nq-src-lines, .nq-score { font-size: 0.78rem; color: var(--body-text-color-subdued); }
.nq-src-heading { font-size: 0.8rem; color: var(--body-text-color-subdued); margin-top: 2px; }
.nq-passage { margin-top: 6px; font-size: 0.92rem; line-height: 1.45; }
.nq-passage mark, .nq-context mark { background: #fde68a; color: #111827; border-radius: 3px; padding: 0 2px; }
.nq-near { border-style: dashed; }
.nq-preview { color: var(--body-text-color-subdued); }
.nq-more { margin-top: 6px; }
.nq-more summary { cursor: pointer; font-size: 0.8rem; color: var(--color-accent, #4f46e5); }
.nq-context { font-size: 0.78rem; line-height: 1.4; max-height: 340px; overflow: auto; margin: 6px 0 0; padding: 6px 0;
  background: var(--background-fill-secondary); border-radius: 6px; white-space: normal; }
.nq-line { display: grid; grid-template-columns: 3.6em 1fr; }
.nq-tx { white-space: pre-wrap; word-break: break-word; padding-right: 8px; }
.nq-hit { background: rgba(250, 204, 21, 0.22); }
.nq-ln { padding: 0 10px 0 0; text-align: right; color: var(--body-text-color-subdued); user-select: none; }
.nq-src-warn { font-size: 0.8rem; color: #b45309; margin-top: 4px; }
.nq-index-summary { font-size: 0.85rem; margin-bottom: 6px; }
.nq-index-table { width: 100%; font-size: 0.8rem; border-collapse: collapse; border: none !important; margin: 0 !important; }
.nq-index-table th, .nq-index-table td { text-align: left; padding: 3px 6px !important; border: none !important;
  border-bottom: 1px solid var(--border-color-primary) !important; background: transparent !important; }
.nq-index-table th { font-weight: 600; color: var(--body-text-color-subdued); }
.nq-index-table td:not(.nq-file), .nq-index-table th:not(:first-child) { text-align: right; }
.nq-file { font-family: var(--font-mono, monospace); }
.nq-build-summary { font-size: 0.85rem; font-weight: 600; }
.nq-build-detail, .nq-build-warn { font-size: 0.78rem; color: var(--body-text-color-subdued); }
.nq-build-warn { color: #b45309; }
"""


def _text_of(message) -> str:
    """The text of a chat message as Gradio hands it back (str content or a list of parts)."""
    content = message.get("content") if isinstance(message, dict) else getattr(message, "content", "")
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) if isinstance(p, dict) else str(getattr(p, "text", "")) for p in content)
    return str(content or "")


def _role(message) -> str:
    return message.get("role") if isinstance(message, dict) else getattr(message, "role", "")


class UI:
    """The event handlers, separate from the layout so they can be tested without a browser."""

    def __init__(self, pipeline):
        self.pipeline = pipeline
        self.settings = pipeline.settings
        self.reader = ui.NoteReader(Path(self.settings.corpus))

    def respond(self, question, chat, history, k, show_unverified, keep: dict | None = None):
        """Stream one answer: (chat, sources html, status html, history, textbox value) after each step.

        ``keep``, when given, receives the settled Answer under "answer" (for feedback on it).
        """
        chat = list(chat or [])
        history = list(history or [])
        if isinstance(question, str):  # a crafted request can carry lone surrogates, which no tokenizer takes
            question = question.encode("utf-8", "replace").decode("utf-8")
        typed = (question or "").strip()
        turn = sum(1 for m in chat if _role(m) == "user") + 1
        if typed:
            chat.append({"role": "user", "content": ui.esc(typed)})
        chat.append({"role": "assistant", "content": ui.render_draft("")})
        placeholder = ui.sources_placeholder("Searching your notes…")
        yield list(chat), placeholder, ui.status_html("Searching your notes…", "working", turn), history, ""
        try:
            k = max(1, min(MAX_K, int(k or self.settings.top_k)))
            raw, tokens, answer = "", 0, None
            for kind, value in self.pipeline.ask_stream(question or "", history=history, k=k):
                if kind == "token":
                    raw += value
                    tokens += 1
                    chat[-1] = {"role": "assistant", "content": ui.render_draft(raw)}
                    yield list(chat), placeholder, ui.status_html(f"Writing… {tokens} tokens", "working", turn), history, ""
                elif kind == "answer":
                    answer = value
            if answer is None:
                raise RagError("no answer came back; please ask again")
        except RagError as err:
            chat[-1] = {"role": "assistant", "content": ui.render_error(err)}
            yield chat, ui.sources_placeholder(), ui.status_html(ui.esc(err), "error-state", turn), history, ""
            return
        except Exception as err:  # a bug: one friendly line in the chat, details in the server log
            log.exception("answering %r failed", typed)
            message = f"something went wrong ({type(err).__name__}); please try again"
            chat[-1] = {"role": "assistant", "content": ui.render_error(message)}
            yield chat, ui.sources_placeholder(), ui.status_html("error", "error-state", turn), history, ""
            return
        history.append(answer.standalone or typed)
        if keep is not None:
            keep["answer"] = answer
        chat[-1] = {"role": "assistant", "content": ui.render_answer(answer, bool(show_unverified))}
        sources = ui.render_sources(answer, self.reader)
        yield chat, sources, ui.render_status(answer, typed, turn), history, ""

    def pick_example(self, evt: gr.SelectData):
        value = evt.value
        return value.get("text", "") if isinstance(value, dict) else str(value or "")

    def clear(self):
        return [], ui.sources_placeholder(), ui.status_html("", "idle", 0), [], ""

    def index_panel(self) -> str:
        try:
            return ui.render_index(self.pipeline.retriever().store.manifest)
        except RagError as err:
            return f'<div class="nq-src-warn">{ui.esc(err)}</div>'

    def refresh_index(self, progress=gr.Progress(track_tqdm=True)):
        progress(0.05, desc="Reading notes")
        try:
            stats = self.pipeline.build(progress=True)
            progress(0.9, desc="Loading the new index")
            self.pipeline.answerer()
        except RagError as err:
            return self.index_panel(), f'<div class="nq-build-warn">{ui.esc(err)}</div>'
        return self.index_panel(), ui.render_build(stats)


def create_app(pipeline_or_settings=None) -> gr.Blocks:
    """Build the UI around a Pipeline (or anything with its methods), or Settings to make one. Does not launch."""
    if pipeline_or_settings is None or isinstance(pipeline_or_settings, Settings):
        from rag.pipeline import Pipeline

        pipeline = Pipeline(pipeline_or_settings or Settings.load())
    else:
        pipeline = pipeline_or_settings
    handlers = UI(pipeline)
    turns = ChatFirst()  # eval runs wait while a chat question is answered
    panel = feedback_panel.FeedbackPanel(pipeline, turns)
    evals = evals_tab.EvalsTab(pipeline, turns, handlers.reader)
    settings = pipeline.settings
    default_k = max(1, min(MAX_K, int(settings.top_k)))

    with gr.Blocks(title="notesqa — ask your notes", analytics_enabled=False) as demo:
        history = gr.State([])
        answers = gr.State({})  # chat message index -> what that answer was, for Like/Dislike
        with gr.Row(elem_id="nq-header"):
            gr.Markdown(
                "# notesqa\nAnswers from your AWS notes only, each sentence checked against the note it cites. "
                "Runs entirely on this machine."
            )
        with gr.Tabs(elem_id="nq-tabs"):
            with gr.Tab("Chat", id="chat", elem_id="nq-tab-chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=420):
                        chatbot = gr.Chatbot(
                            elem_id="nq-chat",
                            label="Chat",
                            show_label=False,
                            height=560,
                            examples=[{"text": q} for q in EXAMPLES],
                            placeholder="**Ask a question about your notes.** Follow-up questions (“and the maximum?”) work too.",
                            latex_delimiters=[],
                            feedback_options=("Like", "Dislike"),
                            buttons=["copy"],
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                elem_id="nq-question",
                                placeholder="Ask about your notes… (Enter to send)",
                                show_label=False,
                                container=False,
                                scale=1,
                                max_lines=4,
                                autofocus=True,
                            )
                            ask = gr.Button("Ask", variant="primary", scale=0, min_width=90, elem_id="nq-ask")
                            clear = gr.Button("New chat", variant="secondary", scale=0, min_width=120, elem_id="nq-clear")
                        status = gr.HTML(ui.status_html("", "idle", 0), elem_id="nq-status")
                        fb = feedback_panel.build(panel)
                    with gr.Column(scale=2, min_width=320):
                        gr.Markdown("### Sources")
                        sources = gr.HTML(ui.sources_placeholder(), elem_id="nq-sources-box", max_height=620)
                        with gr.Accordion("Settings", open=False, elem_id="nq-settings"):
                            k = gr.Slider(1, MAX_K, value=default_k, step=1, label="Number of sources to search (k)", elem_id="nq-k")
                            show_unverified = gr.Checkbox(
                                value=bool(settings.show_unverified),
                                label="Show unverified sentences (what the model wrote that your notes do not support)",
                                elem_id="nq-show-unverified",
                            )
                        with gr.Accordion("Index", open=False, elem_id="nq-index-panel"):
                            index_info = gr.HTML("", elem_id="nq-index")
                            refresh = gr.Button("Refresh index", size="sm", elem_id="nq-refresh")
                            build_summary = gr.HTML("", elem_id="nq-build-summary")
            with gr.Tab("Evals", id="evals", elem_id="nq-tab-evals") as evals_page:
                ev = evals_tab.build(evals)

        def respond(question, chat, history, k, show_unverified, answers):
            yield from panel.respond(handlers.respond, question, chat, history, k, show_unverified, answers)

        def new_chat():
            return (*handlers.clear(), {}, gr.update(visible=False))

        inputs = [question, chatbot, history, k, show_unverified, answers]
        outputs = [chatbot, sources, status, history, question, answers]
        question.submit(respond, inputs, outputs, api_name="ask")
        ask.click(respond, inputs, outputs, api_name=False)
        chatbot.example_select(handlers.pick_example, None, question, api_name=False).then(
            respond, inputs, outputs, api_name=False
        )
        clear.click(new_chat, None, outputs + [fb["box"]], api_name=False)
        chatbot.clear(new_chat, None, outputs + [fb["box"]], api_name=False)  # the chat's own trash button
        chatbot.like(panel.rate, [answers], fb["form"] + [fb["current"], answers], api_name=False)
        fb["added"].then(evals.refresh_sets, [ev["set"]], ev["set"], api_name=False)
        evals_page.select(evals.refresh_sets, [ev["set"]], ev["set"], api_name=False)
        refresh.click(handlers.refresh_index, None, [index_info, build_summary], api_name="refresh_index", concurrency_limit=1)
        demo.load(handlers.index_panel, None, index_info, api_name=False)
        demo.load(evals.refresh_sets, [ev["set"]], ev["set"], api_name=False).then(
            evals.show_last, [ev["set"], ev["which"]], ev["shown"], api_name=False
        )

    demo.queue(default_concurrency_limit=2, max_size=32)
    return demo


def launch(demo: gr.Blocks, settings: Settings, prevent_thread_lock: bool = False):
    """Serve ``demo`` with the project's theme and styles; refuses a non-local host without RAG_AUTH."""
    ui.check_bind(settings.host, settings.auth)
    return demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=ui.auth_pair(settings.auth),
        share=False,
        show_error=False,
        quiet=True,
        ssr_mode=False,
        prevent_thread_lock=prevent_thread_lock,
        theme=THEME,
        css=CSS + evals_render.CSS,
    )


def _url(settings: Settings) -> str:
    host = settings.host
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{settings.port}"


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


def _port_message(settings: Settings) -> str:
    return (f"port {settings.port} on {settings.host} is in use (is notesqa already running?); "
            "pick another with --port or RAG_PORT")


def _fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    raise SystemExit(1)


def main(argv=None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s", stream=sys.stderr)
    for noisy in ("sentence_transformers", "transformers", "httpx", "faiss", "bm25s", "gradio", "uvicorn"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore")
    try:
        settings = Settings.load(corpus=args.corpus, index=args.index, model=args.model, host=args.host,
                                 port=args.port, top_k=args.top_k)
        ui.check_bind(settings.host, settings.auth)  # before any slow work
        if port_in_use(settings.host, settings.port):
            _fail(_port_message(settings))
        from rag.pipeline import Pipeline

        pipeline = Pipeline(settings)
        print("notesqa: loading models and index…", flush=True)
        pipeline.answerer()  # load now so the first question is fast (builds the index if missing)
        demo = create_app(pipeline)
        try:
            launch(demo, settings, prevent_thread_lock=True)
        except OSError as err:
            if "empty port" in str(err):
                _fail(_port_message(settings))
            _fail(f"cannot serve on {settings.host}:{settings.port} ({err})")
    except RagError as err:
        _fail(str(err))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as err:  # a bug: still one line, unless RAG_DEBUG asks for the traceback
        if os.environ.get("RAG_DEBUG"):
            raise
        _fail(f"unexpected {type(err).__name__}: {err} (set RAG_DEBUG=1 for details)")
    print(f"notesqa is running at {_url(settings)}  (Ctrl-C to stop)", flush=True)
    try:
        demo.block_thread()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
