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
position of its counterpart; the landing row carries the whole link, see
``core.align_moves.move_links``).  Every pair stores the aligner's ``confidence``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from workbench.config import Settings
from workbench.core import align_dateline_gate as gate
from workbench.core import labels as labels_fmt
from workbench.core import statuses as core_statuses
from workbench.core.align_dateline_gate import GateScores, dateline_gate, fronts
from workbench.core.align_groups import align_groups, breaks_of, groups_of
from workbench.core.align_inner import compared_lines
from workbench.core.align_moves import move_links
from workbench.core.align_partners import Compared, candidates, compare_partners
from workbench.core.long_text import clip_all
from workbench.errors import N_, InputError, LanguagePairError, NotFoundError
from workbench.services.alignment_store import (
    aligner_digest,
    find_by_fingerprint,
    fingerprint,
    refuse_self_compare,
    segment_revisions,
)
from workbench.services.alignments import (
    alignment_detail,
    list_alignments,
    summary_of,
    version_meta,
)
from workbench.services.compare_pairs import (
    UNCERTAIN_BELOW,
    Langs,
    pair_rows,
    relation,
    stamp_roles,
    story_digest,
    summarise,
)
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine, session_scope
from workbench.store.models import AlignedPair, Alignment, Segment, Translation, Version

METHOD = "workbench-align/1: banded DP, chrF coverage + Gale-Church + anchors; dmp word diff"
DEFAULT_ROLES: tuple[str, ...] = ("body", "headline")
STATUSES = core_statuses.STATUSES  # the registry: workbench/core/statuses.py


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


def _compared(
    session: Session, ids: tuple[int, int], wanted: tuple[str, ...]
) -> tuple[tuple[list[Segment], list[Segment]], tuple[list[int], list[int]] | None]:
    """Both sides' segments of ``wanted``, or for the story roles both whole pages and the
    lines to compare: the story and the lines inside both stories that the two pages share
    (``core.align_inner``: a crosshead read as chrome); ``core.align_partners`` may add more."""
    if set(wanted) != set(DEFAULT_ROLES):
        return (_segments(session, ids[0], wanted), _segments(session, ids[1], wanted)), None
    left, right = _segments(session, ids[0], ()), _segments(session, ids[1], ())
    keep = compared_lines([s.text for s in left], [s.role for s in left],
                          [s.text for s in right], [s.role for s in right])  # fmt: skip
    return (left, right), keep


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
    return groups_of([seg.role for seg in segments])


def role_breaks(segments: Sequence[Segment]) -> list[int]:
    """Where the page role changes (headline -> body): the aligner never joins across it."""
    return breaks_of([seg.role for seg in segments])


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


class _Sides(NamedTuple):
    """What is compared: both sides' segments (whole pages for the story roles) and languages."""

    pages: tuple[list[Segment], list[Segment]]
    keep: tuple[list[int], list[int]] | None  # the story roles: the lines compared at least
    langs: Langs
    revisions: dict[int, int]  # per version, read before its segments


def _sides(session: Session, ids: tuple[int, int], wanted: tuple[str, ...]) -> _Sides:
    """Both versions' segments and languages; ``Error:`` for a missing version or no segments."""
    versions = [session.get(Version, v) for v in ids]
    for vid, version in zip(ids, versions, strict=True):
        if version is None:
            raise NotFoundError(N_("version %(version_id)s not found"), version_id=vid)
    revisions = segment_revisions(session, ids)  # first: a later edit makes the result stale
    pages, keep = _compared(session, ids, wanted)
    left, right = (pages if keep is None else
                   [[page[k] for k in ks] for page, ks in zip(pages, keep, strict=True)])
    if not left and not right:
        shown = ",".join(wanted) or "any"
        raise InputError(N_(
"no segments with role %(shown)s in versions %(left_version_id)s, "
"%(right_version_id)s; try --roles all"
), shown=shown, left_version_id=ids[0], right_version_id=ids[1])  # fmt: skip
    langs = (_language(versions[0], left), _language(versions[1], right))  # type: ignore[arg-type]
    return _Sides(pages, keep, langs, revisions)


def _roles(sides: _Sides) -> tuple[list[str], list[str]]:
    return [s.role for s in sides.pages[0]], [s.role for s in sides.pages[1]]


def _texts(sides: _Sides) -> tuple[list[str], list[str]]:
    return [s.text for s in sides.pages[0]], [s.text for s in sides.pages[1]]


def _keep(sides: _Sides) -> tuple[list[int], list[int]]:
    return sides.keep or (list(range(len(sides.pages[0]))), list(range(len(sides.pages[1]))))


