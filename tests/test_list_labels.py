"""A plain label line heading a list ("Second coat:" over numbered steps) is what the list's items speak of
(rag.answer.listlabel); "primary" / "secondary" write the first and second positions (rag.answer.ordinals); a
comparison asking a kind of value quotes each side's line stating it (rag.answer.sides). Invented woodworking and
beekeeping notes, far from the eval sets; fake embedder and a model that never answers."""

from __future__ import annotations

from test_compose import _ask_notes

from rag.answer import listlabel, ordinals
from rag.answer.ordinals import same_ordinal
from rag.answer.policy import notes as N, questions as Q
from rag.answer.units import units_of
from rag.chunk import Chunk

FINISH = {
    "finish.md": """# Finishing a table

## Steps

Primary coat:

1. Sand the top with 180 grit paper.
2. Brush on a thin coat of oil along the grain.
3. Let the oil cure for 24 hours.

Second coat:

1. Sand lightly with 320 grit paper.
2. Brush on the varnish in long strokes.
3. Let the varnish cure for 3 days.

Keep the shop above 15 degrees while anything cures.
""",
}


def _chunk(text: str, first: int = 1) -> Chunk:
    lines = text.split("\n")
    return Chunk(id=0, file="n.md", start_line=first, end_line=first + len(lines) - 1, heading="Hives > Checks",
                 text=text, hash="h", line_numbers=list(range(first, first + len(lines))))


HIVE = "Spring checks:\n\n1. Look for eggs in the brood frames.\n   Count the frames of brood.\n2. Weigh the hive.\n\nFeed only in a dearth."


def test_the_items_of_a_labelled_list_read_under_the_label():
    units = {u.quote.split()[0]: u for u in units_of(_chunk(HIVE))}
    assert "Spring checks:" in units["Look"].context and "Spring checks:" in units["Weigh"].context
    assert "Spring checks:" in units["Count"].context  # a wrapped line of an item
    assert "Spring checks:" not in units["Feed"].context  # a new paragraph ends the list
    assert "Spring checks:" not in units["Spring"].context


def test_a_chunk_cut_inside_the_list_finds_its_label_in_the_note():
    lines = HIVE.split("\n")
    tail = "\n".join(lines[4:6])  # "2. Weigh the hive." and the blank line: a chunk starting at line 5
    units = units_of(_chunk(tail, first=5), lambda file: lines)
    assert any("Spring checks:" in u.context for u in units if u.quote.startswith("Weigh"))


def test_with_the_label_off_the_items_read_under_their_heading_alone(monkeypatch):
    monkeypatch.setattr(N, "LIST_LABEL_READS_OVER_LIST", False)
    assert not any("Spring checks:" in u.context for u in units_of(_chunk(HIVE)))


def test_a_sentence_or_a_long_line_is_no_label():
    assert listlabel.label_text("Second coat:") == "Second coat:"
    assert listlabel.label_text("**Spring checks:**") == "Spring checks:"
    assert listlabel.label_text("- Second coat:") == ""  # a list item
    assert listlabel.label_text("## Second coat:") == ""  # a heading
    assert listlabel.label_text("Second coat of varnish.") == ""
    assert listlabel.label_text("When the weather is warm and the bees fly well, check these in turn:") == ""


def test_a_step_under_the_second_label_answers_the_second(tmp_path, monkeypatch):
    answer = _ask_notes(tmp_path, FINISH, "how long does the second coat cure")
    assert not answer.refused, answer.reason
    assert "3 days" in answer.answer.split("[1]")[0], answer.answer
    monkeypatch.setattr(N, "LIST_LABEL_READS_OVER_LIST", False)
    off = _ask_notes(tmp_path / "off", FINISH, "how long does the second coat cure")
    assert off.refused or "3 days" not in off.answer.split("[1]")[0], off.answer


def test_primary_writes_the_first_position(tmp_path, monkeypatch):
    assert same_ordinal("first", {"primari", "coat"}) and same_ordinal("primari", {"first"})
    assert not same_ordinal("first", {"primari"}, adjectives=False) and not same_ordinal("third", {"secondari"})
    answer = _ask_notes(tmp_path, FINISH, "how long does the first coat cure")
    assert not answer.refused, answer.reason
    assert "24 hours" in answer.answer.split("[1]")[0], answer.answer
    monkeypatch.setattr(ordinals, "_ADJECTIVE", {})
    monkeypatch.setattr("rag.answer.policy.values.ORDINAL_ADJECTIVES", ())
    off = _ask_notes(tmp_path / "off", FINISH, "how long does the first coat cure")
    assert off.refused or "24 hours" not in off.answer.split("[1]")[0], off.answer


def test_a_position_the_notes_never_label_stays_refused(tmp_path):
    answer = _ask_notes(tmp_path, FINISH, "how long does the third coat cure")
    assert answer.refused, answer.answer


# the second coat's list holds a line naming its side and the verb compared, but no duration
VARNISH = {"finish.md": FINISH["finish.md"].replace("2. Brush on the varnish in long strokes.",
                                                    "2. A second coat cures harder than a thin one.")}


def test_a_comparison_asking_a_duration_quotes_each_sides_duration(tmp_path, monkeypatch):
    question = "first coat vs second coat: how long does each cure"
    answer = _ask_notes(tmp_path, VARNISH, question)
    assert "24 hours" in answer.answer and "3 days" in answer.answer, answer.answer
    monkeypatch.setattr(Q, "SIDE_HOLDS_ASKED_KIND", False)
    off = _ask_notes(tmp_path / "off", VARNISH, question)
    assert "3 days" not in off.answer, off.answer


WAX = {
    "bench.md": """# Waxing a bench

## Steps

1. Sand the seat with fine paper.
2. Melt the beeswax and the linseed oil together in a jar. Pour the blend onto a rag. Leave the blend on the wood for at least 20 minutes before buffing.
3. Buff the seat with a clean cloth.

Keep the rags in a closed tin. Throw them out after a month.
""",
}


def test_an_items_later_sentence_reads_under_its_first():
    text = WAX["bench.md"]
    units = units_of(Chunk(id=0, file="bench.md", start_line=1, end_line=text.count("\n") + 1, heading="Steps",
                           text=text, hash="h", line_numbers=list(range(1, text.count("\n") + 2))))
    by_start = {u.quote.split()[0] + u.quote.split()[1]: u for u in units}
    first = "Melt the beeswax and the linseed oil together in a jar."
    assert first in by_start["Leavethe"].context and first in by_start["Pourthe"].context
    assert first not in by_start["Meltthe"].context
    assert "Keep the rags" not in by_start["Throwthem"].context  # a paragraph's sentences: no list item


def test_a_steps_later_sentence_answers_for_what_the_first_set_up(tmp_path, monkeypatch):
    question = "how long do i leave the beeswax and linseed oil on the wood"
    answer = _ask_notes(tmp_path, WAX, question)
    assert not answer.refused, answer.reason
    assert "20 minutes" in answer.answer, answer.answer
    monkeypatch.setattr(N, "ITEM_FIRST_SENTENCE_LEADS", False)
    off = _ask_notes(tmp_path / "off", WAX, question)
    assert off.refused or "20 minutes" not in off.answer, off.answer


def test_a_value_the_step_never_gives_stays_refused(tmp_path):
    answer = _ask_notes(tmp_path, WAX, "how long should the beeswax and linseed oil cool in the jar")
    assert answer.refused or "20 minutes" not in answer.answer, answer.answer
