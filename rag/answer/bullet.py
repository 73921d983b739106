"""A short list item is one point: when the sentence chosen from it is one of its few sentences ("- Bowline:
a fixed loop at the end of a line. It does not slip under load."), the item is quoted whole, since
its other sentences finish what the chosen one says of the same subject."""

from __future__ import annotations

from ..markup import ITEM
from .policy import Policy
from .sentences import sentences


def whole_item(quote: str, line: str, policy: Policy) -> str | None:
    """The item's text from ``quote`` on to its end (an exact span of ``line``), when ``line`` is a list item of
    at most ``policy.item_whole_max_chars`` characters holding more than one sentence and ``quote`` is one of
    them; None otherwise (a plain paragraph line, a long item, a one-sentence item, the switch off)."""
    marker = ITEM.match(line)
    if not policy.item_whole_max_chars or not marker:
        return None
    body = line[marker.end():].rstrip()
    at = body.find(quote)
    if at < 0 or len(body) > policy.item_whole_max_chars or len(sentences(body)) < 2:
        return None
    # the sentences before the chosen one come too: the item reads from its start ("Term: what it is. More.")
    return body if body.strip() != quote.strip() else None
