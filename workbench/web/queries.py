"""Read models for the pages, straight from the shared tables.

Why here and not in a service: these are the web's views (what a page shows,
keyed the way templates and the JSON twins expect), so the UI does not break
when another area reshapes its own return values.  Writes (ingest, translate,
compare, export, post-edit) always go through ``workbench.services``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from workbench.config import Settings
from workbench.errors import NotFoundError
from workbench.services.postedit import edit_distance
from workbench.store.db import get_engine, session_scope
from workbench.store.models import (
    AlignedPair,
    Alignment,
    Article,
    Outlet,
    Segment,
    Translation,
    Version,
)

BOILERPLATE_ROLES: tuple[str, ...] = ("appeal", "link_residue", "comment_form")
ROLES: tuple[str, ...] = ("headline", "body", "other") + BOILERPLATE_ROLES
STATUSES: tuple[str, ...] = ("changed", "added", "removed", "moved", "unchanged")


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _version_dict(version: Version, outlet: str, article: Article | None, count: int) -> dict:
    return {
        "id": version.id,
        "article_id": version.article_id,
        "article_slug": article.slug if article else None,
        "article_title": article.title if article else None,
        "outlet": outlet,
        "url": version.url,
        "title": version.title,
        "language": version.language,
        "captured_at": _iso(version.captured_at),
        "source_format": version.source_format,
        "encoding": version.encoding,
        "sha256": version.sha256,
        "segments": count,
    }


def _versions(session: Session, where: Any = None) -> list[dict[str, Any]]:
    counts = dict(
        session.exec(
            select(Segment.version_id, func.count(Segment.id)).group_by(Segment.version_id)
        ).all()
    )
    query = select(Version, Outlet, Article).join(Outlet).join(Article)
    if where is not None:
        query = query.where(where)
    rows = session.exec(query.order_by(Version.captured_at, Version.id)).all()
    return [_version_dict(v, o.name, a, counts.get(v.id, 0)) for v, o, a in rows]


def list_articles(settings: Settings) -> list[dict[str, Any]]:
    """Every article with its versions (outlet, language, capture time)."""
    with session_scope(get_engine(settings.database_url)) as session:
        articles = session.exec(select(Article).order_by(Article.slug)).all()
        versions = _versions(session)
    result = []
    for article in articles:
        own = [v for v in versions if v["article_id"] == article.id]
        result.append(
            {"id": article.id, "slug": article.slug, "title": article.title, "versions": own}
        )
    return result


def list_versions(settings: Settings) -> list[dict[str, Any]]:
    """All versions, oldest capture first."""
    with session_scope(get_engine(settings.database_url)) as session:
        return _versions(session)


def _translation(row: Translation) -> dict[str, Any]:
    return {
        "text": row.text,
        "mt_text": row.mt_text,
        "status": row.status,
        "revision": row.revision,
        "model_id": row.model_id,
        "score": row.score,
        "edit": edit_distance(row.mt_text, row.text),
    }


def version_detail(settings: Settings, version_id: int, target: str | None) -> dict[str, Any]:
    """One version with its segments and, per segment, the translation into ``target``."""
    with session_scope(get_engine(settings.database_url)) as session:
        found = _versions(session, Version.id == version_id)
        if not found:
            raise NotFoundError(f"version {version_id} not found")
        segments = session.exec(
            select(Segment).where(Segment.version_id == version_id).order_by(Segment.position)
        ).all()
        ids = [s.id for s in segments]
        translations: dict[int, dict[str, Any]] = {}
        for row in session.exec(select(Translation).where(Translation.segment_id.in_(ids))):  # type: ignore[union-attr]
            translations.setdefault(row.segment_id, {})[row.target_lang] = _translation(row)
    detail = found[0]
    detail["target"] = target
    detail["segments"] = [
        {
            "id": s.id,
            "position": s.position,
            "paragraph": s.paragraph,
            "text": s.text,
            "lang": s.lang,
            "role": s.role,
            "translations": translations.get(s.id, {}),  # type: ignore[arg-type]
        }
        for s in segments
    ]
    return detail


def _version_map(session: Session, ids: set[int]) -> dict[int, dict[str, Any]]:
    if not ids:
        return {}
    found = _versions(session, Version.id.in_(ids))  # type: ignore[union-attr]
    return {v["id"]: v for v in found}


def list_alignments(settings: Settings, version_id: int | None = None) -> list[dict[str, Any]]:
    """Stored comparisons (newest first), optionally those touching one version."""
    with session_scope(get_engine(settings.database_url)) as session:
        query = select(Alignment)
        if version_id is not None:
            query = query.where(
                (Alignment.left_version_id == version_id)
                | (Alignment.right_version_id == version_id)
            )
        rows = session.exec(query.order_by(Alignment.id.desc())).all()  # type: ignore[union-attr]
        ids = {r.left_version_id for r in rows} | {r.right_version_id for r in rows}
        versions = _version_map(session, ids)
    return [
        {
            "id": r.id,
            "left": versions.get(r.left_version_id),
            "right": versions.get(r.right_version_id),
            "roles": r.roles,
            "method": r.method,
            "mt_model": r.mt_model,
            "summary": r.summary,
            "created_at": _iso(r.created_at),
        }
        for r in rows
    ]


def _pair_dict(pair: AlignedPair, segments: dict[int, Segment]) -> dict[str, Any]:
    left = [segments[i] for i in pair.left_segment_ids if i in segments]
    right = [segments[i] for i in pair.right_segment_ids if i in segments]
    roles = sorted({s.role for s in left + right})
    left_lang = left[0].lang if left else None
    right_lang = right[0].lang if right else None
    return {
        "position": pair.position,
        "kind": pair.kind,
        "status": pair.status,
        "roles": roles,
        "left_segment_ids": pair.left_segment_ids,
        "right_segment_ids": pair.right_segment_ids,
        "left_text": pair.left_text,
        "right_text": pair.right_text,
        "left_lang": left_lang,
        "right_lang": right_lang,
        "cross_language": bool(left_lang and right_lang and left_lang != right_lang),
        "compared_text": pair.compared_text,
        "score": pair.score,
        "edit_ratio": pair.edit_ratio,
        "diff_ops": pair.diff_ops,
        "flags": pair.flags,
        "move_to": pair.move_to,
    }


def alignment_detail(settings: Settings, alignment_id: int) -> dict[str, Any]:
    """An alignment with both versions and every pair (roles and languages added)."""
    with session_scope(get_engine(settings.database_url)) as session:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            raise NotFoundError(f"alignment {alignment_id} not found")
        pairs = session.exec(
            select(AlignedPair)
            .where(AlignedPair.alignment_id == alignment_id)
            .order_by(AlignedPair.position)
        ).all()
        ids = {i for p in pairs for i in p.left_segment_ids + p.right_segment_ids}
        segments = {
            s.id: s
            for s in session.exec(select(Segment).where(Segment.id.in_(ids)))  # type: ignore[union-attr]
        }
        versions = _version_map(session, {alignment.left_version_id, alignment.right_version_id})
    return {
        "id": alignment.id,
        "left": versions.get(alignment.left_version_id),
        "right": versions.get(alignment.right_version_id),
        "roles": alignment.roles,
        "method": alignment.method,
        "mt_model": alignment.mt_model,
        "summary": alignment.summary,
        "params": alignment.params,
        "created_at": _iso(alignment.created_at),
        "pairs": [_pair_dict(p, segments) for p in pairs],  # type: ignore[arg-type]
    }


def filter_pairs(
    pairs: list[dict[str, Any]], roles: set[str], statuses: set[str]
) -> list[dict[str, Any]]:
    """Pairs with at least one segment in ``roles`` and a status in ``statuses``."""
    return [
        p for p in pairs if p["status"] in statuses and (not p["roles"] or set(p["roles"]) & roles)
    ]
