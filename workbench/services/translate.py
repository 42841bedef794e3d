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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from workbench.adapters.mt import cache
from workbench.adapters.mt.base import MTResult, load_translator
from workbench.adapters.mt.options import EngineOptions
from workbench.adapters.mt.packages import PackageInfo, check_code
from workbench.adapters.mt.routing import find_route, route_label
from workbench.config import Settings
from workbench.errors import N_, InputError, LanguagePairError, NotFoundError, TooLargeError
from workbench.services import bulk
from workbench.services.bulk import TranslateReport
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Version

Progress = Callable[[int, int], None]
_EDGES = re.compile(r"^(\s*)(.*?)(\s*)$", re.DOTALL)


@dataclass
class _Work:
    """Counts of one ``_run_route`` call: model-translated vs cache-served inputs."""

    model: int = 0
    cached: int = 0
    truncated: int = 0


def _run_route(
    session: Session,
    settings: Settings,
    route: list[PackageInfo],
    texts: Sequence[str],
    deferred: list[dict[str, Any]] | None = None,
) -> tuple[list[MTResult], _Work]:
    """Translate stripped, non-empty ``texts`` along ``route`` using and filling the cache.

    With ``deferred`` the cache entries are collected there instead of written,
    so the caller can write them later in one short transaction (SQLite).
    """
    options = EngineOptions.from_settings(settings)
    tag = options.tag
    truncated: set[int] = set()
    current = list(texts)
    scores = [0.0] * len(texts)
    from_model = [False] * len(texts)
    for pkg in route:
        unique = list(dict.fromkeys(current))
        keys = {
            t: cache.cache_key(pkg.model_id, pkg.version + tag, pkg.from_code, pkg.to_code, t)
            for t in unique
        }
        hits = cache.lookup(session, keys.values())
        hits.update({keys[t]: (t, 0.0) for t in unique if not t.strip()})  # e.g. empty 1st hop
        missing = [t for t in unique if keys[t] not in hits]
        if missing and cache.lock_keys(session, [keys[t] for t in missing]):
            hits.update(cache.lookup(session, [keys[t] for t in missing]))  # done meanwhile
            missing = [t for t in missing if keys[t] not in hits]
        missing_set = set(missing)
        done: dict[str, tuple[str, float | None]] = {
            t: hits[keys[t]] for t in unique if t not in missing_set
        }
        if missing:
            results = load_translator(pkg, options).translate(missing)
            cut = {t for t, r in zip(missing, results, strict=True) if r.truncated}
            truncated.update(i for i, t in enumerate(current) if t in cut)
            fresh = [(t, r.text, r.score) for t, r in zip(missing, results, strict=True)]
            entry = {
                "model_id": pkg.model_id,
                "version": pkg.version + tag,
                "source": pkg.from_code,
                "target": pkg.to_code,
                "results": fresh,
            }
            if deferred is None:
                cache.store(session, **entry)
            else:
                deferred.append(entry)
            done.update({t: (out, score) for t, out, score in fresh})
        seen: set[str] = set()
        for i, text in enumerate(current):
            if text in missing_set and text not in seen:
                from_model[i] = True
                seen.add(text)
            out, score = done[text]
            current[i], scores[i] = out, scores[i] + (score or 0.0)
    work = _Work(model=sum(from_model), cached=len(texts) - sum(from_model))
    work.truncated = len(truncated)
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
    return route_label(_route(settings, source, target), EngineOptions.from_settings(settings).tag)


def _keep_edges(
    session: Session,
    settings: Settings,
    route: list[PackageInfo],
    texts: Sequence[str],
    deferred: list[dict[str, Any]] | None = None,
) -> tuple[list[MTResult], _Work]:
    """Translate the core of each text and put its outer whitespace back; blanks stay."""
    parts = [_EDGES.match(t) for t in texts]
    cores = [m.group(2) if m else "" for m in parts]
    todo = [i for i, core in enumerate(cores) if core and route]
    results = [MTResult(t, 0.0) for t in texts]
    work = _Work(cached=len(texts) - len(todo))
    if todo:
        outs, routed = _run_route(session, settings, route, [cores[i] for i in todo], deferred)
        work.model, work.cached = routed.model, work.cached + routed.cached
        work.truncated = routed.truncated
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
        raise NotFoundError(
            N_("no such version: %(versions)s"), versions=", ".join(map(str, unknown))
        )
    return ids


@dataclass
class _Run:
    """One bulk run's fixed context for one source language."""

    engine: Engine
    settings: Settings
    scope: bulk.Scope
    report: TranslateReport
    lang: str | None = None
    route: list[PackageInfo] = field(default_factory=list)
    label: tuple[str, str] | None = None
    tag: str = ""  # decoding other than Argos's (drafts) is part of the model version label


