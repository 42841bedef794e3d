"""Compare two stored versions: align their segments, diff and check every pair, store it.

Same language (edits over time, republications): segments are compared
directly.  Across languages (the same wire story in German and English): each
left segment is compared through its translation into the right side's
language, taken from stored ``Translation`` rows when present, else produced by
``workbench.services.translate.translate_texts``; both originals are kept and
the MT used is stored as ``compared_text``.  Without any installed model the
alignment still runs on lengths, numbers and names (``params["mt"]`` says so).

Idempotent: the same pair with the same roles, segments, MT and aligner code
returns the stored alignment (``services.alignment_store``); a version is never
compared with itself; a pair whose links are no better than chance is marked
``summary["relation"] == "unrelated"`` (``core.relatedness``) so entrances show a
verdict instead of a page of changes.

Pair status (one vocabulary, ``STATUSES``): same language: ``unchanged``
(identical text), ``cosmetic`` (only quotes, apostrophes, dashes, spaces or
case differ), ``changed``; across languages: ``equivalent`` (no number, name or
quotation differs) or ``differs`` (one does: ``flags`` says which), and no word
diff (words of two languages are not comparable; the MT is shown as plain
text); both: ``uncertain`` (a link the aligner is less than
``UNCERTAIN_BELOW`` sure of), ``added`` (right only), ``removed`` (left only),
``moved`` (an added/removed sentence found elsewhere; ``move_to`` is the
position of its counterpart).  Every pair stores the aligner's ``confidence``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from workbench.config import Settings
from workbench.core import labels as labels_fmt
from workbench.core import statuses as core_statuses
from workbench.core.align import Bead
from workbench.core.align_groups import align_groups
from workbench.core.anchors import quote_differences
from workbench.core.checks import check_pair
from workbench.core.diff import is_cosmetic, word_diff
from workbench.core.long_text import PARTIAL, cheap_diff, clip, clip_all, is_long, partial_flag
from workbench.core.relatedness import UNKNOWN, relatedness
from workbench.core.story import Row as StoryRow
from workbench.core.story import summarise as story_summary
from workbench.errors import N_, InputError, LanguagePairError, NotFoundError
from workbench.services.alignment_store import (
    aligner_digest,
    find_by_fingerprint,
    fingerprint,
    refuse_self_compare,
    segment_revisions,
)
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import (
    AlignedPair,
    Alignment,
    Article,
    Outlet,
    Segment,
    Translation,
    Version,
    iso_utc,
)

METHOD = "workbench-align/1: banded DP, chrF coverage + Gale-Church + anchors; dmp word diff"
DEFAULT_ROLES: tuple[str, ...] = ("body", "headline")
STATUSES = core_statuses.STATUSES  # the registry: workbench/core/statuses.py
#: A link whose confidence is below this is shown as ``uncertain`` (a coin flip or worse).
UNCERTAIN_BELOW = 0.5


@dataclass(frozen=True)
class CompareResult:
    """What ``compare_versions`` stored: the alignment id and its summary counts."""

    alignment_id: int
    left_version_id: int
    right_version_id: int
    summary: dict[str, Any] = field(default_factory=dict)
    reused: bool = False  # True when an identical stored comparison was returned


def normalize_roles(roles: Sequence[str] | str | None) -> tuple[str, ...]:
    """``None``/``"all"``/``()`` mean every role; a string may be comma-separated."""
    if roles is None:
        return ()
    if isinstance(roles, str):
        roles = roles.split(",")
    cleaned = tuple(sorted({r.strip().lower() for r in roles if r.strip()}))
    return () if "all" in cleaned else cleaned


def _segments(session: Session, version_id: int, roles: tuple[str, ...]) -> list[Segment]:
    query = select(Segment).where(Segment.version_id == version_id)
    if roles:
        query = query.where(Segment.role.in_(roles))  # type: ignore[attr-defined]
    return list(session.exec(query.order_by(Segment.position)))  # type: ignore[arg-type]


def _language(version: Version, segments: Sequence[Segment]) -> str | None:
    """The side's language: majority of its segments' labels, else the version's."""
    counts = Counter(s.lang for s in segments if s.lang)
    return counts.most_common(1)[0][0] if counts else version.language


