"""A comparison asking what tells two commands apart is answered, for each side, by the line saying something of
it ("keeps the dough warm but does not end the program"), not by the code block's line merely writing the command.
Invented bread-oven notes."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer.policy import questions as Q

NOTES = {
    "oven.md": """# Proving oven

## Pausing a program

To pause a running program, you use the `oven pause` command followed by the slot number. This command keeps the dough warm but does not end the program. For example:

```bash
$ oven pause slot@{2}
```

## Stopping a program

If you want to halt a program and clear it from the slot in one step, you can use the `oven stop` command. This command halts the program and then forgets its settings:

```bash
$ oven stop slot@{2}
```
""",
}

QUESTION = "what's the difference between oven pause and oven stop"


def test_each_side_is_the_line_saying_how_it_differs(tmp_path):
    answer = _ask_notes(tmp_path, NOTES, QUESTION)
    assert not answer.refused, answer.reason
    assert "does not end the program" in answer.answer and "forgets its settings" in answer.answer


def test_with_the_rule_off_the_bare_commands_answer(tmp_path, monkeypatch):
    monkeypatch.setattr(Q, "SIDE_SAID_NOT_SHOWN", False)  # the mechanism off
    answer = _ask_notes(tmp_path, NOTES, QUESTION)
    assert "does not end the program" not in answer.answer or "forgets its settings" not in answer.answer
