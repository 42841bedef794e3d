"""Ingest files and folders: one transaction per file, each file's outlet from its name.

Why apart from ``services.ingest``: that module turns bytes into a stored
version; this one walks paths (regular files only, bounded reads, symlinks on
request) and decides what each file brings besides its bytes.  A folder of
captures usually holds several outlets, named the way the project's own data
is (``pages/<story>/<outlet>_<lang>.txt``): without ``--outlet``, a file called
``ostro_org_uk.txt`` is a capture of the outlet ``ostro_org`` (the language
part is only a name part: each segment's language is still detected).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from datetime import datetime
from importlib import resources
from pathlib import Path

from workbench.config import Settings
from workbench.errors import WorkbenchError
from workbench.formats import INGESTIBLE_SUFFIXES
from workbench.services.files import candidates, read_bounded
from workbench.services.ingest import IngestResult, ingest_bytes
from workbench.services.ingest_checks import check_given_options

#: ``<outlet>_<lang>.<ext>``: an outlet (may hold ``_``), then a two-letter language code.
OUTLET_NAME = re.compile(r"^(?P<outlet>.*[^_])_(?P<lang>[a-z]{2})$")

Progress = Callable[[Path, IngestResult | WorkbenchError], None]


def outlet_from_name(filename: str) -> str:
    """``ostro_org`` from ``ostro_org_uk.txt``; ``""`` for a name without that shape."""
    found = OUTLET_NAME.match(Path(filename).stem)
    return found.group("outlet").strip() if found else ""


def expand_paths(paths: Iterable[str | Path], *, follow_symlinks: bool = False) -> list[Path]:
    """Files as given; directories become their ingestible files (sorted, recursive)."""
    return [c.path for c in candidates(paths, INGESTIBLE_SUFFIXES, follow_symlinks=follow_symlinks)]


def ingest_paths(
    settings: Settings,
    paths: Iterable[str | Path],
    *,
    outlet: str,
    article: str | None = None,
    url: str | None = None,
    captured_at: datetime | str | None = None,
    fmt: str | None = None,
    progress: Progress | None = None,
    keep_going: bool = False,
    follow_symlinks: bool = False,
    match_story: bool = False,
) -> list[IngestResult]:
    """Ingest files one transaction each; ``progress`` is told about every file.

    Without ``outlet`` each file's outlet is its JSON ``outlet`` field, else
    what its name gives (``outlet_from_name``); a file with neither is refused.

    With ``keep_going`` a bad file is reported to ``progress`` and skipped;
    otherwise its error is raised (files before it stay stored).  Files are
    read by ``read_bounded``: regular files only, never past the size limit,
    symlinks only with ``follow_symlinks`` and never out of a folder given.
    """
    check_given_options(article, url, captured_at)
    results: list[IngestResult] = []
    found = candidates(paths, INGESTIBLE_SUFFIXES, follow_symlinks=follow_symlinks)
    for candidate in found:
        path = candidate.path
        try:
            data = read_bounded(
                candidate, settings.max_upload_bytes, follow_symlinks=follow_symlinks
            )
            result = ingest_bytes(
                settings, data, filename=path.name, outlet=outlet, article=article,
                url=url, captured_at=captured_at, fmt=fmt, match_story=match_story,
                outlet_fallback="" if outlet else outlet_from_name(path.name),
            )  # fmt: skip
        except WorkbenchError as exc:
            exc.message = f"{path}: {exc.message}"  # name the file in multi-file runs
            exc.args = (exc.message,)
            if progress is not None:
                progress(path, exc)
            if not keep_going:
                raise
            continue
        result.filename = str(path)
        results.append(result)
        if progress is not None:
            progress(path, result)
    return results


def ingest_sample_corpus(settings: Settings) -> list[IngestResult]:
    """Ingest the bundled sample corpus (``workbench/sample_corpus/manifest.json``)."""
    root = resources.files("workbench") / "sample_corpus"
    manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    results = []
    for entry in manifest["files"]:
        data = (root / entry["file"]).read_bytes()
        result = ingest_bytes(
            settings, data, filename=entry["file"], outlet=entry["outlet"],
            article=entry.get("article"), url=entry.get("url"),
            captured_at=entry.get("captured_at"), fmt=entry.get("format"),
        )  # fmt: skip
        result.filename = entry["file"]
        results.append(result)
    return results
