"""The title's block: a later close line telling more story stems is the title
(``core.page_title_pick``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_title_pick_cv.py [--shared DIR] [--json FILE]

Why (round 36, roles36): batch 128's lowest pages print the site's chrome right above the title
in one block of title candidates, and ``page_header._choose_title`` takes the block's first
close line: the masthead "UKRAINE REGIONAL REPORT UA EN" (ukraine_regional_report_en), the nav
row "Новини Зорянськ Спорт Про нас" (polissia_novyny_ukrinform_uk), the crumb "Home / First
League" (kyiv_football_digest_en).  A census of every dev page's chosen title (a ``/tmp`` trace
of ``_choose_title`` against the gold, check batches never read) finds a chosen title that is
gold ``other`` with the gold title below it in the same block on 10 pages of 8 dev sets: 35's
laola1_at_apa_de, 41's bleepingcomputer_en, 52's zdfheute_dpa_de, 62's zuonline_sda_de, 80's
handelsblatt_dpa_de, 96's glavnoe_in_ua_uk, 107's alpenfunk_apa_de and 128's three.  Round 38
(roles38) re-measured it with batches 136 and 138 among the dev sets: the class is 10 pages of 9
dev sets (``role_title_block_census.py``; 136's verbyliv_vsesvit_uk joins, 128's kyiv_football
left with roles37's crumb rule), every fold chooses ``more 1`` and 136's lowest page goes
.836 / .862 -> 1.000 / 1.000, but the same true flag is lost (``role_title_pick_costs.py``), so it
stayed off; rolesb38 ships ``more 1`` (that flag rode only on a wrong bead, the lead's call).
Points (``RoleParams.title_more_stems``), each scored in one process:

* ``off``: 0 (round 38's START: the block's first close line);
* ``more 1`` / ``more 2`` / ``more 3``: a later close line of the block sharing at least that
  many more story stems than the line picked so far is the title, when that line is short
  (``short_words`` words or fewer).  A first form without the length guard lowered blind4 at
  every point (guardian_en: its 11-word title over a deck telling more stems lost its place,
  -51 characters); the guard was added after reading that page, then every fold was re-run.

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

CANDIDATE = "more 1"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, title_more_stems=0),
    CANDIDATE: replace(DEFAULT_PARAMS, title_more_stems=1),
    "more 2": replace(DEFAULT_PARAMS, title_more_stems=2),
    "more 3": replace(DEFAULT_PARAMS, title_more_stems=3),
}


if __name__ == "__main__":
    raise SystemExit(run("A later close line telling more is the title", POINTS, CANDIDATE))
