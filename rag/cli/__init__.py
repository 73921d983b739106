"""The `rag` command line: thin wrappers that parse flags, call the pipeline and print errors on one line.

``base`` holds the group and what commands share; ``ask`` and ``manage`` add the commands to it.
"""

from . import ask, manage  # noqa: F401  (registers the commands)
from .base import main

__all__ = ["main"]
