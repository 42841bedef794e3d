"""Beads and flags with and without round 39's box lead on an ask's line, on the pairs it moves.

    .venv/bin/python benchmarks/role_line_lead_costs.py [--shared DIR] [--no-beads]

Round 39 (roles39): ``role_crossheads_costs`` for the short sentence opening an ask's printed
line below the story read as the box's lead (``core.appeal_line_lead``,
``RoleParams.ask_line_lead``), off -> on; the beads' ingest switches it in process by
patching ``core.page_evidence.box_leads`` (its sixth argument is the params).  Why and how
(only the pairs holding a page whose roles move are scored, flags end to end and beads
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

from workbench.core import page_evidence  # noqa: E402
from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402

OFF = replace(DEFAULT_PARAMS, ask_line_lead=False)
ON = replace(DEFAULT_PARAMS, ask_line_lead=True)


_rule = crossheads_costs.params_patch(page_evidence, "box_leads", 5)


def main() -> int:
    return crossheads_costs.point_main(
        "A box's lead on its ask's line below the story: beads and flags off -> on", OFF, ON, _rule
    )


if __name__ == "__main__":
    raise SystemExit(main())
