"""Moved to :mod:`rag.answer.evidence`; kept so older imports (``from rag.evidence import units_of``) work."""

from .answer.evidence import Scorer, Unit, units_of  # noqa: F401