def _usable_lang(lang: str | None) -> str | None:
    try:
        return check_code(lang) if lang and lang != "und" else None
    except LanguagePairError:
        return None


def _plan(run: _Run, session: Session) -> list[tuple[str | None, list[PackageInfo], int]]:
    """Per raw language label: its route and pending count; unusable ones are counted."""
    plan: list[tuple[str | None, list[PackageInfo], int]] = []
    report, scope = run.report, run.scope
    for raw in sorted(bulk.languages(session, scope), key=lambda x: x or ""):
        lang = _usable_lang(raw)
        if lang is None:
            report.skipped_unknown_lang += bulk.count_pending(session, scope, raw, None)
            continue
        try:
            route = _route(run.settings, lang, scope.target)
        except LanguagePairError as exc:
            bulk.failed_pair(report, lang, exc, bulk.count_pending(session, scope, raw, None))
            continue
        count = bulk.count_pending(session, scope, raw, bulk.route_label(route, run.tag))
        if count:
            plan.append((raw, route, count))
    return plan


def _translate_chunk(run: _Run, items: list[bulk.Item], *, wait: bool) -> list[bulk.Item]:
    """Claim, re-check, translate and write one chunk in one transaction.

    Returns the items another worker holds (not translated here).
    """
    if run.engine.dialect.name == "sqlite":
        _translate_chunk_unlocked(run, items)
        return []
    report = run.report
    with session_scope(run.engine) as session:
        mine = bulk.claim(session, [i.segment_id for i in items], wait=wait)
        held = [i for i in items if i.segment_id not in mine]
        todo = bulk.recheck(session, run.scope, run.lang, run.label, sorted(mine)) if mine else []
        report.skipped_existing += len(mine) - len(todo)
        if not todo:
            return held
        todo.sort(key=lambda i: (len(i.text), i.text, i.segment_id))
        if run.route:
            outs, work = _keep_edges(session, run.settings, run.route, [i.text for i in todo])
            report.translated += work.model
            report.cached += work.cached
            report.truncated += work.truncated
        else:
            outs = [MTResult(i.text, 0.0) for i in todo]
            report.skipped_same_lang += len(todo)
        report.replaced += bulk.write_rows(
            session, todo, outs, run.scope.target, run.route, run.tag
        )
    return held


def _translate_chunk_unlocked(run: _Run, items: list[bulk.Item]) -> None:
    """SQLite: translate outside any write transaction, then write in one short one.

    Why: SQLite has one write lock for the whole file; held through model work
    it made every post-edit wait for a whole batch (with a real-size model,
    "database is locked" after 30 s).  The write re-checks which segments are
    still pending, so rows written meanwhile (a post-edit, a parallel run) are
    kept: inserts are ON CONFLICT DO NOTHING and replacements check the revision.
    """
    report = run.report
    deferred: list[dict[str, Any]] = []
    with Session(run.engine) as session:  # reads only: SQLite takes no lock for them
        todo = bulk.recheck(session, run.scope, run.lang, run.label, [i.segment_id for i in items])
        report.skipped_existing += len(items) - len(todo)
        if not todo:
            return
        todo.sort(key=lambda i: (len(i.text), i.text, i.segment_id))
        if run.route:
            outs, work = _keep_edges(
                session, run.settings, run.route, [i.text for i in todo], deferred
            )
        else:
            outs, work = [MTResult(i.text, 0.0) for i in todo], _Work()
    with session_scope(run.engine) as session:  # the one short write
        bulk.claim(session, [i.segment_id for i in todo])
        still = {i.segment_id for i in bulk.recheck(
            session, run.scope, run.lang, run.label, [i.segment_id for i in todo]
        )}  # fmt: skip
        for entry in deferred:
            cache.store(session, **entry)
        keep = [k for k, item in enumerate(todo) if item.segment_id in still]
        report.replaced += bulk.write_rows(
            session, [todo[k] for k in keep], [outs[k] for k in keep],
            run.scope.target, run.route, run.tag,
        )  # fmt: skip
    gone = len(todo) - len(keep)  # written by someone else while we translated
    report.skipped_existing += gone
    if run.route:
        model = max(0, work.model - gone)  # counts still add up to the segments considered
        report.translated += model
        report.cached += work.cached - (gone - (work.model - model))
        report.truncated += work.truncated
    else:
        report.skipped_same_lang += len(keep)


