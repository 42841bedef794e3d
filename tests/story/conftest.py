"""Story-desk fixtures: one wire story captured by several outlets, plus an unrelated text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from workbench.config import Settings
from workbench.services.ingest import ingest_bytes

WIRE = [
    "Storm damage shuts the harbour bridge in Port Elden",
    "",
    "Engineers closed the Harbour Bridge in Port Elden on Sunday night after a storm surge.",
    "About 42,000 vehicles cross the bridge every day, the transport authority said.",
    "The bridge was built in 1974 and last renovated in 2011.",
    "Ferries will run every 20 minutes between the northern and southern quays.",
    '"We will reopen as soon as it is safe," said Mayor Jonas Feld.',
    "Local businesses warned that the closure could cost them dearly.",
]
# a republication: one number changed, the quote reworded, a sentence added,
# one dropped, a cosmetic edit, and the outlet's appeal and "Source link" around it
COPY = [
    "Storm damage shuts the harbour bridge in Port Elden",
    "",
    "Engineers closed the Harbour Bridge in Port Elden on Sunday night after a storm surge.",
    "About 45,000 vehicles cross the bridge every day, the transport authority said.",
    "Ferries will run every 20 minutes between the northern and southern quays!",
    '"We will reopen when engineers say so," said Mayor Jonas Feld.',
    "A temporary footbridge will open on the disused rail viaduct next week.",
    "Local businesses warned that the closure could cost them dearly.",
    "",
    "Support independent journalism: donate today to keep our reporting free.",
    "Source link",
]
UNRELATED = [
    "Volunteers plant a thousand apple trees along the river",
    "",
    "Gardeners from twelve villages spent the weekend planting young orchards.",
    "The regional fruit cooperative donated the saplings and the compost.",
    "Children painted wooden labels for every tree near the school garden.",
    "The first harvest is expected in four years, organisers hope.",
    "A cider festival is already planned for the autumn after that.",
]

Ingest = Callable[..., int]


@pytest.fixture
def ingest(settings: Settings) -> Ingest:
    """Store lines as a version: ``ingest(lines, outlet, day, article=...)`` -> version id."""

    def run(lines: list[str], outlet: str, day: int = 1, article: str | None = "bridge") -> int:
        data = "\n".join(lines).encode("utf-8")
        return ingest_bytes(
            settings, data, filename=f"{outlet}-{day}.txt", outlet=outlet, article=article,
            url=f"https://{outlet}.example/{day}", captured_at=f"2026-03-{day:02d}T08:00:00Z",
        ).version_id  # fmt: skip

    return run


def bulk_alignment(settings: Settings, ingest: Ingest, n: int, roles: str | None = None) -> int:
    """An alignment of ``n`` pairs between two real versions, rows inserted in bulk.

    Every 10th pair is ``changed``, every 25th ``moved`` (pointing 100 rows on),
    the rest ``unchanged``; the aligner is not under test, the window is.
    ``roles`` None stores rows as before pairs kept their roles (the legacy path).
    """
    from sqlalchemy import insert

    from workbench.store.db import get_engine, session_scope
    from workbench.store.models import AlignedPair, Alignment

    left = ingest([f"Line {k} of the long wire story about harbour works." for k in range(n)],
                  "wire-long", 20, article="long")  # fmt: skip
    right = ingest([f"Line {k} of the long wire story about harbour works!" for k in range(n)],
                   "herald-long", 21, article="long")  # fmt: skip
    with session_scope(get_engine(settings.database_url)) as session:
        alignment = Alignment(left_version_id=left, right_version_id=right, method="test",
                              summary={"pairs": n})  # fmt: skip
        session.add(alignment)
        session.flush()
        rows = []
        for k in range(n):
            status = "moved" if k % 25 == 7 else "changed" if k % 10 == 3 else "unchanged"
            text = f"Line {k} of the long wire story about harbour works."
            rows.append({
                "alignment_id": alignment.id, "position": k, "kind": "1-1", "status": status,
                "left_segment_ids": [], "right_segment_ids": [], "left_text": text,
                "right_text": text, "compared_text": "", "score": 1.0, "edit_ratio": 0.0,
                "diff_ops": [[0, text]], "flags": {},
                "move_to": (k + 100) % n if status == "moved" else None, "roles": roles,
            })  # fmt: skip
        session.execute(insert(AlignedPair), rows)
        return alignment.id  # type: ignore[return-value]
