"""Every knob of the answer stage in one place, this package: weights, thresholds and word lists, each with why.

- :mod:`.knobs`: the numeric weights, thresholds and counts (:class:`Policy`; ``DEFAULT`` is the tuned one,
  also importable from here as the package's public face), gathered from :mod:`.scoring` (evidence scoring,
  relevance), :mod:`.checks` (answerability checks) and :mod:`.composing` (composition, generation), where
  each knob is documented;
- :mod:`.values`: kinds of value (duration, size, price, ...), their units, the words asking each, bounds,
  counts and positions;
- :mod:`.questions`: the other shapes of a question (why, meaning, definition, list, who, yes/no, comparison,
  two parts);
- :mod:`.stated`: what a question's kind needs a line to state (a ranking, a place, a reason), read through
  :mod:`.questions`;
- :mod:`.naming`: how a question asks a name and how a line gives one, read through :mod:`.questions`;
- :mod:`.grammar`: the English function words framing a question (auxiliaries, determiners, prepositions,
  pronouns, particles), read through :mod:`.questions`;
- :mod:`.notes`: how note lines are read, and what a model's sentence may add to the line it cites.

Nothing here names a field of knowledge: the word lists are plain English (question words, units of time,
size and money). Vocabulary that belongs to one set of notes (its names, acronyms, count units such as
"replicas" or "seats") is learned from the notes when the index is loaded (:mod:`rag.answer.vocab`).
Tune on the ``dev`` half of an eval set only (evals/SOURCES.md).
"""

from .knobs import DEFAULT, Policy

__all__ = ["DEFAULT", "Policy"]