def _translate_page(
    run: _Run, page: list[bulk.Item], batch_size: int, tick: Callable[[int], None]
) -> None:
    """A page sorted by length (little padding), committed chunk by chunk.

    Chunks another worker holds are retried after the page, waiting for its
    commit; whatever is still locked then is reported, never silently skipped.
    """
    page = sorted(page, key=lambda i: (len(i.text), i.text, i.segment_id))  # equal texts adjacent
    held: list[bulk.Item] = []
    size = max(1, batch_size)
    for start in range(0, len(page), size):
        chunk = page[start : start + size]
        held += _translate_chunk(run, chunk, wait=False)
        tick(len(chunk))
    for start in range(0, len(held), size):
        still = _translate_chunk(run, held[start : start + size], wait=True)
        run.report.skipped_locked += len(still)


@checks_ids
def translate_versions(
    settings: Settings,
    target: str,
    version_ids: Sequence[int] | None = None,
    *,
    roles: Sequence[str] | None = None,
    retranslate: bool = False,
    id_range: tuple[int, int] | None = None,
    progress: Progress | None = None,
    batch_size: int = 64,
) -> TranslateReport:
    """Machine-translate the segments of ``version_ids`` (None = all) into ``target``.

    ``roles`` limits the page roles (None = all); ``retranslate`` replaces
    unedited machine rows made by another model than the installed one;
    ``id_range`` limits segment ids (a queue block).  Reads pending segments in
    bounded pages and commits every ``batch_size`` segments;
    ``progress(done, total)`` is called after each commit.  Rerunning continues
    where a killed run stopped.
    """
    target = check_code(target)
    started = bulk.run_started()
    report = TranslateReport(target=target)
    engine = _engine(settings)
    with session_scope(engine) as session:
        ids = _version_ids(session, version_ids)
        first, last = id_range if id_range is not None else (None, None)
        scope = bulk.Scope(
            target=target,
            version_ids=tuple(ids) if ids is not None else None,
            roles=tuple(roles) if roles is not None else None,
            first_id=first,
            last_id=last,
            retranslate=retranslate,
        )
        run = _Run(engine, settings, scope, report, tag=EngineOptions.from_settings(settings).tag)
        plan = _plan(run, session)
        in_scope = bulk.count_in_scope(session, scope)
    total = sum(count for _, _, count in plan)
    report.skipped_existing = in_scope - total - report.skipped_unknown_lang - report.failed
    done = 0

    def tick(n: int) -> None:
        nonlocal done
        done = min(total, done + n)
        if progress is not None:
            progress(done, total)

    tick(0)
    for raw, route, _ in plan:
        run.lang, run.route, run.label = raw, route, bulk.route_label(route, run.tag)
        after = 0
        while True:
            with session_scope(engine) as session:
                page = bulk.pending_page(session, scope, raw, run.label, after)
            if not page:
                break
            after = page[-1].segment_id
            _translate_page(run, page, batch_size, tick)
    report.skipped_existing += in_scope - report.total  # written meanwhile by another worker
    return bulk.finish(report, started)


def _read_text_file(path: Path, max_chars: int) -> str:
    """Decode a text file (encoding detected like ingest), or raise a clear ``InputError``."""
    from workbench.adapters.decode import decode_bytes

    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(N_("no such file: %(path)s"), path=path) from exc
    except OSError as exc:
        raise InputError(
            N_("cannot read %(path)s: %(strerror)s"), path=path, strerror=exc.strerror
        ) from exc
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


@checks_ids
def translate_version(settings: Settings, version_id: int, target: str) -> TranslateReport:
    """Translate ONE version into ``target``, as a translator asks for it (web button, API).

    The rule lives here, not in an entrance: ``target`` must be one of the
    configured languages, and when no segment could be translated because no
    model covers the pair, that is the answer (``LanguagePairError``, naming the
    model to install) rather than a report of zeros.  A version where only some
    segments lack a model (a German comment form under an English article) is
    translated and the report says which pairs failed.
    """
    if target not in settings.languages:
        raise InputError(
            N_("unknown target language %(target)r; expected one of %(languages)s"),
            target=target,
            languages=", ".join(settings.languages),
        )
    report = translate_versions(settings, target, version_ids=[version_id])
    done = report.translated + report.cached + report.skipped_same_lang
    if report.failed and not done:
        raise no_route_error(settings, target, [k.split("→")[0] for k in report.failed_pairs])
    return report


def no_route_error(settings: Settings, target: str, sources: list[str]) -> LanguagePairError:
    """Why ``sources`` cannot be translated into ``target``: each pair's routing error,
    joined, kept translatable (a failed job's stored error is English text)."""
    found: list[LanguagePairError] = []
    for source in sources:
        try:
            _route(settings, source, target)
        except LanguagePairError as exc:
            found.append(exc)
    if not found:
        return LanguagePairError(N_("no translation model into %(target)r"), target=target)
    error = found[-1]
    for earlier in reversed(found[:-1]):
        error = LanguagePairError(N_("%(first)s; %(rest)s"), first=earlier, rest=error)
    return error
