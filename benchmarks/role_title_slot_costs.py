"""Beads and flags with and without round 33's title slot, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_title_slot_costs.py [--shared DIR] [--no-beads]

Round 33: ``role_crossheads_costs`` for the title's slot (``core.page_title_slot.title_slot``,
``RoleParams.title_slot_stems``), off (0) -> 2 stems; the beads' ingest switches it in process
by patching ``core.page_title_slot.title_slot`` (``after_layer`` calls it by that name).  Why
and how (only the pairs holding a page whose roles move are scored, flags end to end and beads
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

from workbench.core import page_title_slot  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, title_slot_stems=0)
ON = replace(DEFAULT_PARAMS, title_slot_stems=2)


_title_slot = crossheads_costs.params_patch(page_title_slot, "title_slot", 3)


def main() -> int:
    return crossheads_costs.point_main(
        "The title's slot: beads and flags off -> on",
        OFF,
        ON,
        _title_slot,
    )


if __name__ == "__main__":
    raise SystemExit(main())
