"""The answer stage's knobs: weights, thresholds and counts, each with why and the measurement behind it.

:class:`Policy` gathers them from three groups, each in its own module with each knob's documentation:
:mod:`.scoring` (evidence scoring, relevance), :mod:`.checks` (answerability checks), :mod:`.composing`
(composition, generation, reading rules). ``DEFAULT`` is the tuned policy; tune on the ``dev`` half of an eval
set only (evals/SOURCES.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from .checks import CheckKnobs
from .composing import ComposeKnobs
from .scoring import ScoringKnobs


# The bases are listed last group first: a dataclass takes its fields from the bases in reverse order, so the
# fields stand as they always have (scoring, checks, composition).
@dataclass(frozen=True)
class Policy(ComposeKnobs, CheckKnobs, ScoringKnobs):
    """Weights and thresholds of the answer stage; ``Policy()`` is the tuned default."""

    @property
    def min_relevance(self) -> float:
        """The default refusal floor: the relevance of the reference point described with ``refuse_coverage``
        (:mod:`.scoring`; 0.4)."""
        return self.w_relevance_coverage * self.refuse_coverage + self.w_relevance_dense * self.refuse_closeness


DEFAULT = Policy()
