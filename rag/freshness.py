"""Notice notes edited or removed since the index was built: before a question (so that no answer cites lines
that moved) and for `rag index` (which returns at once when nothing changed).

One ``stat`` per indexed note (size and modification time, recorded at index time); a file whose stat differs
is hashed, and only a changed hash counts (a ``touch`` does not).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from .ingest import MAX_NOTE_BYTES


def sha256_file(path: Path) -> str:
    """SHA-256 of a file, read in 1 MiB blocks (notes and index files alike)."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Freshness:
    """What the index knows of each note (size, mtime, hash), compared with the notes folder on demand."""

    def __init__(self, corpus: Path, files: dict):
        self.corpus = Path(corpus)
        self._known = {name: (info.get("size"), info.get("mtime_ns"), info.get("sha256")) for name, info in files.items()}

    def changed(self) -> list[str]:
        """Indexed notes that were edited or removed since the index was built (sorted)."""
        out = []
        root = str(self.corpus)
        for name, (size, mtime, digest) in self._known.items():
            path = os.path.join(root, name)  # plain strings: a third of the cost of Path objects per note
            try:
                stat = os.stat(path)
                if (stat.st_size, stat.st_mtime_ns) == (size, mtime):
                    continue
                # a note grown past the size limit is not hashed (the refresh skips it with a warning)
                same = stat.st_size <= MAX_NOTE_BYTES and sha256_file(Path(path)) == digest
            except OSError:  # removed, or no longer readable
                out.append(name)
                continue
            if same:  # touched, not edited: remember the new stat so it is hashed once
                self._known[name] = (stat.st_size, stat.st_mtime_ns, digest)
            else:
                out.append(name)
        return sorted(out)


def unchanged_build(settings, embedder_id: str):
    """The :class:`~rag.build.BuildStats` of a build that would change nothing, or None when one is needed.

    Decided from the live build's manifest alone: no model, no FAISS, no reading of notes whose stat matches
    (`rag index` with nothing changed: 7.7 s -> well under 1 s). Anything unusual (no index, other settings,
    a damaged file, a new note, a note the last build skipped) says None, and the full build handles it.
    The notes' warnings are repeated from the manifest, as a build would report them.
    """
    from .errors import IndexCorruptError, IndexMismatchError
    from .ingest import find_notes
    from .build import BuildStats
    from .store import FILES, check_compatible, check_folder, live_build

    started = time.perf_counter()
    index_dir, corpus = Path(settings.index), Path(settings.corpus)
    build = live_build(index_dir)
    if build is None:
        return None
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
        check_folder(manifest, settings, index_dir)  # another notes folder's index: the full path refuses it
        check_compatible(manifest, settings, embedder_id)
    except (OSError, ValueError, IndexMismatchError, IndexCorruptError):
        return None
    files = manifest.get("files") or {}
    checksums = manifest.get("checksums") or {}
    paths, warnings = find_notes(corpus)  # raises CorpusError for a missing folder, as a build would
    names = {path.relative_to(corpus).as_posix(): path for path in paths}
    if not names or set(names) != set(files) or set(checksums) != set(FILES):
        return None
    if any("warnings" not in info for info in files.values()) or Freshness(corpus, files).changed():
        return None
    for name, digest in checksums.items():  # a damaged build is rebuilt by the full path
        file = build / name
        if not file.is_file() or sha256_file(file) != digest:
            return None
    for name in names:  # in the order a build reports them
        warnings.extend(files[name]["warnings"])
    chunks = sum(int(info.get("chunks", 0)) for info in files.values())
    return BuildStats(files=len(files), chunks=chunks, embedded=0, reused=chunks, warnings=warnings,
                      seconds=time.perf_counter() - started)
