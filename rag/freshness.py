"""Whether the live index already holds the notes as they are, decided from its manifest alone.

`rag index` with nothing changed should answer at once: no model, no FAISS, no reading of notes whose
size and modification time match the manifest (a note whose stamp moved is hashed; same bytes, same note).
Anything unusual (no index, other settings, a damaged file, a note the last build skipped) says "not fresh"
and the caller runs the full :func:`rag.store.build_index`, which handles it.
"""

from __future__ import annotations

import hashlib
import json
import time
from pathlib import Path

from .errors import IndexCorruptError, IndexMismatchError
from .ingest import find_notes
from .store import FILES, BuildStats, _current_dir, _sha256, check_compatible, note_stamp


def _note_unchanged(path: Path, entry: dict) -> bool:
    stamp = note_stamp(path)
    if stamp and all(stamp[key] == entry.get(key) for key in stamp):
        return True
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest() == entry.get("sha256")
    except OSError:
        return False


def unchanged_build(settings, embedder_id: str) -> BuildStats | None:
    """Stats of a build that would change nothing (with the notes' warnings as last reported), or None."""
    started = time.perf_counter()
    index_dir, corpus = Path(settings.index), Path(settings.corpus)
    build = _current_dir(index_dir)
    if build is None:
        return None
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
        check_compatible(manifest, settings, embedder_id)
    except (OSError, ValueError, IndexMismatchError, IndexCorruptError):
        return None
    files = manifest.get("files") or {}
    checksums = manifest.get("checksums") or {}
    paths, warnings = find_notes(corpus)  # raises CorpusError for a missing folder, as a build would
    names = {path.relative_to(corpus).as_posix(): path for path in paths}
    if not names or set(names) != set(files) or set(checksums) != set(FILES):
        return None
    if not all(_note_unchanged(path, files[name]) for name, path in names.items()):
        return None
    for name, digest in checksums.items():  # a damaged build is rebuilt by the full path
        file = build / name
        if not file.is_file() or _sha256(file) != digest:
            return None
    for name in names:  # in the order a build reports them
        warnings.extend(files[name].get("warnings") or [])
    chunks = sum(int(info.get("chunks", 0)) for info in files.values())
    return BuildStats(files=len(files), chunks=chunks, embedded=0, reused=chunks, warnings=warnings,
                      seconds=time.perf_counter() - started)
