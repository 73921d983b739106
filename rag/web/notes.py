"""The note viewer's file access: read a note only from inside the notes folder, cached."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import CorpusError
from ..ingest import NOTE_SUFFIXES, read_note


def safe_note_path(corpus: Path, name: str) -> Path:
    """The file ``name`` (relative, '/'-separated) inside ``corpus``; CorpusError for anything else."""
    name = "" if name is None else str(name)
    if not name.strip() or "\x00" in name:
        raise CorpusError("no note named; cannot show this source")
    if (
        PurePosixPath(name).is_absolute()
        or PureWindowsPath(name).is_absolute()
        or name.startswith(("/", "\\", "~"))
        or re.match(r"^[A-Za-z]:", name)
    ):
        raise CorpusError(f"{name!r} is not a note in your notes folder (absolute paths are not allowed)")
    parts = re.split(r"[\\/]+", name)
    if any(part == ".." for part in parts):
        raise CorpusError(f"{name!r} is not a note in your notes folder ('..' is not allowed)")
    try:
        root = Path(corpus).resolve()
        path = (root / name).resolve()
        inside = path.is_relative_to(root)
        is_file = inside and path.is_file()
    except (OSError, RuntimeError):  # a name too long for the file system, a symlink loop
        raise CorpusError(f"{name[:80]!r} is not a readable note in your notes folder") from None
    if not inside:
        raise CorpusError(f"{name!r} points outside your notes folder")
    if path.suffix.lower() not in NOTE_SUFFIXES:
        raise CorpusError(f"{name!r} is not a note (.md, .txt, .pdf or .html)")
    if not is_file:
        raise CorpusError(f"note {name!r} is no longer in your notes folder; refresh the index")
    return path


class NoteReader:
    """Reads notes through :func:`read_note`, cached by file size and modification time."""

    def __init__(self, corpus: Path, capacity: int = 32):
        self.corpus = Path(corpus)
        self.capacity = capacity
        self._cache: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()

    def lines(self, name: str) -> list[str]:
        return self.note(name).lines

    def pages(self, name: str) -> list[int]:
        """First line of each page of a PDF note ([] for other notes)."""
        return self.note(name).pages

    def note(self, name: str):
        path = safe_note_path(self.corpus, name)
        try:
            stat = path.stat()
        except OSError:  # removed since it was checked
            raise CorpusError(f"note {name!r} is no longer in your notes folder; refresh the index") from None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        # read_note wants a path under the corpus folder as given; resolve both the same way
        note = read_note(path, self.corpus.resolve())
        with self._lock:
            self._cache[key] = note
            while len(self._cache) > self.capacity:
                self._cache.popitem(last=False)
        return note


