"""Notice notes edited or removed since the index was built, so that no answer cites lines that moved.

Checked before every question: one ``stat`` per indexed note (size and modification time, recorded at
index time); a file whose stat differs is hashed, and only a changed hash counts (a ``touch`` does not).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from .ingest import MAX_NOTE_BYTES


def _sha256(path: Path) -> str:
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
                same = stat.st_size <= MAX_NOTE_BYTES and _sha256(Path(path)) == digest
            except OSError:  # removed, or no longer readable
                out.append(name)
                continue
            if same:  # touched, not edited: remember the new stat so it is hashed once
                self._known[name] = (stat.st_size, stat.st_mtime_ns, digest)
            else:
                out.append(name)
        return sorted(out)
