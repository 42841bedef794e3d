"""Reading stored alignments: one alignment with every pair, and the listing.

Why a module of its own: ``services.compare`` writes alignments (align, check,
store); the pages, exports and the CLI only read them.  The readers share
``pair_dict``, the one JSON shape of a pair (``compare_rows`` windows and the
streamed exports build the same objects from plain rows).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, NotFoundError
from workbench.services.compare_pairs import count_moves
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import (
    AlignedPair,
    Alignment,
    Article,
    Outlet,
    Segment,
    Version,
    iso_utc,
)

#: segment id -> (role, language label), what ``pair_dict`` needs of each segment
SegmentInfo = dict[int, tuple[str, str | None]]


def version_meta(session: Session, version_id: int) -> dict[str, Any]:
    """Provenance of one version: outlet, article, URL, capture time, language.

    Read as columns: the version's raw bytes and text are not loaded.
    """
    row = session.exec(
        select(
            Version.id,
            Outlet.name,
            Article.slug,
            Version.title,
            Version.url,
            Version.captured_at,
            Version.language,
            Version.sha256,
        )  # fmt: skip
        .join(Outlet, col(Outlet.id) == col(Version.outlet_id))
        .join(Article, col(Article.id) == col(Version.article_id))
        .where(Version.id == version_id)
    ).first()
    if row is None:
        return {"id": version_id, "missing": True}
    vid, outlet, slug, title, url, captured_at, language, sha = row
    return {"id": vid, "outlet": outlet, "article": slug, "title": title, "url": url,
            "captured_at": iso_utc(captured_at), "language": language, "sha256": sha}  # fmt: skip


def earlier_first(settings: Settings, one: int, other: int) -> tuple[int, int]:
    """The two versions with the earlier capture first (ties: the lower id).

    Why: the compare view reads its left column as "before" (a line only on the right
    is *added*); a version page's "Compare with" names no side, and put the page's own
    version left, so a newer capture compared from its page called its new paragraph
    "removed" (round 35).  Unknown ids keep their order: the comparison says they are.
    """
    with session_scope(get_engine(settings.database_url)) as session:
        rows = dict(
            session.exec(
                select(Version.id, Version.captured_at).where(col(Version.id).in_([one, other]))
            ).all()
        )
    if one not in rows or other not in rows:
        return one, other
    first, second = sorted((one, other), key=lambda v: (rows[v], v))
    return first, second


def segment_info(session: Session, ids: set[int]) -> SegmentInfo:
    """Role and language of these segments (tuples, read in chunks of 500 ids)."""
    out: SegmentInfo = {}
    items = sorted(ids)
    for k in range(0, len(items), 500):
        rows = session.exec(
            select(Segment.id, Segment.role, Segment.lang).where(
                col(Segment.id).in_(items[k : k + 500])
            )
        ).all()
        out.update({sid: (role, lang) for sid, role, lang in rows})
    return out


def stored_moves(session: Session, alignment_id: int) -> int:
    """The stored rows' moves, by the one rule (``compare_pairs.count_moves``)."""
    rows = session.exec(  # type: ignore[call-overload]
        select(AlignedPair.status, AlignedPair.left_segment_ids, AlignedPair.right_segment_ids)
        .where(AlignedPair.alignment_id == alignment_id, AlignedPair.status == "moved")
    ).all()  # fmt: skip
    return count_moves(rows)


def summary_of(session: Session, alignment: Alignment) -> dict[str, Any]:
    """The stored summary with ``moves``: a summary stored before round 37 has none, so it
    is counted from the rows (none when no row moved)."""
    summary = dict(alignment.summary or {})
    if "moves" not in summary and alignment.id is not None:
        summary["moves"] = stored_moves(session, alignment.id) if summary.get("moved") else 0
    return summary


def header(session: Session, alignment: Alignment) -> dict[str, Any]:
    """An alignment without its pairs: both versions' provenance, roles, method, summary."""
    return {
        "id": alignment.id,
        "left": version_meta(session, alignment.left_version_id),
        "right": version_meta(session, alignment.right_version_id),
        "roles": alignment.roles.split(",") if alignment.roles else [],
        "method": alignment.method,
        "mt_model": alignment.mt_model,
        "params": alignment.params,
        "summary": summary_of(session, alignment),
        "created_at": iso_utc(alignment.created_at),
    }


def pair_dict(pair: AlignedPair, segments: SegmentInfo) -> dict[str, Any]:
    """One pair, JSON-ready, with its segments' roles and each side's language."""
    ids = pair.left_segment_ids + pair.right_segment_ids
    left_lang = _side_lang(pair.left_segment_ids, segments)
    right_lang = _side_lang(pair.right_segment_ids, segments)
    return {
        "position": pair.position,
        "kind": pair.kind,
        "status": pair.status,
        "roles": sorted({segments[i][0] for i in ids if i in segments}),
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
        "confidence": pair.confidence,
    }


def _side_lang(ids: list[int], segments: SegmentInfo) -> str | None:
    """The language of a pair side's first known segment (``None`` for an empty side)."""
    return next((segments[i][1] for i in ids if i in segments), None)


@checks_ids
def alignment_detail(settings: Settings, alignment_id: int) -> dict[str, Any]:
    """A stored alignment, JSON-ready: both versions' provenance and every pair."""
    with session_scope(get_engine(settings.database_url)) as session:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            raise NotFoundError(
                N_("alignment %(alignment_id)s not found"), alignment_id=alignment_id
            )
        pairs = list(
            session.exec(
                select(AlignedPair)
                .where(AlignedPair.alignment_id == alignment_id)
                .order_by(AlignedPair.position)  # type: ignore[arg-type]
            )
        )
        segments = segment_info(
            session, {i for p in pairs for i in p.left_segment_ids + p.right_segment_ids}
        )
        pair_dicts = [pair_dict(p, segments) for p in pairs]
        return {**header(session, alignment), "pairs": pair_dicts}


@checks_ids
def list_alignments(settings: Settings, version_id: int | None = None) -> list[dict[str, Any]]:
    """Stored alignments, newest first, optionally only those involving ``version_id``.

    Each carries both versions' provenance (``left``/``right``, as in ``alignment_detail``),
    read once per version, so a listing (CLI or web) can name its versions.
    """
    with session_scope(get_engine(settings.database_url)) as session:
        query = select(Alignment)
        if version_id is not None:
            query = query.where(
                (Alignment.left_version_id == version_id)
                | (Alignment.right_version_id == version_id)
            )
        rows = list(session.exec(query.order_by(Alignment.id.desc())))  # type: ignore[union-attr]
        sizes = dict(
            session.exec(
                select(AlignedPair.alignment_id, func.count()).group_by(AlignedPair.alignment_id)  # type: ignore[call-overload]
            ).all()
        )
        ids = {a.left_version_id for a in rows} | {a.right_version_id for a in rows}
        metas = {vid: version_meta(session, vid) for vid in ids}
        return [
            {
                "id": a.id,
                "left_version_id": a.left_version_id,
                "right_version_id": a.right_version_id,
                "left": metas[a.left_version_id],
                "right": metas[a.right_version_id],
                "roles": a.roles.split(",") if a.roles else [],
                "method": a.method,
                "mt_model": a.mt_model,
                "summary": summary_of(session, a),
                "pairs": sizes.get(a.id, 0),
                "created_at": iso_utc(a.created_at),
            }
            for a in rows
        ]
