""""What can I do with X" asks for the things one can do with it: a list, so a code block of those things is quoted
whole, as for any list question (rag.answer.intent, rag.answer.blocks). Invented git and kitchen notes."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.intent import parse

GIT = {
    "git.md": """# Git cheat sheet

## Stash
Save, list, apply and drop stashes

```bash
git stash push -m "wip"

git stash list

git stash apply stash@{0}

git stash drop stash@{0}
```

## Tags
Tags mark releases; push them with the branch.
""",
}


def test_what_can_i_do_with_asks_a_list():
    assert parse("what can I do with leftover rice").wants_list
    assert parse("what could you do with a git stash").wants_list
    assert not parse("what can I add to the dough").wants_list


def test_what_can_i_do_with_quotes_the_whole_block_of_things(tmp_path):
    answer = _ask_notes(tmp_path, GIT, "what can i do with git stash")
    assert not answer.refused
    for command in ("git stash push", "git stash list", "git stash apply", "git stash drop"):
        assert command in answer.answer, answer.answer
    _grounded(answer, GIT)
