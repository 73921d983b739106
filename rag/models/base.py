"""What the answer stage needs from a model: the Generator protocol and the stats a generation fills in."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol, runtime_checkable

MIN_ANSWER_TOKENS = 16  # a prompt is cut so that the model always has at least this much room to answer


@dataclass
class GenerationStats:
    """Filled in by :meth:`Generator.stream` while it runs; read by the answerer for timings."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    first_token_ms: float = 0.0
    total_ms: float = 0.0


@runtime_checkable
class Generator(Protocol):
    """A model backend: in-process GGUF (rag/models/gguf.py), an OpenAI-compatible server, or a test fake.

    The answerer builds the prompt, fits it into ``n_ctx`` with ``prompt_tokens`` and verifies what
    ``stream`` yields; a backend only writes text. Errors are raised as :class:`rag.errors.ModelError`.
    """

    name: str  # shown with answers ("SmolLM2-135M-Instruct-Q4_1.gguf", "qwen2.5:7b @ http://...")

    @property
    def n_ctx(self) -> int:
        """Context window in tokens (prompt plus answer)."""
        ...

    def prompt_tokens(self, system: str, user: str) -> int:
        """Tokens the prompt will take, template overhead included (an estimate is fine if it errs high)."""
        ...

    def stream(
        self, system: str, user: str, max_tokens: int | None = None, stats: GenerationStats | None = None
    ) -> Iterator[str]:
        """Yield the answer's text pieces as they are written; fill ``stats`` if given."""
        ...
