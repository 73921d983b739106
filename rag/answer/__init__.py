"""The answer stage: question -> intent -> evidence -> gate -> model -> verify -> compose.

``Answerer.ask`` / ``Answerer.ask_stream`` is the one entry point the pipeline calls. Modules, in data-flow
order: :mod:`.intent` (what the question asks), :mod:`.policy` (every knob), :mod:`.vocab` (words learned
from the notes), :mod:`.evidence` (scored note sentences), :mod:`.gather` (the chunks, lines and sources a question
needs), :mod:`.gate` (answer or refuse), :mod:`.verify` (strict support of model sentences), :mod:`.blocks`
(quoting a note's structure), :mod:`.conflict` (notes that disagree), :mod:`.compose` (the answer a reader
sees), :mod:`.engine` (wiring).
"""

from .cleaning import MAX_QUESTION_CHARS, clean_question
from .engine import REFUSAL, SYSTEM_PROMPT, Answer, Answerer

__all__ = ["Answer", "Answerer", "clean_question", "MAX_QUESTION_CHARS", "REFUSAL", "SYSTEM_PROMPT"]
