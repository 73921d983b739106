"""rag.markup: the one definition of headings, list items, fences and citation marks, and the differences its
variants name (a lone dash, a tree branch, a marker with no text)."""

import dataclasses

import pytest

from rag import markup as M
from rag.answer.policy import DEFAULT, Policy


def test_heading_needs_three_dashes_where_any_dashes_takes_one():
    assert M.HEADING.match("## Sauces") and M.HEADING_ANY_DASHES.match("## Sauces")
    assert M.HEADING.match("---") and M.HEADING_ANY_DASHES.match("===")
    assert not M.HEADING.match("-") and M.HEADING_ANY_DASHES.match("-")
    assert not M.HEADING.match("#hashtag") and not M.HEADING.match("    ## indented code")


def test_item_markers():
    line = "  - Fold the egg whites in. Do not stir."
    assert line[M.ITEM.match(line).end():] == "Fold the egg whites in. Do not stir."
    assert M.ITEM.match("3) Rest the dough") and M.ITEM_WITH_TEXT.match("3) Rest the dough")
    assert M.ITEM.match("-   ") and not M.ITEM_WITH_TEXT.match("-   ")
    assert M.ITEM_MARK.sub("", "**Whisk**") == "*Whisk**"  # chunking's loose marker: no blank needed
    assert not M.LIST_ITEM.match("**bold**") and not M.LIST_ITEM.match("1.5 GB of flour")
    assert M.LIST_ITEM.match("│   ├── sourdough") and M.NUMBERED.match("12. Bake")


def test_fence_depth_lead_and_citations():
    assert M.FENCE.match("  ```python") and M.FENCE.match("~~~") and not M.FENCE.match("`inline`")
    assert M.depth("│   ├── rye") == 8 and M.depth("  plain") == 2
    assert M.LEAD_MARK.sub("", "### Braising") == "Braising" and M.LEAD_MARK.sub("", "-x") == "-x"
    assert M.CITE_MARK.findall("Simmer 20 minutes [1] and rest [12].") == ["1", "12"]
    assert M.CITE_MARKS.findall("Salt the water [1, 3].") == ["1, 3"]


def test_policy_groups_keep_every_knob():
    names = [f.name for f in dataclasses.fields(Policy)]
    assert len(names) == len(set(names)) and names[0] == "w_context_coverage" and names[-1] == "sibling_gives_value"
    assert DEFAULT.min_relevance == pytest.approx(0.4)
    assert dataclasses.replace(DEFAULT, strong=0.5).strong == 0.5 and DEFAULT.strong == 0.85
