"""Moved to :mod:`rag.answer.verify`; kept so older imports (``from rag.verify import Citation``) work."""

from .answer.verify import Checked, Citation, Source, number_units, parse_answer, supports, verify  # noqa: F401