def _translations(
    settings: Settings, session: Session, segments: Sequence[Segment], target: str
) -> tuple[list[str] | None, str]:
    """MT of ``segments`` into ``target`` (stored rows first), and the model label."""
    ids = [s.id for s in segments]
    stored = {
        t.segment_id: t
        for t in session.exec(
            select(Translation).where(
                Translation.segment_id.in_(ids),  # type: ignore[union-attr]
                Translation.target_lang == target,
            )
        )
    }
    out: list[str | None] = [None] * len(segments)
    labels: set[str] = set()
    missing: dict[str, list[int]] = defaultdict(list)
    for k, seg in enumerate(segments):
        row = stored.get(seg.id)  # type: ignore[arg-type]
        if seg.lang == target:
            out[k] = seg.text
        elif row is not None:
            out[k] = row.text
            labels.add(_row_label(row))
        else:
            missing[seg.lang or ""].append(k)
    try:
        _translate_missing(settings, segments, missing, target, out, labels)
    except LanguagePairError:
        return None, ""
    texts = [t if t is not None else seg.text for t, seg in zip(out, segments, strict=True)]
    return texts, labels_fmt.join_labels(labels)


def _row_label(row: Translation) -> str:
    """``argos:ru_en@1.0+argos:en_de@1.0`` from a row's model ids and versions."""
    return labels_fmt.row_label(row.model_id or row.engine, row.model_version or "", row.status)


def _translate_missing(
    settings: Settings,
    segments: Sequence[Segment],
    missing: dict[str, list[int]],
    target: str,
    out: list[str | None],
    labels: set[str],
) -> None:
    from workbench.services.translate import mt_model_label, translate_texts

    for source, positions in missing.items():
        if not source:
            continue  # no language label: compared as is
        texts = [segments[k].text for k in positions]
        for k, text in zip(
            positions, translate_texts(settings, texts, source, target), strict=True
        ):
            out[k] = text
        labels.add(mt_model_label(settings, source, target))


def role_groups(segments: Sequence[Segment]) -> list[str]:
    """Headlines are aligned with headlines only, everything else together (core.align_groups)."""
    return ["headline" if seg.role == "headline" else "text" for seg in segments]


def role_breaks(segments: Sequence[Segment]) -> list[int]:
    """Where the page role changes (headline -> body): the aligner never joins across it."""
    return [k for k in range(1, len(segments)) if segments[k].role != segments[k - 1].role]


def _status(bead: Bead, texts: tuple[str, str], flags: dict[str, Any], cross: bool) -> str:
    if bead.move_to is not None:
        return "moved"
    if not bead.right:
        return "removed"
    if not bead.left:
        return "added"
    if bead.confidence < UNCERTAIN_BELOW:
        return "uncertain"
    if cross:
        return "differs" if set(flags) - {PARTIAL} else "equivalent"
    if " ".join(texts[0].split()) == " ".join(texts[1].split()):
        return "unchanged"
    return "cosmetic" if is_cosmetic(*texts) else "changed"


def _pair_rows(
    beads: list[Bead],
    left: list[Segment],
    right: list[Segment],
    mt: list[str] | None,
    langs: tuple[str | None, str | None],
) -> list[AlignedPair]:
    cross = bool(langs[0] and langs[1] and langs[0] != langs[1])
    rows = []
    for position, bead in enumerate(beads):
        left_text = " ".join(left[k].text for k in bead.left)
        right_text = " ".join(right[k].text for k in bead.right)
        compared = " ".join(mt[k] for k in bead.left) if mt is not None else ""
        long = is_long(left_text, right_text, compared)  # checked by head and tail only
        flags = check_pair(
            clip(left_text), clip(right_text), left_lang=langs[0], right_lang=langs[1],
            left_mt=clip(compared) if mt is not None else None, confidence=bead.confidence,
            similarity=bead.score,
        )  # fmt: skip
        if bead.left and bead.right and bead.move_to is None:
            quotes = quote_differences(clip(left_text), clip(right_text), same_language=not cross)
            if quotes:
                flags = {**flags, "quotes": quotes}
        # word and character diffs only between texts of one language
        differ = cheap_diff if long else word_diff
        diff = word_diff("", "") if cross else differ(left_text, right_text)
        if long:
            flags = {**flags, PARTIAL: partial_flag(left_text, right_text, compared)}
        rows.append(
            AlignedPair(
                position=position,
                kind=bead.kind,
                status=_status(bead, (left_text, right_text), flags, cross),
                left_segment_ids=[left[k].id for k in bead.left],
                right_segment_ids=[right[k].id for k in bead.right],
                left_text=left_text,
                right_text=right_text,
                compared_text=compared,
                score=bead.score,
                edit_ratio=diff.edit_ratio,
                diff_ops=diff.ops,
                flags=flags,
                move_to=bead.move_to,
                confidence=bead.confidence,
            )
        )
    return rows


