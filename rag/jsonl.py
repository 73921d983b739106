"""Append-only JSONL files (feedback, saved eval runs, the user's eval set): one object per line."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

_lock = threading.Lock()


def append_jsonl(path: Path, obj: dict) -> None:
    """Append ``obj`` as one line, flushed to disk. OSError for the caller to turn into a clear message.

    A line cut short by an earlier crash is closed first, so the damage stays on that one line (readers
    skip it) instead of swallowing the record written after it.
    """
    path = Path(path)
    line = json.dumps(obj, ensure_ascii=False) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock, path.open("a+b") as fh:
        fh.seek(0, os.SEEK_END)
        if fh.tell():
            fh.seek(-1, os.SEEK_END)
            if fh.read(1) != b"\n":
                line = "\n" + line
        fh.write(line.encode("utf-8"))
        fh.flush()
        os.fsync(fh.fileno())
