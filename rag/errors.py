"""Exceptions a user can cause. Each message names the bad value and how to fix it."""


class RagError(Exception):
    """Base class: the CLI and UI print ``str(err)`` on one line, never a traceback."""


class ConfigError(RagError):
    """A setting (flag or environment variable) has a value we cannot use."""


class CorpusError(RagError):
    """The notes folder is missing, empty, or holds nothing we can read."""


class IndexMissingError(RagError):
    """No index has been built yet at the configured location."""


class IndexMismatchError(RagError):
    """The index on disk was built with another format, embedder or chunker settings."""


class IndexCorruptError(RagError):
    """An index file is truncated or fails its checksum."""


class ModelError(RagError):
    """The GGUF model file is missing, unreadable or not a GGUF file."""


class QuestionError(RagError):
    """The question is empty or unusable after cleaning."""


class IndexStaleError(RagError):
    """A note changed since the index was built and the index could not be refreshed."""


class EvalSetError(RagError):
    """An eval set (shipped or the user's own) is missing, unreadable, or has an item that fails its checks."""
