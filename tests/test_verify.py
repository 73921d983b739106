"""Verification of model sentences against hand-made sources (no index, no model)."""

from __future__ import annotations

import pytest

from rag.answer.evidence import Scorer, Unit, units_of
from rag.chunk import Chunk
from rag.answer.verify import Citation, Source, number_units, parse_answer, supports, verify


def _unit(file, line, quote, context, chunk_id):
    return Unit(file, line, quote, context, chunk_id, heading=context)


@pytest.fixture
def sources() -> list[Source]:
    return [
        Source(1, "sqs.md", "SQS > Retention", [
            _unit("sqs.md", 4, "Messages are kept for 4 days by default, up to a maximum of 14 days.", "SQS > Retention", 0),
        ]),
        Source(2, "sqs.md", "SQS > Visibility Timeout", [
            _unit("sqs.md", 9, "The default visibility timeout is 30 seconds.", "SQS > Visibility Timeout", 1),
            _unit("sqs.md", 10, "Call the ChangeMessageVisibility API to get more time.", "SQS > Visibility Timeout", 1),
        ]),
        Source(3, "lambda.md", "Lambda > Limits", [
            _unit("lambda.md", 5, "Memory can be set from 128 MB to 10,240 MB.", "Lambda > Limits", 2),
        ]),
    ]


def _one(answer, sources, question=""):
    checked = verify(answer, sources, question)
    assert len(checked) == 1, checked
    return checked[0]


def test_wrong_number_is_caught(sources):
    item = _one("SQS retention is 30 days [1].", sources)
    assert not item.verified
    assert item.cited == [1]
    assert item.reason == "'30 day' is not in the cited text"


def test_same_number_other_unit_is_caught(sources):
    item = _one("The default visibility timeout is 30 days [2].", sources)
    assert not item.verified and "30 day" in item.reason


def test_right_number_is_verified(sources):
    item = _one("Messages are kept for 4 days by default, and at most 14 days [1].", sources)
    assert item.verified
    assert [(n, u.line) for n, u in item.support] == [(1, 4)]


def test_invalid_citation_is_dropped_and_reassigned(sources):
    item = _one("The default visibility timeout is 30 seconds [7].", sources)
    assert item.cited == []  # [7] is not a source
    assert item.verified
    assert [(n, u.file, u.line) for n, u in item.support] == [(2, "sqs.md", 9)]
    assert item.text == "The default visibility timeout is 30 seconds."


def test_invalid_citation_on_unsupported_sentence_is_dropped(sources):
    item = _one("Bananas grow on tall trees in warm places [7].", sources)
    assert item.cited == [] and not item.verified
    assert item.reason == "no citation, and no source supports it"


def test_wrong_citation_is_repointed(sources):
    item = _one("The default visibility timeout is 30 seconds [1].", sources)
    assert item.cited == [1]
    assert [n for n, _ in item.support] == [2]


def test_uncited_supported_claim_gets_the_supporting_source(sources):
    item = _one("Lambda memory can be set to 10240 MB.", sources)
    assert item.cited == []
    assert [(n, u.line) for n, u in item.support] == [(3, 5)]


def test_uncited_unsupported_claim_is_not_verified(sources):
    item = _one("Bananas are yellow and tasty.", sources)
    assert not item.verified
    assert item.reason == "no citation, and no source supports it"


def test_unknown_name_is_caught(sources):
    item = _one("FIFO queues keep messages for 4 days [1].", sources)
    assert not item.verified and item.reason == "'fifo' is not in the cited text"


def test_model_refusal_sentence_is_not_verified(sources):
    item = _one("I can't find that in your notes.", sources)
    assert not item.verified and item.reason == "the model said it could not answer"


def test_several_sentences_and_citation_groups(sources):
    checked = verify("Messages are kept for 4 days by default [1, 2]. Memory can be set up to 10240 MB [3][9].", sources)
    assert [c.cited for c in checked] == [[1, 2], [3]]
    assert [[n for n, _ in c.support] for c in checked] == [[1], [3]]


def test_mixed_answer_keeps_only_supported(sources):
    checked = verify(
        "The default visibility timeout is 30 seconds [2]. It can be raised to 12 hours [2]. Bananas are yellow.", sources
    )
    assert [c.verified for c in checked] == [True, False, False]
    assert "12 hour" in checked[1].reason


def test_question_words_may_be_repeated():
    # "retention" is the user's word; the note says "kept"
    unit = _unit("sqs.md", 4, "Messages are kept for 4 days by default, up to a maximum of 14 days.", "SQS", 0)
    assert not supports("SQS retention is 4 days by default.", unit)[0]
    assert supports("SQS retention is 4 days by default.", unit, "what is the sqs retention?") == (True, "")


def test_parse_answer_strips_markers_and_short_fragments():
    checked = parse_answer("A claim here [1, 3]. Another claim [x] there [12]. [2] Ok.", {1, 2, 3})
    assert [(c.text, c.cited) for c in checked] == [("A claim here.", [1, 3]), ("Another claim there.", [])]


def test_number_units():
    assert number_units("Memory 10,240 MB and 30 seconds, 18%") == {("10240", "mb"), ("30", "second"), ("18", "%")}
    assert number_units("version 3 of the API") == {("3", "")}
    assert number_units("vitamins B12 and D3, 2 tablets") == {("2", "")}


