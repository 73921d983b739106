"""Hardening: one secret of each format people paste into notes is planted, then every output is searched
for it: the index files on disk, `rag index`, `rag search --json`, `rag ask` / `rag ask --json` (with a model
that repeats its sources), the web UI's answers, sources and source viewer, and the eval report files.

The secrets are made from random parts at test time, so no real-looking credential is written in this file.
"""

from __future__ import annotations

import base64
import html
import json
import random
import string

import pytest
from click.testing import CliRunner

from rag.web import app, handlers
from conftest import SMALL_NOTES, FakeEmbedder, FakeGenerator, write_notes
from rag.web import render as ui, sources as web_sources
from rag.cli import main
from rag.config import Settings
from rag.evalreport import write_report
from rag.evaluate import run_eval
from rag.ingest import read_note
from rag.pipeline import Pipeline
from rag.redact import MASK, redact_text

_rng = random.Random(15)
ALNUM = string.ascii_letters + string.digits


def _r(n: int, alphabet: str = ALNUM) -> str:
    """A random run that mixes classes (like a real token)."""
    while True:
        out = "".join(_rng.choice(alphabet) for _ in range(n))
        if alphabet != ALNUM or (any(c.isdigit() for c in out) and any(c.isupper() for c in out) and any(c.islower() for c in out)):
            return out


HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
SK = "s" + "k"
_basic = base64.b64encode(("deploy:" + _r(14)).encode()).decode()

# (label, the line as written in a note, the secret in it). One per format; all distinct.
FORMATS = [
    ("env password", "DB_PASSWORD={s}", "swordfish" + "marmot"),
    ("export mysql", "export MYSQL_PWD={s}", "tangerine" + "42"),
    ("aws secret env", "AWS_SECRET_ACCESS_KEY={s}", _r(40, B64)),
    ("aws key id", "aws_access_key_id = {s}", "AK" + "IA" + _r(16, string.ascii_uppercase + "234567")),
    ("quoted env token", 'export API_TOKEN="{s}"', _r(32)),
    ("pgpassword", "PGPASSWORD={s} psql -h db.internal", "plumcake" + "&" + "7"),
    ("docker env", "docker run -e POSTGRES_PASSWORD={s} postgres", "kettle" + "drum" + "9"),
    ("json password", '{{"user": "app", "password": "{s}"}}', "lighthouse" + "Keeper"),
    ("json client secret", '"client_secret": "{s}",', _r(30)),
    ("yaml client secret", "client_secret: {s}", _r(24)),
    ("yaml db password", "  db_password: '{s}'", "cobble" + "stone!"),
    ("python password", 'password = "{s}"', "gingerbread" + "house"),
    ("xml password", "<password>{s}</password>", "velvet" + "Moss"),
    ("api key header", "X-Api-Key: {s}", _r(28)),
    ("stripe secret", "stripe key {s}", SK + "_live_" + _r(24)),
    ("stripe restricted", "restricted key {s}", "r" + "k_live_" + _r(24)),
    ("github fine-grained", "GitHub token {s}", "github" + "_pat_" + _r(22) + "_" + _r(59)),
    ("github classic", "old GitHub token {s}", "gh" + "p_" + _r(36)),
    ("openai project", "OpenAI key {s}", SK + "-proj-" + _r(48)),
    ("openai legacy", "older OpenAI key {s}", SK + "-" + _r(48)),
    ("anthropic", "Anthropic key {s}", SK + "-ant-api03-" + _r(93) + "AA"),
    ("google api key", "Maps key {s}", "AI" + "za" + _r(35, ALNUM + "_-")),
    ("google oauth secret", "oauth client secret {s}", "GOC" + "SPX-" + _r(28)),
    ("hugging face", "HF token {s}", "h" + "f_" + _r(34, string.ascii_letters)),
    ("gitlab", "GitLab token {s}", "gl" + "pat-" + _r(20)),
    ("slack bot", "Slack bot {s}", "xo" + "xb-" + _r(12, string.digits) + "-" + _r(12, string.digits) + "-" + _r(24)),
    ("slack webhook", "alerts webhook https://hooks.slack.com/services/{s}", "T" + _r(10) + "/B" + _r(10) + "/" + _r(24)),
    ("npm", "npm publish token {s}", "n" + "pm_" + _r(36)),
    ("pypi", "PyPI upload token {s}", "py" + "pi-AgEIcHlwaS5vcmc" + _r(60)),
    ("sendgrid", "SendGrid key {s}", "S" + "G." + _r(22) + "." + _r(43)),
    ("twilio", "Twilio key {s}", "S" + "K" + _r(32, HEX)),
    ("jwt", "session cookie {s}", "ey" + "J" + _r(20) + "." + "ey" + "J" + _r(30) + "." + _r(43)),
    ("bearer header", "Authorization: Bearer {s}", _r(40, ALNUM + "-_")),
    ("basic header", "Authorization: Basic {s}", _basic),
    ("curl token header", "curl -H 'Authorization: token {s}' https://api.internal/v1", _r(36)),
    ("url empty user", "cache at redis://:{s}@cache.internal:6379/0", "orchard" + "Wind" + "5"),
    ("url at in password", "db at postgres://app:{s}@db.internal:5432/app", "mango" + "@" + "tree" + "3"),
    ("table column", "| grafana | admin | {s} |", "parsnip" + "Lantern"),
    ("table key value", "| password | {s} |", "walrus" + "Quartz" + "8"),
    ("prose for-is", "The password for the staging database is {s}.", "marmalade"),
    ("prose is", "root password is {s}", "Zx" + "9!kLm" + "2Qw"),
    ("prose colon", "wifi pw: {s}", "Otter" + "Glade" + "55"),
    ("netrc", "machine db.internal login app password {s}", "Quince" + "Harbor" + "7"),
    ("entropy near key", "staging signing key (keep it safe) -> {s}", _r(32)),
]
TABLE_HEADER = "| service | user | password |\n| --- | --- | --- |\n"
PRIVATE_KEY_BODY = [_r(64, B64), _r(64, B64), _r(40, B64)]


