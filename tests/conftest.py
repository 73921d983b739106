"""Shared fixtures: fakes for the embedder and the generator, and session-wide real models and index.

Fast tests use ``FakeEmbedder`` / ``FakeGenerator``. Tests that load all-MiniLM-L6-v2 or the GGUF model
are marked ``@pytest.mark.model`` and share one embedder, one corpus index and one pipeline per session.
Every test writes only under pytest's tmp paths (``RAG_INDEX`` points there too, as a safety net).
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from rag.config import Settings  # noqa: E402
from rag.embed import EmbeddingModel, register_embedder  # noqa: E402
from rag.models import GenerationStats, Generator, register_backend  # noqa: E402
from rag.text import terms, words  # noqa: E402
from rag.tokens import count_tokens  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def run_python(code: str, timeout: float = 120) -> str:
    """Run ``code`` in a new interpreter on this checkout (what a fresh `rag` process imports); its stdout."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=timeout)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


# -- fakes ---------------------------------------------------------------------------------------


class FakeEmbedder(EmbeddingModel):
    """Deterministic hashed bag of (stemmed, stopword-free) words in 64 dims, unit length.

    ``embedded`` counts the texts passed to :meth:`encode` (queries are not counted), so tests can
    tell how much work an index build did.
    """

    id = "test/fake-hashed-bow-64"
    dim = 64

    def __init__(self) -> None:
        self.embedded = 0
        self.calls: list[int] = []  # batch sizes passed to encode

    def _vector(self, text: str) -> np.ndarray:
        vec = np.zeros(self.dim, dtype=np.float32)
        for term in terms(text) or words(text):
            digest = hashlib.sha1(term.encode("utf-8")).digest()
            vec[digest[0] % self.dim] += 1.0 if digest[1] % 2 else -1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm else vec

    def encode(self, texts, progress: bool = False, batch_size: int = 32) -> np.ndarray:
        texts = list(texts)
        self.embedded += len(texts)
        self.calls.append(len(texts))
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self._vector(text)


class FakeGenerator(Generator):
    """Scripted model (a :class:`rag.models.Generator`): replies in order (the last one repeats); a reply may
    be a callable(system, user). Pass it to ``Pipeline(generator=...)`` or select it with ``fake_models``.

    Streams the reply in word pieces and fills a :class:`GenerationStats` like the real generator.
    ``prompts`` records every (system, user) prompt it was given.
    """

    name = "fake-model.gguf"
    instances = 0  # constructor calls, for "models are loaded once" checks

    def __init__(self, settings=None, replies=None, n_ctx: int = 2048) -> None:
        type(self).instances += 1
        self.settings = settings
        self.replies = list(replies) if replies else ["I can't find that in your notes."]
        self._n_ctx = n_ctx
        self.prompts: list[tuple[str, str]] = []

    @property
    def n_ctx(self) -> int:
        return self._n_ctx

    def prompt_tokens(self, system: str, user: str) -> int:
        return count_tokens(system) + count_tokens(user) + 32

    def stream(self, system: str, user: str, max_tokens=None, stats: GenerationStats | None = None):
        stats = stats if stats is not None else GenerationStats()
        started = time.perf_counter()
        self.prompts.append((system, user))
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        text = reply(system, user) if callable(reply) else reply
        stats.prompt_tokens = self.prompt_tokens(system, user)
        for piece in re.findall(r"\S+\s*|\s+", text):
            if stats.completion_tokens == 0:
                stats.first_token_ms = (time.perf_counter() - started) * 1000
            stats.completion_tokens += 1
            yield piece
        stats.total_ms = (time.perf_counter() - started) * 1000

    @property
    def last_user_prompt(self) -> str:
        return self.prompts[-1][1] if self.prompts else ""


# -- helpers -------------------------------------------------------------------------------------


def assert_one_line_error(result, *fragments) -> str:
    """A CLI failure is exactly one line, "error: ...", exit status 1, no traceback, no unexpected error."""
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), result.output
    assert "Traceback" not in result.output and "unexpected" not in lines[0]
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    return lines[0]


def write_notes(folder: Path, notes: dict[str, str]) -> Path:
    """Write ``{relative name: text}`` as UTF-8 notes under ``folder``; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


SMALL_NOTES = {
    "sqs.md": """# SQS

## Retention
- Messages are kept for 4 days by default, up to a maximum of 14 days.
- The message size limit is 256 KB per message.

## Visibility Timeout
- After a consumer polls a message it is hidden from other consumers.
- The default visibility timeout is 30 seconds.
- Call the ChangeMessageVisibility API to get more time.
""",
    "lambda.md": """# Lambda

