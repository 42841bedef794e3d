"""Idempotent compare: what a stored alignment depends on, and finding it again.

A comparison's result depends on both sides' segments (ids, roles, language
labels), the role filter, the aligner's code and the machine translation used.
``fingerprint`` hashes exactly that (the segments through each version's
revision counter, which database triggers bump on any segment change);
``compare_versions`` stores it with the alignment (a unique column) and
returns the stored alignment when the same fingerprint comes again, so
clicking "Compare" twice, or a story page asking for the same pair, never
stores a duplicate.  Any change of an input (a
segment relabelled as an appeal, a post-edited translation, a new model, new
aligner code) gives a new fingerprint and a fresh alignment.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from workbench.config import Settings
from workbench.errors import N_, InputError, LanguagePairError
from workbench.services.validation import checks_ids
from workbench.store.models import Alignment, Segment, Translation
from workbench.store.story_models import VersionRevision

#: Bump when stored alignments must not be reused although the code digest is equal.
ALIGNER_VERSION = 3  # 3: a move's landing row carries the whole link
#: What the digest reads: every source and weights file of the pure core.  Why all of it: the
#: aligner is spread over dozens of ``core/align_*`` and ``check_*`` modules (and reads roles,
#: languages and segment rules), and a hand-kept list of nine modules let a change in an
#: unlisted one (``align_move_halves.py``, round 24) reuse alignments the old code made.
_DIGEST_SUFFIXES = (".py", ".json")


def core_digest(core: Traversable) -> str:
    """``<version>:<sha256 prefix>`` of every ``.py`` / ``.json`` file directly in ``core``."""
    digest = hashlib.sha256(str(ALIGNER_VERSION).encode())
    files = sorted(
        (f for f in core.iterdir() if f.is_file() and f.name.endswith(_DIGEST_SUFFIXES)),
        key=lambda f: f.name,
    )
    for f in files:
        digest.update(f.name.encode() + b"\0" + f.read_bytes())
    return f"{ALIGNER_VERSION}:{digest.hexdigest()[:16]}"


@lru_cache(maxsize=1)
def aligner_digest() -> str:
    """The installed core's digest (``core_digest``): new code, new alignments."""
    return core_digest(resources.files("workbench") / "core")


@checks_ids
def refuse_self_compare(left_version_id: int, right_version_id: int) -> None:
    """A version compared with itself has nothing to show: say so instead of storing it."""
    if left_version_id == right_version_id:
        raise InputError(
            N_(
                "cannot compare version %(left_version_id)s with itself; choose two "
                "different versions"
            ),
            left_version_id=left_version_id,
        )


def segment_revisions(session: Session, version_ids: Sequence[int]) -> dict[int, int]:
    """Each version's segment revision (``version_revision``; 0 for none yet).

    Read it *before* the segments it vouches for: a change committed in
    between then gives a newer revision than the one stored with the result,
    never an older one (so a result is never filed under a key it does not match).
    """
    found = dict(
        session.exec(
            select(VersionRevision.version_id, VersionRevision.segments_rev).where(
                col(VersionRevision.version_id).in_(list(version_ids))
            )
        ).all()
    )
    return {vid: int(found.get(vid, 0)) for vid in version_ids}


def _mt_inputs(
    settings: Settings, session: Session, version_id: int, roles: tuple[str, ...], target: str
) -> list[Any]:
    """What the MT of the left side depends on: its stored rows' revisions, else the model.

    Aggregated by the database (count, sums of ids and revisions per model and
    status): every save bumps a row's revision, so any change moves a sum,
    and the story page does not read 10,000 translation rows to know that.
    """
    from workbench.services.translate import mt_model_label

    wanted = [Segment.version_id == version_id]
    if roles:
        wanted.append(col(Segment.role).in_(roles))
    rows = session.exec(
        select(
            Translation.model_id, Translation.model_version, Translation.status,
            func.count(), func.sum(Translation.segment_id), func.sum(Translation.revision),
            func.sum(Translation.id),
        )
        .join(Segment, col(Segment.id) == col(Translation.segment_id))
        .where(*wanted, Translation.target_lang == target,
               func.coalesce(Segment.lang, "") != target)
        .group_by(Translation.model_id, Translation.model_version, Translation.status)
    ).all()  # fmt: skip
    sources = session.exec(
        select(Segment.lang).distinct().where(*wanted, col(Segment.lang).is_not(None))
    ).all()
    models = []
    for source in sorted({s for s in sources if s and s != target}):
        try:
            models.append(mt_model_label(settings, source, target))
        except (LanguagePairError, InputError):
            models.append(f"{source}>{target}:none")
    return [sorted([str(v) for v in r] for r in rows), models]


def fingerprint(
    settings: Settings,
    session: Session,
    versions: tuple[int, int],
    roles: tuple[str, ...],
    langs: tuple[str | None, str | None],
    revisions: dict[int, int] | None = None,
) -> str:
    """SHA-256 of everything the alignment of the two versions' ``roles`` segments depends on.

    The segments enter through each version's revision (``segment_revisions``,
    kept by triggers on every segment change), so computing a key costs two
    small queries whatever the versions' length; pass ``revisions`` read
    before the segments were.
    """
    left, right = versions
    revs = revisions if revisions is not None else segment_revisions(session, versions)
    cross = bool(langs[0] and langs[1] and langs[0] != langs[1])
    payload = {
        "aligner": aligner_digest(),
        "roles": list(roles),
        "langs": list(langs),
        "versions": [[left, revs[left]], [right, revs[right]]],
        "mt": _mt_inputs(settings, session, left, roles, langs[1] or "") if cross else None,
    }
    blob = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def find_by_fingerprint(session: Session, key: str) -> Alignment | None:
    """The stored alignment with this fingerprint, if any."""
    return session.exec(select(Alignment).where(Alignment.fingerprint == key)).first()


def staleness(session: Session, alignment: Alignment) -> bool | None:
    """Whether either version's segments changed (roles, languages…) after the comparison.

    A stale comparison's rows keep the roles and labels they had then; the
    story page never uses one (its fingerprint no longer matches), the compare
    page says so and offers to compare again.  ``None`` for comparisons stored
    before revisions were kept with them (unknown).
    """
    kept = (alignment.params or {}).get("revisions")
    if not kept:
        return None
    ids = (alignment.left_version_id, alignment.right_version_id)
    now = segment_revisions(session, ids)
    return any(now[vid] != kept.get(str(vid)) for vid in ids)
