"""Beads and flags with and without round 41's title printed nearest the story, on the
pairs it moves.

    .venv/bin/python benchmarks/role_near_title_costs.py [--shared DIR] [--no-beads]

Round 41 (roles41): ``role_crossheads_costs`` for a weak title pick yielding to the
title-shaped line right above the story (``core.page_near_title``, ``RoleParams.near_title``),
off -> on; the beads' ingest switches it in process by patching
``core.page_evidence.find_headlines`` (its fifth argument is the params).  Why and how (only
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

OFF = replace(DEFAULT_PARAMS, near_title=False)
ON = replace(DEFAULT_PARAMS, near_title=True)


_rule = crossheads_costs.params_patch(page_evidence, "find_headlines", 4)


def main() -> int:
    return crossheads_costs.point_main(
        "A title printed nearest the story beats a weak pick: beads and flags off -> on",
        OFF, ON, _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
