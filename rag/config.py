"""One settings object: explicit values, then ``RAG_*`` environment variables, then defaults."""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from .errors import ConfigError

# Models come from pip packages only; never let a library reach for a hub at run time.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

PROJECT_ROOT = Path(__file__).resolve().parents[1]
REPO_CORPUS = PROJECT_ROOT / "corpus"  # the repo's own notes keep their index in the repo's index/
REPO_INDEX = PROJECT_ROOT / "index"
# Context the prompt needs besides the notes: the instructions (~70 tokens), the chat template and a short question.
PROMPT_OVERHEAD_TOKENS = 128


def _env(name: str) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else None


@dataclass(frozen=True)
class Settings:
    """Every knob of the pipeline. Build it with :meth:`load`, never by reading env vars elsewhere."""

    corpus: Path = REPO_CORPUS
    index: Path | None = None  # None: the notes folder's own index (see default_index)
    model: str = "smollm2"  # "smollm2", "gemma3", or a path to any .gguf file
    chunk_tokens: int = 200
    chunk_overlap: int = 30
    top_k: int = 4
    n_ctx: int = 2048
    n_threads: int = 0  # 0 = auto: prompts read on the cores left free (rag/models/cores.py), writing on half
    max_tokens: int = 96
    temperature: float = 0.0
    seed: int = 42
    min_relevance: float | None = None  # None: the answer policy's floor, on a scale the notes calibrate (README "Choosing the refusal threshold")
    show_unverified: bool = False
    host: str = "127.0.0.1"
    port: int = 7860
    auth: str | None = field(default=None, repr=False)
    backend: str = "auto"  # model backend (rag/models): "gguf" in-process, "openai" server, "auto" = by RAG_LLM_URL
    home: Path | None = None  # per-user data folder for indexes; None: click.get_app_dir("notesqa")
    llm_url: str | None = field(default=None, repr=False)  # may hold user:password@; OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1 (rag/models/remote.py)
    llm_model: str | None = None  # model name on that server; unset = the first one it lists
    llm_api_key: str | None = field(default=None, repr=False)  # sent as a bearer token, never logged or shown
    llm_connect_timeout: float = 5.0  # seconds to open a connection to the server
    llm_read_timeout: float = 120.0  # seconds to wait for the next piece of an answer (a big model on CPU is slow)
    concurrency: int = 4  # answers written at once by the UI/API when the model is remote; in-process: one
    api_key: str | None = field(default=None, repr=False)  # what clients of `rag serve --api` send as their key
    user_evals: Path | None = None  # the user's own eval set; default my-evals.jsonl beside the index
    embedder: str = "minilm"  # sentence-embedding model (rag/embed.py EMBEDDERS); an index answers only to its own
    embed_runtime: str = "auto"  # MiniLM on "onnx" (loads in ~0.4 s), "torch" (~6.4 s), or "auto" (onnx if installed)

    # env var name -> field name; one table so docs and code agree.
    ENV = {
        "RAG_CORPUS": "corpus",
        "RAG_INDEX": "index",
        "RAG_MODEL": "model",
        "RAG_CHUNK_TOKENS": "chunk_tokens",
        "RAG_CHUNK_OVERLAP": "chunk_overlap",
        "RAG_TOP_K": "top_k",
        "RAG_N_CTX": "n_ctx",
        "RAG_THREADS": "n_threads",
        "RAG_MAX_TOKENS": "max_tokens",
        "RAG_TEMPERATURE": "temperature",
        "RAG_SEED": "seed",
        "RAG_MIN_RELEVANCE": "min_relevance",
        "RAG_SHOW_UNVERIFIED": "show_unverified",
        "RAG_HOST": "host",
        "RAG_PORT": "port",
        "RAG_AUTH": "auth",
        "RAG_BACKEND": "backend",
        "RAG_HOME": "home",
        "RAG_LLM_URL": "llm_url",
        "RAG_LLM_MODEL": "llm_model",
        "RAG_LLM_API_KEY": "llm_api_key",
        "RAG_LLM_CONNECT_TIMEOUT": "llm_connect_timeout",
        "RAG_LLM_READ_TIMEOUT": "llm_read_timeout",
        "RAG_CONCURRENCY": "concurrency",
        "RAG_API_KEY": "api_key",
        "RAG_USER_EVALS": "user_evals",
        "RAG_EMBEDDER": "embedder",
        "RAG_EMBED_RUNTIME": "embed_runtime",
    }

    def __post_init__(self):
        # Derived, never shared: an index path that is not given belongs to this notes folder alone.
        if self.home is None:
            object.__setattr__(self, "home", app_home())
        if self.index is None:
            object.__setattr__(self, "index", default_index(self.corpus, self.home))

    @classmethod
    def load(cls, **overrides) -> "Settings":
        """Flags (``overrides`` that are not None) win over env vars, which win over defaults."""
        types = {f.name: f.type for f in fields(cls)}
        values: dict = {}
        for env_name, name in cls.ENV.items():
            raw = _env(env_name)
            if raw is not None:
                values[name] = _convert(name, raw, types[name], env_name)
        for name, value in overrides.items():
            if name not in types:
                raise ConfigError(f"unknown setting {name!r}")
            if value is not None:
                values[name] = _convert(name, value, types[name], f"--{name.replace('_', '-')}")
        if "corpus" not in values and not REPO_CORPUS.is_dir():  # an installed copy has no corpus/ of its own
            raise ConfigError("no notes folder given: pass --corpus DIR or set RAG_CORPUS=DIR "
                              "(a folder of .md, .txt, .pdf or .html notes)")
        values.setdefault("index", None)
        values.setdefault("home", None)
        settings = replace(cls(), **values)
        settings.validate()
        return settings

    @classmethod
    def origins(cls, **overrides) -> dict[str, str]:
        """Where each setting's value comes from: "flag", "env RAG_X" or "default" (for `rag info`)."""
        out = {f.name: "default" for f in fields(cls)}
        for env_name, name in cls.ENV.items():
            if _env(env_name) is not None:
                out[name] = f"env {env_name}"
        for name, value in overrides.items():
            if value is not None and name in out:
                out[name] = "flag"
        if out["index"] == "default":
            out["index"] = "default for this notes folder"
        return out

    def validate(self) -> None:
        if self.chunk_tokens < 32:
            raise ConfigError(f"chunk size {self.chunk_tokens} is too small: use at least 32 tokens (RAG_CHUNK_TOKENS)")
        if not 0 <= self.chunk_overlap < self.chunk_tokens // 2:
            raise ConfigError(
                f"chunk overlap {self.chunk_overlap} must be between 0 and half the chunk size (RAG_CHUNK_OVERLAP)"
            )
        if not 1 <= self.top_k <= 20:
            raise ConfigError(f"top_k {self.top_k} must be between 1 and 20 (RAG_TOP_K or -k)")
        if not 1 <= self.port <= 65535:
            raise ConfigError(f"port {self.port} is not a valid TCP port (RAG_PORT or --port)")
        if self.n_ctx < 512:
            raise ConfigError(f"n_ctx {self.n_ctx} is too small: use at least 512 (RAG_N_CTX)")
        if not 1 <= self.max_tokens < self.n_ctx:
            raise ConfigError(f"max_tokens {self.max_tokens} must be at least 1 and below n_ctx {self.n_ctx} (RAG_MAX_TOKENS)")
        room = self.chunk_tokens + PROMPT_OVERHEAD_TOKENS  # at least one chunk of notes must fit beside the answer
        if self.n_ctx - self.max_tokens < room:
            raise ConfigError(
                f"RAG_MAX_TOKENS={self.max_tokens} leaves {self.n_ctx - self.max_tokens} of the model's {self.n_ctx}-token "
                f"context (RAG_N_CTX) for the question and your notes, which need at least {room} (one "
                f"{self.chunk_tokens}-token chunk, the instructions and the question): set RAG_MAX_TOKENS to "
                f"{self.n_ctx - room} or less, or raise RAG_N_CTX"
            )
        if self.n_threads < 0:
            raise ConfigError(f"threads {self.n_threads} must be 0 (all cores) or more (RAG_THREADS)")
        if self.temperature < 0:
            raise ConfigError(f"temperature {self.temperature} must be 0 or more (RAG_TEMPERATURE)")
        if self.min_relevance is not None and not 0 <= self.min_relevance <= 1:
            raise ConfigError(f"min_relevance {self.min_relevance} must be between 0 and 1 (RAG_MIN_RELEVANCE)")
        if self.auth is not None:
            user, colon, password = self.auth.partition(":")
            if not colon or not user.strip() or not password.strip():
                # an empty password would let anyone who guesses the user name in
                raise ConfigError("RAG_AUTH must look like user:password, with a user name and a non-empty password")
        if self.llm_connect_timeout <= 0 or self.llm_read_timeout <= 0:
            raise ConfigError("timeouts must be more than 0 seconds (RAG_LLM_CONNECT_TIMEOUT, RAG_LLM_READ_TIMEOUT)")
        if not 1 <= self.concurrency <= 256:
            raise ConfigError(f"concurrency {self.concurrency} must be between 1 and 256 (RAG_CONCURRENCY)")
        from .embed import check_embedder, check_runtime
        from .models import check_backend  # light: the backends themselves load lazily

        check_backend(self.backend)
        check_embedder(self.embedder)
        check_runtime(self.embed_runtime)

    @property
    def threads(self) -> int:
        return self.n_threads or max(1, os.cpu_count() or 1)


