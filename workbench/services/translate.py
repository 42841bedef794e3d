"""Translation use cases shared by the CLI and the web app.

* ``translate_texts`` — any list of strings, batched, cached, in order, pivoting via English.
* ``translate_versions`` — stored segments into ``Translation`` rows, resumable:
  every batch is committed with its cache entries, already translated segments
  are skipped, and rows are inserted with ON CONFLICT DO NOTHING, so a killed
  run loses at most one batch, a rerun never duplicates rows, and post-edits
  (draft/approved) are never overwritten.
* ``translate_files`` — loose text files, line by line, into ``out_dir``.

Segments whose language already equals the target are not sent to a model;
they get a copy row (``engine="identity"``) so every segment of a translated
version has a text in the target language.  Segments without a usable
language label are skipped and counted.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import false, select, update
from sqlalchemy.engine import Engine
from sqlmodel import Session

from workbench.adapters.mt import cache
from workbench.adapters.mt.engine import EngineOptions, MTResult, get_model
from workbench.adapters.mt.packages import PackageInfo, check_code
from workbench.adapters.mt.routing import find_route, route_label
from workbench.config import Settings
from workbench.errors import InputError, LanguagePairError, NotFoundError, TooLargeError
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Segment, Translation, Version, utcnow

Progress = Callable[[int, int], None]
_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


@dataclass
class TranslateReport:
    """What a bulk run did; the counts add up to the segments considered."""

    target: str
    translated: int = 0  # new rows whose text came from a model
    cached: int = 0  # new rows served from the translation cache
    skipped_same_lang: int = 0  # already in the target language (copy rows)
    skipped_existing: int = 0  # had a translation for the target already
    skipped_unknown_lang: int = 0  # no usable language label
    failed: int = 0  # no model route for their pair
    failed_pairs: dict[str, str] = field(default_factory=dict)  # "fr→de" -> message
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """All segments considered."""
        return (
            self.translated
            + self.cached
            + self.skipped_same_lang
            + self.skipped_existing
            + self.skipped_unknown_lang
            + self.failed
        )

    def to_json(self) -> dict[str, object]:
        """JSON-ready summary."""
        return {**self.__dict__, "total": self.total, "seconds": round(self.seconds, 3)}


@dataclass
class _Work:
    """Counts of one ``_run_route`` call: model-translated vs cache-served inputs."""

    model: int = 0
    cached: int = 0


def _run_route(
    session: Session, settings: Settings, route: list[PackageInfo], texts: Sequence[str]
) -> tuple[list[MTResult], _Work]:
    """Translate stripped, non-empty ``texts`` along ``route`` using and filling the cache."""
    options = EngineOptions.from_settings(settings)
    current = list(texts)
    scores = [0.0] * len(texts)
    from_model = [False] * len(texts)
    for pkg in route:
        unique = list(dict.fromkeys(current))
        keys = {
            t: cache.cache_key(pkg.model_id, pkg.version, pkg.from_code, pkg.to_code, t)
            for t in unique
        }
        hits = cache.lookup(session, keys.values())
        hits.update({keys[t]: (t, 0.0) for t in unique if not t.strip()})  # e.g. empty 1st hop
        missing = [t for t in unique if keys[t] not in hits]
        missing_set = set(missing)
        done: dict[str, tuple[str, float | None]] = {
            t: hits[keys[t]] for t in unique if t not in missing_set
        }
        if missing:
            results = get_model(pkg, options).translate(missing)
            fresh = [(t, r.text, r.score) for t, r in zip(missing, results, strict=True)]
            cache.store(
                session,
                model_id=pkg.model_id,
                version=pkg.version,
                source=pkg.from_code,
                target=pkg.to_code,
                results=fresh,
            )
            done.update({t: (out, score) for t, out, score in fresh})
        seen: set[str] = set()
        for i, text in enumerate(current):
            if text in missing_set and text not in seen:
                from_model[i] = True
                seen.add(text)
            out, score = done[text]
            current[i], scores[i] = out, scores[i] + (score or 0.0)
    work = _Work(model=sum(from_model), cached=len(texts) - sum(from_model))
    return [MTResult(t, s) for t, s in zip(current, scores, strict=True)], work


def _route(settings: Settings, source: str, target: str) -> list[PackageInfo]:
    assert settings.models_dir is not None
    return find_route(settings.models_dir, source, target)


def _engine(settings: Settings) -> Engine:
    """The database engine, with the schema created/upgraded on first use (fresh machines)."""
    from workbench.services.ingest import ensure_database

    ensure_database(settings)
    return get_engine(settings.database_url)


def mt_model_label(settings: Settings, source: str, target: str) -> str:
    """Provenance of ``source -> target`` translations, e.g. ``argos:ru_en@1.0+argos:en_de@1.0``."""
    return route_label(_route(settings, source, target))


def _keep_edges(
    session: Session, settings: Settings, route: list[PackageInfo], texts: Sequence[str]
) -> tuple[list[MTResult], _Work]:
    """Translate the core of each text and put its outer whitespace back; blanks stay."""
    parts = [_EDGES.match(t) for t in texts]
    cores = [m.group(2) if m else "" for m in parts]
    todo = [i for i, core in enumerate(cores) if core and route]
    results = [MTResult(t, 0.0) for t in texts]
    work = _Work(cached=len(texts) - len(todo))
    if todo:
        outs, routed = _run_route(session, settings, route, [cores[i] for i in todo])
        work.model, work.cached = routed.model, work.cached + routed.cached
        for i, out in zip(todo, outs, strict=True):
            m = parts[i]
            assert m is not None
            results[i] = MTResult(m.group(1) + out.text + m.group(3), out.score)
    return results, work


def translate_scored(
    settings: Settings, texts: Sequence[str], source: str, target: str
) -> list[MTResult]:
    """Like ``translate_texts`` but with scores (0.0 for untouched/empty inputs)."""
    route = _route(settings, source, target)
    if not route or not any(t.strip() for t in texts):
        return [MTResult(t, 0.0) for t in texts]
    with session_scope(_engine(settings)) as session:
        return _keep_edges(session, settings, route, texts)[0]


def translate_texts(
    settings: Settings, texts: Sequence[str], source: str, target: str
) -> list[str]:
    """Translate ``texts`` from ``source`` to ``target``; same length and order as ``texts``.

    Outer whitespace is kept, empty strings stay empty, ``source == target``
    returns the texts unchanged.  Raises ``LanguagePairError`` for unknown codes
    or when no model (not even via English) is installed.
    """
    return [r.text for r in translate_scored(settings, texts, source, target)]


def _version_ids(session: Session, version_ids: Sequence[int] | None) -> list[int] | None:
    if version_ids is None:
        return None
    ids = list(dict.fromkeys(int(v) for v in version_ids))
    found = set(session.exec(select(Version.id).where(Version.id.in_(ids))).scalars())  # type: ignore[union-attr,call-overload]
    unknown = [v for v in ids if v not in found]
    if unknown:
        raise NotFoundError(f"no such version: {', '.join(map(str, unknown))}")
    return ids


def _pending(session: Session, target: str, ids: list[int] | None) -> tuple[list[Segment], int]:
    """Segments without a translation into ``target`` (in version/position order), and
    how many already had one."""
    query = select(Segment).order_by(Segment.version_id, Segment.position)  # type: ignore[arg-type]
    if ids is not None:
        query = query.where(Segment.version_id.in_(ids))  # type: ignore[attr-defined]
    segments = list(session.exec(query).scalars())  # type: ignore[call-overload]
    done = _translated_ids(session, [s.id for s in segments], target)
    pending = [s for s in segments if s.id not in done]
    return pending, len(segments) - len(pending)


def _translated_ids(session: Session, segment_ids: list[int | None], target: str) -> set[int]:
    found: set[int] = set()
    for start in range(0, len(segment_ids), 500):
        chunk = segment_ids[start : start + 500]
        rows = session.execute(
            select(Translation.segment_id).where(
                Translation.target_lang == target,
                Translation.segment_id.in_(chunk),  # type: ignore[attr-defined]
            )
        )
        found.update(r[0] for r in rows)
    return found


def _rows(
    segments: list[Segment], target: str, texts: list[MTResult], route: list[PackageInfo]
) -> list[dict[str, object]]:
    now = utcnow()
    label_id = "+".join(p.model_id for p in route) or "identity"
    label_version = "+".join(p.version for p in route)
    return [
        {
            "segment_id": seg.id,
            "target_lang": target,
            "engine": "argos" if route else "identity",
            "model_id": label_id,
            "model_version": label_version,
            "text": out.text,
            "mt_text": out.text,
            "score": out.score,
            "status": "machine",
            "revision": 1,
            "created_at": now,
            "updated_at": now,
        }
        for seg, out in zip(segments, texts, strict=True)
    ]


def _usable_lang(lang: str | None) -> str | None:
    try:
        return check_code(lang) if lang and lang != "und" else None
    except LanguagePairError:
        return None


def _plan(
    settings: Settings, pending: list[Segment], target: str, report: TranslateReport
) -> list[tuple[list[PackageInfo], list[Segment]]]:
    """Group pending segments by source language with their route; count the rest."""
    groups: dict[str, list[Segment]] = {}
    for seg in pending:
        lang = _usable_lang(seg.lang)
        if lang is None:
            report.skipped_unknown_lang += 1
        else:
            groups.setdefault(lang, []).append(seg)
    plan: list[tuple[list[PackageInfo], list[Segment]]] = []
    for lang, segs in groups.items():
        try:
            plan.append((_route(settings, lang, target), segs))
        except LanguagePairError as exc:
            report.failed_pairs[f"{lang}→{target}"] = exc.message
            report.failed += len(segs)
    return plan


def _claim(session: Session, batch: list[Segment]) -> list[Segment]:
    """Lock ``batch`` for this transaction so a parallel job never translates it too.

    PostgreSQL: row locks with SKIP LOCKED; a parallel job skips the segments
    another job is translating right now (it re-checks them for existing
    translations once they are committed).  SQLite has no row locks: a no-op
    UPDATE takes the database write lock first, so parallel jobs' batches run
    one after the other and the second finds the first's rows.
    """
    ids = [s.id for s in batch]
    if session.get_bind().dialect.name == "postgresql":
        query = select(Segment.id).where(Segment.id.in_(ids)).with_for_update(skip_locked=True)
        mine = {row[0] for row in session.execute(query)}
        return [s for s in batch if s.id in mine]
    session.execute(update(Segment).where(false()).values(position=Segment.position))
    return batch


def _translate_batch(
    session: Session,
    settings: Settings,
    route: list[PackageInfo],
    batch: list[Segment],
    report: TranslateReport,
) -> None:
    """Translate and insert one batch (the caller's transaction commits it)."""
    batch = _claim(session, batch)
    already = _translated_ids(session, [s.id for s in batch], report.target)
    todo = [s for s in batch if s.id not in already]
    report.skipped_existing += len(batch) - len(todo)
    if not todo:
        return
    if route:
        outs, work = _keep_edges(session, settings, route, [s.text for s in todo])
        report.translated += work.model
        report.cached += work.cached
    else:
        outs = [MTResult(s.text, 0.0) for s in todo]
        report.skipped_same_lang += len(todo)
    cache.insert_ignore(session, Translation, _rows(todo, report.target, outs, route))


def translate_versions(
    settings: Settings,
    target: str,
    version_ids: Sequence[int] | None = None,
    *,
    progress: Progress | None = None,
    batch_size: int = 64,
) -> TranslateReport:
    """Machine-translate the segments of ``version_ids`` (None = all) into ``target``.

    Commits after every batch of ``batch_size`` segments; ``progress(done, total)``
    is called after each commit.  Rerunning continues where a killed run stopped.
    """
    target = check_code(target)
    started = time.monotonic()
    report = TranslateReport(target=target)
    engine = _engine(settings)
    with session_scope(engine) as session:
        ids = _version_ids(session, version_ids)
        pending, report.skipped_existing = _pending(session, target, ids)
    plan = _plan(settings, pending, target, report)
    total = sum(len(segs) for _, segs in plan)
    done = 0
    if progress is not None:
        progress(0, total)
    for route, segs in plan:
        for start in range(0, len(segs), max(1, batch_size)):
            batch = segs[start : start + max(1, batch_size)]
            with session_scope(engine) as session:
                _translate_batch(session, settings, route, batch, report)
            done += len(batch)
            if progress is not None:
                progress(done, total)
    report.seconds = time.monotonic() - started
    return report


def _read_text_file(path: Path, max_chars: int) -> str:
    """Decode a text file (encoding detected like ingest), or raise a clear ``InputError``."""
    from workbench.adapters.decode import decode_bytes

    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"no such file: {path}") from exc
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from exc
    if not data.strip():
        raise InputError(f"{path.name} is empty")
    try:
        text = decode_bytes(data)[0]
    except InputError as exc:
        raise InputError(f"{path.name}: {exc.message}") from exc
    if len(text) > max_chars:
        raise TooLargeError(f"{path.name} has {len(text)} characters, over the {max_chars} limit")
    return text


def _file_source(settings: Settings, path: Path, text: str, source: str | None) -> str:
    if source:
        return check_code(source)
    from workbench.adapters.langdetect import detect_text

    found = detect_text(text, settings.languages)
    if found is None:
        raise InputError(f"cannot tell the language of {path.name}: pass --from LANG")
    return found


def _translate_document(settings: Settings, text: str, source: str, target: str) -> str:
    """Sentence-split losslessly (as ingest does), translate, reassemble with the separators."""
    from workbench.core.segment import segment_text

    route = _route(settings, source, target)
    leading, segs = segment_text(text, source)
    if not route or not segs:
        return text
    with session_scope(_engine(settings)) as session:
        outs = _keep_edges(session, settings, route, [g.text for g in segs])[0]
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
        raise InputError("two input files have the same name; translate them separately")
    out_dir = Path(out_dir)
    for p in paths:
        if p.resolve().parent == out_dir.resolve():
            raise InputError(f"--out would overwrite the input {p}; choose another folder")
    texts = [_read_text_file(p, settings.max_input_chars) for p in paths]
    sources = [_file_source(settings, p, t, source) for p, t in zip(paths, texts, strict=True)]
    for src in set(sources):
        _route(settings, src, target)  # fail on a missing model before writing anything
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
