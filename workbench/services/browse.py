"""Read-only queries over stored articles, versions and segments.

Why plain dicts: the CLI prints them, the web UI renders them and its ``/api``
twins serialise them unchanged, so they are JSON-ready (ISO 8601 times, no
ORM objects escaping a closed session).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func
from sqlalchemy.orm import defer
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, NotFoundError
from workbench.services.postedit import translation_dict
from workbench.services.validation import check_given, checks_ids
from workbench.store.db import get_engine
from workbench.store.models import Article, Outlet, Segment, Translation, Version, iso_utc


def _version_dict(version: Version, outlet: str, article: Article, segments: int) -> dict[str, Any]:
    return {
        "id": version.id,
        "article_id": version.article_id,
        "article": article.slug,
        "article_slug": article.slug,
        "article_title": article.title,
        "outlet": outlet,
        "language": version.language,
        "captured_at": iso_utc(version.captured_at),
        "url": version.url,
        "title": version.title,
        "segments": segments,
        "encoding": version.encoding,
        "source_format": version.source_format,
        "sha256": version.sha256,
    }


def _version_rows(session: Session, article: str | None = None) -> list[dict[str, Any]]:
    """Version listings without their raw bytes and text (a 60-version story read them all)."""
    counts_q = select(Segment.version_id, func.count(col(Segment.id)).label("n"))
    if article is not None:  # count only this story's segments, not the whole database's
        ids = (
            select(Version.id)
            .join(Article, col(Article.id) == col(Version.article_id))
            .where(Article.slug == article)
        )
        counts_q = counts_q.where(col(Segment.version_id).in_(ids))
    counts = counts_q.group_by(Segment.version_id).subquery()
    stmt = (
        select(Version, Outlet.name, Article, counts.c.n)
        .join(Outlet, col(Outlet.id) == col(Version.outlet_id))
        .join(Article, col(Article.id) == col(Version.article_id))
        .outerjoin(counts, counts.c.version_id == col(Version.id))
        .options(defer(Version.raw), defer(Version.text), defer(Version.leading))  # type: ignore[arg-type]
        .order_by(col(Article.slug), col(Version.captured_at), col(Version.id))
    )
    if article is not None:
        stmt = stmt.where(Article.slug == article)
    return [_version_dict(v, o, a, int(n or 0)) for v, o, a, n in session.exec(stmt).all()]


def list_versions(settings: Settings, article: str | None = None) -> list[dict[str, Any]]:
    """Every version (optionally of one article slug), oldest capture first."""
    check_given(article, "article")  # round 44: '' was "no article with slug ''" (exit 3)
    with Session(get_engine(settings.database_url)) as session:
        if (
            article is not None
            and not session.exec(select(Article.id).where(Article.slug == article)).first()
        ):
            raise NotFoundError(N_("no article with slug %(slug)r"), slug=article)
        return _version_rows(session, article)


def list_articles(settings: Settings) -> list[dict[str, Any]]:
    """Articles with their versions (by outlet, language and capture time)."""
    with Session(get_engine(settings.database_url)) as session:
        versions = _version_rows(session)
        articles = session.exec(select(Article).order_by(col(Article.slug))).all()
    by_article: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for v in versions:
        by_article[v["article_id"]].append(v)
    return [
        {
            "id": a.id,
            "slug": a.slug,
            "title": a.title,
            "created_at": iso_utc(a.created_at),
            "versions": by_article.get(a.id or -1, []),
        }
        for a in articles
    ]


def _translations(
    session: Session, segment_ids: list[int], target_lang: str | None
) -> dict[int, dict[str, dict[str, Any]]]:
    out: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for i in range(0, len(segment_ids), 500):
        stmt = select(Translation).where(col(Translation.segment_id).in_(segment_ids[i : i + 500]))
        if target_lang is not None:
            stmt = stmt.where(Translation.target_lang == target_lang)
        for t in session.exec(stmt).all():
            # The post-editing view (revision, edit distance from MT), times in UTC.
            out[t.segment_id][t.target_lang] = {
                **translation_dict(t),
                "updated_at": iso_utc(t.updated_at),
            }
    return out


@checks_ids
def version_detail(
    settings: Settings, version_id: int, target_lang: str | None = None
) -> dict[str, Any]:
    """One version's metadata and segments (with translations, optionally one language)."""
    with Session(get_engine(settings.database_url)) as session:
        row = session.exec(
            select(Version, Outlet.name, Article)
            .join(Outlet, col(Outlet.id) == col(Version.outlet_id))
            .join(Article, col(Article.id) == col(Version.article_id))
            .where(Version.id == version_id)
        ).first()
        if row is None:
            raise NotFoundError(N_("version %(version_id)s not found"), version_id=version_id)
        version, outlet, article = row
        segs = session.exec(
            select(Segment).where(Segment.version_id == version_id).order_by(col(Segment.position))
        ).all()
        translations = _translations(session, [s.id for s in segs if s.id is not None], target_lang)
    detail = _version_dict(version, outlet, article, len(segs))
    detail["leading"] = version.leading
    detail["target_lang"] = target_lang
    detail["segments"] = [
        {
            "id": s.id,
            "position": s.position,
            "text": s.text,
            "separator": s.separator,
            "lang": s.lang,
            "lang_confidence": s.lang_confidence,
            "role": s.role,
            "paragraph": s.paragraph,
            "start": s.start,
            "end": s.end,
            "text_hash": s.text_hash,
            "translations": translations.get(s.id or -1, {}),
        }
        for s in segs
    ]
    detail["segment_count"] = len(segs)
    return detail
