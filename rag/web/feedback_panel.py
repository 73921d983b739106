"""Feedback in the chat: Like / Dislike on every answer, a note, and "Add to my eval set".

The chat keeps, per browser session, what each answer was (question, answer, citations, model, index version)
in a ``gr.State`` keyed by the message's place in the chat; a Like or Dislike stores that record append-only
(:mod:`rag.feedback`) and opens a small form that turns the answer into an item of the user's own eval set,
validated by :mod:`rag.evalset` exactly as the shipped sets are.
"""

from __future__ import annotations

import re

import gradio as gr

from .. import evalset
from ..errors import RagError
from ..feedback import FeedbackStore, answer_record, feedback_path, index_version
from ..markup import LEAD_MARK
from .folder import FolderPanel
from .render import esc, one_line

ANSWER_KINDS = [k for k in evalset.KINDS if k != "unanswerable"]
_AMOUNT = re.compile(r"(?<![\w.])\d[\d,.]*\d?\s?(?:%|[A-Za-z]+\b)")  # "30 seconds", "256 KB", "99.9%"


def prefill_facts(quotes: list[str]) -> list[str]:
    """Must-include facts from cited quotes: the amounts in them ("30 seconds"), else the quoted line itself.

    Both are words of the note, so they pass the grounding check; the user edits them before adding.
    """
    facts: list[str] = []
    for quote in quotes:
        line = LEAD_MARK.sub("", first_line(quote))
        found = [m.group(0).strip() for m in _AMOUNT.finditer(line)]
        for fact in found or ([line] if line else []):
            if fact not in facts:
                facts.append(fact)
    return facts


def first_line(quote: str) -> str:
    return next((ln.strip() for ln in (quote or "").splitlines() if ln.strip()), "")


def _result(text: str, ok: bool) -> str:
    return f'<div class="nq-fb-result {"nq-fb-ok" if ok else "nq-src-warn"}">{esc(text)}</div>'