def app_home() -> Path:
    """The per-user folder for notesqa's data (as `llm` does): ~/.config/notesqa on Linux, unless RAG_HOME."""
    import click

    return Path(click.get_app_dir("notesqa"))


def default_index(corpus: Path, home: Path | None = None) -> Path:
    """The index folder of a notes folder: the repo's index/ for its corpus/, else one per folder under home.

    Keyed by the folder's resolved path (its name for people, a hash of the path so two folders with the
    same name never share): ``<home>/indexes/<name>-<12 hex>``.
    """
    root = Path(corpus).expanduser().resolve()
    if root == REPO_CORPUS.resolve():
        return REPO_INDEX
    digest = hashlib.sha256(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:12]
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", root.name).strip("-.")[:40] or "notes"
    return Path(home or app_home()) / "indexes" / f"{name}-{digest}"


def _convert(name: str, raw, typ, source: str):
    typ = str(typ)
    try:
        if "Path" in typ:
            return Path(raw).expanduser()
        if typ == "int":
            return int(raw)
        if typ in ("float", "float | None"):
            return float(raw)
        if typ == "bool":
            if isinstance(raw, bool):
                return raw
            text = str(raw).strip().lower()
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        return str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"{source}={raw!r} is not a valid {typ} for setting {name!r}") from None
