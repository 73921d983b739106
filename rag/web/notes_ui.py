"""Handlers of the Notes panel and of the parts of the page that depend on the notes in use: header,
example questions, the notes-folder/model line, uploads, picking another folder, the watcher's state."""

from __future__ import annotations

from pathlib import Path

import gradio as gr

from ..errors import RagError
from ..info import read_manifest
from . import panel
from .folder import NotesFolder
from .notes import NoteReader
from .render import esc, render_build


class NotesPanel:
    """Mixed into :class:`rag.web.handlers.UI`: everything that follows the notes folder in use."""

    def __init__(self, pipeline, watch: bool = False):
        self.notes = NotesFolder(pipeline, watch=watch)
        self._reader = NoteReader(Path(pipeline.settings.corpus))
        if watch:
            self.notes.start_watch()

    # the folder in use decides the pipeline, the settings and where sources are read from
    @property
    def pipeline(self):
        return self.notes.pipeline

    @property
    def settings(self):
        return self.notes.pipeline.settings

    @property
    def reader(self) -> NoteReader:
        if Path(self._reader.corpus) != Path(self.settings.corpus):
            self._reader = NoteReader(Path(self.settings.corpus))
        return self._reader

    # -- what the page shows about the notes ------------------------------------------------------
    def _chunks(self):
        try:
            return list(getattr(self.pipeline.retriever().store, "chunks", []) or [])
        except RagError as err:
            self.notes.state.last_error = str(err)  # the Notes panel says why the folder has no index
            return []

    def _manifest(self) -> dict | None:
        manifest = read_manifest(self.settings.index)
        if manifest is not None and manifest.get("corpus") != str(Path(self.settings.corpus).resolve()):
            manifest = None  # another folder's index is never shown as this one's
        if manifest is None:  # no index on disk (or a stand-in pipeline in tests): what the loaded store says
            try:
                manifest = getattr(self.pipeline.retriever().store, "manifest", None)
            except RagError as err:
                self.notes.state.last_error = str(err)
        return manifest


    def _model_name(self) -> str:
        loaded = getattr(self.pipeline, "_generator", None)
        return getattr(loaded, "name", None) or str(self.settings.model)

    def examples(self) -> list[str]:
        return panel.examples(self._chunks())

    def index_panel(self) -> str:
        return panel.render_folder(self.settings, self._manifest(), self.notes.state.skipped,
                                   error=self.notes.state.last_error)

    def page(self):
        """Everything about the notes in use: header, context line, examples, files, watch state, folder box."""
        manifest = self._manifest()
        chunks = self._chunks()
        return (
            panel.header_markdown(self.settings, chunks, manifest),
            panel.context_line(self.settings, self._model_name(), manifest),
            gr.update(examples=[{"text": q} for q in panel.examples(chunks)]),
            panel.render_folder(self.settings, manifest, self.notes.state.skipped, error=self.notes.state.last_error),
            panel.render_watch(self.notes.state, self.notes.watching),
            str(self.settings.corpus),
        )

    def tick(self, seen: int):
        """Timer: redraw the panel when a refresh started or finished since the page last looked."""
        state = self.notes.state
        key = state.generation * 2 + (1 if state.refreshing else 0)
        if key == seen:
            return (gr.skip(),) * 6 + (seen,)
        return (*self.page(), key)

    # -- actions ------------------------------------------------------------------------------------
    def _after(self, stats, message: str = ""):
        summary = render_build(stats) if stats is not None else ""
        if message:
            summary = f'<div class="nq-build-summary">{esc(message)}</div>' + summary
        return (*self.page(), summary)

    def _failed(self, err) -> tuple:
        return (*self.page(), f'<div class="nq-build-warn">{esc(err)}</div>')

    def upload(self, files, progress=gr.Progress(track_tqdm=True)):
        """Save uploaded files into the notes folder and index them (a progress bar while it embeds)."""
        paths = [getattr(f, "name", f) for f in (files or [])]
        if not paths:
            return self._failed("choose one or more note files to upload")
        try:
            saved = self.notes.save_uploads(paths)
            progress(0.05, desc=f"Indexing {len(saved)} new file{'s' if len(saved) != 1 else ''}")
            stats = self.notes.refresh("upload: " + ", ".join(saved), progress=True)
        except RagError as err:
            return self._failed(err)
        return self._after(stats, f"added {', '.join(saved)} to {self.settings.corpus}")

    def use_folder(self, folder, progress=gr.Progress(track_tqdm=True)):
        """Switch to another notes folder on this machine (its own index, built now if it has none)."""
        progress(0.02, desc="Reading the notes folder")
        try:
            stats = self.notes.switch(folder)
        except RagError as err:
            return self._failed(err)
        return self._after(stats, f"now answering from {self.settings.corpus}")
