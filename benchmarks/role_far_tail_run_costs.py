"""Beads and flags with and without round 37's far-tail run guard, on the pairs it moves.

    .venv/bin/python benchmarks/role_far_tail_run_costs.py [--shared DIR] [--no-beads]

Round 37 (rolesb37): ``role_crossheads_costs`` for a far tail of adjacent sentences with no
site voice kept as the story's (``core.page_far_tail_run``, ``RoleParams.far_tail_run``),
0 -> the candidate 3; the beads' ingest switches it in process by patching
``core.page_evidence.far_tail_cut`` (its fourth argument is the params).  Why and how (only
the pairs holding a page whose roles move are scored, flags end to end and beads through the
product path): ``role_crossheads_costs``, whose flag and bead tables this reuses.
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

OFF = replace(DEFAULT_PARAMS, far_tail_run=0)
ON = replace(DEFAULT_PARAMS, far_tail_run=3)


_rule = crossheads_costs.params_patch(page_evidence, "far_tail_cut", 3)


def main() -> int:
    return crossheads_costs.point_main(
        "A far tail of adjacent unvoiced sentences stays the story's: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
