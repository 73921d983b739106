"""The Gradio page: :func:`create_app` lays out the Blocks (no launch, no model loading, so it is testable),
:func:`launch` serves it. Handlers are in :mod:`rag.web.handlers`, HTML in :mod:`rag.web.render`."""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import gradio as gr  # noqa: E402

from ..config import Settings  # noqa: E402
from ..ingest import NOTE_SUFFIXES  # noqa: E402
from ..models import answer_concurrency  # noqa: E402
from . import render as ui  # noqa: E402
from .sources import sources_placeholder  # noqa: E402
from .auth import auth_pair, check_bind  # noqa: E402
from .handlers import MAX_K, UI, text_of  # noqa: E402,F401  (UI, text_of: the page's public surface)
from .style import CSS  # noqa: E402
from ..turns import ChatFirst  # noqa: E402
from . import evals_tab, feedback_panel  # noqa: E402
from .evals_render import CSS as EVALS_CSS  # noqa: E402

TICK_SECONDS = 2.0  # how often the page asks whether the index is being refreshed (a cheap in-memory check)
# System fonts only: the UI works offline and must not fetch anything from the internet.
THEME = gr.themes.Soft(
    primary_hue="indigo",
    neutral_hue="slate",
    font=("ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Helvetica", "Arial", "sans-serif"),
    font_mono=("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"),
)


def create_app(pipeline_or_settings=None, watch: bool = False) -> gr.Blocks:
    """Build the UI around a Pipeline (or anything with its methods), or Settings to make one. Does not launch.

    ``watch``: refresh the index when notes change on disk (``rag serve`` turns it on).
    """
    if pipeline_or_settings is None or isinstance(pipeline_or_settings, Settings):
        from rag.pipeline import Pipeline

        pipeline = Pipeline(pipeline_or_settings or Settings.load())
    else:
        pipeline = pipeline_or_settings
    handlers = UI(pipeline, watch=watch)
    turns = ChatFirst()  # eval runs wait while a chat question is answered
    panel = feedback_panel.FeedbackPanel(handlers, turns)
    evals = evals_tab.EvalsTab(handlers, turns)
    settings = pipeline.settings
    default_k = max(1, min(MAX_K, int(settings.top_k)))

    with gr.Blocks(title="notesqa — ask your notes", analytics_enabled=False) as demo:
        history = gr.State([])
        answers = gr.State({})  # chat message index -> what that answer was, for Like/Dislike
        generation = gr.State(-1)
        with gr.Column(elem_id="nq-header"):
            title = gr.Markdown("# notesqa\nAnswers only from your notes, each sentence checked against the note it "
                                "cites. Runs entirely on this machine.", elem_id="nq-title")
            context = gr.HTML("", elem_id="nq-context")  # notes folder and model: always visible
            watch_state = gr.HTML("", elem_id="nq-watch")
        with gr.Tabs(elem_id="nq-tabs"):
            with gr.Tab("Chat", id="chat", elem_id="nq-tab-chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3, min_width=420):
                        chatbot = gr.Chatbot(
                            elem_id="nq-chat",
                            label="Chat",
                            show_label=False,
                            height=560,
                            examples=None,  # drawn from the notes in use when the page opens
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
                        sources = gr.HTML(sources_placeholder(), elem_id="nq-sources-box", max_height=620)
                        with gr.Accordion("Settings", open=False, elem_id="nq-settings"):
                            k = gr.Slider(1, MAX_K, value=default_k, step=1, label="Number of sources to search (k)", elem_id="nq-k")
                            show_unverified = gr.Checkbox(
                                value=bool(settings.show_unverified),
                                label="Show unverified sentences (what the model wrote that your notes do not support)",
                                elem_id="nq-show-unverified",
                            )
                        with gr.Accordion("Notes", open=False, elem_id="nq-index-panel"):
                            index_info = gr.HTML("", elem_id="nq-index")
                            upload = gr.File(label="Add notes to this folder (.md, .txt, .pdf, .html)",
                                             file_count="multiple", file_types=list(NOTE_SUFFIXES), elem_id="nq-upload",
                                             height=120)
                            with gr.Row():
                                folder_box = gr.Textbox(label="Notes folder on this machine", value=str(settings.corpus),
                                                        elem_id="nq-folder-path", scale=1, max_lines=1)
                                use_folder = gr.Button("Use this folder", size="sm", scale=0, min_width=130,
                                                       elem_id="nq-use-folder")
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
        refresh.click(handlers.refresh_index, None, [index_info, build_summary], api_name="refresh_index",
                      concurrency_limit=1, concurrency_id="index")
        page = [title, context, chatbot, index_info, watch_state, folder_box]
        demo.load(handlers.page, None, page, api_name=False)
        upload.upload(handlers.upload, upload, [*page, build_summary], api_name=False, concurrency_limit=1,
                      concurrency_id="index").then(lambda: None, None, upload, api_name=False)
        use_folder.click(handlers.use_folder, folder_box, [*page, build_summary], api_name=False, concurrency_limit=1,
                         concurrency_id="index")
        folder_box.submit(handlers.use_folder, folder_box, [*page, build_summary], api_name=False,
                          concurrency_limit=1, concurrency_id="index")
        gr.Timer(TICK_SECONDS).tick(handlers.tick, generation, [*page, generation], api_name=False,
                                    show_progress="hidden", queue=False)
        demo.load(evals.refresh_sets, [ev["set"]], ev["set"], api_name=False).then(
            evals.show_last, [ev["set"], ev["which"]], ev["shown"], api_name=False
        )

    # a remote model answers RAG_CONCURRENCY sessions at once; the in-process one keeps its lock (rag/models)
    demo.queue(default_concurrency_limit=answer_concurrency(settings), max_size=32)
    return demo


def launch(demo: gr.Blocks, settings: Settings, prevent_thread_lock: bool = False):
    """Serve ``demo`` with the project's theme and styles; refuses a non-local host without RAG_AUTH."""
    check_bind(settings.host, settings.auth)
    one_line_request_errors()
    return demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=auth_pair(settings.auth),
        share=False,
        show_error=False,
        quiet=True,
        ssr_mode=False,
        prevent_thread_lock=prevent_thread_lock,
        theme=THEME,
        css=CSS + EVALS_CSS,
    )


def one_line_request_errors() -> None:
    """Gradio prints a full traceback for every request it rejects (a payload that fails validation); the server
    log gets one line per rejected request instead. RAG_DEBUG=1 keeps the tracebacks."""
    import logging
    import sys
    import traceback

    if os.environ.get("RAG_DEBUG"):
        return

    class _OneLine:
        def __getattr__(self, name):
            return getattr(traceback, name)

        @staticmethod
        def print_exc(*args, **kwargs):
            err = sys.exc_info()[1]
            lines = [line.strip() for line in str(err or "").splitlines() if line.strip()]
            first = " / ".join(lines[:3])
            cause = err.__cause__ if err is not None else None
            detail = f" ({type(cause).__name__}: {str(cause).splitlines()[0][:200]})" if cause and str(cause) else ""
            logging.getLogger("rag").warning("rejected a request: %s%s", (first or type(err).__name__)[:300], detail)

    from gradio import queueing, route_utils, utils

    for module in (queueing, route_utils, utils):
        if getattr(module, "traceback", None) is traceback:
            module.traceback = _OneLine()
