"""Beads and flags with and without round 40's station sign-off naming its broadcast kept
by the footer trim, on the pairs it moves.

    .venv/bin/python benchmarks/role_on_air_costs.py [--shared DIR] [--no-beads]

Round 40 (rolesb40): ``role_crossheads_costs`` for the first line the footer trim drops
kept as story when it names the broadcast (``core.page_on_air``, ``RoleParams.on_air``),
off -> on; the beads' ingest switches it in process by patching
``core.page_evidence.story_end`` (its fifth argument is the params).  Why and how (only
the pairs holding a page whose roles move are scored, flags end to end and beads through
the product path): ``role_crossheads_costs``, whose flag and bead tables this reuses.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_crossheads_costs as crossheads_costs  # noqa: E402

from workbench.core import page_evidence  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, on_air=False)
ON = replace(DEFAULT_PARAMS, on_air=True)


_rule = crossheads_costs.params_patch(page_evidence, "story_end", 4)


def main() -> int:
    return crossheads_costs.point_main(
        "A station's sign-off naming its broadcast kept: beads and flags off -> on",
        OFF, ON, _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
