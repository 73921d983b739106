"""MiniLM on onnxruntime gives sentence-transformers' vectors, loads without torch, and fails with a clear fix."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from rag.config import Settings
from rag.embed import Embedder
from rag.errors import ConfigError, ModelError

from conftest import CORPUS, run_python

ODD_TEXTS = [
    "",
    "x",
    "What is the default timeout?",
    "word " * 600,  # past MiniLM's 256-token limit: both runtimes must cut it at the same place
    "Ünïcödé — “quotes” 日本語 😀 " * 20,
    "  leading and trailing spaces  \n\t",
]


def test_an_unknown_runtime_is_refused_with_the_choices():
    with pytest.raises(ConfigError, match=r"'gpu'.*RAG_EMBED_RUNTIME.*auto, onnx, torch"):
        Settings(embed_runtime="gpu").validate()
    with pytest.raises(ConfigError, match="RAG_EMBED_RUNTIME"):
        Embedder(runtime="fast")


def test_the_runtime_comes_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_EMBED_RUNTIME", "torch")
    monkeypatch.setenv("RAG_HOME", str(tmp_path))
    embedder = Embedder.from_settings(Settings.load())
    assert embedder.runtime == "torch" and embedder.cache == tmp_path / "models"


@pytest.mark.model
def test_onnx_and_torch_give_the_same_vectors(tmp_path):
    lines = [line for note in sorted(CORPUS.glob("*.md")) for line in note.read_text("utf-8", "replace").splitlines()]
    texts = ODD_TEXTS + [line for line in lines if line.strip()][:300]
    onnx = Embedder("onnx", tmp_path / "models")
    torch = Embedder("torch")
    a, b = onnx.encode(texts), torch.encode(texts)
    assert a.shape == b.shape == (len(texts), 384) and a.dtype == np.float32
    assert np.abs(a - b).max() < 1e-5  # measured ~3e-7: the same model, the same tokens, the same pooling
    assert np.allclose(np.linalg.norm(a, axis=1), 1, atol=1e-5)
    assert np.abs(onnx.encode_query(texts[2]) - b[2]).max() < 1e-5
    assert list((tmp_path / "models").glob("minilm-*.onnx")), "the export is kept for the next start"


@pytest.mark.model
def test_a_damaged_export_is_made_again(tmp_path):
    first = Embedder("onnx", tmp_path).load()
    reference = first.encode(["a sentence"])
    (export,) = tmp_path.glob("minilm-*.onnx")
    export.write_bytes(b"not a model")
    again = Embedder("onnx", tmp_path)
    assert np.abs(again.encode(["a sentence"]) - reference).max() < 1e-6
    assert export.stat().st_size > 1_000_000


@pytest.mark.model
def test_an_unusable_cache_names_the_fix_or_falls_back_to_torch(tmp_path, caplog):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    with pytest.raises(ModelError, match="RAG_EMBED_RUNTIME=torch"):
        Embedder("onnx", blocked).load()
    with caplog.at_level(logging.WARNING, logger="rag.embed"):
        vectors = Embedder("auto", blocked).encode(["still answers"])
    assert vectors.shape == (1, 384) and "embedding with torch instead" in caplog.text


@pytest.mark.model
def test_answering_with_onnx_never_imports_torch(real_embedder):
    """The point of the runtime: a new process embeds a question in well under a second (no torch import)."""
    real_embedder.load()  # the session's export exists from here on
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from rag.embed import Embedder\n"
        f"e = Embedder('onnx', Path({str(real_embedder.cache)!r}))\n"
        "v = e.encode_query('how long is the default timeout?')\n"
        "print(v.shape, [m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules])\n"
    )
    assert run_python(code) == "(384,) []"
