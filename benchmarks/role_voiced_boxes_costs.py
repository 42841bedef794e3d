"""Beads and flags with and without round 34's voiced support banner, on the pairs it moves.

    .venv/bin/python benchmarks/role_voiced_boxes_costs.py [--shared DIR] [--no-beads]

Round 34 (roles34): ``role_crossheads_costs`` for the support banner above the story
(``core.page_menu_buttons``, ``RoleParams.voiced_boxes``), off -> on; the beads' ingest switches
it in process by patching ``core.roles.menu_buttons`` (``assign_roles`` calls it by that name).
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

from workbench.core import roles  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, voiced_boxes=False)
ON = replace(DEFAULT_PARAMS, voiced_boxes=True)


_voiced = crossheads_costs.params_patch(roles, "menu_buttons", 2)


def main() -> int:
    return crossheads_costs.point_main(
        "A voiced support banner: beads and flags off -> on",
        OFF,
        ON,
        _voiced,
    )


if __name__ == "__main__":
    raise SystemExit(main())
