"""Typed exceptions shared by every layer.

Entrances translate them: the CLI prints ``Error: <message>`` and exits with
``exit_code``; the web layer answers ``{"ok": false, "error": ..., "status": ...}``
with ``status``.  Raising one of these (instead of a bare ValueError) is how a
service says "this is the user's input, not a bug".
"""

from __future__ import annotations


class WorkbenchError(Exception):
    """Base class: a problem the user can fix; never a programming error."""

    status: int = 400
    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(WorkbenchError):
    """Input that cannot be used: empty, binary, undecodable, malformed."""

    status = 422
    exit_code = 2


class TooLargeError(InputError):
    """Input over a configured size limit."""

    status = 413


class NotFoundError(WorkbenchError):
    """A referenced object (version, alignment, model...) does not exist."""

    status = 404
    exit_code = 3


class ConflictError(WorkbenchError):
    """A write based on a stale revision; the caller must reload and retry."""

    status = 409
    exit_code = 4


class LanguagePairError(WorkbenchError):
    """Unknown language code, or no installed model (even via a pivot) for a pair."""

    status = 422
    exit_code = 5


class ModelError(WorkbenchError):
    """A translation model package is missing, corrupt or cannot be installed."""

    status = 422
    exit_code = 6


class OfflineError(WorkbenchError):
    """An operation needed the network (e.g. the Argos package index) and it is unreachable."""

    status = 503
    exit_code = 7
