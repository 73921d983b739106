"""Model backends behind one protocol, and the factory that picks one from the settings.

``RAG_BACKEND=auto`` (the default) runs the GGUF in-process unless ``RAG_LLM_URL`` names an
OpenAI-compatible server. Backends are looked up in :data:`BACKENDS`; :func:`register_backend` adds one
(the tests register their fake this way instead of patching imports). Nothing heavy is imported here.
"""

from __future__ import annotations

from typing import Callable

from ..errors import ConfigError
from .base import MIN_ANSWER_TOKENS, GenerationStats, Generator

__all__ = ["BACKENDS", "GenerationStats", "Generator", "MIN_ANSWER_TOKENS", "answer_concurrency", "backend_name",
           "load_generator", "register_backend"]

# In-process, the model's lock lets one answer be written at a time; a second request retrieves meanwhile.
IN_PROCESS_CONCURRENCY = 2

Factory = Callable[[object], Generator]  # settings -> a ready generator (raises ModelError when it cannot be)


def _gguf(settings) -> Generator:
    from .gguf import GgufGenerator

    return GgufGenerator(settings)


def _openai(settings) -> Generator:
    urls = [u.strip() for u in (getattr(settings, "llm_url", None) or "").split(",") if u.strip()]
    if len(urls) > 1:  # several servers: each answer goes to the least busy one
        from .pool import PoolGenerator

        return PoolGenerator.from_urls(settings, urls)
    from .remote import OpenAIGenerator

    return OpenAIGenerator(settings)


BACKENDS: dict[str, Factory] = {"gguf": _gguf, "openai": _openai}


def register_backend(name: str, factory: Factory) -> None:
    """Make ``RAG_BACKEND=name`` build its generator with ``factory(settings)``."""
    BACKENDS[name] = factory


def backend_name(settings) -> str:
    """The backend the settings ask for, with ``auto`` resolved (remote when a server URL is set)."""
    choice = (getattr(settings, "backend", "auto") or "auto").strip().lower()
    if choice == "auto":
        return "openai" if getattr(settings, "llm_url", None) else "gguf"
    return choice


def check_backend(name: str) -> None:
    """Refuse an unknown backend name with the list of known ones."""
    if name.strip().lower() != "auto" and name.strip().lower() not in BACKENDS:
        known = ", ".join(["auto", *sorted(BACKENDS)])
        raise ConfigError(f"unknown model backend {name!r}; set RAG_BACKEND (or --backend) to one of: {known}")


def load_generator(settings) -> Generator:
    """The generator the settings ask for, loaded (a GGUF read into memory, a server's model checked)."""
    name = backend_name(settings)
    check_backend(name)
    return BACKENDS[name](settings)


def answer_concurrency(settings) -> int:
    """How many answers the UI and the API work on at once: RAG_CONCURRENCY when a server writes them."""
    return IN_PROCESS_CONCURRENCY if backend_name(settings) == "gguf" else settings.concurrency
