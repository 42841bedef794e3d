"""Beads and flags with and without round 36's cut line under a crosshead, on the moved pairs.

    .venv/bin/python benchmarks/role_cut_heads_costs.py [--shared DIR] [--no-beads]

Round 36 (rolesb36): ``role_crossheads_costs`` for the capture's cut line under a crosshead or
a "read also" link line (``core.page_cut_heads.cut_heads``, ``RoleParams.cut_heads``), off ->
the shipped point (two lines between, a cut line of five words); the beads' ingest switches it in
process by patching ``core.page_title_slot.cut_heads`` (``after_layer`` calls it by that
name).  Why and how (only the pairs holding a page whose roles move are scored, flags end to
end and beads through the product path): ``role_crossheads_costs``, whose flag and bead tables
this reuses.  Round 32's cut tail (``role_cut_tail_costs.py``) was vetoed by one true flag: a
cut line joining the story moved a figure's bead eleven lines up; this asks the same question.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import role_crossheads_costs as crossheads_costs  # noqa: E402

from workbench.core import page_title_slot  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, cut_heads=0)
ON = replace(DEFAULT_PARAMS, cut_heads=2, cut_heads_words=5)


_rule = crossheads_costs.params_patch(page_title_slot, "cut_heads", 3)


def main() -> int:
    return crossheads_costs.point_main(
        "The capture's cut under a crosshead or link line: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
