"""What notesqa is working with: notes folder, its index, model and settings (for `rag info` and the UI's
Notes panel). Reads only the index manifest, never the vectors, so it answers in milliseconds."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import CorpusError, RagError


@dataclass
class NoteFile:
    """One file of the notes folder as the panel lists it."""

    name: str  # relative, '/'-separated
    size: int
    modified: float  # mtime, seconds since the epoch
    chunks: int | None = None  # None: not in the index (new, changed since, or skipped)
    skipped: str = ""  # why the last build skipped it


def read_manifest(index_dir: Path) -> dict | None:
    """The live build's manifest, or None when there is no readable index."""
    from .store import live_build

    build = live_build(Path(index_dir))
    if build is None:
        return None
    try:
        return json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def model_label(settings) -> str:
    """The model setting and the file (or server) it resolves to, or why it does not resolve."""
    from .models import backend_name

    backend = backend_name(settings)
    if backend != "gguf":
        server = getattr(settings, "llm_url", None)
        return f"{settings.model} via the {backend} backend" + (f" at {server}" if server else "")
    from .models.gguf import resolve_model

    try:
        return f"{settings.model} ({resolve_model(settings.model)})"
    except RagError as err:
        return f"{settings.model} (unusable: {err})"


def describe(settings, origins: dict[str, str] | None = None) -> dict:
    """Notes folder, index state, model and every setting with where its value came from."""
    origins = origins or {}
    manifest = read_manifest(settings.index)
    folder = str(Path(settings.corpus).expanduser().resolve())
    index: dict = {"path": str(settings.index)}
    if manifest is None:
        index["state"] = "not built yet (`rag index` builds it; `rag ask` builds it on first use)"
    elif manifest.get("corpus") != folder:
        index["state"] = f"holds another notes folder ({manifest.get('corpus')}); it will not be used for this one"
    else:
        files = manifest.get("files", {}) or {}
        index.update(notes=len(files), chunks=sum(int(f.get("chunks", 0)) for f in files.values()),
                     built_at=str(manifest.get("built_at", "unknown")).replace("T", " ").replace("Z", " UTC"))
    shown = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.name == "auth" and value:
            value = value.split(":", 1)[0] + ":***"
        if f.name == "min_relevance" and value is None:
            from .answer.policy import DEFAULT

            value = f"{DEFAULT.min_relevance:.2f}, on a scale calibrated on the notes"
        shown[f.name] = (value, origins.get(f.name, "default"))
    return {"notes_folder": folder, "index": index, "model": model_label(settings), "settings": shown}


def list_files(settings, manifest: dict | None = None, skipped: dict[str, str] | None = None) -> list[NoteFile]:
    """Every note file in the folder, with its chunks in the index (if indexed) and why it was skipped."""
    from .ingest import find_notes

    try:
        paths, _ = find_notes(Path(settings.corpus))
    except CorpusError:
        return []
    indexed = (manifest or {}).get("files", {}) or {}
    skipped = skipped or {}
    out = []
    root = Path(settings.corpus)
    for path in paths:
        name = path.relative_to(root).as_posix()
        try:
            stat = path.stat()
        except OSError:
            continue
        entry = indexed.get(name)
        out.append(NoteFile(name, stat.st_size, stat.st_mtime, entry.get("chunks") if entry else None,
                            skipped.get(name, "")))
    return out


def age(timestamp: float, now: float | None = None) -> str:
    """'just now', '5 min ago', '3 h ago', '2 days ago'."""
    seconds = max(0.0, (now or time.time()) - timestamp)
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} days ago"
