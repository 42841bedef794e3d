"""A support banner above the story (``core.page_menu_buttons``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_voiced_boxes_cv.py [--shared DIR] [--json FILE]

Why (round 34, roles34): the second shared role loss of the new dev batches' lowest pages
(122's prut_novyny_ru and hromada_tv_uk: gold ``appeal``, tool ``other``, above the story;
11 dev batches, 18 pages) is a support banner above the masthead that ``menu_buttons`` reads
as a menu's "Donate" item: its sentence is a button by its words, or speaks of the site in
the third person.  Points (``RoleParams.voiced_boxes``), each scored in one process:

* ``off``: False (START);
* ``voiced``: True (a run holding a line in the site's voice or a sentence stays the box down
  to its button; shipped in round 34).

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

CANDIDATE = "voiced"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, voiced_boxes=False),
    CANDIDATE: replace(DEFAULT_PARAMS, voiced_boxes=True),
}


if __name__ == "__main__":
    raise SystemExit(run("A support banner above the story", POINTS, CANDIDATE))
