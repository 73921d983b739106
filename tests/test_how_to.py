"""A question asking how to do something ("how do I restore the database", "renew the certificate") is answered by what
the notes write as commands: a short code block it hits is quoted whole (the steps, not one of them), and a command
under the best line's heading comes before prose there (rag.answer.steps, rag.answer.blocks). Invented home-lab
notes."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.intent import parse

HOMELAB = {
    "server.md": """# Home server

### Restore the database from last night's dump

```bash
systemctl stop photoapp
pg_restore --clean -d photoapp /backups/nightly.dump
systemctl start photoapp
```

### Rotate the TLS certificate

```bash
certbot renew --force-renewal --cert-name home.lan
```

Rotating the TLS certificate every year keeps the browser from warning that the certificate is about to expire.

### Fan noise
The case fans get loud when the disks scrub on Sundays.
""",
}


def test_how_to_questions_and_requests_are_told_from_other_questions():
    for question in ("how do I restore the database", "how to renew the certificate"):
        assert parse(question).how_to and parse(question).steps, question
    for question in ("copy a file out of the box", "list the open ports"):  # a request: steps, maybe a fact
        assert parse(question).steps and not parse(question).how_to, question
    for question in ("what is a dump", "does the fan get loud", "why rotate the certificate",
                     "restore vs rotate", "how long does a scrub take"):
        assert not parse(question).how_to and not parse(question).steps, question


def test_a_how_to_question_gets_the_whole_short_code_block(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "how do i restore the database from the dump")
    assert not answer.refused
    for step in ("systemctl stop photoapp", "pg_restore --clean", "systemctl start photoapp"):
        assert step in answer.answer, answer.answer
    _grounded(answer, HOMELAB)


def test_a_request_gets_the_whole_short_code_block_too(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "restore the database from the dump")
    assert "systemctl stop photoapp" in answer.answer and "systemctl start photoapp" in answer.answer, answer.answer


def test_a_command_under_the_best_lines_heading_answers_before_prose_there(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "how do i rotate the tls certificate")
    assert not answer.refused
    assert "certbot renew" in answer.citations[0].quote, answer.answer
    _grounded(answer, HOMELAB)
