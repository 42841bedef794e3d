"""A bounded window of a stored alignment's rows: what the compare page and API read.

Why: ``alignment_detail`` builds every pair (ORM objects, every JSON column)
and the page then rendered them all: 1.66 s and 7.4 MB at 10,000 pairs.  Here
the filters run over light columns only (position, status, segment ids, and
the segments' roles from one query), counts come from the same pass, and the
full columns are read for the requested window alone, as plain rows.

``at`` asks for the window holding a given pair position (a "moved to row
N" link, or j/k stepping onto the next page).  One rule for both row numbers
(round 34): ``offset`` is a row of the filtered list and ``at`` a row of the
alignment, each from 0 to the last (0 when there is none); anything else is a
422 naming the range, where ``at`` used to be clamped and an ``offset`` past the
end answered an empty window.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import func, literal, or_
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, InputError, NotFoundError
from workbench.services.alignment_store import staleness
from workbench.services.alignments import header, pair_dict, segment_info, stored_moves
from workbench.services.validation import checks_ids
from workbench.store.db import get_engine
from workbench.store.models import AlignedPair, Alignment

DEFAULT_LIMIT = 200
MAX_LIMIT = 1000


@dataclass(frozen=True)
class Window:
    """Which filtered rows to return: ``roles``/``statuses`` (None = any), a slice or ``at``."""

    roles: frozenset[str] | None = None
    statuses: frozenset[str] | None = None
    offset: int = 0
    limit: int = DEFAULT_LIMIT
    at: int | None = None

    def checked(self) -> Window:
        """The same window, or a clear error for a bad limit (rows: ``_check_row``)."""
        if not 1 <= self.limit <= MAX_LIMIT:
            raise InputError(N_("limit must be between 1 and %(MAX_LIMIT)s"), MAX_LIMIT=MAX_LIMIT)
        return self


def _check_row(name: str, value: int | None, rows: int) -> None:
    """``value`` must be a row: 0 to ``rows - 1`` (0 alone when there are no rows)."""
    last = max(rows - 1, 0)
    if value is not None and not 0 <= value <= last:
        raise InputError(
            N_("%(name)s must be between 0 and %(last)s, not %(value)s"),
            name=name, last=last, value=value,
        )  # fmt: skip


def _header(session: Session, alignment: Alignment) -> dict[str, Any]:
    """``alignments.header`` plus whether the stored result is stale."""
    return {**header(session, alignment), "stale": staleness(session, alignment)}


def _filters(alignment_id: int, window: Window) -> list[Any]:
    """SQL conditions for the window's filters (roles kept with each row since migration 0005)."""
    conds: list[Any] = [AlignedPair.alignment_id == alignment_id]
    if window.statuses is not None:
        conds.append(col(AlignedPair.status).in_(sorted(window.statuses)))
    if window.roles is not None:
        padded = literal(",") + func.coalesce(AlignedPair.roles, "") + literal(",")
        conds.append(
            or_(AlignedPair.roles == "", *[padded.like(f"%,{r},%") for r in sorted(window.roles)])
        )
    return conds


def _sql_positions(
    session: Session, alignment_id: int, window: Window
) -> tuple[int, int, list[int]]:
    """(total, start, positions of the window) counted and sliced by the database."""
    conds = _filters(alignment_id, window)
    count = select(func.count()).select_from(AlignedPair).where(*conds)
    total = int(session.exec(count).one())  # type: ignore[call-overload]
    start = min(window.offset, total)
    if window.at is not None:
        before = int(session.exec(count.where(AlignedPair.position < window.at)).one())  # type: ignore[call-overload]
        start = min(before, max(0, total - 1)) // window.limit * window.limit
    chosen = session.exec(
        select(AlignedPair.position).where(*conds).order_by(col(AlignedPair.position))
        .offset(start).limit(window.limit)
    ).all()  # fmt: skip
    return total, start, list(chosen)


