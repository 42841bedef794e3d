"""Translating loose text files into a folder (``workbench translate FILE... --out DIR``).

Why checked up front: every input is read, decoded and routed before the
first output is written, and each output is written atomically, so a bad
file or a missing model leaves no partial results behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from workbench.adapters.mt.packages import check_code
from workbench.config import Settings
from workbench.errors import N_, InputError, TooLargeError
from workbench.services.translate_texts import Progress, database, keep_edges, pair_route
from workbench.store.db import session_scope


def _read_text_file(path: Path, max_chars: int) -> str:
    """Decode a text file (encoding detected like ingest), or raise a clear ``InputError``."""
    from workbench.adapters.decode import decode_bytes
    from workbench.services.files import read_named

    data = read_named(path, 4 * max_chars + 4)  # UTF-8: at most 4 bytes a character, a BOM
    if not data.strip():
        raise InputError(N_("%(name)s is empty"), name=path.name)
    try:
        text = decode_bytes(data)[0]
    except InputError as exc:
        raise InputError(N_("%(name)s: %(reason)s"), name=path.name, reason=exc) from exc
    if len(text) > max_chars:
        raise TooLargeError(
            N_("%(name)s has %(count)s characters, over the %(max_chars)s limit"),
            name=path.name,
            count=len(text),
            max_chars=max_chars,
        )
    return text


def _file_source(settings: Settings, path: Path, text: str, source: str | None) -> str:
    if source:
        return check_code(source)
    from workbench.adapters.langdetect import detect_text

    found = detect_text(text, settings.languages)
    if found is None:
        raise InputError(
            N_("cannot tell the language of %(name)s: pass --from LANG"), name=path.name
        )
    return found


def _translate_document(settings: Settings, text: str, source: str, target: str) -> str:
    """Sentence-split losslessly (as ingest does), translate, reassemble with the separators."""
    from workbench.core.segment import segment_text

    route = pair_route(settings, source, target)
    leading, segs = segment_text(text, source)
    if not route or not segs:
        return text
    with session_scope(database(settings)) as session:
        outs = keep_edges(session, settings, route, [g.text for g in segs])[0]
    return leading + "".join(o.text + g.separator for o, g in zip(outs, segs, strict=True))


def translate_files(
    settings: Settings,
    paths: Sequence[Path],
    target: str,
    source: str | None,
    out_dir: Path,
    *,
    progress: Progress | None = None,
) -> list[Path]:
    """Translate text files into ``out_dir/<same name>``; returns the written paths.

    ``source=None`` detects each file's language.  All inputs are read and
    checked before anything is written, and each output is written atomically,
    so a bad file leaves no partial results behind.
    """
    target = check_code(target)
    paths = [Path(p) for p in paths]
    names = [p.name for p in paths]
    if len(set(names)) != len(names):
        raise InputError(N_("two input files have the same name; translate them separately"))
    out_dir = Path(out_dir)
    for p in paths:
        if p.resolve().parent == out_dir.resolve():
            raise InputError(
                N_("--out would overwrite the input %(path)s; choose another folder"), path=p
            )
    texts = [_read_text_file(p, settings.max_input_chars) for p in paths]
    sources = [_file_source(settings, p, t, source) for p, t in zip(paths, texts, strict=True)]
    for src in set(sources):
        pair_route(settings, src, target)  # fail on a missing model before writing anything
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for number, (path, text, src) in enumerate(zip(paths, texts, sources, strict=True), start=1):
        result = _translate_document(settings, text, src, target)
        final = out_dir / path.name
        tmp = final.with_name(f".{final.name}.tmp")
        tmp.write_text(result, encoding="utf-8")
        tmp.replace(final)
        written.append(final)
        if progress is not None:
            progress(number, len(paths))
    return written
