"""Translation use cases shared by the CLI and the web app.

* ``translate_versions`` — stored segments into ``Translation`` rows, resumable:
  every batch is committed with its cache entries, already translated segments
  are skipped, and rows are inserted with ON CONFLICT DO NOTHING, so a killed
  run loses at most one batch, a rerun never duplicates rows, and post-edits
  (draft/approved) are never overwritten.
* ``translate_version`` — one version, as a translator asks for it (web, API).

Strings (``translate_texts``, ``translate_scored``, ``mt_model_label``) live in
``services.translate_texts`` and loose files (``translate_files``) in
``services.translate_files``; both are re-exported here for the entrances.

Segments whose language already equals the target are not sent to a model;
they get a copy row (``engine="identity"``) so every segment of a translated
version has a text in the target language.  Segments without a usable
language label are skipped and counted.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlmodel import Session

from workbench.adapters.mt import cache
from workbench.adapters.mt.base import MTResult
from workbench.adapters.mt.options import EngineOptions
from workbench.adapters.mt.packages import PackageInfo, check_code
from workbench.config import Settings
from workbench.errors import N_, LanguagePairError, NotFoundError
from workbench.services import bulk
from workbench.services.bulk import TranslateReport
from workbench.services.languages import require_target
from workbench.services.translate_files import translate_files
from workbench.services.translate_texts import (
    Progress,
    Work,
    database,
    keep_edges,
    mt_model_label,
    pair_route,
    translate_scored,
    translate_texts,
)
from workbench.services.validation import check_count, checks_ids
from workbench.store.db import session_scope
from workbench.store.models import Version

__all__ = [
    "mt_model_label",
    "no_route_error",
    "translate_files",
    "translate_scored",
    "translate_texts",
    "translate_version",
    "translate_versions",
]

#: The largest commit (``translate --batch-size``): one transaction's worth of held rows.
MAX_BATCH = 100_000


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
            route = pair_route(run.settings, lang, scope.target)
        except LanguagePairError as exc:
            bulk.failed_pair(report, lang, exc, bulk.count_pending(session, scope, raw, None))
            continue
        count = bulk.count_pending(session, scope, raw, bulk.route_label(route, run.tag))
        if count:
            plan.append((raw, route, count))
    return plan


def _translate_chunk(
    run: _Run, items: list[bulk.Item], *, wait: bool, beat: Callable[[], None] | None = None
) -> list[bulk.Item]:
    """Claim, re-check, translate and write one chunk in one transaction.

    Returns the items another worker holds (not translated here); ``beat`` is called
    while a waiting claim waits (``bulk.claim``).
    """
    if run.engine.dialect.name == "sqlite":
        _translate_chunk_unlocked(run, items)
        return []
    report = run.report
    with session_scope(run.engine) as session:
        mine = bulk.claim(session, [i.segment_id for i in items], wait=wait, beat=beat)
        held = [i for i in items if i.segment_id not in mine]
        todo = bulk.recheck(session, run.scope, run.lang, run.label, sorted(mine)) if mine else []
        report.skipped_existing += len(mine) - len(todo)
        if not todo:
            return held
        todo.sort(key=lambda i: (len(i.text), i.text, i.segment_id))
        if run.route:
            outs, work = keep_edges(session, run.settings, run.route, [i.text for i in todo])
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
            outs, work = keep_edges(
                session, run.settings, run.route, [i.text for i in todo], deferred
            )
        else:
            outs, work = [MTResult(i.text, 0.0) for i in todo], Work()
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
    While it waits the run ticks by nothing (``tick(0)``): the progress write stamps
    the block (or thread job) on the database's clock, so a live wait is not
    ``stalled`` (reliabb40).
    """
    page = sorted(page, key=lambda i: (len(i.text), i.text, i.segment_id))  # equal texts adjacent
    held: list[bulk.Item] = []
    size = max(1, batch_size)
    for start in range(0, len(page), size):
        chunk = page[start : start + size]
        held += _translate_chunk(run, chunk, wait=False)
        tick(len(chunk))
    for start in range(0, len(held), size):
        still = _translate_chunk(run, held[start : start + size], wait=True, beat=lambda: tick(0))
        run.report.skipped_locked += len(still)


def _translate_language(run: _Run, batch_size: int, tick: Callable[[int], None]) -> None:
    """Every pending segment of ``run.lang``, read in keyset pages (memory flat in corpus size)."""
    after = 0
    while True:
        with session_scope(run.engine) as session:
            page = bulk.pending_page(session, run.scope, run.lang, run.label, after)
        if not page:
            return
        after = page[-1].segment_id
        _translate_page(run, page, batch_size, tick)


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
    check_count(batch_size, "the batch size (segments per commit)", MAX_BATCH)
    started = bulk.run_started()
    report = TranslateReport(target=target)
    engine = database(settings)
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
        _translate_language(run, batch_size, tick)
    report.skipped_existing += in_scope - report.total  # written meanwhile by another worker
    return bulk.finish(report, started)


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
    require_target(settings, target)  # blank or unknown: one message
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
            pair_route(settings, source, target)
        except LanguagePairError as exc:
            found.append(exc)
    if not found:
        return LanguagePairError(N_("no translation model into %(target)r"), target=target)
    error = found[-1]
    for earlier in reversed(found[:-1]):
        error = LanguagePairError(N_("%(first)s; %(rest)s"), first=earlier, rest=error)
    return error
