"""Reading user-named files safely: regular files only, bounded, symlinks by consent.

Why not ``Path.read_bytes``: it follows symlinks (``/etc/shadow`` was ingested
through one and then shown on the web), blocks forever on a FIFO, reads
``/dev/zero`` until memory runs out, and learns a file is too big only after
reading all of it.  Here the size is checked by ``fstat`` on the opened file
and the read itself stops one byte past the limit.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from workbench.errors import N_, InputError, Num, TooLargeError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True)
class Candidate:
    """A file to read; ``root`` is the folder it was found in (None: named directly)."""

    path: Path
    root: Path | None = None


def _kind(mode: int) -> str:
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def _target(candidate: Candidate, follow_symlinks: bool) -> Path:
    """The path to open: the file itself, or a permitted symlink's target."""
    path = candidate.path
    try:
        info = os.lstat(path)
    except FileNotFoundError as exc:
        raise InputError(N_("no such file")) from exc
    except OSError as exc:
        raise InputError(N_("cannot read: %(strerror)s"), strerror=exc.strerror) from exc
    if not stat.S_ISLNK(info.st_mode):
        return path
    if not follow_symlinks:
        raise InputError(N_("is a symbolic link, not followed (use --follow-symlinks)"))
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        raise InputError(N_("is a dangling or looping symbolic link")) from exc
    if candidate.root is not None and not target.is_relative_to(candidate.root.resolve()):
        raise InputError(N_("is a symbolic link to outside the folder given; not followed"))
    return target


def read_bounded(candidate: Candidate, limit: int, *, follow_symlinks: bool = False) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, or an ``InputError``."""
    target = _target(candidate, follow_symlinks)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(target, flags)  # O_NONBLOCK: opening a FIFO must not wait for a writer
    except OSError as exc:
        raise InputError(N_("cannot open: %(strerror)s"), strerror=exc.strerror) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(N_("is %(st_mode)s, not a regular file"), st_mode=_kind(info.st_mode))
        if info.st_size > limit:
            raise TooLargeError(
                N_("file is %(st_size)s bytes; the limit is %(limit)s bytes"),
                st_size=Num(info.st_size),
                limit=Num(limit),
            )
        chunks: list[bytes] = []
        total = 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # grew while we read
            raise TooLargeError(N_("file is over the limit of %(limit)s bytes"), limit=Num(limit))
        return b"".join(chunks)
    except OSError as exc:
        raise InputError(N_("cannot read: %(strerror)s"), strerror=exc.strerror) from exc
    finally:
        os.close(fd)


def read_named(path: Path, limit: int) -> bytes:
    """The bytes of a file the user named on the command line (a symlink is followed:
    it was named), as ``read_bounded`` reads them; errors name the file.

    Why: every command reading a named file (``align``, ``translate FILES``, ``tm`` /
    ``glossary`` / ``translation import``) used ``Path.read_bytes``, which waited
    forever on a FIFO and read ``/dev/zero`` until memory ran out.
    """
    try:
        return read_bounded(Candidate(path), limit, follow_symlinks=True)
    except InputError as exc:
        exc.message = f"cannot read {path}: {exc.message}"
        exc.args = (exc.message,)
        raise


def check_named(raw: str, param: str, *, folder_ok: bool = False) -> Path:
    """The path ``raw`` as typed for ``param``, refused when it can name no file to use.

    Why (round 44): ``Path("")`` is ``.``, so ``ingest ''`` ingested the working
    folder and ``align '' b.txt`` said "cannot read .: is a directory"; ``-``, which
    many tools read as standard input, said "no such file: -"; a folder where a file
    is wanted was a three-line usage error.  A file really named ``-`` is still read.
    """
    if not raw.strip():
        raise InputError(N_("%(param)s is empty or blank: give a file name"), param=param)
    path = Path(raw)
    if raw == "-" and not path.exists():
        raise InputError(
            N_("%(param)s is '-': standard input and output are not used here; give a file name"),
            param=param,
        )
    if not folder_ok and path.is_dir():
        raise InputError(N_("%(param)s: %(path)s is a folder; give a file"), param=param, path=raw)
    return path


def _walk(root: Path, suffixes: tuple[str, ...], follow: bool) -> Iterator[Candidate]:
    """Ingestible files under ``root`` (sorted); links to folders are reported, not walked.

    With ``follow`` a linked folder inside ``root`` is walked once (loops and
    links leading outside ``root`` are reported as bad entries instead).
    """
    real_root = root.resolve()
    seen: set[Path] = {real_root}
    found: list[Candidate] = []
    for folder, dirs, files in os.walk(root, followlinks=follow):
        here = Path(folder)
        keep = []
        for name in sorted(dirs):
            sub = here / name
            if sub.is_symlink():
                real = sub.resolve()
                if not follow or not real.is_relative_to(real_root) or real in seen:
                    found.append(Candidate(sub, root))  # read_bounded names the problem
                    continue
                seen.add(real)
            keep.append(name)
        dirs[:] = keep
        found.extend(
            Candidate(here / name, root) for name in files if Path(name).suffix.lower() in suffixes
        )
    yield from sorted(found, key=lambda c: str(c.path))


def candidates(
    paths: Iterable[str | Path], suffixes: tuple[str, ...], *, follow_symlinks: bool = False
) -> list[Candidate]:
    """Files as given; folders become their ingestible files.  A missing path is an error."""
    out: list[Candidate] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and (follow_symlinks or not path.is_symlink()):
            found = list(_walk(path, suffixes, follow_symlinks))
            if not found:  # round 43: an empty folder was "done" with no word (exit 0)
                raise InputError(
                    N_("%(path)s holds no file to read (looked for %(kinds)s, in subfolders too)"),
                    path=path, kinds=", ".join(suffixes),
                )  # fmt: skip
            out.extend(found)
        elif path.exists() or path.is_symlink():
            out.append(Candidate(path))
        elif (address := _web_address(str(raw))) is not None:
            raise InputError(
                N_("%(url)s is a web address: workbench works offline and fetches no page; save"
                   " the page and ingest the saved file (--url records its address)"),
                url=address,
            )  # fmt: skip
        else:
            raise InputError(N_("no such file: %(path)s"), path=path)
    return out


_SCHEME = re.compile(r"(?i)^(https?|ftp):/+")


def _web_address(raw: str) -> str | None:
    """``raw`` as the web address it was typed as, or None.

    Why: ``ingest https://example.org/x`` said "no such file: https:/example.org/x" (the
    path type had folded the slashes), which hid that the tool fetches nothing.
    """
    match = _SCHEME.match(raw)
    return None if match is None else f"{match.group(1)}://{raw[match.end():]}"


def _database_files(database_url: str) -> set[Path]:
    """The SQLite database file and its journal/WAL companions (none for PostgreSQL)."""
    if not database_url.startswith("sqlite") or "///" not in database_url:
        return set()
    raw = database_url.split("///", 1)[1].split("?", 1)[0]
    if not raw or raw == ":memory:":
        return set()
    main = Path(raw).resolve()
    return {main, *(main.with_name(main.name + s) for s in ("-wal", "-shm", "-journal"))}


def refuse_database_path(path: Path, database_url: str) -> None:
    """Refuse ``path`` as an output file when it is (a link to) the SQLite database.

    Why: ``export -o ~/.local/share/workbench/workbench.db --force`` replaced the
    live database with an export.  ``--force`` allows overwriting files, never this one.
    """
    if path.resolve() in _database_files(database_url):
        raise InputError(
            N_("%(path)s is the workbench database; choose another output file"), path=path
        )
