"""A crumb trail picked as the title passes to the next close line of its block
(``core.page_crumb_title``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_crumb_title_cv.py [--shared DIR] [--json FILE]

Why (round 37, roles37): the new dev batches' low pages print the site's crumb trail right
above the title in one block of title candidates, and ``page_header._choose_title`` takes the
block's first close line: "Головна / Водосховища / Вінниччина" (132's vodna_storinka_uk),
"Oberösterreich / Mühlviertel" (133's linzer_tagesanzeiger_de), "Головна / Культура /
Фестивалі" (133's vinnytski_obrii_uk), as round 36 found "Home / First League" on 128's
kyiv_football_digest_en.  A census of every dev headline line that is gold ``other`` (a
``/tmp`` script, check batches never read; docs/ingest.md "Round 37 (roles37)") finds the
spaced-separator crumb on these 4 pages of 3 batches.  Points
(``RoleParams.crumb_title_words``, the most words an item of the crumb may hold), each scored
in one process:

* ``off``: 0 (START);
* ``items 2`` / ``items 3`` / ``items 4``: a picked title line of two or more items of at most
  that many words joined by spaced path separators, no sentence end and no longer than
  ``short_words``, passes the title to the next close line of its block.

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

CANDIDATE = "items 2"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, crumb_title_words=0),
    CANDIDATE: replace(DEFAULT_PARAMS, crumb_title_words=2),
    "items 3": replace(DEFAULT_PARAMS, crumb_title_words=3),
    "items 4": replace(DEFAULT_PARAMS, crumb_title_words=4),
}


if __name__ == "__main__":
    raise SystemExit(run("A crumb trail picked as the title passes it on", POINTS, CANDIDATE))
