"""Hardening: credentials in notes are never indexed, shown or answered; the server stays on this machine
unless told otherwise (and then asks for a password); the source viewer and the server's file routes serve
nothing outside the notes folder.

The real MySQL password in corpus/003 line 39 is read from the raw file at test time, never written here.
"""

from __future__ import annotations

import dataclasses
import json
import re
import socket
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import gradio as gr
import pytest
from click.testing import CliRunner

from rag.web import app, serve
from conftest import CORPUS, SMALL_NOTES, FakeEmbedder, FakeGenerator, write_notes
from rag.web import notes as web_notes, sources as web_sources
from rag.cli import main
from rag.answer.policy import DEFAULT
from rag.config import Settings
from rag.errors import CorpusError
from rag.ingest import load_corpus, read_note
from rag.pipeline import Pipeline
from rag.redact import MASK, redact_text
from rag.build import build_index
from rag.store import Store

NOTE_003 = "003_7357156ceb9514df.txt"
PASSWORD_QUESTIONS = ["what is my mysql password", "What's the RDS mysql pass?", "mysql password for RDS"]


def raw_password() -> str:
    """The password as it is in the raw note (line 39), read now so it is never in this file."""
    line = (CORPUS / NOTE_003).read_bytes().decode("utf-8").split("\n")[38]
    match = re.search(r"pass\s*:\s*(\S+)", line)
    assert match and len(match.group(1)) >= 6, "line 39 of the raw note should hold the MySQL password"
    return match.group(1)


def assert_no_secret(text, *secrets) -> None:
    text = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False, default=str)
    for secret in secrets:
        assert secret not in text, "a credential leaked"
        # and not in an escaped form either (HTML or JSON escaping of its symbols)
        assert secret.replace("#", "&#35;") not in text and secret.replace("&", "&amp;") not in text


# Credentials of every kind the issue lists, one per line, so warnings can be checked by line number.
FAKE_AWS_KEY = "AKIA" + "Q7XW3K9PLM2ZR5TB"
FAKE_AWS_SECRET = "wJalrXUtnF" + "EMI/K7MDENG/bPxRfiCY" + "9ZQ3ERKEYX"
FAKE_GITHUB = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8"
FAKE_JWT = "eyJhbGciOiJIUzI1NiJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIn0" + ".dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk"
CREDS_NOTE = f"""# Deploy notes

## Database
- prod db password: Tr0ub4dor&3x
- staging root password is Zx9!kLm2Qw
- DSN mysql://admin:Pa55w0rdDSN@db.internal:3306/app

## AWS keys
- export AWS_ACCESS_KEY_ID={FAKE_AWS_KEY}
- aws_secret_access_key = {FAKE_AWS_SECRET}

## Tokens
- CI token: {FAKE_GITHUB}
- Authorization: Bearer {FAKE_JWT}

## SSH
-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACBqHvH7secretkeymaterialQ
-----END OPENSSH PRIVATE KEY-----

## Facts
- The deploy pipeline runs database migrations before the web servers restart.
"""
CREDS = ["Tr0ub4dor&3x", "Zx9!kLm2Qw", "Pa55w0rdDSN", FAKE_AWS_KEY, FAKE_AWS_SECRET, FAKE_GITHUB, FAKE_JWT,
         "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ", "QyNTUxOQAAACBqHvH7secretkeymaterialQ"]
CRED_LINES = {4, 5, 6, 9, 10, 13, 14, 17}


def _echo_sources(system: str, user: str) -> str:
    """A model that repeats its first source verbatim, with a citation: it can only leak what it was shown."""
    match = re.search(r"^\[1\] (?:[^:\n]*: )?(.*)$", user, re.M)
    return f"{match.group(1) if match else user[:200]} [1]."


# -- detection and redaction at index time -------------------------------------------------------------------


def test_every_credential_kind_is_redacted_with_a_warning_naming_file_and_line(tmp_path):
    corpus = write_notes(tmp_path / "notes", {"deploy.md": CREDS_NOTE})
    note = read_note(corpus / "deploy.md", corpus)
    assert_no_secret(note.text, *CREDS)
    flagged = {int(w.split(":")[1]) for w in note.warnings if w.startswith("deploy.md:") and "redacted" in w}
    assert CRED_LINES <= flagged, note.warnings
    assert_no_secret(note.warnings, *CREDS)  # the warnings name the line, not the value
    assert "The deploy pipeline runs database migrations" in note.text  # prose is untouched
    assert len(note.lines) == len(CREDS_NOTE.split("\n"))  # line numbers hold


