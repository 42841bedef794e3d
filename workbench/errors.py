"""Typed exceptions shared by every layer, and THE table of exit codes.

Entrances translate them: the CLI prints ``Error: <message>`` and exits with
``exit_code``; the web layer answers ``{"ok": false, "error": ..., "status": ...}``
with ``status``.  Raising one of these (instead of a bare ValueError) is how a
service says "this is the user's input, not a bug".

``EXIT_CODES`` is the one table every command follows; the README's table is
checked against it (tests/reliability/test_exit_codes.py).

Messages are English templates marked with ``N_`` (pybabel's default keyword,
so ``pybabel extract`` finds them) and their values as keyword parameters:
``NotFoundError(N_("version %(id)s not found"), id=vid)``.  ``message`` is the
English text (the CLI prints it); the web renders ``template`` in the request's
language (``workbench.web.errors.localized``).  No gettext here: services stay
free of Flask, and the CLI stays English.
"""

from __future__ import annotations

#: Exit code of a multi-file command that stored some files and refused others.
PARTIAL_EXIT_CODE = 12


def N_(message: str) -> str:
    """Mark ``message`` for extraction into the UI catalogs; it is translated later,
    where the reader's language is known (the web entrance)."""
    return message


class Num(int):
    """A count shown with digit grouping: ``5,242,880`` in English, the UI locale's
    grouping on a page (``5.242.880`` in German)."""

    def __str__(self) -> str:
        return f"{int(self):,}"


class Term(str):
    """A word of a vocabulary (a file kind, a permission) put into a message: marked
    with ``N_`` where it is defined and translated along with the message."""


class WorkbenchError(Exception):
    """Base class: a problem the user can fix; never a programming error.

    ``template`` and ``params`` keep the untranslated message and its values, so
    an entrance can show it in its reader's language; a parameter may itself be
    a ``WorkbenchError`` (a reason wrapped in a wider message).
    """

    status: int = 400
    exit_code: int = 1

    def __init__(self, message: str, /, **params: object) -> None:
        text = message % params if params else message
        super().__init__(text)
        self.message = text
        self.template = message
        self.params = params


class InputError(WorkbenchError):
    """Input that cannot be used: empty, binary, undecodable, malformed, a missing input
    file, an unusable output path, an invalid language code."""

    status = 422
    exit_code = 2


class TooLargeError(InputError):
    """Input over a configured size limit."""

    status = 413


class NothingToExportError(InputError):
    """A file made of translations only (a TMX) would be empty: nothing approved or
    translated yet.  Its own type so a page can send the translator back with the reason."""


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


class LanguageCodeError(InputError, LanguagePairError):
    """A language code that is not one (``Deutsch!``): bad input, not a missing model.

    Still a ``LanguagePairError`` so code that falls back when a pair cannot be
    translated keeps doing so; its exit code and status are those of bad input.
    """

    status = 422
    exit_code = 2


class ModelError(WorkbenchError):
    """A translation model package is missing, corrupt or cannot be installed."""

    status = 422
    exit_code = 6


class OfflineError(WorkbenchError):
    """An operation needed the network (e.g. the Argos package index) and it is unreachable."""

    status = 503
    exit_code = 7


class DatabaseError(WorkbenchError):
    """The database URL is unusable or the database cannot be reached."""

    status = 503
    exit_code = 8


class RerunNeededError(WorkbenchError):
    """A bulk run finished but left segments another worker held: run it again."""

    status = 409
    exit_code = 11


class PortError(WorkbenchError):
    """The web server cannot listen: the port is busy, reserved or the host unknown."""

    status = 503
    exit_code = 9


#: Exit codes of every ``workbench`` command (0 is success).
EXIT_CODES: dict[int, str] = {
    1: "unexpected error (a bug: please report it with the message)",
    2: "bad input: command-line usage, a missing, unreadable or malformed input file, "
    "an invalid language code, an unusable output path",
    3: "not found: a stored version, alignment, segment or installed model",
    4: "conflict: it was changed by someone else first (reload and retry)",
    5: "no translation model for the language pair, even through a pivot",
    6: "a model package is corrupt or cannot be installed",
    7: "offline: the operation needs the network",
    8: "database: the URL is unusable or the database cannot be reached",
    9: "the web server cannot listen: port busy or reserved, or unknown host",
    10: "login or permission: wrong name, password or token, a role that may not do this, "
    "or `serve` beyond loopback without any account",
    11: "incomplete: segments another worker held were left; run the same command again",
    PARTIAL_EXIT_CODE: "partial: some input files were stored, others refused (each is named)",
    130: "interrupted (Ctrl+C)",
}
