"""A menu row or crumb trail above the title is no kicker (``core.page_menu_kicker``): leave one
set out, check pooled.

    .venv/bin/python benchmarks/role_menu_kicker_cv.py [--shared DIR] [--json FILE]

Why (round 35, rolesb): the census of the headline's errors (``role_headline_losses.py``) finds
the site's nav row or crumb trail right above the title read as its kicker (``page_header``'s
``_second_line``) on 96's glavnoe_in_ua_ru, 104's varosh_ru, 110's desnanews_uk and 111's
kolo_news_ru / _uk.  Points (``RoleParams.menu_kicker_words``), each scored in one process:

* ``off``: 0 (START);
* ``rows 3`` (shipped in round 35) / ``rows 4`` / ``rows 5``: a row of at least that many
  capitalised words the story never lowers, or a crumb trail (two spaced path separators), is
  no kicker.

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

CANDIDATE = "rows 3"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, menu_kicker_words=0),
    CANDIDATE: replace(DEFAULT_PARAMS, menu_kicker_words=3),
    "rows 4": replace(DEFAULT_PARAMS, menu_kicker_words=4),
    "rows 5": replace(DEFAULT_PARAMS, menu_kicker_words=5),
}


if __name__ == "__main__":
    raise SystemExit(run("A menu row or crumb trail above the title", POINTS, CANDIDATE))
