"""The web UI's event handlers, apart from the layout so that tests call them without a browser."""

from __future__ import annotations

import logging

import gradio as gr

from ..errors import QuestionError, RagError
from ..pipeline import cap_history
from . import render as ui
from .sources import render_sources, sources_placeholder
from .notes_ui import NotesPanel

log = logging.getLogger("rag")

MAX_K = 8
MAX_CHAT_MESSAGES = 40  # messages a request may carry back (20 turns); older ones are dropped
MAX_MESSAGE_CHARS = 50_000  # a rendered answer with its markup is a few thousand characters


def cap_chat(chat) -> list:
    """The chat a request sent back, bounded in count and size (a crafted request can send anything)."""
    if not isinstance(chat, (list, tuple)):
        return []
    kept = []
    for message in list(chat)[-MAX_CHAT_MESSAGES:]:
        content = message.get("content") if isinstance(message, dict) else getattr(message, "content", None)
        if len(str(content)) > MAX_MESSAGE_CHARS:
            message = {"role": "assistant", "content": ui.render_error("an earlier message was too long to keep")}
        kept.append(message)
    return kept


def parse_k(value, default: int, most: int) -> int:
    """The number of sources a request asks for, within 1..most; a value that is not a number is refused."""
    if value is None or value == "":
        value = default
    try:
        number = int(float(value))
    except (TypeError, ValueError, OverflowError):
        raise QuestionError(f"the number of sources must be a number from 1 to {most}, not {str(value)[:40]!r}") from None
    return max(1, min(most, number))




def text_of(message) -> str:
    """The text of a chat message as Gradio hands it back (str content or a list of parts)."""
    content = message.get("content") if isinstance(message, dict) else getattr(message, "content", "")
    if isinstance(content, list):
        return " ".join(str(p.get("text", "")) if isinstance(p, dict) else str(getattr(p, "text", "")) for p in content)
    return str(content or "")


def _role(message) -> str:
    return message.get("role") if isinstance(message, dict) else getattr(message, "role", "")


class UI(NotesPanel):
    """The event handlers, separate from the layout so they can be tested without a browser.

    ``pipeline``, ``settings`` and ``reader`` follow the notes folder in use (:class:`NotesPanel`).
    """

    def __init__(self, pipeline, watch: bool = False):
        NotesPanel.__init__(self, pipeline, watch)

    def respond(self, question, chat, history, k, show_unverified, keep: dict | None = None):
        """Stream one answer: (chat, sources html, status html, history, textbox value) after each step.

        ``keep``, when given, receives the settled Answer under "answer" (for feedback on it).
        """
        chat = cap_chat(chat)  # a crafted request can send any chat and history: bounded like the question
        history = cap_history(history)
        if isinstance(question, str):  # a crafted request can carry lone surrogates, which no tokenizer takes
            question = question.encode("utf-8", "replace").decode("utf-8")
        typed = (question or "").strip()
        turn = sum(1 for m in chat if _role(m) == "user") + 1
        if typed:
            chat.append({"role": "user", "content": ui.render_question(typed)})
        chat.append({"role": "assistant", "content": ui.render_draft("")})
        pipeline, reader = self.pipeline, self.reader  # the folder in use when the question was asked
        placeholder = sources_placeholder("Searching your notes…")
        yield list(chat), placeholder, ui.status_html("Searching your notes…", "working", turn), history, ""
        try:
            k = parse_k(k, self.settings.top_k, MAX_K)
            raw, tokens, answer = "", 0, None
            for kind, value in pipeline.ask_stream(question or "", history=history, k=k):
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
            log.warning("rejected a question: %s", err)  # one line in the server log, never a traceback
            chat[-1] = {"role": "assistant", "content": ui.render_error(err)}
            yield chat, sources_placeholder(), ui.status_html(ui.esc(err), "error-state", turn), history, ""
            return
        except Exception as err:  # a bug: one friendly line in the chat, details in the server log
            log.exception("answering %r failed", typed)
            message = f"something went wrong ({type(err).__name__}); please try again"
            chat[-1] = {"role": "assistant", "content": ui.render_error(message)}
            yield chat, sources_placeholder(), ui.status_html("error", "error-state", turn), history, ""
            return
        history.append(answer.standalone or typed)
        if keep is not None:
            keep["answer"] = answer
        chat[-1] = {"role": "assistant", "content": ui.render_answer(answer, bool(show_unverified))}
        sources = render_sources(answer, reader)
        yield chat, sources, ui.render_status(answer, typed, turn), history, ""

    def pick_example(self, evt: gr.SelectData):
        value = evt.value
        return value.get("text", "") if isinstance(value, dict) else str(value or "")

    def clear(self):
        return [], sources_placeholder(), ui.status_html("", "idle", 0), [], ""

    def refresh_index(self, progress=gr.Progress(track_tqdm=True)):
        progress(0.05, desc="Reading notes")
        try:
            stats = self.notes.refresh("Refresh button", progress=True)
            progress(0.95, desc="Loaded the new index")
        except RagError as err:
            return self.index_panel(), f'<div class="nq-build-warn">{ui.esc(err)}</div>'
        return self.index_panel(), ui.render_build(stats)