def _summary(rows: list[AlignedPair], langs: tuple[str | None, str | None]) -> dict[str, Any]:
    counts = Counter(r.status for r in rows)
    linked = [r.edit_ratio for r in rows if r.left_segment_ids and r.right_segment_ids]
    summary: dict[str, Any] = {status: counts.get(status, 0) for status in STATUSES}
    summary.update(
        pairs=len(rows),
        flagged=sum(1 for r in rows if r.flags),
        mean_edit_ratio=round(sum(linked) / len(linked), 4) if linked else 0.0,
        left_language=langs[0],
        right_language=langs[1],
    )
    return summary


def _relation(
    left: list[Segment], right: list[Segment], mt: list[str] | None, beads: list[Bead],
    cross: bool,
) -> dict[str, Any]:  # fmt: skip
    """``relation`` and its evidence; unknown across languages without MT."""
    if cross and mt is None:
        return {"relation": UNKNOWN, "evidence": None}
    found = relatedness(
        clip_all(mt if mt is not None else [s.text for s in left]),
        clip_all([s.text for s in right]),
        [(b.left, b.right) for b in beads],
    )  # fmt: skip
    evidence = {"share": found.share, "chance": found.chance, "links": found.evidenced_links}
    return {"relation": found.relation, "evidence": evidence}


def _story_summary(rows: list[AlignedPair], langs: tuple[str | None, str | None]) -> Any:
    """Sentence counts and differing facts for the story desk, kept so it reads no rows."""
    return story_summary(
        (StoryRow(r.position, r.status, r.left_segment_ids, r.right_segment_ids,
                  r.left_text, r.right_text, r.flags) for r in rows),
        langs[0] == langs[1],
    )  # fmt: skip


def _store_alignment(session: Session, alignment: Alignment, rows: list[AlignedPair]) -> int:
    """Insert the alignment and its rows; a concurrent twin's id if it won the race."""
    try:
        with session.begin_nested():
            session.add(alignment)
            session.flush()
            for row in rows:
                row.alignment_id = alignment.id  # type: ignore[assignment]
                session.add(row)
            session.flush()
    except IntegrityError:
        twin = find_by_fingerprint(session, alignment.fingerprint or "")
        if twin is None:
            raise
        return twin.id  # type: ignore[return-value]
    return alignment.id  # type: ignore[return-value]