def test_digit_inside_a_symbol_does_not_support_a_bare_number():
    """A chemist's line naming "C14" and "U235" holds no bare 14 or 235: a model sentence stating one is not
    supported, as the eval's faithfulness check (rag.text.numbers) also judges."""
    unit = _unit("isotopes.md", 3, "Dating uses C14 for wood and U235 for rock.", "Isotopes", 0)
    ok, why = supports("Wood is dated with 14.", unit, "what isotope dates wood")
    assert not ok and "'14'" in why
    assert supports("Wood is dated with C14.", unit, "what isotope dates wood")[0]


def test_citation_to_dict():
    c = Citation(1, "a.md", 3, 4, "quote", heading="H")
    assert c.to_dict() == {"n": 1, "file": "a.md", "start_line": 3, "end_line": 4, "quote": "quote"}


def test_source_line_span(sources):
    assert (sources[1].start_line, sources[1].end_line) == (9, 10)


# -- evidence units (what sources are made of) ---------------------------------------------------


def test_units_of_chunk_keep_exact_lines_and_context():
    text = "## Visibility Timeout\n- After a poll the message is hidden. Others cannot see it.\n    - default is 30 seconds\n- ok"
    chunk = Chunk(5, "sqs.md", 7, 10, "SQS > Visibility Timeout", text, "h", [7, 8, 9, 10])
    units = units_of(chunk)
    assert [(u.line, u.quote) for u in units] == [
        (8, "After a poll the message is hidden."),
        (8, "Others cannot see it."),
        (9, "default is 30 seconds"),
    ]
    lines = dict(zip(chunk.line_numbers, text.split("\n")))
    assert all(u.quote in lines[u.line] for u in units)
    assert all(u.chunk_id == 5 and u.file == "sqs.md" for u in units)
    assert "After a poll the message is hidden" in units[2].context  # the parent outline line


def test_scorer_prefers_sentences_with_the_question_terms():
    units = [
        _unit("a.md", 1, "Lambda functions can run for at most 15 minutes.", "Lambda > Limits", 0),
        _unit("a.md", 2, "Memory can be set from 128 MB to 10240 MB.", "Lambda > Limits", 0),
    ]
    ranked = Scorer({"memori": 2.0, "lambda": 0.5, "function": 0.5}).score("How much memory can Lambda use?", units, {0: 1})
    assert ranked[0].line == 2 and ranked[0].score > ranked[1].score


def test_scorer_looks_stored_sentence_vectors_up_and_embeds_only_the_rest():
    """Vectors the index stored give the same scores as embedding on the spot, without embedding them."""
    from conftest import FakeEmbedder

    def units():
        return [
            _unit("a.md", 1, "Lambda functions can run for at most 15 minutes.", "Lambda > Limits", 0),
            _unit("a.md", 2, "Memory can be set from 128 MB to 10240 MB.", "Lambda > Limits", 0),
            _unit("a.md", 3, "Layers share code between functions.", "Lambda > Layers", 1),
        ]

    idf = {"memori": 2.0, "lambda": 0.5, "function": 0.5}
    question = "How much memory can Lambda use?"
    plain = Scorer(idf, FakeEmbedder()).score(question, units(), {0: 1, 1: 2})
    stored_texts = [u.display for u in units()[:2]]
    stored = {t: FakeEmbedder().encode_query(t) for t in stored_texts}
    counter = FakeEmbedder()
    looked_up = Scorer(idf, counter, stored=stored).score(question, units(), {0: 1, 1: 2})
    assert [(u.line, round(u.score, 6)) for u in looked_up] == [(u.line, round(u.score, 6)) for u in plain]
    assert counter.embedded == 1  # only the sentence the index did not hold


# -- strict support (issue 10 item 3; issue 15 item 3e) -------------------------------------------------------


@pytest.fixture
def queues() -> list[Source]:
    return [Source(1, "q.md", "Queues", [
        _unit("q.md", 3, "Standard queues offer nearly unlimited throughput and at-least-once delivery.", "Queues", 0),
        _unit("q.md", 4, "FIFO queues are first-in-first-out and deliver exactly once.", "Queues", 0),
    ])]


def test_words_from_another_line_are_repointed_to_that_line(queues):
    # cited to the Standard line, but "first-in-first-out" and "exactly once" stand only in the FIFO line
    item = _one("FIFO queues are first-in-first-out and deliver exactly once [1].", queues)
    assert item.verified and item.support[0][1].line == 4
    mixed = _one("Standard queues are first-in-first-out with unlimited throughput [1].", queues)
    assert not mixed.verified  # words from two lines: no single cited line holds them, so it is dropped
    assert "not in the cited text" in mixed.reason


def test_invented_generalisation_is_dropped(sources):
    item = _one("The default visibility timeout is 30 seconds, the same as in any messaging system [2].", sources)
    assert not item.verified and "not in the cited text" in item.reason


def test_echo_of_the_question_is_not_an_answer(sources):
    item = _one("The default visibility timeout is the default visibility timeout [2].", sources,
                question="what is the default visibility timeout?")
    assert not item.verified and item.reason == "it only repeats the question"


def test_maximum_where_the_note_says_default(sources):
    item = _one("The maximum visibility timeout is 30 seconds [2].", sources)
    assert not item.verified and "max" in item.reason


def test_made_up_definition_from_two_note_words_is_dropped(sources):
    item = _one("Visibility timeout means the API deletes messages [2].", sources)
    assert not item.verified


def test_faithful_checks_added_words_and_numbers():
    from rag.answer.verify import faithful

    quote = "Messages are kept for 4 days by default, up to a maximum of 14 days."
    assert faithful("Messages are kept for 14 days at most.", quote, "how long are messages kept at most?")
    assert not faithful("Messages are kept for 15 days.", quote)
    assert not faithful("Messages are kept forever in any database.", quote)
