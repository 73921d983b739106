"""The model layer (rag/models): the Generator protocol, the backend factory and its settings."""

from __future__ import annotations

import pytest

from conftest import FakeEmbedder, FakeGenerator
from rag.config import Settings
from rag.errors import ConfigError
from rag.models import BACKENDS, GenerationStats, Generator, backend_name, load_generator, register_backend


def test_fake_generator_implements_the_protocol():
    fake = FakeGenerator(replies=["The default visibility timeout is 30 seconds [1]."])
    assert isinstance(fake, Generator)
    stats = GenerationStats()
    text = "".join(fake.stream("system", "user", stats=stats))
    assert text == "The default visibility timeout is 30 seconds [1]."
    assert stats.completion_tokens == len(text.split()) and stats.prompt_tokens > 0


def test_objects_missing_a_method_are_not_generators():
    class NoStream:
        name = "x"
        n_ctx = 2048

        def prompt_tokens(self, system, user):
            return 1

    assert not isinstance(NoStream(), Generator)


def test_auto_backend_is_in_process_without_a_server_url():
    assert backend_name(Settings.load()) == "gguf"
    assert backend_name(Settings.load(backend="GGUF")) == "gguf"


def test_unknown_backend_is_refused_with_the_choices(monkeypatch):
    monkeypatch.setenv("RAG_BACKEND", "tensorflow")
    with pytest.raises(ConfigError) as err:
        Settings.load()
    assert "'tensorflow'" in str(err.value) and "RAG_BACKEND" in str(err.value) and "gguf" in str(err.value)


def test_registered_backend_is_what_the_pipeline_loads(monkeypatch, small_settings):
    from rag.pipeline import Pipeline

    built = []

    def factory(settings):
        built.append(FakeGenerator(settings, replies=["The default visibility timeout is 30 seconds [1]."]))
        return built[-1]

    register_backend("scripted", factory)
    try:
        settings = Settings.load(corpus=small_settings.corpus, index=small_settings.index, backend="scripted")
        assert isinstance(load_generator(settings), FakeGenerator)
        pipeline = Pipeline(settings, embedder=FakeEmbedder())
        answer = pipeline.ask("What is the default visibility timeout?")
        assert pipeline.generator is built[-1] and len(built) == 2  # one from load_generator, one for the pipeline
        assert "30 seconds" in answer.answer and answer.citations
    finally:
        BACKENDS.pop("scripted", None)


def test_a_generator_passed_in_is_used_and_no_backend_is_loaded(small_settings):
    from rag.pipeline import Pipeline

    fake = FakeGenerator(replies=["Messages are kept for 4 days by default [1]."])
    settings = Settings.load(corpus=small_settings.corpus, index=small_settings.index, model="/nonexistent.gguf")
    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=fake)
    answer = pipeline.ask("How long are messages kept by default?")
    assert pipeline.generator is fake and fake.prompts and "4 days" in answer.answer


@pytest.mark.model
def test_the_in_process_backend_implements_the_protocol():
    generator = load_generator(Settings.load(n_ctx=512))
    assert isinstance(generator, Generator)
    assert generator.n_ctx == 512 and generator.name.endswith(".gguf")
    stats = GenerationStats()
    text = "".join(generator.stream("Answer briefly.", "Say hello.", max_tokens=8, stats=stats))
    assert text and stats.completion_tokens > 0 and stats.prompt_tokens == generator.prompt_tokens("Answer briefly.", "Say hello.")
