"""Translating strings: batched, cached, in order, pivoting through English.

Why apart from the bulk run: the compare view, story matching and loose files
translate strings that are not stored segments; they share the cache and the
route rules with bulk translation (``services.translate``) through this one
module.  Models are loaded only through the engine registry
(``adapters.mt.base.load_translator``), so the engine behind a package is
its own business.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session

from workbench.adapters.mt import cache
from workbench.adapters.mt.base import MTResult, load_translator
from workbench.adapters.mt.options import EngineOptions
from workbench.adapters.mt.packages import PackageInfo
from workbench.adapters.mt.routing import find_route, route_label
from workbench.config import Settings
from workbench.store.db import get_engine, session_scope

Progress = Callable[[int, int], None]


@dataclass
class Work:
    """Counts of one ``_run_route`` call: model-translated vs cache-served inputs."""

    model: int = 0
    cached: int = 0
    truncated: int = 0


def _cached_misses(
    session: Session, pkg: PackageInfo, tag: str, unique: list[str]
) -> tuple[dict[str, tuple[str, float | None]], list[str]]:
    """What the cache already holds for one hop, and the texts still to translate.

    On PostgreSQL the missing keys are locked first (``cache.lock_keys``) and
    looked up again: a text another worker translated meanwhile is not redone.
    """
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
    gone = set(missing)
    return {t: hits[keys[t]] for t in unique if t not in gone}, missing


def _translate_hop(
    session: Session,
    pkg: PackageInfo,
    options: EngineOptions,
    missing: list[str],
    deferred: list[dict[str, Any]] | None,
) -> tuple[dict[str, tuple[str, float | None]], set[str]]:
    """Translate one hop's cache misses through the engine registry; store (or defer) them."""
    results = load_translator(pkg, options).translate(missing)
    fresh = [(t, r.text, r.score) for t, r in zip(missing, results, strict=True)]
    entry = {
        "model_id": pkg.model_id,
        "version": pkg.version + options.tag,
        "source": pkg.from_code,
        "target": pkg.to_code,
        "results": fresh,
    }
    if deferred is None:
        cache.store(session, **entry)
    else:
        deferred.append(entry)
    cut = {t for t, r in zip(missing, results, strict=True) if r.truncated}
    return {t: (out, score) for t, out, score in fresh}, cut


def _run_route(
    session: Session,
    settings: Settings,
    route: list[PackageInfo],
    texts: Sequence[str],
    deferred: list[dict[str, Any]] | None = None,
) -> tuple[list[MTResult], Work]:
    """Translate stripped, non-empty ``texts`` along ``route`` using and filling the cache.

    With ``deferred`` the cache entries are collected there instead of written,
    so the caller can write them later in one short transaction (SQLite).
    """
    options = EngineOptions.from_settings(settings)
    truncated: set[int] = set()
    current = list(texts)
    scores = [0.0] * len(texts)
    from_model = [False] * len(texts)
    for pkg in route:
        done, missing = _cached_misses(session, pkg, options.tag, list(dict.fromkeys(current)))
        if missing:
            fresh, cut = _translate_hop(session, pkg, options, missing, deferred)
            done.update(fresh)
            truncated.update(i for i, t in enumerate(current) if t in cut)
        pending = set(missing)
        for i, text in enumerate(current):
            if text in pending:
                from_model[i] = True
                pending.discard(text)  # a repeated text counts once as model work
            out, score = done[text]
            current[i], scores[i] = out, scores[i] + (score or 0.0)
    work = Work(model=sum(from_model), cached=len(texts) - sum(from_model))
    work.truncated = len(truncated)
    return [MTResult(t, s) for t, s in zip(current, scores, strict=True)], work


def pair_route(settings: Settings, source: str, target: str) -> list[PackageInfo]:
    """The packages that translate ``source -> target``; ``LanguagePairError`` if none."""
    assert settings.models_dir is not None
    return find_route(settings.models_dir, source, target)


def database(settings: Settings) -> Engine:
    """The database engine, with the schema created/upgraded on first use (fresh machines)."""
    from workbench.store.migrate import ensure_database  # alembic: loaded on first use only

    ensure_database(settings.database_url)
    return get_engine(settings.database_url)


def mt_model_label(settings: Settings, source: str, target: str) -> str:
    """Provenance of ``source -> target`` translations, e.g. ``argos:ru_en@1.0+argos:en_de@1.0``."""
    return route_label(
        pair_route(settings, source, target), EngineOptions.from_settings(settings).tag
    )


def _edges(text: str) -> tuple[str, str, str]:
    """(leading white space, core, trailing white space); a blank text is all lead.

    Why not ``^(\\s*)(.*?)(\\s*)$``: the lazy core tried the trailing ``\\s*$`` at
    every character, so a run of 30,000 spaces inside a segment took 27 s (quadratic;
    reliab32).  ``str.strip`` strips exactly what ``\\s`` matches.
    """
    core = text.strip()
    if not core:
        return text, "", ""
    start = len(text) - len(text.lstrip())
    return text[:start], core, text[start + len(core) :]


def keep_edges(
    session: Session,
    settings: Settings,
    route: list[PackageInfo],
    texts: Sequence[str],
    deferred: list[dict[str, Any]] | None = None,
) -> tuple[list[MTResult], Work]:
    """Translate the core of each text and put its outer whitespace back; blanks stay."""
    parts = [_edges(t) for t in texts]
    cores = [core for _, core, _ in parts]
    todo = [i for i, core in enumerate(cores) if core and route]
    results = [MTResult(t, 0.0) for t in texts]
    work = Work(cached=len(texts) - len(todo))
    if todo:
        outs, routed = _run_route(session, settings, route, [cores[i] for i in todo], deferred)
        work.model, work.cached = routed.model, work.cached + routed.cached
        work.truncated = routed.truncated
        for i, out in zip(todo, outs, strict=True):
            lead, _, trail = parts[i]
            results[i] = MTResult(lead + out.text + trail, out.score)
    return results, work


def translate_scored(
    settings: Settings, texts: Sequence[str], source: str, target: str
) -> list[MTResult]:
    """Like ``translate_texts`` but with scores (0.0 for untouched/empty inputs)."""
    route = pair_route(settings, source, target)
    if not route or not any(t.strip() for t in texts):
        return [MTResult(t, 0.0) for t in texts]
    with session_scope(database(settings)) as session:
        return keep_edges(session, settings, route, texts)[0]


def translate_texts(
    settings: Settings, texts: Sequence[str], source: str, target: str
) -> list[str]:
    """Translate ``texts`` from ``source`` to ``target``; same length and order as ``texts``.

    Outer whitespace is kept, empty strings stay empty, ``source == target``
    returns the texts unchanged.  Raises ``LanguagePairError`` for unknown codes
    or when no model (not even via English) is installed.
    """
    return [r.text for r in translate_scored(settings, texts, source, target)]
