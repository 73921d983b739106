"""llama.cpp keeps the evaluated system prompt between questions: only what follows it is read again."""

from __future__ import annotations

import pytest

from rag.answer import SYSTEM_PROMPT
from rag.config import Settings

pytestmark = pytest.mark.model


def _user(i: int) -> str:
    return (f"Sources:\n[1] note{i}.md: Item {i} has a limit of {i * 7} units and a default of {i} seconds.\n\n"
            f"Question: what is the limit of item {i}?")


def test_fixed_system_prompt_is_evaluated_once():
    from rag.models.gguf import GgufGenerator

    generator = GgufGenerator(Settings.load())
    evaluated: list[int] = []
    original = generator.llm.eval
    generator.llm.eval = lambda tokens: (evaluated.append(len(tokens)), original(tokens))[1]

    def prompt_read(system: str, user: str) -> int:
        evaluated.clear()
        for _ in generator.stream(system, user, max_tokens=4):
            pass
        return evaluated[0]  # the prompt batch; then one token at a time

    system_tokens = generator.count(SYSTEM_PROMPT)
    first = prompt_read(SYSTEM_PROMPT, _user(1))
    second = prompt_read(SYSTEM_PROMPT, _user(2))
    other = prompt_read("Answer briefly. " + SYSTEM_PROMPT, _user(3))
    assert first > system_tokens and other > system_tokens  # nothing to reuse: the whole prompt is read
    assert second <= first - system_tokens + 4  # the system prompt (and template head) came from the KV cache