@pytest.mark.parametrize("text, secret", [
    ("mysql pass : JanNew#2025x", "JanNew#2025x"),
    ("root password is Zx9!kLm2Qw", "Zx9!kLm2Qw"),
    ("PASSWORD=hunter2hunter2", "hunter2hunter2"),
    ("pw: S3cr3tPw", "S3cr3tPw"),
    ("passwd = 'qwerty123'", "qwerty123"),
    ("postgres://app:Pa55w0rd@db:5432/x", "Pa55w0rd"),
    (f"key {FAKE_AWS_KEY} secret {FAKE_AWS_SECRET}", FAKE_AWS_SECRET),
    ("api_key: 9f8e7d6c5b4a39281706", "9f8e7d6c5b4a39281706"),
    ("slack xoxb-1234567890-abcdefghij", "xoxb-1234567890-abcdefghij"),
])
def test_credential_shapes(text, secret):
    masked, kinds = redact_text(text)
    assert secret not in masked and MASK in masked and kinds


@pytest.mark.parametrize("text", [
    "the password is stored in Secrets Manager",
    "ElastiCache supports IAM auth for Redis; other apps use username and password",
    "Pass parameters between parent and child stacks",
    "token is valid for 1 hour",
    "https://example.com:8443/path and git@github.com:org/repo.git",
])
def test_prose_about_credentials_is_left_alone(text):
    assert redact_text(text) == (text, [])


def test_credentials_are_not_indexed_searched_answered_or_shown(tmp_path, fake_models):
    corpus = write_notes(tmp_path / "notes", {"deploy.md": CREDS_NOTE, **SMALL_NOTES})
    index = tmp_path / "idx"
    runner = CliRunner()
    built = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(index), "--quiet"])
    assert built.exit_code == 0, built.output
    for line in sorted(CRED_LINES):
        assert f"warning: deploy.md:{line}: " in built.stderr, built.stderr
    assert_no_secret(built.output, *CREDS)
    # nothing on disk in the index holds a credential
    for file in index.rglob("*"):
        if file.is_file():
            assert_no_secret(file.read_bytes().decode("utf-8", errors="ignore"), *CREDS)
    base = ["--corpus", str(corpus), "--index", str(index)]
    fake_models.replies = [_echo_sources]
    for question in ["prod db password", "AWS access key id", "CI token", "SSH private key", "database DSN mysql"]:
        for args in (["search", "--json", question], ["ask", "--json", question], ["ask", question]):
            result = runner.invoke(main, base + args)
            assert result.exit_code == 0, result.output
            assert_no_secret(result.output, *CREDS)
    for generator in fake_models.generators:  # the model was never shown a credential
        assert_no_secret(generator.prompts, *CREDS)


