"""Several OpenAI-compatible servers as one generator: each answer goes to the server with the fewest in flight.

For servers that write one answer at a time (llama-cpp-python's server holds a lock per process), a few
processes are how one machine answers several users at once; ``RAG_LLM_URL=http://a/v1,http://b/v1``.
A load balancer in front of a server pool does the same job without this (README "Scaling out").
"""

from __future__ import annotations

import logging
import threading
from dataclasses import replace
from typing import Iterator

from ..errors import ModelError
from .base import GenerationStats
from .remote import OpenAIGenerator

log = logging.getLogger("rag")


class PoolGenerator:
    """Implements :class:`rag.models.Generator` over several :class:`OpenAIGenerator` (same model on each)."""

    def __init__(self, members: list[OpenAIGenerator]):
        self.members = list(members)
        self.busy = [0] * len(self.members)
        self._lock = threading.Lock()
        self.name = f"{self.members[0].name.split(' @ ')[0]} @ {len(self.members)} servers"

    @classmethod
    def from_urls(cls, settings, urls: list[str]) -> "PoolGenerator":
        return cls([OpenAIGenerator(replace(settings, llm_url=url)) for url in urls])

    @property
    def n_ctx(self) -> int:
        return min(m.n_ctx for m in self.members)

    def prompt_tokens(self, system: str, user: str) -> int:
        return self.members[0].prompt_tokens(system, user)

    def _take(self, exclude: set[int]) -> int:
        with self._lock:
            free = [i for i in range(len(self.members)) if i not in exclude]
            pick = min(free, key=lambda i: self.busy[i])
            self.busy[pick] += 1
            return pick

    def stream(
        self, system: str, user: str, max_tokens: int | None = None, stats: GenerationStats | None = None
    ) -> Iterator[str]:
        """The answer from the least busy server; another one is tried when a server fails before writing."""
        tried: set[int] = set()
        while True:
            pick = self._take(tried)
            tried.add(pick)
            wrote = False
            try:
                for piece in self.members[pick].stream(system, user, max_tokens, stats):
                    wrote = True
                    yield piece
                return
            except ModelError as err:
                if wrote or len(tried) == len(self.members):
                    raise
                log.warning("%s; trying another server", err)
            finally:
                with self._lock:
                    self.busy[pick] -= 1