## Limits
- Lambda functions can run for at most 15 minutes.
- Memory can be set from 128 MB to 10240 MB.

## Triggers
- Lambda can be triggered by S3 events, SQS queues and API Gateway.
""",
    "s3.md": """# S3

## Storage classes
- S3 Standard keeps data in at least three availability zones.
- S3 Glacier Deep Archive is the cheapest class for long term archives.

## Versioning
- Versioning keeps every version of an object in the same bucket.
""",
}


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """Three short notes with known facts (SQS retention and timeout, Lambda limits, S3 classes)."""
    return write_notes(tmp_path / "notes", SMALL_NOTES)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def small_settings(small_corpus, tmp_path) -> Settings:
    return Settings(corpus=small_corpus, index=tmp_path / "index")


@pytest.fixture
def small_retriever(small_settings, fake_embedder):
    """A Retriever over an index of ``small_corpus`` built with the fake embedder."""
    from rag.retrieve import Retriever
    from rag.build import build_index
    from rag.store import Store

    build_index(small_settings, fake_embedder, progress=False)
    store = Store.load(small_settings.index, small_settings, fake_embedder.id)
    return Retriever(store, fake_embedder)


def use_embedder(monkeypatch, factory) -> None:
    """Every pipeline made from settings (the CLI, the app, the UI) embeds with ``factory()``: ``RAG_EMBEDDER=fake``."""
    register_embedder("fake", factory)
    monkeypatch.setenv("RAG_EMBEDDER", "fake")


@pytest.fixture
def fake_models(monkeypatch):
    """Make every Pipeline use FakeEmbedder and FakeGenerator; returns a record of what was built.

    The generator is a registered backend (``RAG_BACKEND=fake``), so the CLI and app.main build it the way
    they build a real one.
    """

    class Record:
        embedders: list[FakeEmbedder] = []
        generators: list[FakeGenerator] = []
        replies: list = ["I can't find that in your notes."]

    record = Record()
    record.embedders, record.generators = [], []

    def make_embedder():
        embedder = FakeEmbedder()
        record.embedders.append(embedder)
        return embedder

    def make_generator(settings):
        generator = FakeGenerator(settings, replies=list(record.replies))
        record.generators.append(generator)
        return generator

    use_embedder(monkeypatch, make_embedder)
    register_backend("fake", make_generator)
    monkeypatch.setenv("RAG_BACKEND", "fake")
    return record


@pytest.fixture(scope="session")
def session_home(tmp_path_factory) -> Path:
    """RAG_HOME for every test: the ONNX export of MiniLM is made once per session, under pytest's tmp."""
    return tmp_path_factory.mktemp("home")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path, session_home):
    """No RAG_* setting leaks in from the caller's shell, a forgotten --index never hits the repo's, and
    nothing is written under the user's own notesqa folder."""
    for name in list(os.environ):
        if name.startswith("RAG_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "default-index"))
    monkeypatch.setenv("RAG_HOME", str(session_home))


# -- real models (session-wide, marked `model` by the tests that use them) -------------------------


@pytest.fixture(scope="session")
def real_embedder(session_home):
    from rag.embed import Embedder

    return Embedder(cache=session_home / "models")


@pytest.fixture(scope="session")
def corpus_index(tmp_path_factory, real_embedder) -> Settings:
    """Settings for the repo's corpus/ with an index built once per session under a tmp folder, as the
    pipeline builds it (with its evidence sentences' vectors, which the refusal floor calibrates on)."""
    from rag.answer.evidence import sentence_texts
    from rag.build import build_index

    settings = Settings(corpus=CORPUS, index=tmp_path_factory.mktemp("corpus-index"))
    stats = build_index(settings, real_embedder, progress=False, sentences=sentence_texts)
    assert stats.chunks > 0
    return settings


@pytest.fixture(scope="session")
def corpus_retriever(corpus_index, real_embedder):
    from rag.retrieve import Retriever
    from rag.store import Store

    return Retriever(Store.load(corpus_index.index, corpus_index, real_embedder.id), real_embedder)


@pytest.fixture(scope="session")
def real_pipeline(corpus_index, real_embedder):
    """The full pipeline on the session index with the default bundled GGUF model."""
    from rag.pipeline import Pipeline

    return Pipeline(corpus_index, embedder=real_embedder)


# -- a real OpenAI-compatible server (llama-cpp-python's own), for the remote backend --------------------

SERVER_KEY = "sk-notesqa-test-key"


def stop(proc, timeout: float = 20) -> None:
    """End a server started by a test: ask it to stop, kill it if it does not within ``timeout`` seconds."""
    import subprocess

    proc.terminate()
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@pytest.fixture
def runner():
    """A click CliRunner (stdout and stderr kept apart)."""
    from click.testing import CliRunner

    return CliRunner()


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LlamaServer:
    """`python -m llama_cpp.server` with the bundled SmolLM2 on a free port; ``url`` ends in /v1."""

    def __init__(self, log_dir: Path, api_key: str | None = SERVER_KEY, alias: str = "smollm2", port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/v1"
        self.api_key, self.alias, self.log_dir = api_key, alias, log_dir
        self.proc = None

    def start(self, timeout: float = 120) -> "LlamaServer":
        import subprocess
        import sys
        import urllib.request

        from rag.models.gguf import resolve_model

        command = [sys.executable, "-m", "llama_cpp.server", "--model", str(resolve_model("smollm2")),
                   "--model_alias", self.alias, "--host", "127.0.0.1", "--port", str(self.port),
                   "--n_ctx", "2048", "--n_threads", "1", "--seed", "42"]
        if self.api_key:
            command += ["--api_key", self.api_key]
        self.log = (self.log_dir / f"llama-server-{self.port}.log").open("a")
        self.proc = subprocess.Popen(command, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while True:
            assert self.proc.poll() is None, (self.log_dir / f"llama-server-{self.port}.log").read_text()[-2000:]
            try:
                request = urllib.request.Request(f"{self.url}/models", headers={"Authorization": f"Bearer {self.api_key}"})
                urllib.request.urlopen(request, timeout=2).read()
                return self
            except OSError:
                assert time.monotonic() < deadline, "llama_cpp.server did not start in time"
                time.sleep(0.3)

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=30)
        self.log.close()

    def settings(self, base: Settings, **overrides) -> Settings:
        """``base`` pointed at this server (key and model alias included)."""
        from dataclasses import replace

        values = dict(backend="openai", llm_url=self.url, llm_model=self.alias, llm_api_key=self.api_key)
        values.update(overrides)
        return replace(base, **values)


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """One llama_cpp.server for the session (API key ``SERVER_KEY``, model alias ``smollm2``)."""
    server = LlamaServer(tmp_path_factory.mktemp("llama-server")).start()
    yield server
    server.kill()


# -- eval sets and feedback (rag/evalset.py, rag/evalruns.py, rag/feedback.py) ----------------------------

SMALL_EVALS = [
    {"id": "s1", "question": "How long are SQS messages kept by default?", "answerable": True, "sources": ["sqs.md"],
     "evidence": "- Messages are kept for 4 days by default, up to a maximum of 14 days.", "must_include": ["4 days"],
     "kind": "fact"},
    {"id": "s2", "question": "What is the default visibility timeout?", "answerable": True, "sources": ["sqs.md"],
     "evidence": "- The default visibility timeout is 30 seconds.", "must_include": ["30 seconds"], "kind": "fact"},
    {"id": "s3", "question": "How long can a Lambda function run?", "answerable": True, "sources": ["lambda.md"],
     "evidence": "- Lambda functions can run for at most 15 minutes.", "must_include": ["15 minutes"], "kind": "fact"},
    {"id": "s4", "question": "What is the capital of France?", "answerable": False, "sources": [], "evidence": "",
     "must_include": [], "kind": "unanswerable"},
    # Fails on purpose: no answer about storage classes holds the Lambda time limit from another note.
    {"id": "s5", "question": "Which S3 storage class is the cheapest for archives?", "answerable": True,
     "sources": ["s3.md", "lambda.md"], "evidence": "- S3 Glacier Deep Archive is the cheapest class for long term archives.",
     "must_include": ["Glacier Deep Archive", "15 minutes"], "kind": "multi"},
]


@pytest.fixture
def small_eval_file(tmp_path) -> Path:
    """SMALL_EVALS (for ``small_corpus``; item s5 fails) as a JSONL eval set under tmp."""
    import json

    path = tmp_path / "small-evals.jsonl"
    path.write_text("".join(json.dumps(item) + "\n" for item in SMALL_EVALS), encoding="utf-8")
    return path


@pytest.fixture
def fake_pipeline(small_settings):
    """The real Pipeline over ``small_corpus`` with FakeEmbedder and FakeGenerator passed in (no models)."""
    from rag.pipeline import Pipeline

    return Pipeline(small_settings, embedder=FakeEmbedder(), generator=FakeGenerator(small_settings))


# -- headless Chromium for the browser tests (Debian's; Playwright cannot download browsers here) ---------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def require_browser():
    """Playwright's sync API; skips the calling test module when Chromium or the playwright package is missing."""
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium (make browser-deps)", allow_module_level=True)
    return pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    with require_browser().sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (its own context: no cookies or storage shared between tests)."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield page
    context.close()

