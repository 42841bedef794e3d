"""Beads and flags with and without round 39's sign-off kept by the footer trim, on the pairs
it moves.

    .venv/bin/python benchmarks/role_footer_adjoined_costs.py [--shared DIR] [--no-beads]

Round 39 (rolesb39): ``role_crossheads_costs`` for a reader-addressed line printed on right
after the story's last sentence kept as the story's (``core.page_sign_off``,
``RoleParams.footer_adjoined``), off -> on; the beads' ingest switches it in process by
patching ``core.page_evidence.story_end`` (its fifth argument is the params).  Why and how
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

OFF = replace(DEFAULT_PARAMS, footer_adjoined=False)
ON = replace(DEFAULT_PARAMS, footer_adjoined=True)


_rule = crossheads_costs.params_patch(page_evidence, "story_end", 4)


def main() -> int:
    return crossheads_costs.point_main(
        "A sign-off printed on with the story kept by the footer trim: beads and flags off -> on",
        OFF, ON, _rule,
    )


if __name__ == "__main__":
    raise SystemExit(main())
