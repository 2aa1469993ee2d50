"""The small family of errors cleanup raises. Only ``cli.py`` turns them into exit codes."""


class CleanupError(Exception):
    """Base class; the message says what went wrong and what to do."""

    exit_code = 2


class InputError(CleanupError):
    """Input that cannot be read as an article: missing, a directory, binary, undecodable, empty."""


class ModelError(CleanupError):
    """A model directory that cannot be loaded."""
