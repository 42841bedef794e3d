"""Beads and flags with and without round 36's title pick, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_title_pick_costs.py [--shared DIR] [--no-beads]

Round 36 (roles36): ``role_crossheads_costs`` for a later close line of the title's block
telling more story stems (``core.page_title_pick``, ``RoleParams.title_more_stems``), 0 -> the
candidate; the beads' ingest switches it in process by patching ``core.page_header.pick_title``.
Why and how (only the pairs holding a page whose roles move are scored, flags end to end and
beads through the product path): ``role_crossheads_costs``, whose flag and bead tables this
reuses.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_crossheads_costs as crossheads_costs  # noqa: E402

from workbench.core import page_header  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, title_more_stems=0)
ON = replace(DEFAULT_PARAMS, title_more_stems=1)


_rule = crossheads_costs.params_patch(page_header, "pick_title", 3)


def main() -> int:
    return crossheads_costs.point_main(
        "A later close line of the title's block telling more: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
