"""A nav row printed with single spaces ending in "Support us" (``core.page_menu_buttons``): LOBO.

    .venv/bin/python benchmarks/role_menu_row_cv.py [--shared DIR] [--json FILE]

Why (round 35, roles35): round 34's ``voiced_boxes`` keeps a run a button opened above the
story as an appeal box when one of its lines down to the button, the button's own included,
speaks as the site.  126's dnister_daily_ukrinform_en prints its nav bar on one line with single
spaces, the support button its last item ("News Economy Regions War Culture Support us"): the
button's own "us" speaks, so the nav row became ``appeal`` (gold ``other``; the page 1.000 ->
.963).  ``RoleParams.menu_row_words`` reads a button line whose words ahead of the button are
that many capitalised items (no sentence end) as a menu row, as a wide-gapped row already is.
Points, each scored in one process:

* ``off``: ``voiced_boxes`` False (round 34's START);
* ``voiced``: ``voiced_boxes`` True, ``menu_row_words`` 0 (shipped in round 34: this round's START);
* ``voiced, rows 3`` / ``voiced, rows 2``: and a single-spaced row of 3 (2) capitalised items
  ahead of the button is the menu's.

Dev sets, folds and the choice are ``role_buttons_cv``'s (the best pooled mean of roles and
story among the points lowering no training set, ties to ``off``); the check batches are
scored pooled with the point chosen on all dev sets, never used to choose.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_point_study import run  # noqa: E402

from workbench.core.role_params import DEFAULT_PARAMS, RoleParams  # noqa: E402

CANDIDATE = "voiced, rows 3"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, voiced_boxes=False, menu_row_words=0),
    "voiced": replace(DEFAULT_PARAMS, voiced_boxes=True, menu_row_words=0),
    CANDIDATE: replace(DEFAULT_PARAMS, voiced_boxes=True, menu_row_words=3),
    "voiced, rows 2": replace(DEFAULT_PARAMS, voiced_boxes=True, menu_row_words=2),
}


if __name__ == "__main__":
    raise SystemExit(run("A nav row ending in a support button", POINTS, CANDIDATE))
