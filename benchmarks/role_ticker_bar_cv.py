"""A news ticker or a station's live bar above the story is no title
(``core.page_live_bar``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_ticker_bar_cv.py [--shared DIR] [--json FILE]

Why (round 40, roles40): radio pages are the lowest dev pages for the third round running;
the census of every broadcaster page (docs/ingest.md "Round 40 (roles40)") finds one
mechanism shared above the story: a ticker of short news items ("+++ Entwarnung in
Wehrstetten +++ B 462 wieder frei +++ …") or a bar naming the live programme ("▶ Jetzt
live: Vilstal Welle …") shares the story's words and is taken for the title (107
alpenfunk_apa_de, 124 radio_vilstal_welle_de, 145 stadtradio_wehrstetten_de; and a sports
site's live bar, 35 laola1_at_apa_de).  Points (``RoleParams.ticker_bar``), each scored in
one process:

* ``off``: START (``ticker_bar`` False);
* ``ticker bar`` (the candidate; shipped after this study): such a line is no title
  candidate.

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

CANDIDATE = "ticker bar"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, ticker_bar=False),
    CANDIDATE: replace(DEFAULT_PARAMS, ticker_bar=True),
}


if __name__ == "__main__":
    TITLE = "A news ticker or a station's live bar above the story is no title"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
