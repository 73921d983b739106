"""Chat first: background work that uses the model (an eval run) waits while anyone is being answered.

The model answers one prompt at a time (rag/models/gguf.py holds a lock), so an eval of 100 questions started
from the browser would otherwise take turns with people chatting. A chat marks itself with :meth:`chat`;
the eval calls :meth:`wait_for_turn` before each question, so a question asked mid-run waits for at most
the one eval item already in flight (about a second on the default model).
"""

from __future__ import annotations

import itertools
import threading
import time
from contextlib import contextmanager

# A chat that never ended (a client that vanished mid-stream without closing it) stops counting after this.
MAX_CHAT_SECONDS = 300.0
POLL_SECONDS = 0.1


class Stopped(Exception):
    """The background work was asked to stop while it waited for its turn."""


class ChatFirst:
    def __init__(self, max_chat_seconds: float = MAX_CHAT_SECONDS):
        self._cond = threading.Condition()
        self._chats: dict[int, float] = {}
        self._ids = itertools.count()
        self.max_chat_seconds = max_chat_seconds
        self.waited_seconds = 0.0  # how long background work has waited for chats, in total

    def busy(self) -> bool:
        now = time.monotonic()
        with self._cond:
            return any(now - started < self.max_chat_seconds for started in self._chats.values())

    @contextmanager
    def chat(self):
        """Hold while answering a chat question (a generator may hold it across its yields)."""
        token = next(self._ids)
        with self._cond:
            self._chats[token] = time.monotonic()
        try:
            yield
        finally:
            with self._cond:
                self._chats.pop(token, None)
                self._cond.notify_all()

    def wait_for_turn(self, stop: threading.Event | None = None, on_wait=None) -> None:
        """Return once no chat is being answered; raise :class:`Stopped` if ``stop`` is set meanwhile."""
        started = time.monotonic()
        told = False
        while True:
            if stop is not None and stop.is_set():
                raise Stopped()
            if not self.busy():
                break
            if on_wait is not None and not told:
                on_wait()
                told = True
            with self._cond:
                self._cond.wait(POLL_SECONDS)
        self.waited_seconds += time.monotonic() - started