@checks_ids
def compare_versions(
    settings: Settings,
    left_version_id: int,
    right_version_id: int,
    *,
    roles: Sequence[str] | str | None = DEFAULT_ROLES,
) -> CompareResult:
    """Align, diff and check two versions' segments (of ``roles``) and store the result.

    The same comparison asked again returns the stored one (``reused``).
    """
    refuse_self_compare(left_version_id, right_version_id)
    wanted = normalize_roles(roles)
    with session_scope(get_engine(settings.database_url)) as session:
        versions = [session.get(Version, v) for v in (left_version_id, right_version_id)]
        for vid, version in zip((left_version_id, right_version_id), versions, strict=True):
            if version is None:
                raise NotFoundError(N_("version %(version_id)s not found"), version_id=vid)
        left_v, right_v = versions  # type: ignore[misc]
        revisions = segment_revisions(session, (left_version_id, right_version_id))  # first
        left = _segments(session, left_version_id, wanted)
        right = _segments(session, right_version_id, wanted)
        if not left and not right:
            shown = ",".join(wanted) or "any"
            raise InputError(N_(
"no segments with role %(shown)s in versions %(left_version_id)s, "
"%(right_version_id)s; try --roles all"
), shown=shown, left_version_id=left_version_id, right_version_id=right_version_id)  # fmt: skip
        langs = (_language(left_v, left), _language(right_v, right))  # type: ignore[arg-type]
        key = fingerprint(settings, session, (left_version_id, right_version_id), wanted, langs,
                          revisions)  # fmt: skip
        stored = find_by_fingerprint(session, key)
        if stored is not None:
            return CompareResult(stored.id, left_version_id, right_version_id,  # type: ignore[arg-type]
                                 dict(stored.summary), reused=True)  # fmt: skip
        cross = bool(langs[0] and langs[1] and langs[0] != langs[1])
        mt, label = None, ""
        if cross:
            mt, label = _translations(settings, session, left, langs[1])  # type: ignore[arg-type]
        beads = align_groups(
            clip_all([s.text for s in left]), clip_all([s.text for s in right]),
            role_groups(left), role_groups(right), left_mt=clip_all(mt),
            left_breaks=role_breaks(left), right_breaks=role_breaks(right),
        )  # fmt: skip
        rows = _pair_rows(beads, left, right, mt, langs)
        summary = {**_summary(rows, langs), **_relation(left, right, mt, beads, cross)}
        alignment = Alignment(
            left_version_id=left_version_id,
            right_version_id=right_version_id,
            roles=",".join(wanted),
            method=METHOD,
            mt_model=label,
            summary=summary,
            fingerprint=key,
            params={
                "cross_language": langs[0] != langs[1],
                "mt": "left->right" if mt is not None else None,
                "mt_missing": mt is None and langs[0] != langs[1],
                "aligner": aligner_digest(),
                "story": _story_summary(rows, langs),
                # the segment revisions the result was computed from: a later role
                # or language change makes it visibly stale (``alignment_staleness``)
                "revisions": {str(k): v for k, v in revisions.items()},
            },
        )
        role_of = {seg.id: seg.role for seg in left + right}
        for row in rows:  # kept with the row so windows filter without the id lists
            ids = row.left_segment_ids + row.right_segment_ids
            row.roles = ",".join(sorted({role_of[i] for i in ids if i in role_of}))
        alignment_id = _store_alignment(session, alignment, rows)
    return CompareResult(alignment_id, left_version_id, right_version_id, summary)


def version_meta(session: Session, version_id: int) -> dict[str, Any]:
    """Provenance of one version: outlet, article, URL, capture time, language."""
    version = session.get(Version, version_id)
    if version is None:
        return {"id": version_id, "missing": True}
    outlet = session.get(Outlet, version.outlet_id)
    article = session.get(Article, version.article_id)
    return {
        "id": version.id,
        "outlet": outlet.name if outlet else None,
        "article": article.slug if article else None,
        "title": version.title,
        "url": version.url,
        "captured_at": iso_utc(version.captured_at),
        "language": version.language,
        "sha256": version.sha256,
    }


def _pair_dict(pair: AlignedPair, segments: dict[int, tuple[str, str | None]]) -> dict[str, Any]:
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


def _side_lang(ids: list[int], segments: dict[int, tuple[str, str | None]]) -> str | None:
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
        ids = {i for p in pairs for i in p.left_segment_ids + p.right_segment_ids}
        segments = {
            sid: (role, lang)
            for sid, role, lang in session.exec(
                select(Segment.id, Segment.role, Segment.lang).where(Segment.id.in_(ids))  # type: ignore[union-attr]
            )
        }
        return {
            "id": alignment.id,
            "left": version_meta(session, alignment.left_version_id),
            "right": version_meta(session, alignment.right_version_id),
            "roles": alignment.roles.split(",") if alignment.roles else [],
            "method": alignment.method,
            "mt_model": alignment.mt_model,
            "params": alignment.params,
            "summary": alignment.summary,
            "created_at": iso_utc(alignment.created_at),
            "pairs": [_pair_dict(p, segments) for p in pairs],  # type: ignore[arg-type]
        }


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
                "summary": a.summary,
                "pairs": sizes.get(a.id, 0),
                "created_at": iso_utc(a.created_at),
            }
            for a in rows
        ]
