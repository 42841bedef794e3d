"""An ad slot's label the story goes on past keeps the story's last paragraph
(``RoleParams.ad_story``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_ad_story_cv.py [--shared DIR] [--json FILE]

Why (round 44, roles44): 161's ``traunviertel_rundschau_apa_de`` (round 43's lowest held-out
page, .782) is read line by line; its last "paragraph" runs from a "Lesen Sie auch: …" teaser
down to the footer, ``page_blocks.closing_box`` took it for a bio box (a line of chrome opens
it) and the learned layer won back only the sentences above the "Anzeige" label.  132's
``tauernblick_apa_de`` (a caption opens its last paragraph) lost its last sentences the same
way.  On the dev sets 149 ad labels sit between story sentences (148 pages, 60 sets; 741 gold
story lines after them, 13 of them not story, 6 on these two pages).  Points: ``off`` (START)
and ``on`` (``page_ad_mark.story_past_ad``).  Dev sets, folds and the choice are
``role_buttons_cv``'s (``role_point_study``).
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

CANDIDATE = "on"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, ad_story=False),
    CANDIDATE: replace(DEFAULT_PARAMS, ad_story=True),
}


if __name__ == "__main__":
    TITLE = "An ad slot's label the story goes on past keeps the story's last paragraph"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