class FeedbackPanel(FolderPanel):
    """Handlers: remember answers, rate one, save a note, add it to the user's eval set."""

    @property
    def store(self) -> FeedbackStore:
        return FeedbackStore(feedback_path(self.settings))

    def respond(self, base_respond, question, chat, history, k, show_unverified, answers):
        """The chat's respond (chat first for the model), also keeping a record of the settled answer."""
        answers = dict(answers or {})
        keep: dict = {}
        guard = self.turns.chat() if self.turns is not None else _nothing()
        with guard:
            for step in base_respond(question, chat, history, k, show_unverified, keep=keep):
                if "answer" in keep and "kept" not in keep:
                    keep["kept"] = True
                    record = answer_record(keep["answer"], version=index_version(self.pipeline))
                    record["nearest_files"] = [n.get("file") for n in keep["answer"].nearest or [] if n.get("file")]
                    answers[str(len(step[0]) - 1)] = record
                yield (*step, answers)

    def rate(self, answers, evt: gr.LikeData):
        """Store a Like/Dislike of the clicked answer and open the form, prefilled from that answer."""
        index = evt.index[0] if isinstance(evt.index, (list, tuple)) else evt.index
        record = (answers or {}).get(str(index))
        if record is None:
            return self._closed(answers, "This message cannot be rated (it is not a settled answer).")
        rating = "like" if evt.liked is True else "dislike" if evt.liked is False else str(evt.liked or "") or None
        answers = dict(answers)
        try:
            fid = self.store.rate({k: v for k, v in record.items() if k not in ("feedback_id", "nearest_files")},
                                  rating if rating in ("like", "dislike") else None, feedback_id=record.get("feedback_id"))
        except RagError as err:
            return self._closed(answers, str(err))
        answers[str(index)] = {**record, "feedback_id": fid}
        quotes = [c.get("quote", "") for c in record.get("citations") or []]
        files = list(dict.fromkeys([c["file"] for c in record.get("citations") or []] + record.get("nearest_files", [])))
        cited = list(dict.fromkeys(c["file"] for c in record.get("citations") or []))
        verb = "liked" if rating == "like" else "disliked"
        title = one_line(f'<div class="nq-fb-title">You {verb} the answer to <b>“{esc(record["question"])}”</b>. '
                         'Saved. Add a note, or turn it into a test of your own below.</div>')
        current = {"feedback_id": fid, "record": record}
        return (gr.update(visible=True), title, "", record["question"], bool(record.get("refused")),
                "\n".join(prefill_facts(quotes)), "fact", gr.update(choices=files, value=cited[:1]),
                first_line(quotes[0]) if quotes else "", "", current, answers)

    def _closed(self, answers, message):
        return (gr.update(visible=True), _result(message, False), "", "", False, "", "fact", gr.update(choices=[], value=[]),
                "", "", None, answers)

    def save_note(self, current, note):
        if not current:
            return _result("Rate an answer first (the thumbs under it).", False)
        if not str(note or "").strip():
            return _result("Type a note first.", False)
        try:
            self.store.add_note(current["feedback_id"], note)
        except RagError as err:
            return _result(str(err), False)
        return _result("Note saved with your feedback.", True)

    def add_item(self, current, question, refuse, facts, kind, sources, evidence):
        """Add the rated answer to the user's eval set; returns (message, item id or '')."""
        if not current:
            return _result("Rate an answer first (the thumbs under it).", False), ""
        if refuse:
            item = {"question": question.strip(), "answerable": False, "sources": [], "evidence": "", "must_include": [],
                    "kind": "unanswerable"}
        else:
            evidence = (evidence or "").strip()
            sources = list(sources or [])
            owner = next((c["file"] for c in current["record"].get("citations") or [] if evidence and evidence in c.get("quote", "")), None)
            if owner in sources:  # the evidence's own note goes first: it is looked up there
                sources = [owner] + [s for s in sources if s != owner]
            item = {"question": (question or "").strip(), "answerable": True, "sources": sources, "evidence": evidence,
                    "must_include": [f.strip() for f in str(facts or "").splitlines() if f.strip()], "kind": kind or "fact"}
        item["from_feedback"] = current["feedback_id"]
        path = evalset.user_set_path(self.settings)
        try:
            added = evalset.add_user_item(path, item, self.settings.corpus)
            self.store.mark_added(current["feedback_id"], added["id"])
        except RagError as err:
            return _result(str(err), False), ""
        return _result(f"Added as {added['id']} to your eval set ({path}). Run it in the Evals tab.", True), added["id"]


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def build(panel: FeedbackPanel) -> dict:
    """The form under the chat (hidden until an answer is rated); returns its components."""
    current = gr.State(None)
    with gr.Group(visible=False, elem_id="nq-fb") as box:
        title = gr.HTML("", elem_id="nq-fb-title")
        with gr.Row(equal_height=True):
            note = gr.Textbox(placeholder="Optional note, e.g. “wrong number”, “should have refused”", show_label=False,
                              container=False, scale=4, elem_id="nq-fb-note", max_lines=3)
            save = gr.Button("Save note", size="sm", scale=0, min_width=100, elem_id="nq-fb-save")
        with gr.Accordion("Add to my eval set", open=True, elem_id="nq-fb-add"):
            question = gr.Textbox(label="Question", elem_id="nq-fb-question", max_lines=3)
            refuse = gr.Checkbox(label="Should refuse (the answer is not in my notes)", elem_id="nq-fb-refuse")
            facts = gr.Textbox(label="Must include (one fact per line; alternatives separated by |)", lines=3,
                               elem_id="nq-fb-facts")
            with gr.Row():
                kind = gr.Dropdown(ANSWER_KINDS, value="fact", label="Kind of question", elem_id="nq-fb-kind", scale=1)
                sources = gr.CheckboxGroup([], label="Notes that hold the answer", elem_id="nq-fb-sources", scale=3)
            evidence = gr.Textbox(label="Evidence (a line quoted from the first note)", elem_id="nq-fb-evidence", max_lines=2)
            add = gr.Button("Add to my eval set", variant="primary", size="sm", elem_id="nq-fb-addbtn")
        result = gr.HTML("", elem_id="nq-fb-result")
    save.click(panel.save_note, [current, note], result, api_name=False)
    added_id = gr.State("")
    event = add.click(panel.add_item, [current, question, refuse, facts, kind, sources, evidence], [result, added_id], api_name=False)
    return {"box": box, "current": current, "added": event, "form": [box, title, note, question, refuse, facts, kind, sources, evidence, result]}
