"""Beads and flags with and without round 35's menu row rule, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_menu_row_costs.py [--shared DIR] [--no-beads]

Round 35 (roles35): ``role_crossheads_costs`` for round 35's menu row
(``core.page_menu_buttons``, ``RoleParams.menu_row_words``), 0 -> 3; the beads' ingest switches
it in process by patching ``core.roles.menu_buttons`` (as ``role_voiced_boxes_costs``).  Why and
how (only the pairs holding a page whose roles move are scored, flags end to end and beads
through the product path): ``role_crossheads_costs``, whose flag and bead tables this reuses.
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

OFF = replace(DEFAULT_PARAMS, menu_row_words=0)
ON = replace(DEFAULT_PARAMS, menu_row_words=3)


_rule = crossheads_costs.params_patch(roles, "menu_buttons", 2)


def main() -> int:
    return crossheads_costs.point_main(
        "A nav row ending in a support button: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
