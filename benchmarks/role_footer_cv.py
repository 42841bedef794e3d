"""Body lines under the site's footer (``core.page_footer``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_footer_cv.py [--shared DIR] [--json FILE]

Why (round 35, roles35): three of the four lowest pages of the new dev batch 124
(hohenrieder_kurier_de, podilskyi_visnyk_ukrinform_uk, radio_vilstal_welle_de) take a rights
note, a syndication note, a station slogan or a consent banner printed under the site's footer
line ("© 2027 …", "Impressum AGB Datenschutz") into the story; 40's rheintalexpress and 116's
radio_pyhrn share the shape (5 dev pages of 3 batches).  Points (``RoleParams.footer_tail``),
each scored in one process:

* ``off``: False (START);
* ``footer``: True (body lines below the first footer line under the story, when the story above
  holds more words than they do, turn ``other``; shipped in round 35).

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

CANDIDATE = "footer"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, footer_tail=False),
    CANDIDATE: replace(DEFAULT_PARAMS, footer_tail=True),
}


if __name__ == "__main__":
    raise SystemExit(run("Body lines under the site's footer", POINTS, CANDIDATE))
