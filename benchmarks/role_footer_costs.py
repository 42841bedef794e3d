"""Beads and flags with and without round 35's footer rule, on the pairs whose roles it moves.

    .venv/bin/python benchmarks/role_footer_costs.py [--shared DIR] [--no-beads]

Round 35 (roles35): ``role_crossheads_costs`` for round 35's footer tail
(``core.page_footer.footer_tail``, ``RoleParams.footer_tail``), off -> on; the beads' ingest
switches it in process by patching ``core.page_title_slot.footer_tail`` (``after_layer`` calls
it by that name).  Why and how (only the pairs holding a page whose roles move are scored, flags
end to end and beads through the product path): ``role_crossheads_costs``, whose flag and bead
tables this reuses.
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

OFF = replace(DEFAULT_PARAMS, footer_tail=False)
ON = replace(DEFAULT_PARAMS, footer_tail=True)


_rule = crossheads_costs.params_patch(page_title_slot, "footer_tail", 2)


def main() -> int:
    return crossheads_costs.point_main(
        "Body lines under the site's footer: beads and flags off -> on",
        OFF,
        ON,
        _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
