"""Beads and flags with and without round 35's menu-kicker rule, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_menu_kicker_costs.py [--shared DIR] [--no-beads]

Round 35 (rolesb): ``role_crossheads_costs`` for the menu row or crumb trail right above the
title (``core.page_menu_kicker``, ``RoleParams.menu_kicker_words``), 0 -> 3; the beads' ingest
switches it in process by patching ``core.page_header.menu_kicker``.  Why and how (only the
pairs holding a page whose roles move are scored, flags end to end and beads through the
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

from workbench.core import page_header  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, menu_kicker_words=0)
ON = replace(DEFAULT_PARAMS, menu_kicker_words=3)


_rule = crossheads_costs.params_patch(page_header, "menu_kicker", 4)


def main() -> int:
    return crossheads_costs.point_main(
        "A menu row or crumb trail above the title: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
