"""Beads and flags with and without round 37's crumb rule, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_crumb_title_costs.py [--shared DIR] [--no-beads]

Round 37 (roles37): ``role_crossheads_costs`` for a crumb trail picked as the title passing it
to the next close line of its block (``core.page_crumb_title``, ``RoleParams.crumb_title_words``),
0 -> the candidate; the beads' ingest switches it in process by patching
``core.page_header.pick_title`` (the crumb test runs inside it).  Why and how (only the pairs
holding a page whose roles move are scored, flags end to end and beads through the product
path): ``role_crossheads_costs``, whose flag and bead tables this reuses.
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

OFF = replace(DEFAULT_PARAMS, crumb_title_words=0)
ON = replace(DEFAULT_PARAMS, crumb_title_words=2)


_rule = crossheads_costs.params_patch(page_header, "pick_title", 3)


def main() -> int:
    return crossheads_costs.point_main(
        "A crumb trail picked as the title passes it on: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