def _mt(settings: Settings, session: Session, sides: _Sides) -> tuple[dict[int, str] | None, str]:
    """MT of every left line that may be compared (with the story roles, the partner
    candidates too), by page position, and the model label."""
    keep, roles = _keep(sides), _roles(sides)
    partners = candidates(keep, roles, _texts(sides))[0] if sides.keep is not None else set()
    # a kept-apart dateline too: the gate reads the lead with it (core.align_dateline_gate)
    apart = set(fronts(_texts(sides)[0], keep[0]).values()) if gate.DATELINE_GATE else set()
    read = sorted(set(keep[0]) | partners | apart)
    target = sides.langs[1]
    mt, label = _translations(settings, session, [sides.pages[0][k] for k in read], target)  # type: ignore[arg-type]
    return (None if mt is None else dict(zip(read, mt, strict=True))), label


def _compare(sides: _Sides, mt_of: dict[int, str] | None) -> Compared:
    """The aligned lines and beads: with the story roles, ``core.align_partners`` adds an edge
    line the aligner links to the other page's story (the learned role layer's wrong moves)
    and a cut capture's tail line it links to the other page's story or tail (round 30)."""
    pages, keep, roles = sides.pages, _keep(sides), _roles(sides)

    def run(li: Sequence[int], ri: Sequence[int], lr: Sequence[str], rr: Sequence[str]) -> list:
        return align_groups(
            clip_all([pages[0][k].text for k in li]), clip_all([pages[1][k].text for k in ri]),
            groups_of(lr), groups_of(rr),
            left_mt=None if mt_of is None else clip_all([mt_of[k] for k in li]),
            left_breaks=breaks_of(lr), right_breaks=breaks_of(rr),
        )  # fmt: skip

    if sides.keep is not None:
        return compare_partners(keep, roles, run, _texts(sides))
    return Compared(keep[0], keep[1], roles[0], roles[1], run(keep[0], keep[1], *roles))


def _gates(sides: _Sides, mt_of: dict[int, str] | None, done: Compared) -> GateScores:
    """The checks' gate numbers of the rows holding a lead whose dateline was kept apart
    (``core.align_dateline_gate``): the same lines aligned again, each such lead with its
    dateline (and the dateline's MT, when translated) joined back in front."""
    texts = _texts(sides)

    def run(lt: list[str], rt: list[str]) -> list:
        mt = None
        if mt_of is not None:
            front = fronts(texts[0], done.left)
            mt = [f"{mt_of[front[p]]} {mt_of[k]}" if front.get(p) in mt_of else mt_of[k]
                  for p, k in enumerate(done.left)]  # fmt: skip
        return move_links(align_groups(
            clip_all(lt), clip_all(rt), groups_of(done.left_roles), groups_of(done.right_roles),
            left_mt=None if mt is None else clip_all(mt),
            left_breaks=breaks_of(done.left_roles), right_breaks=breaks_of(done.right_roles),
        ))  # fmt: skip

    return dateline_gate(move_links(done.beads), texts, (done.left, done.right), run)


def _align(
    settings: Settings, session: Session, sides: _Sides
) -> tuple[list[AlignedPair], dict[str, Any], list[str] | None, str]:
    """Align, check and diff the sides: rows, summary, the MT used and its model label."""
    langs = sides.langs
    cross = bool(langs[0] and langs[1] and langs[0] != langs[1])
    mt_of, label = _mt(settings, session, sides) if cross else (None, "")
    done = _compare(sides, mt_of)
    left = [sides.pages[0][k] for k in done.left]
    right = [sides.pages[1][k] for k in done.right]
    mt = None if mt_of is None else [mt_of[k] for k in done.left]
    rows = pair_rows(done.beads, left, right, mt, langs, _gates(sides, mt_of, done))
    summary = {**summarise(rows, langs), **relation(left, right, mt, done.beads, cross)}
    stamp_roles(rows, left + right)
    return rows, summary, mt, label


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
    ids = (left_version_id, right_version_id)
    with session_scope(get_engine(settings.database_url)) as session:
        sides = _sides(session, ids, wanted)
        langs = sides.langs
        key = fingerprint(settings, session, ids, wanted, langs, sides.revisions)
        stored = find_by_fingerprint(session, key)
        if stored is not None:
            return CompareResult(stored.id, left_version_id, right_version_id,  # type: ignore[arg-type]
                                 summary_of(session, stored), reused=True)  # fmt: skip
        rows, summary, mt, label = _align(settings, session, sides)
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
                "story": story_digest(rows, langs),
                # the segment revisions the result was computed from: a later role
                # or language change makes it visibly stale (``alignment_staleness``)
                "revisions": {str(k): v for k, v in sides.revisions.items()},
            },
        )
        alignment_id = _store_alignment(session, alignment, rows)
    return CompareResult(alignment_id, left_version_id, right_version_id, summary)


# Readers of stored alignments live in ``services.alignments``; their names stay
# importable from here, where callers have always found them.
__all__ = [
    "DEFAULT_ROLES", "METHOD", "STATUSES", "UNCERTAIN_BELOW", "CompareResult",
    "alignment_detail", "compare_versions", "list_alignments", "normalize_roles",
    "role_breaks", "role_groups", "version_meta",
]  # fmt: skip
