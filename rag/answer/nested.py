"""Whether a line heads nested lines, compared as a reader sees both: a bold or coded parent line ("**Proofing**")
stands in its nested lines' context without its emphasis markers ("... > Proofing"), so matching the raw quote
misses it. rag.answer.restated leaves a why-question's reason to a heading line's nested lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..text import strip_markup
from .policy import DEFAULT, Policy

if TYPE_CHECKING:
    from .evidence import Unit


def heads_nested(best: Unit, ranked: list[Unit], policy: Policy = DEFAULT) -> bool:
    """Whether a later line of ``best``'s file among ``ranked`` is nested under it: its context ends with
    ``best``'s line (with policy.nested_head_as_read, both without emphasis markers; a wrapped paragraph's later
    lines hold it too, but their context does not end with it)."""
    quote = best.quote
    if policy.nested_head_as_read:
        quote = strip_markup(quote, lead=False)

    def ends(context: str) -> bool:
        context = context.rstrip()
        if policy.nested_head_as_read:
            context = strip_markup(context, lead=False)
        return bool(quote) and context.endswith(quote)

    return any(ends(u.context) for u in ranked if u.file == best.file and u.line > best.line)
