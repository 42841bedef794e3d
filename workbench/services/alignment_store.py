"""Idempotent compare: what a stored alignment depends on, and finding it again.

A comparison's result depends on both sides' segments (ids, roles, language
labels), the role filter, the aligner's code and the machine translation used.
``fingerprint`` hashes exactly that; ``compare_versions`` stores it with the
alignment (a unique column) and returns the stored alignment when the same
fingerprint comes again, so clicking "Compare" twice, or a story page asking
for the same pair, never stores a duplicate.  Any change of an input (a
segment relabelled as an appeal, a post-edited translation, a new model, new
aligner code) gives a new fingerprint and a fresh alignment.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import InputError, LanguagePairError
from workbench.store.models import Alignment, Segment, Translation

#: Bump when stored alignments must not be reused although the code digest is equal.
ALIGNER_VERSION = 2
#: Pure modules whose source decides an alignment's rows; hashed into every fingerprint.
_ALIGNER_MODULES = (
    "align.py", "align_dp.py", "align_scoring.py", "anchors.py", "checks.py", "diff.py",
    "relatedness.py", "similarity.py",
)  # fmt: skip


@lru_cache(maxsize=1)
def aligner_digest() -> str:
    """``2:<sha256 prefix>`` of the aligner's own source: new code, new alignments."""
    digest = hashlib.sha256(str(ALIGNER_VERSION).encode())
    core = resources.files("workbench") / "core"
    for name in _ALIGNER_MODULES:
        try:
            digest.update((core / name).read_bytes())
        except OSError:  # a module renamed by a later change: the version still counts
            digest.update(name.encode())
    return f"{ALIGNER_VERSION}:{digest.hexdigest()[:16]}"


def refuse_self_compare(left_version_id: int, right_version_id: int) -> None:
    """A version compared with itself has nothing to show: say so instead of storing it."""
    if left_version_id == right_version_id:
        raise InputError(
            f"cannot compare version {left_version_id} with itself; choose two different versions"
        )


def _mt_inputs(
    settings: Settings, session: Session, left: Sequence[Segment], target: str
) -> list[Any]:
    """What the MT of the left side depends on: stored rows' revisions, else the model."""
    from workbench.services.translate import mt_model_label

    ids = [s.id for s in left if s.lang != target]
    rows = sorted(
        session.exec(
            select(
                Translation.segment_id, Translation.revision, Translation.model_id,
                Translation.model_version, Translation.status,
            ).where(col(Translation.segment_id).in_(ids), Translation.target_lang == target)
        ).all()
    )  # fmt: skip
    sources = sorted({s.lang or "" for s in left if s.lang and s.lang != target})
    models = []
    for source in sources:
        try:
            models.append(mt_model_label(settings, source, target))
        except (LanguagePairError, InputError):
            models.append(f"{source}>{target}:none")
    return [[list(r) for r in rows], models]


def fingerprint(
    settings: Settings,
    session: Session,
    sides: tuple[Sequence[Segment], Sequence[Segment]],
    roles: tuple[str, ...],
    langs: tuple[str | None, str | None],
) -> str:
    """SHA-256 of everything the alignment of ``sides`` depends on."""
    left, right = sides
    cross = bool(langs[0] and langs[1] and langs[0] != langs[1])
    payload = {
        "aligner": aligner_digest(),
        "roles": list(roles),
        "langs": list(langs),
        "left": [[s.id, s.role, s.lang] for s in left],
        "right": [[s.id, s.role, s.lang] for s in right],
        "mt": _mt_inputs(settings, session, left, langs[1] or "") if cross else None,
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def find_by_fingerprint(session: Session, key: str) -> Alignment | None:
    """The stored alignment with this fingerprint, if any."""
    return session.exec(select(Alignment).where(Alignment.fingerprint == key)).first()
