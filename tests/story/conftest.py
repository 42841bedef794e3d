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
