"""A code line's trailing comment ("zfs list -t snapshot  # shows the hourly snapshots") states what the command
shows or does; a what-question asking that is answered by that line, though a prose line or another command
shares more of its words (rag.answer.comments). Invented home-lab shell notes."""

from __future__ import annotations

from test_compose import _ask_notes, _grounded

from rag.answer.comments import asks_what, comment_answers, options, split_comment
from rag.answer.intent import parse
from rag.text import terms

HOMELAB = {
    "homelab.md": """# Home server

## Check the snapshots of the pool after the nightly job
After the nightly job the pool keeps its snapshots, and listing the pool snapshots after the nightly job is how
you check the snapshots of the pool were taken by the job.

```bash
zfs list -t snapshot tank
zpool status tank # the pool state line should read ONLINE, scrub errors are listed below it
zfs list -t snapshot -o name,used tank
```

## Sync the photo share to the backup disk
Syncing every week keeps the photo share safe.

```bash
rsync -av /srv/photos /mnt/backup/photos
rsync -avn /srv/photos /mnt/backup/photos # -n is a dry run: it only prints what would be copied
rsync -av --delete /srv/photos /mnt/backup/photos
```
""",
}

def test_a_trailing_comment_is_split_from_its_command():
    assert split_comment("zpool status tank # the state should read ONLINE") == ("zpool status tank",
                                                                                "the state should read ONLINE")
    # a line that is all comment, a "#" inside a word and an empty comment hold no trailing comment
    for line in ("# keep three copies", 'echo "a#b"', "claimName: mypvc #"):
        assert split_comment(line)[1] == "", line
    assert options("what does -n do with rsync --delete") == {"-n", "--delete"}
    assert options("a well-known re-run") == set()


def test_a_comment_answers_when_it_holds_what_the_command_does_not():
    line = "zpool status tank # the pool state line should read ONLINE"
    assert comment_answers(terms("what state should the pool show"), set(), line)
    # the question's words only in the command: the comment adds nothing asked
    assert not comment_answers(terms("zpool status of tank"), set(), line)
    assert comment_answers([], {"-n"}, "rsync -avn a b # -n is a dry run")
    assert not comment_answers(terms("what state should the pool show"), set(), "zpool status tank")


def test_what_a_command_shows_is_answered_by_its_comment(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "what state should the pool show after the nightly job")
    assert not answer.refused
    assert "ONLINE" in answer.answer, answer.answer
    _grounded(answer, HOMELAB)


def test_what_an_option_is_for_is_answered_by_the_comment_naming_it(tmp_path):
    answer = _ask_notes(tmp_path, HOMELAB, "what is -n for when syncing the photo share")
    assert not answer.refused
    assert "dry run" in answer.answer, answer.answer
    _grounded(answer, HOMELAB)


def test_only_a_single_what_or_which_question_asks_what_a_comment_states():
    assert asks_what(parse("what state should the pool show after the nightly job"))
    assert asks_what(parse("which option makes rsync a dry run"))
    # a reason, a verdict, the command itself, a list or a comparison is not what a trailing comment states
    for question in ("why pass -n to rsync", "is -n needed for the photo share", "how do I sync the photo share",
                     "what are all the rsync options", "rsync vs zpool for the photo share"):
        assert not asks_what(parse(question)), question
