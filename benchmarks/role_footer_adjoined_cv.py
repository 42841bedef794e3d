"""A reader-addressed line printed on right after the story's last sentence stays the
story's in the footer trim (``RoleParams.footer_adjoined``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_footer_adjoined_cv.py [--shared DIR] [--json FILE]

Why (round 39, rolesb39): ``role_losses.py --story --pages`` on the dev radio pages (18
pages of 13 batches, stems naming ``radio``) finds one shape in three batches: a station's
sign-off printed on with the story ("Wir halten euch hier und im Programm auf dem
Laufenden.", "Was meint ihr – seid ihr auch betroffen? Schreibt uns!", the studio plug
"… hören Sie morgen …"), gold ``body``, read as footer by ``page_tail.trim_footer``, which
keeps a "we" line that adjoins a story sentence but drops every line addressing the reader.
Points, each scored in one process:

* ``off``: START (``footer_adjoined`` False);
* ``adjoined`` (the candidate): the trim stops at a reader-addressed line that adjoins a
  story sentence of its paragraph (``page_tail.adjoins``), as it does at a "we" line.

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

CANDIDATE = "adjoined"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, footer_adjoined=False),
    CANDIDATE: replace(DEFAULT_PARAMS, footer_adjoined=True),
}


if __name__ == "__main__":
    TITLE = "A reader-addressed line right after the story's last sentence stays the story's"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
