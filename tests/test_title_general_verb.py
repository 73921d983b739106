"""A title holding every key word of the question but its verb of general meaning ("what does the Rule of the
Road say" over "### Rule of the Open Road") restates the question (rag.answer.titled.restating_factors,
policy.title_excuses_general_verb): the verb asks for the section's content, so lines under other titles weigh
less. Invented sailing headings; with the knob off the verb, said by no title, leaves every line its weight."""

from __future__ import annotations

import dataclasses

from rag.answer.evidence import _GENERAL_VERBS
from rag.answer.policy import DEFAULT
from rag.answer.titled import restating_factors
from rag.text import terms

HEADINGS = ["Seamanship > Rule of the Open Road", "Seamanship > Rule of Tonnage", "Seamanship"]


def _factors(question, policy=DEFAULT):
    excused = _GENERAL_VERBS if policy.title_excuses_general_verb else frozenset()
    return restating_factors(terms(question), HEADINGS, {}, policy.title_min_terms, policy.other_title_factor, excused)


def test_a_title_naming_all_but_the_general_verb_restates_the_question():
    assert _factors("what does the rule of the open road say") == [1.0, 0.4, 0.4]
    off = dataclasses.replace(DEFAULT, title_excuses_general_verb=False)
    assert _factors("what does the rule of the open road say", off) == [1.0, 1.0, 1.0]


def test_a_verb_of_particular_meaning_is_still_asked_of_the_title():
    # "enforce" is no general verb: no title holds it, so none restates the question
    assert _factors("who does the rule of the open road enforce") == [1.0, 1.0, 1.0]
