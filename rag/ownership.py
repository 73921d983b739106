"""Which files in the index folder notesqa made, so that it never deletes or overwrites anything else.

An index folder is ours when it holds the marker file ``.notesqa-index`` (written when notesqa first builds
there), or, for folders built before the marker existed, when ``CURRENT`` names a build folder whose
manifest is ours. A build folder is ours when its name has our prefix *and* it holds the ``.notesqa-build``
marker (written first thing into every new build folder) or an index manifest. Only those are ever removed.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

from .errors import ConfigError

INDEX_MARKER = ".notesqa-index"
BUILD_MARKER = ".notesqa-build"
POINTER = "CURRENT"
POINTER_TMP = ".notesqa-CURRENT.tmp"
BUILD_PREFIXES = ("build-", ".tmp-build-")
_MANIFEST_KEYS = {"format_version", "embedder", "chunker", "files"}


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(Path(path).expanduser()))


def check_index_folder(index_dir: Path, corpus: Path) -> None:
    """Refuse an index folder we could damage: inside the notes, holding the notes, or holding others' files."""
    index, notes = _resolved(index_dir), _resolved(corpus)
    if index == notes or index.is_relative_to(notes):
        raise ConfigError(
            f"the index folder {index_dir} is inside the notes folder {corpus}; notesqa would index its own files "
            "and could overwrite notes: pass --index or set RAG_INDEX to a folder outside the notes"
        )
    if notes.is_relative_to(index):
        raise ConfigError(
            f"the notes folder {corpus} is inside the index folder {index_dir}; pass --index or set RAG_INDEX to a "
            "separate folder (for example one next to the notes)"
        )
    if not index.exists() or not index.is_dir():
        return  # made on first build (a file there is reported when it is created)
    if is_ours(index):
        return
    try:
        entries = sorted(p.name for p in index.iterdir())
    except OSError as err:
        raise ConfigError(f"cannot read the index folder {index_dir} ({err.strerror}); pass --index or set RAG_INDEX") from None
    if entries:
        shown = ", ".join(repr(name) for name in entries[:3]) + (" …" if len(entries) > 3 else "")
        raise ConfigError(
            f"the index folder {index_dir} is not empty and is not a notesqa index (it holds {shown}); notesqa never "
            "deletes files it did not make: pass --index or set RAG_INDEX to an empty or new folder"
        )


def is_ours(index_dir: Path) -> bool:
    """Whether ``index_dir`` is a notesqa index folder (marker file, or an older index with our manifest)."""
    index_dir = Path(index_dir)
    if (index_dir / INDEX_MARKER).is_file():
        return True
    try:
        name = (index_dir / POINTER).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return name.startswith("build-") and "/" not in name and _has_manifest(index_dir / name)


def _has_manifest(build: Path) -> bool:
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return isinstance(manifest, dict) and _MANIFEST_KEYS <= set(manifest)


def claim(index_dir: Path) -> None:
    """Mark ``index_dir`` (already checked by :func:`check_index_folder`) as a notesqa index."""
    marker = Path(index_dir) / INDEX_MARKER
    if not marker.is_file():
        marker.write_text(json.dumps({"made_by": "notesqa", "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}) + "\n")


def mark_build(folder: Path) -> None:
    """The first file in every new build folder: proof that notesqa made it."""
    (Path(folder) / BUILD_MARKER).write_text(Path(folder).name + "\n")


def is_our_build(path: Path) -> bool:
    """A real folder (not a link) with our prefix and our marker (or our manifest)."""
    path = Path(path)
    if not path.name.startswith(BUILD_PREFIXES) or path.is_symlink() or not path.is_dir():
        return False
    return (path / BUILD_MARKER).is_file() or _has_manifest(path)


def point_to(index_dir: Path, name: str) -> None:
    """Make ``CURRENT`` name the build ``name`` (an atomic rename): the commit point of a build."""
    index_dir = Path(index_dir)
    current = index_dir / POINTER
    if current.is_symlink() or (current.exists() and not current.is_file()):
        raise ConfigError(f"{current} is not a file notesqa wrote; move it away and run `rag index` again")
    pointer = index_dir / POINTER_TMP
    pointer.write_text(name + "\n")
    os.replace(pointer, current)


def remove_stale_builds(index_dir: Path, keep: str) -> None:
    """Delete the build folders notesqa made, except ``keep``; anything else is left alone."""
    for entry in Path(index_dir).iterdir():
        if entry.name != keep and is_our_build(entry):
            shutil.rmtree(entry, ignore_errors=True)
