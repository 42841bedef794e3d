"""A translation row as the web and the CLI see it, and a stale save's conflict.

Why a module of its own: ``postedit`` (saving) and ``history`` (reverting to a revision)
both show a row (``translation_dict``) and refuse a stale save (``_conflict``);
``postedit`` records revisions through ``history``, so what both read lives below
them and ``history`` no longer imports ``postedit`` back (round 40, layers40).
``postedit`` re-exports every name: ``from workbench.services.postedit import ...``
keeps working.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import select

from workbench.config import Settings
from workbench.errors import N_, ConflictError
from workbench.services.provenance import provenance
from workbench.store.db import get_engine, session_scope
from workbench.store.models import Translation, iso_utc

_CHAR_LIMIT = 4_000_000  # above len(a) * len(b) of this, measure words instead of characters


class RevisionConflict(ConflictError):
    """A stale save; ``current`` holds the server's translation so the UI can show it."""

    def __init__(self, message: str, current: dict[str, Any] | None, **params: object) -> None:
        super().__init__(message, **params)
        self.current = current

    @property
    def details(self) -> dict[str, Any]:
        """Extra fields for the web error body."""
        return {"current": self.current}


def levenshtein(a: str | list[str], b: str | list[str]) -> int:
    """Edit distance (insert/delete/substitute = 1) with two rows of memory."""
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost))
        previous = current
    return previous[-1]


def edit_distance(mt_text: str, text: str) -> dict[str, Any]:
    """Distance of ``text`` from the machine output, as a count and a 0..1 ratio."""
    if not mt_text:
        return {"unit": "char", "distance": None, "ratio": None}
    a: str | list[str] = mt_text
    b: str | list[str] = text
    unit = "char"
    if len(a) * len(b) > _CHAR_LIMIT:
        a, b, unit = mt_text.split(), text.split(), "word"
    distance = levenshtein(a, b)
    longest = max(len(a), len(b)) or 1
    return {"unit": unit, "distance": distance, "ratio": round(distance / longest, 4)}


def translation_dict(row: Translation) -> dict[str, Any]:
    """The JSON view of a translation row (shared by the web API and the CLI).

    ``mt`` is the machine provenance (engine, model, version, date, ``demo``) or None.
    """
    data: dict[str, Any] = {
        "id": row.id,
        "segment_id": row.segment_id,
        "target_lang": row.target_lang,
        "text": row.text,
        "mt_text": row.mt_text,
        "status": row.status,
        "revision": row.revision,
        "model_id": row.model_id,
        "model_version": row.model_version,
        "engine": row.engine,
        "score": row.score,
        "created_at": iso_utc(row.created_at),
        "updated_at": iso_utc(row.updated_at),
        "edit": edit_distance(row.mt_text, row.text),
    }
    data["mt"] = provenance(data)
    return data


def _current(settings: Settings, segment_id: int, target_lang: str) -> Translation | None:
    with session_scope(get_engine(settings.database_url)) as session:
        return session.exec(
            select(Translation).where(
                Translation.segment_id == segment_id, Translation.target_lang == target_lang
            )
        ).first()


def _conflict(settings: Settings, segment_id: int, target_lang: str, base: int) -> RevisionConflict:
    row = _current(settings, segment_id, target_lang)
    current = translation_dict(row) if row else None
    have = row.revision if row else 0
    return RevisionConflict(
        N_(
            "the translation was changed by someone else (your edit is based on "
            "revision %(base)s, the current revision is %(have)s); reload it, "
            "merge and save again"
        ),
        current,
        base=base,
        have=have,
    )
