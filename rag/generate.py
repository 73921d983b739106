"""Compatibility only: the in-process backend moved to rag/models/ (import from rag.models instead).

Kept while branches written against the old module merge; remove once nothing imports ``rag.generate``.
"""

from .models.base import MIN_ANSWER_TOKENS, GenerationStats  # noqa: F401
from .models.gguf import GgufGenerator as Generator, default_threads, resolve_model  # noqa: F401
