"""How one copy of a story differs from the reference copy, in sentences and facts.

Input: the aligned rows of one reference→version comparison (content roles
only, so an outlet's wrapper — appeals, comment forms, link residue — never
shows up as "added"; it is counted apart from the segments' roles).  Output:
sentence counts per change kind and the facts (numbers, names, quoted speech)
that differ, each with both values.

Why sentences, not rows: a 2-1 merge is two reference sentences kept, not one.
Counted on the reference side (kept/changed/dropped/moved) and on the version
side (added), so the counts add up to each side's length.

Pure: dataclasses and strings in, JSON-ready dicts out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from workbench.core.similarity import normalize_for_similarity

#: Change kinds a reader of a story asks about, in the order the page lists them.
BUCKETS: tuple[str, ...] = ("verbatim", "cosmetic", "changed", "added", "dropped", "moved")
#: Row statuses (from every aligner version so far) and the bucket each falls in.
STATUS_BUCKET: dict[str, str] = {
    "unchanged": "verbatim",
    "equivalent": "verbatim",
    "cosmetic": "cosmetic",
    "changed": "changed",
    "differs": "changed",
    "uncertain": "changed",
    "added": "added",
    "removed": "dropped",
    "moved": "moved",
}
FACT_KINDS: tuple[str, ...] = ("number", "name", "quote")


@dataclass(frozen=True)
class Row:
    """The part of an aligned pair the story view needs (no ORM object)."""

    position: int
    status: str
    left_ids: Sequence[int]
    right_ids: Sequence[int]
    left_text: str
    right_text: str
    flags: dict[str, Any] = field(default_factory=dict)


def bucket(row: Row, same_language: bool) -> str:
    """The change kind of one row; a same-language change of case/punctuation is cosmetic."""
    kind = STATUS_BUCKET.get(row.status, "changed")
    if kind == "changed" and same_language and row.left_text and row.right_text:
        if normalize_for_similarity(row.left_text) == normalize_for_similarity(row.right_text):
            return "cosmetic"
    return kind


def _flag_facts(row: Row) -> list[dict[str, Any]]:
    """Facts from the row's flags: quoted speech is detected once, by the pair checks
    (``workbench.core.anchors.quote_differences``), never again here."""
    out = []
    for name, kind in (("numbers", "number"), ("names", "name"), ("quotes", "quote")):
        value = row.flags.get(name) if isinstance(row.flags, dict) else None
        if not isinstance(value, dict):
            continue
        ref, ver = list(value.get("left_only") or []), list(value.get("right_only") or [])
        if ref or ver:
            out.append({"kind": kind, "reference": ref, "version": ver})
    return out


def row_facts(row: Row, same_language: bool) -> list[dict[str, Any]]:
    """Facts that differ within one linked row, each with both values and both texts."""
    if not row.left_ids or not row.right_ids:
        return []  # a whole sentence added/dropped: its facts are in the count
    found = _flag_facts(row)
    for fact in found:
        fact.update(
            position=row.position, reference_text=row.left_text, version_text=row.right_text
        )
    return found


def summarise(rows: Iterable[Row], same_language: bool) -> dict[str, Any]:
    """Sentence counts per bucket and the differing facts of one comparison."""
    counts = dict.fromkeys(BUCKETS, 0)
    facts: list[dict[str, Any]] = []
    for row in rows:
        kind = bucket(row, same_language)
        if kind == "moved" and row.right_ids:  # a move's landing: counted at its origin,
            facts.extend(row_facts(row, same_language))  # its facts are the link's
            continue
        if not row.left_ids:  # version only: added
            counts["added"] += len(row.right_ids) if kind == "added" else 0
            continue
        counts[kind] += len(row.left_ids)
        facts.extend(row_facts(row, same_language))
    return {"counts": counts, "facts": facts}


def timeline_key(version: dict[str, Any]) -> tuple[datetime, int]:
    """Sort key of a story's versions: capture instant, then id (a stable tie-break).

    Why not the ISO string: ``store.models.iso_utc`` (``isoformat``) drops zero
    microseconds, so '08:00:00Z' and '08:00:00.500000Z' compare as strings in
    the wrong order ('.' sorts before 'Z'); the instant they spell does not.
    """
    return datetime.fromisoformat(version["captured_at"]), version["id"]