def _legacy_positions(session: Session, alignment_id: int, window: Window) -> list[int]:
    """Filtered positions of an alignment stored before rows kept their roles (reads ids)."""
    query = select(
        AlignedPair.position, AlignedPair.left_segment_ids, AlignedPair.right_segment_ids
    ).where(AlignedPair.alignment_id == alignment_id)
    if window.statuses is not None:
        query = query.where(col(AlignedPair.status).in_(sorted(window.statuses)))
    rows = session.exec(query.order_by(col(AlignedPair.position))).all()
    info = segment_info(session, {i for _, a, b in rows for i in (a or []) + (b or [])})
    out = []
    for pos, a, b in rows:
        roles = {info[i][0] for i in (a or []) + (b or []) if i in info}
        if window.roles is None or not roles or roles & window.roles:
            out.append(pos)
    return out


def _start(positions: list[int], window: Window) -> int:
    """The window's first index: ``offset``, or the page holding position ``at``."""
    if window.at is None:
        return min(window.offset, len(positions))
    index = next((k for k, p in enumerate(positions) if p >= window.at), len(positions) - 1)
    return max(0, index) // window.limit * window.limit


def _positions(session: Session, alignment_id: int, window: Window) -> tuple[int, int, list[int]]:
    legacy = session.exec(  # type: ignore[call-overload]
        select(func.count()).select_from(AlignedPair)
        .where(AlignedPair.alignment_id == alignment_id, col(AlignedPair.roles).is_(None))
    ).one()  # fmt: skip
    if not legacy:
        return _sql_positions(session, alignment_id, window)
    positions = _legacy_positions(session, alignment_id, window)
    start = _start(positions, window)
    return len(positions), start, positions[start : start + window.limit]


def filtered_positions(
    session: Session, alignment_id: int, roles: frozenset[str], statuses: frozenset[str]
) -> list[int]:
    """Every row position the compare view's filters keep, in order (round 36: the
    view's "export the rows shown" uses the page's own rule, so its count is the page's)."""
    rows = session.exec(  # type: ignore[call-overload]
        select(func.count()).select_from(AlignedPair)
        .where(AlignedPair.alignment_id == alignment_id)
    ).one()  # fmt: skip
    window = Window(roles=roles, statuses=statuses, limit=max(1, int(rows)))
    return _positions(session, alignment_id, window)[2]


@checks_ids
def alignment_window(settings: Settings, alignment_id: int, window: Window) -> dict[str, Any]:
    """Header, status counts (rows), moves and one window of filtered pairs, with paging facts."""
    window = window.checked()
    with Session(get_engine(settings.database_url)) as session:
        alignment = session.get(Alignment, alignment_id)
        if alignment is None:
            raise NotFoundError(
                N_("alignment %(alignment_id)s not found"), alignment_id=alignment_id
            )
        counts = dict(
            session.exec(  # type: ignore[call-overload]
                select(AlignedPair.status, func.count())
                .where(AlignedPair.alignment_id == alignment_id)
                .group_by(col(AlignedPair.status))
            ).all()
        )
        moves = stored_moves(session, alignment_id) if counts.get("moved") else 0  # one rule
        _check_row("at", window.at, sum(counts.values()))
        total, start, chosen = _positions(session, alignment_id, replace(window, offset=0)
                                          if window.offset < 0 else window)  # fmt: skip
        if window.at is None:
            _check_row("offset", window.offset, total)
        full = session.exec(
            select(*[c for c in AlignedPair.__table__.columns])  # type: ignore[attr-defined]
            .where(AlignedPair.alignment_id == alignment_id)
            .where(col(AlignedPair.position).in_(chosen))
            .order_by(col(AlignedPair.position))
        ).all() if chosen else []  # fmt: skip
        segments = segment_info(
            session, {i for r in full for i in r.left_segment_ids + r.right_segment_ids}
        )
        detail = _header(session, alignment)
    detail["pairs"] = [pair_dict(row, segments) for row in full]  # type: ignore[arg-type]
    detail["page"] = {
        "offset": start, "limit": window.limit, "total": total,
        "next": start + window.limit if start + window.limit < total else None,
        "previous": max(0, start - window.limit) if start > 0 else None,
    }  # fmt: skip
    detail["counts"], detail["moves"] = counts, moves
    return detail
