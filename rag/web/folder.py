"""The notes folder behind the web UI: switch folders, save uploads into it, watch it and refresh the index.

One :class:`NotesFolder` per server. Switching folders makes a new Pipeline (its own index, by construction)
that shares the loaded models. A watcher thread (watchfiles) refreshes the index incrementally when notes
change on disk; :attr:`NotesFolder.state` tells the page whether a refresh is running.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorpusError, RagError
from ..ingest import MAX_NOTE_BYTES, NOTE_SUFFIXES

log = logging.getLogger("rag")

WATCH_DEBOUNCE_MS = 800  # an editor's save is often several writes (temp file, rename, chmod): one refresh for all


@dataclass
class WatchState:
    refreshing: bool = False
    reason: str = ""  # what started the refresh: "notes changed on disk: a.md" / "upload" / "new folder"
    last_stats: object = None
    last_error: str = ""
    last_finished: float = 0.0
    skipped: dict[str, str] = field(default_factory=dict)  # file -> why the last build skipped it
    generation: int = 0  # bumps after every refresh, so the page knows to redraw


def _skipped(warnings: list[str]) -> dict[str, str]:
    """``{file: reason}`` for the build warnings that skipped a whole file ("x.pdf: ...; skipped")."""
    out = {}
    for warning in warnings or []:
        if warning.endswith("skipped") and ":" in warning:
            name, _, reason = warning.partition(": ")
            out[name] = reason.removesuffix("; skipped").removesuffix(", skipped")
    return out


def safe_upload_name(name: str) -> str:
    """The file name to save an upload under: its base name, checked; CorpusError names what is wrong."""
    base = re.split(r"[\\/]", str(name or ""))[-1].strip()
    if not base or base.startswith(".") or "\x00" in base:
        raise CorpusError(f"{name!r} is not a usable file name for a note")
    if Path(base).suffix.lower() not in NOTE_SUFFIXES:
        allowed = ", ".join(NOTE_SUFFIXES)
        raise CorpusError(f"{base}: not a note format notesqa reads ({allowed})")
    return base


class FolderPanel:
    """A part of the UI that works on the notes folder in use (a :class:`NotesFolder`): its pipeline and
    settings are read through ``notes`` each time, so a folder switch moves the panel with it."""

    def __init__(self, notes, turns=None):
        self.notes = notes
        self.turns = turns  # rag.turns.ChatFirst: chat questions go before eval items

    @property
    def pipeline(self):
        return self.notes.pipeline

    @property
    def settings(self):
        return self.pipeline.settings


class NotesFolder:
    """The current notes folder, its pipeline, uploads and the watcher."""

    def __init__(self, pipeline, watch: bool = True):
        self.pipeline = pipeline
        self.state = WatchState()
        self.watch_enabled = watch
        self._lock = threading.RLock()
        self._stop: threading.Event | None = None
        self._thread: threading.Thread | None = None

    @property
    def settings(self):
        return self.pipeline.settings

    @property
    def folder(self) -> Path:
        return Path(self.settings.corpus)

    # -- refreshing ------------------------------------------------------------------------------
    def refresh(self, reason: str, progress: bool = False):
        """Build the index incrementally (only changed notes are embedded) and load it; returns BuildStats."""
        with self._lock:
            self.state.refreshing, self.state.reason = True, reason
            try:
                stats = self.pipeline.build(progress=progress)
                self.pipeline.answerer()  # load now, so the next question does not wait for it
                self.state.last_stats, self.state.last_error = stats, ""
                self.state.skipped = _skipped(getattr(stats, "warnings", []))
                return stats
            except RagError as err:
                self.state.last_error = str(err)
                raise
            finally:
                self.state.refreshing = False
                self.state.last_finished = time.time()
                self.state.generation += 1

    # -- uploads ---------------------------------------------------------------------------------
    def save_uploads(self, paths: list[str | Path], names: list[str] | None = None) -> list[str]:
        """Copy uploaded files into the notes folder (never outside it, never over another note)."""
        saved = []
        for i, source in enumerate(paths):
            source = Path(source)
            base = safe_upload_name((names or [])[i] if names and i < len(names) else source.name)
            size = source.stat().st_size
            if size > MAX_NOTE_BYTES:
                raise CorpusError(f"{base}: {size // 1_000_000} MB is too large for a note (limit 20 MB)")
            target = self.folder / base
            stem, suffix, n = target.stem, target.suffix, 2
            while target.exists():  # keep both: "notes (2).md"
                target = self.folder / f"{stem} ({n}){suffix}"
                n += 1
            target.write_bytes(source.read_bytes())
            saved.append(target.name)
        return saved

    # -- switching folders -----------------------------------------------------------------------
    def switch(self, folder: str | Path):
        """Use another notes folder: its own index (built or refreshed now), the same loaded models."""
        from ..pipeline import Pipeline

        path = Path(str(folder or "").strip()).expanduser()
        if not str(folder or "").strip():
            raise CorpusError("type the path of a notes folder on this machine")
        if not path.is_absolute():
            raise CorpusError(f"{folder!r}: give the full path of the folder (e.g. /home/me/notes)")
        if not path.is_dir():
            raise CorpusError(f"{path} is not a folder on this machine")
        old = self.pipeline
        # index=None: the new folder's own index, never the old one's (even when --index was given)
        settings = dataclasses.replace(old.settings, corpus=path.resolve(), index=None)
        with self._lock:
            self.pipeline = Pipeline(settings, embedder=old.embedder, generator=old.generator)
            self.state = WatchState()
        self.restart_watch()
        return self.refresh("new folder")

    # -- watching --------------------------------------------------------------------------------
    def start_watch(self) -> bool:
        """Watch the folder in a thread; False when watchfiles is missing (the page offers Refresh then)."""
        if not self.watch_enabled:
            return False
        try:
            import watchfiles
        except ImportError:
            log.warning("watchfiles is not installed: edits are picked up by the Refresh button "
                        "(pip install 'notesqa[ui]' to refresh on its own)")
            self.watch_enabled = False
            return False
        stop = threading.Event()
        folder = self.folder
        self._stop = stop

        def is_note(change, path: str) -> bool:
            rel = Path(path)
            return rel.suffix.lower() in NOTE_SUFFIXES and not any(p.startswith(".") for p in rel.parts[-3:])

        def run():
            try:
                for changes in watchfiles.watch(folder, watch_filter=is_note, stop_event=stop,
                                                debounce=WATCH_DEBOUNCE_MS, raise_interrupt=False):
                    if stop.is_set():
                        break
                    names = sorted({Path(p).name for _, p in changes})
                    try:
                        self.refresh("notes changed on disk: " + ", ".join(names[:5]))
                    except RagError as err:
                        log.warning("refreshing the index after a change failed: %s", err)
            except Exception as err:  # a vanished folder ends the watch; the page still offers Refresh
                log.warning("stopped watching %s (%s)", folder, err)

        self._thread = threading.Thread(target=run, name="notesqa-watch", daemon=True)
        self._thread.start()
        return True

    def stop_watch(self) -> None:
        if self._stop is not None:
            self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._stop = self._thread = None

    def restart_watch(self) -> None:
        if self._thread is not None:
            self.stop_watch()
            self.start_watch()

    @property
    def watching(self) -> bool:
        return self._thread is not None and self._thread.is_alive()
