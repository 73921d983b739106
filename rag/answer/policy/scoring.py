"""Knobs of scoring and relevance: how a note's sentence is weighed against a question (key terms, similarity,
rank, bonuses, table cells, forms), which sentences reach the prompt, and the relevance floor below which the
answer stage refuses. Part of :class:`rag.answer.policy.Policy`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ScoringKnobs:
    """Evidence scoring, source selection, relevance and evidence units read together."""

    # Evidence scoring (rag.answer.evidence.Scorer): a sentence's score is a weighted sum of the share of
    # the question's idf-weighted key terms in its heading context and itself, its embedding similarity,
    # and its chunk's retrieval rank; then a bonus when it holds the kind of value asked for.
    w_context_coverage: float = 0.35
    w_own_coverage: float = 0.25
    w_similarity: float = 0.3
    w_rank: float = 0.1
    bonus_value_kind: float = 0.12  # holds the asked kind of value ("30 seconds" for "how long")
    bonus_any_number: float = 0.05  # an amount question, a sentence with some number
    # "how much flour goes in", "how much of the stock is kept": a degree asked of a mass noun is mostly answered by a
    # quantity, a number the line measures something in ("250 g of flour", "3/4 of the stock"; values.MEASURED);
    # such a line weighs as holding the asked kind of value does. 0 turns it off. practice5 b019, practice11 k006 k017.
    bonus_quantity_of_much: float = 0.12
    bonus_bound_word: float = 0.05  # the question's "default"/"maximum" word also in the sentence
    # a term line joined with its definition (policy.notes.TERM_LINE) whose term is all the question's key words
    # ("what does the bosun do": "**Bosun** -" / "_Keeps the deck in order_") says what the thing is or does; weighs as
    # holding the asked kind of value does: the other lines naming the term only mention it (rag.answer.evidence)
    bonus_defined_term: float = 0.12
    # a why-question's asked kind is a reason: a line stating one with a reason connective (questions.REASON)
    # weighs as holding the asked kind of value does (bonus_value_kind), for the same reason and by as much.
    bonus_reason: float = 0.12
    # a where-question's prose line writing a path (stated.PATH_STATED: ".cache/tiles") says where (practice13 w001)
    bonus_path_place: float = 0.12
    # a code line whose trailing comment holds a word (or names an option) of a what-question its command does
    # not ("git show x  # you will see an event ..."): the comment states what the command shows
    # (rag.answer.comments); weighs as holding the asked kind of value does. practice4 k006 k014.
    bonus_comment: float = 0.12
    # A sentence's words after "without" (Q.LACKING: "a quick overview, without the full report") name what it does
    # not do: for a question with no such word they cover none of its terms (rag.answer.evidence.lacked);
    # off: they count like the sentence's other words
    lacking_words_not_said: bool = True
    # Table cell lookup (rag.answer.cells): a question holding a row's cell whole ("for the Bowline", "the reef knot",
    # "which are Secure") names that row, which then outranks rows of the same table sharing only the header's
    # words (every row does). Its key (first) cell weighs as much as holding the asked kind of value and a bit more
    # (the key is what the row is of); each other named cell (a value picking rows, a second key) weighs less,
    # at most ``row_cells_counted`` of them. Words of letters this long match in any case; shorter ones and
    # symbols only as written ("ml" is not "ML"). Measured on evals/practice6 (notes of tables); see README.
    table_cell_lookup: bool = True
    bonus_row_key: float = 0.15
    bonus_row_cell: float = 0.08
    row_cells_counted: int = 2
    cell_any_case_min: int = 4
    # ...and in a table some of whose rows the question names, the rows it does not name weigh this share of their
    # score: a neighbour row sharing the question's words in a long cell ("Slippery", "before a hitch") is not the
    # row asked about ("what strength does the reef knot have")
    row_unnamed_factor: float = 0.6
    # ...and a long table chunked in pieces: pieces holding a row whose key the question names join the retrieved
    # chunks (at most this many) when other pieces of that table were retrieved (cells.keyed_rows_elsewhere)
    table_chunks: int = 2
    form_link_only: float = 0.5  # a sentence that is mostly a link
    form_topic_only: float = 0.7  # a heading-like line ("Standard queues:") names a topic, states nothing
    # ...but a short line measuring a quantity ("400 g rice", "2 g of rennet": values.MEASURED), as lists of
    # ingredients or parts write one, states that amount: it weighs as a sentence. practice11 k037.
    measured_line_states: bool = True
    # a sentence that is a question ("What did the guilds control?": a study prompt above its answer) answers
    # nothing but shares the asked words. Measured (model-free, answering line first / in the top 3): a history
    # student's question-and-answer notes (evals/practice2) 0.38 -> 0.65 / 0.77 -> 0.84 (13 items better, none
    # worse; 0.7: 0.62); the other sets' notes hold no question lines and did not move.
    form_question: float = 0.5
    evidence_chunks: int = 8  # chunks whose sentences are scored (the k nearest are listed to the user)
    lexical_chunks: int = 3  # ...plus the best BM25 chunks, which rank fusion can push below k
    side_chunks: int = 2  # ...plus each comparison side's (or each part's) best chunks retrieved on its own
    flag_chunks: int = 2  # ...plus chunks writing an option flag the question names ("-u"), which BM25 skips
    phrase_units: int = 24  # best sentences whose word pairs tell a side's name ("red giant") from what is compared
    # Source selection for the prompt.
    max_sources: int = 3
    units_per_source: int = 3
    source_floor: float = 0.6  # sentences below this share of the best score are not shown to the model
    # Relevance (whether to answer at all): key-term coverage of the best sentence and dense similarity.
    w_relevance_coverage: float = 0.6
    w_relevance_dense: float = 0.4
    relevance_units: int = 8  # how many top sentences the coverage is taken over
    # The dense part is the question's closeness on these notes' own scale (rag.answer.calibrate): the share
    # of the notes' sentences whose best chunk in another note is less similar than the question's best hit.
    calibration_sentences: int = 400  # note sentences sampled at load (1.3 ms on 452 chunks)
    calibration_min: int = 20  # fewer stored sentences than this: not calibrated (coverage decides)
    calibration_pairs: int = 2_000_000  # most sentence-chunk products at load (~0.8 GFLOP at 384 dimensions)
    # Refuse below the relevance of a question that stands at this point: its best sentence speaks of a third
    # of its (idf-weighted) key terms, and its best note is as close as a typical unrelated note of these
    # notes (closeness 0.5). Less coverage must be made up by more closeness, and the reverse. Both are
    # shares on scales the notes set themselves, so no similarity value of one corpus is built in.
    # RAG_MIN_RELEVANCE overrides it. (On the dev halves every unanswerable question is refused by the
    # checks in rag.answer.gate; this floor catches questions the notes barely touch.)
    refuse_coverage: float = 1 / 3
    refuse_closeness: float = 0.5
    # Evidence units read together.
    # a line's first sentence that points back ("This happens on about every 20th regatta") is read with the last
    # sentence of the line above it in its paragraph, as it is with the sentence before it on one line: notes
    # written one sentence per line name the subject on one line and state the fact on the next (rag.answer.across)
    antecedent_across_lines: bool = True
    # such a pair (either kind) scores at least as its first sentence alone and ranks before it on a tie: it says
    # all that sentence says and the fact the pointing-back sentence adds (rag.answer.evidence._lift_pairs)
    pair_keeps_antecedent: bool = True
