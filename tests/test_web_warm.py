"""The web UI serves its page while the embedding model loads in the background."""

from __future__ import annotations

import socket
import threading
import urllib.request

from conftest import FakeEmbedder, use_embedder
from rag.config import Settings
from rag.web import serve


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_page_is_served_before_the_embedder_has_loaded(fake_models, small_corpus, tmp_path, monkeypatch):
    loading, release = threading.Event(), threading.Event()

    class SlowLoadingEmbedder(FakeEmbedder):
        """Loads like the real one (torch and MiniLM, ~5 s), here until the test says so."""

        loaded = False

        def load(self):
            loading.set()
            assert release.wait(600)  # the Gradio import alone can take a minute on a busy machine
            self.loaded = True
            return self

    made: list[SlowLoadingEmbedder] = []
    use_embedder(monkeypatch, lambda: made.append(SlowLoadingEmbedder()) or made[-1])
    settings = Settings.load(corpus=small_corpus, index=tmp_path / "idx", port=_free_port())
    demo = serve.start(settings)
    try:
        assert loading.wait(30)
        with urllib.request.urlopen(serve.url(settings) + "/", timeout=10) as resp:
            assert resp.status == 200
        assert not made[0].loaded  # the page answered while the model was still loading
        release.set()
        for _ in range(600):  # a busy machine can be slow to run the thread again
            if made[0].loaded:
                break
            threading.Event().wait(0.05)
        assert made[0].loaded, [e.loaded for e in made]
    finally:
        release.set()
        demo.close()