def _note() -> str:
    parts = ["# Credentials and settings", ""]
    for label, template, secret in FORMATS:
        line = template.format(s=secret)
        if label == "table column":
            parts.append(f"## {label}\n\n{TABLE_HEADER}{line}\n")
        elif label == "table key value":
            parts.append(f"## {label}\n\n| name | value |\n| --- | --- |\n{line}\n")
        else:
            parts.append(f"## {label}\n\n- {line}\n")
    dashes = "-" * 5
    parts.append(f"## ssh key\n\n{dashes}BEGIN OPENSSH PRIVATE KEY{dashes}\n" + "\n".join(PRIVATE_KEY_BODY)
                 + f"\n{dashes}END OPENSSH PRIVATE KEY{dashes}\n")
    parts.append("## prose\n\n- Use a strong password: at least 12 characters, rotated every 90 days.\n")
    return "\n".join(parts)


SECRETS = [secret for _, _, secret in FORMATS] + PRIVATE_KEY_BODY


def _forms(secret: str) -> set[str]:
    """The secret, its escaped forms, and a distinctive piece of it (a partly masked token leaks too)."""
    forms = {secret, html.escape(secret), ui.esc(secret), json.dumps(secret)[1:-1]}
    if len(secret) >= 20:
        forms.add(secret[len(secret) // 3: len(secret) // 3 + 10])
    return forms


def assert_clean(where: str, text) -> None:
    text = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False, default=str)
    for label, secret in [(f[0], f[2]) for f in FORMATS] + [("private key", s) for s in PRIVATE_KEY_BODY]:
        for form in _forms(secret):
            assert form not in text, f"the {label} secret leaked in {where}"


def _echo_sources(system: str, user: str) -> str:
    """A model that repeats every source it was given, each with its citation."""
    lines = [line for line in user.split("\n") if line.startswith("[")]
    return " ".join(f"{line.split('] ', 1)[-1]} [{line[1:line.index(']')]}]." for line in lines) or user[:300]


def test_at_least_thirty_formats_each_masked_alone():
    assert len(FORMATS) >= 30
    for label, template, secret in FORMATS:
        if label.startswith("table"):
            continue  # needs the table around it: checked through the note below
        masked, kinds = redact_text(template.format(s=secret))
        assert secret not in masked and MASK in masked and kinds, (label, masked)


@pytest.mark.parametrize("line", [
    "Use a strong password: at least 12 characters, rotated every 90 days.",
    "The password for the admin account is stored in the team vault",
    "Rotate the API key every 90 days; the token expires after 1 hour.",
    "client_secret: see the vault entry for the web app",
    "Set DB_PASSWORD=${DB_PASSWORD} in the compose file",
    '"password": "<your password here>"',
    "Authorization: Bearer <token>",
    "export AWS_SECRET_ACCESS_KEY=$AWS_SECRET_ACCESS_KEY",
    "| user | password_policy |",
    "The key is in the kms key/1234abcd-12ab-34cd-56ef-1234567890ab alias",
    "x-amz-server-side-encryption-customer-key-MD5 - provides the base64-encoded digest of the encryption key",
])
def test_prose_and_placeholders_stay_readable(line):
    assert redact_text(line) == (line, [])


def test_every_planted_secret_is_masked_in_every_output(tmp_path, fake_models):
    corpus = write_notes(tmp_path / "notes", {"vault.md": _note(), **SMALL_NOTES})
    note = read_note(corpus / "vault.md", corpus)
    assert_clean("the ingested note", note.text)
    assert "strong password: at least 12 characters" in note.text  # prose about passwords is kept
    index = tmp_path / "idx"
    runner = CliRunner()
    built = runner.invoke(main, ["index", "--corpus", str(corpus), "--index", str(index), "--quiet"])
    assert built.exit_code == 0, built.output
    assert_clean("rag index output", built.output)
    assert built.stderr.count("warning: vault.md:") >= len(FORMATS)
    for file in index.rglob("*"):
        if file.is_file():
            assert_clean(f"index file {file.name}", file.read_bytes().decode("utf-8", errors="ignore"))

    base = ["--corpus", str(corpus), "--index", str(index)]
    fake_models.replies = [_echo_sources]
    questions = [label for label, _, _ in FORMATS] + ["ssh key", "credentials and settings"]
    for question in questions:
        for args in (["search", "--json", "-k", "8", question], ["ask", "--json", "-k", "8", question], ["ask", question]):
            result = runner.invoke(main, base + args)
            assert result.exit_code == 0, result.output
            assert_clean(f"rag {args[0]} {question!r}", result.output)
    for generator in fake_models.generators:
        assert_clean("the model's prompts", generator.prompts)

    # the web UI: streamed drafts, answers, sources panel (with surrounding lines) and the source viewer
    settings = Settings(corpus=corpus, index=index)
    pipeline = Pipeline(settings, embedder=FakeEmbedder(), generator=FakeGenerator(replies=[_echo_sources]))
    handlers = app.UI(pipeline)
    for question in questions[::3]:
        for step in handlers.respond(question, [], [], 8, True):
            assert_clean("the web UI", [app.text_of(m) for m in step[0]] + list(step[1:]))
    lines = handlers.reader.lines("vault.md")
    assert_clean("the source viewer", web_sources.render_context(lines, 1, len(lines), radius=0))

    # eval report files
    items = [{"id": f"s{i}", "kind": "fact", "question": q, "answerable": True, "sources": ["vault.md"],
              "evidence": "", "must_include": []} for i, q in enumerate(questions)]
    result = run_eval(pipeline, items, progress=False)
    out = write_report(result, tmp_path / "report")
    for file in out.parent.iterdir():
        if file.suffix in (".md", ".json"):
            assert_clean(f"eval report {file.name}", file.read_text())
