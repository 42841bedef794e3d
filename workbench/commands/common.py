"""What every command shares: the settings, the database, output files, JSON.

Why here and not in ``cli.py``: commands import these helpers, and ``cli.py``
imports the commands to register them; keeping the helpers in their own module
means no command ever imports ``cli.py`` (no import cycle).
"""

from __future__ import annotations

import json
import os
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from workbench.config import Settings
from workbench.errors import InputError


def _named(param: click.Parameter | None) -> str:
    """How the user typed ``param``: ``--output`` for an option, ``PATH`` for an argument."""
    if isinstance(param, click.Option) and param.opts:
        return max(param.opts, key=len)
    return param.human_readable_name if param is not None else "value"


class _Filled:
    """Mixed into a click type: an empty or blank value is one ``Error:`` line naming the
    parameter (round 44: ``show ' '`` or ``--format ''`` was click's usage text), checked by
    ``services.validation.check_filled``; every other value is the click type's to read."""

    def _choices(self) -> list[str] | None:
        return None  # a number: "give a number"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from workbench.services.validation import check_filled

        if isinstance(value, str):
            check_filled(value, _named(param), self._choices())
        return super().convert(value, param, ctx)  # type: ignore[misc]


class IdRange(_Filled, click.IntRange):
    """Stored ids (1..2^63-1); an empty or blank one is one ``Error:`` line."""


class Integer(_Filled, click.types.IntParamType):
    """``int`` whose empty or blank value is one ``Error:`` line; the range is the
    service's to check (``check_id``), as before."""


class Choice(_Filled, click.Choice):
    """``click.Choice`` naming an empty or blank value and the choices in one ``Error:`` line."""

    def _choices(self) -> list[str] | None:
        return [str(c) for c in self.choices]


class NamedPath(click.Path):
    """``click.Path`` refusing ``''``, blanks, ``-`` and (for a file) a folder in one
    ``Error:`` line, by ``services.files.check_named`` (round 44)."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from workbench.services.files import check_named

        if isinstance(value, str):
            check_named(value, _named(param), folder_ok=self.dir_okay)
        return super().convert(value, param, ctx)


#: Click type for stored ids: a number past 2^63-1 is a usage error, not a driver overflow.
ID = IdRange(1, 2**63 - 1)
#: Click type for a number the service checks itself (``qa 0`` keeps the service's message).
INT = Integer()


def one_line(message: str) -> str:
    """``message`` with its control characters and line separators escaped
    (``no\\nsuch.txt``), as a shell user types them: a path holding a line break
    split an ``Error:`` over two lines, and an escape sequence in a file name
    reached the terminal (round 36); the ingest report's lines too (round 37).
    Other characters are kept as they are."""
    if message.isprintable():
        return message
    return "".join(
        repr(ch)[1:-1] if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in message
    )


def settings_of(ctx: click.Context | None = None) -> Settings:
    """The ``Settings`` built by the root group (``ctx`` defaults to the current one)."""
    obj = (ctx or click.get_current_context()).find_root().obj
    if not isinstance(obj, Settings):  # a command invoked without the root group (tests)
        obj = Settings.from_env()
    return obj


def database_settings(ctx: click.Context | None = None) -> Settings:
    """The settings, with the database created/upgraded: commands that touch it call this
    once, first (a wrong URL or an unreachable server is then one clear ``Error:``)."""
    from workbench.store.migrate import ensure_database

    settings = settings_of(ctx)
    ensure_database(settings.database_url)
    return settings


def dump_json(data: Any) -> None:
    """Print ``data`` as indented JSON, non-ASCII kept as is."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


def check_output_file(path: Path, *, force: bool = False) -> Path:
    """Refuse an output path that cannot or should not be written, before any work.

    A missing folder, a folder in place of the file, an existing file (unless
    ``force``) and a folder we may not write to are all the user's to fix.
    """
    from workbench.services.files import refuse_database_path

    refuse_database_path(path, settings_of().database_url)  # not even with --force
    if path.is_dir():
        raise InputError(f"{path} is a folder; give a file name")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise InputError(f"cannot write {path}: the folder {parent} does not exist")
    if path.exists() and not force:
        raise InputError(f"{path} already exists; use --force to overwrite it")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise InputError(f"cannot write {path}: permission denied")
    return path


def check_output_dir(path: Path) -> Path:
    """An output folder (created later when missing); a file in its place is refused."""
    if path.exists() and not path.is_dir():
        raise InputError(f"{path} is a file; give a folder for the output files")
    existing = path
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
        raise InputError(f"cannot write into {path}: permission denied in {existing}")
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_output(path: Path, text: str | Iterable[str], *, force: bool = False) -> None:
    """Write ``text`` (or its streamed pieces) to ``path`` whole or not at all (a temporary
    file, then a rename)."""
    check_output_file(path, force=force)
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            if isinstance(text, str):
                handle.write(text)
            else:
                handle.writelines(text)
        os.chmod(tmp, 0o666 & ~_umask())  # as open() would make it, not mkstemp's 0600
        os.replace(tmp, path)
    except OSError as exc:
        if "tmp" in locals():
            Path(tmp).unlink(missing_ok=True)
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from exc