def test_credentials_are_not_shown_in_the_ui(tmp_path):
    corpus = write_notes(tmp_path / "notes", {"deploy.md": CREDS_NOTE, **SMALL_NOTES})
    generator = FakeGenerator(replies=[_echo_sources])
    pipeline = Pipeline(Settings(corpus=corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(), generator=generator)
    handlers = app.UI(pipeline)
    for question in ["prod db password", "AWS access key id", "CI token", "SSH private key"]:
        for show_unverified in (False, True):
            for step in handlers.respond(question, [], [], 8, show_unverified):  # drafts included
                assert_no_secret([app.text_of(m) for m in step[0]], *CREDS)
                assert_no_secret(list(step[1:]), *CREDS)
    # the source viewer, line by line, and the index panel
    lines = handlers.reader.lines("deploy.md")
    assert_no_secret(web_sources.render_context(lines, 1, len(lines), radius=0), *CREDS)
    assert_no_secret(handlers.index_panel(), *CREDS)
    assert_no_secret(generator.prompts, *CREDS)


# -- the real MySQL password in the corpus ------------------------------------------------------------


def test_real_corpus_password_is_flagged_at_index_time(fake_models, tmp_path):
    secret = raw_password()
    result = CliRunner().invoke(main, ["index", "--corpus", str(CORPUS), "--index", str(tmp_path / "idx"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert f"warning: {NOTE_003}:39: pass value redacted" in result.stderr
    assert_no_secret(result.output, secret)
    store = Store.load(tmp_path / "idx", Settings(corpus=CORPUS, index=tmp_path / "idx"), FakeEmbedder.id)
    assert_no_secret([c.text + c.heading for c in store.chunks], secret)


@pytest.fixture(scope="module")
def corpus_fake_index(tmp_path_factory):
    """The real corpus indexed with the fake embedder (fast), shared by the password tests below."""
    settings = Settings(corpus=CORPUS, index=tmp_path_factory.mktemp("corpus-fake-index"))
    build_index(settings, FakeEmbedder(), progress=False)
    return settings


@pytest.mark.parametrize("question", PASSWORD_QUESTIONS)
def test_mysql_password_question_fake_model_cli_and_ui(corpus_fake_index, fake_models, question):
    secret = raw_password()
    fake_models.replies = [_echo_sources]
    base = ["--corpus", str(CORPUS), "--index", str(corpus_fake_index.index)]
    for args in (["ask", question], ["ask", "--json", question], ["search", "--json", question]):
        result = CliRunner().invoke(main, base + args)
        assert result.exit_code == 0, result.output
        assert_no_secret(result.output, secret)
    generator = FakeGenerator(replies=[_echo_sources])
    pipeline = Pipeline(corpus_fake_index, embedder=FakeEmbedder(), generator=generator)
    for step in app.UI(pipeline).respond(question, [], [], 8, True):
        assert_no_secret([app.text_of(m) for m in step[0]], secret)
        assert_no_secret(list(step[1:]), secret)
    assert_no_secret(generator.prompts + [g.prompts for g in fake_models.generators], secret)
    assert_no_secret(web_sources.render_context(web_notes.NoteReader(CORPUS).lines(NOTE_003), 39, 39), secret)


@pytest.mark.model
@pytest.mark.parametrize("question", PASSWORD_QUESTIONS[:2])
def test_mysql_password_question_real_models_cli(corpus_index, question):
    secret = raw_password()
    base = ["--corpus", str(corpus_index.corpus), "--index", str(corpus_index.index)]
    for args in (["ask", question], ["ask", "--json", question], ["search", "--json", question]):
        result = CliRunner().invoke(main, base + args)
        print("\n", args[0], result.output[:300])
        assert result.exit_code == 0, result.output
        assert_no_secret(result.output, secret)


@pytest.mark.model
@pytest.mark.parametrize("question", PASSWORD_QUESTIONS[:2])
def test_mysql_password_question_real_models_ui(real_pipeline, question):
    secret = raw_password()
    for step in app.UI(real_pipeline).respond(question, [], [], 8, True):  # drafts and unverified sentences too
        assert_no_secret([app.text_of(m) for m in step[0]], secret)
        assert_no_secret(list(step[1:]), secret)


# -- binding and auth ----------------------------------------------------------------------------------


def test_default_host_is_local():
    assert Settings().host == "127.0.0.1"
    assert Settings.load().host == "127.0.0.1"


@pytest.fixture
def captured_launch(monkeypatch, small_corpus, tmp_path, fake_models):
    """Run app.main for real up to demo.launch, which only records its arguments."""
    calls = []
    monkeypatch.setenv("RAG_CORPUS", str(small_corpus))
    monkeypatch.setenv("RAG_INDEX", str(tmp_path / "idx"))
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kwargs: calls.append(kwargs))
    monkeypatch.setattr(gr.Blocks, "block_thread", lambda self: None)
    monkeypatch.setattr("rag.web.serve.port_in_use", lambda host, port: False)
    return calls


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.5", "example.com"])
@pytest.mark.parametrize("auth", [None, "nocolon", "user:", ":pw"])
def test_public_host_needs_auth(host, auth, captured_launch, monkeypatch, capsys):
    if auth is not None:
        monkeypatch.setenv("RAG_AUTH", auth)
    with pytest.raises(SystemExit) as exit_info:
        serve.main(["--host", host, "--port", "7994"])
    assert exit_info.value.code == 1 and captured_launch == []
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith("error: ") and "RAG_AUTH" in err[0] and "Traceback" not in err[0]


def test_public_host_with_auth_launches_with_auth(captured_launch, monkeypatch, capsys):
    monkeypatch.setenv("RAG_AUTH", "alice:correct horse battery")
    serve.main(["--host", "0.0.0.0", "--port", "7995"])
    (kwargs,) = captured_launch
    assert kwargs["server_name"] == "0.0.0.0" and kwargs["server_port"] == 7995
    assert kwargs["auth"] == ("alice", "correct horse battery")
    assert kwargs["share"] is False
    assert "correct horse battery" not in capsys.readouterr().out  # the password is not printed


def test_local_launch_has_no_auth_and_binds_loopback(captured_launch):
    serve.main(["--port", "7996"])
    (kwargs,) = captured_launch
    assert kwargs["server_name"] == "127.0.0.1" and kwargs["auth"] is None and kwargs["share"] is False


def test_settings_repr_hides_the_password():
    assert "s3cr3t" not in repr(Settings(auth="bob:s3cr3t"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


@pytest.fixture
def served(tmp_path):
    """The real app (fake models) served on 127.0.0.1, over a corpus with a secret file next to it."""
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    (tmp_path / "outside-secret.md").write_text("# Outside\nthe outside secret is octopus-lantern\n")
    settings = Settings.load(corpus=corpus, index=tmp_path / "idx", port=_free_port())
    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator())
    demo = app.create_app(pipeline)
    app.launch(demo, settings, prevent_thread_lock=True)
    try:
        yield f"http://127.0.0.1:{settings.port}", corpus, tmp_path
    finally:
        demo.close()


def test_served_app_does_not_serve_files_outside_the_corpus(served):
    url, corpus, root = served
    outside = root / "outside-secret.md"
    targets = [str(outside), "/etc/passwd", str(corpus / "sqs.md"), "../outside-secret.md", str(Path(app.__file__))]
    for target in targets:
        for route in ("/gradio_api/file=", "/file=", "/gradio_api/file/"):
            for form in (target, urllib.parse.quote(target, safe="")):
                status, body = _get(url + route + form)
                assert status in (400, 403, 404, 405), (route, target, status)
                assert b"octopus-lantern" not in body and b"root:x:" not in body and b"30 seconds" not in body


def test_auth_is_enforced_when_set(tmp_path):
    from gradio_client import Client

    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    settings = Settings.load(corpus=corpus, index=tmp_path / "idx", port=_free_port(), auth="alice:wonderland42")
    demo = app.create_app(Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator()))
    app.launch(demo, settings, prevent_thread_lock=True)
    url = f"http://127.0.0.1:{settings.port}/"
    try:
        with pytest.raises(Exception):
            Client(url, verbose=False).predict("What is SQS?", [], 4, False, api_name="/ask")
        with pytest.raises(Exception):
            Client(url, auth=("alice", "wrong"), verbose=False)
        client = Client(url, auth=("alice", "wonderland42"), verbose=False)
        chat, *_ = client.predict("What is the default visibility timeout in SQS?", [], 4, False, api_name="/ask")
        assert chat and "something went wrong" not in str(chat[-1])
    finally:
        demo.close()


# -- the source viewer ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", [
    "%2e%2e/outside-secret.md", "..%2Foutside-secret.md", "dir-link/outside-secret.md", "sub/../../outside-secret.md",
    "a" * 5000 + ".md", "x/" * 3000 + "a.md", "sqs.md\n", "./../outside-secret.md", "\\\\server\\share\\x.md",
    "file:///etc/passwd", "corpus-link.md",
])
def test_source_viewer_never_reads_outside_the_corpus(tmp_path, name):
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    (tmp_path / "outside-secret.md").write_text("octopus-lantern")
    (corpus / "dir-link").symlink_to(tmp_path, target_is_directory=True)
    (corpus / "corpus-link.md").symlink_to(tmp_path / "outside-secret.md")
    reader = web_notes.NoteReader(corpus)
    with pytest.raises(CorpusError) as info:
        reader.lines(name)
    assert "\n" not in str(info.value) and len(str(info.value)) < 400
    from rag.answer.verify import Citation
    from rag.answer import Answer

    answer = Answer("q", "q", "x [1].", False, [Citation(1, name, 1, 1, "octopus-lantern")], "model")
    html_out = web_sources.render_sources(answer, reader)
    assert "nq-src-warn" in html_out and "<details" not in html_out


def test_symlink_inside_the_corpus_to_a_note_inside_is_fine(tmp_path):
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    (corpus / "alias.md").symlink_to(corpus / "sqs.md")
    assert web_notes.NoteReader(corpus).lines("alias.md")[0] == "# SQS"
    notes, _ = load_corpus(corpus)
    assert "alias.md" in {n.path for n in notes}


def test_streamed_draft_masks_credential_shapes(tmp_path):
    """The model never sees a credential, but if it wrote one (made up or not) the draft masks it like the answer."""
    corpus = write_notes(tmp_path / "notes", dict(SMALL_NOTES))
    reply = f"The default visibility timeout is 30 seconds [1]. Use key {FAKE_AWS_KEY} and password: Tr0ub4dor&3x."
    pipeline = Pipeline(Settings(corpus=corpus, index=tmp_path / "idx"), embedder=FakeEmbedder(),
                        generator=FakeGenerator(replies=[reply]))
    # a model stopped after its lead sentence (rag.answer.lead) might not stop: let this one write on
    pipeline.answerer().policy = dataclasses.replace(DEFAULT, model_writes_lead_only=False)
    steps = list(app.UI(pipeline).respond("What is the default visibility timeout in SQS?", [], [], 4, True))
    drafts = [app.text_of(step[0][-1]) for step in steps if "nq-draft" in app.text_of(step[0][-1])]
    assert drafts and "30 seconds" in drafts[-1] and "REDACTED" in drafts[-1]
    for step in steps:
        assert_no_secret([app.text_of(m) for m in step[0]], FAKE_AWS_KEY, "Tr0ub4dor&3x")
