"""Moved to :mod:`rag.answer.condense`; kept so older imports work."""

from .answer.condense import condense, is_follow_up  # noqa: F401
