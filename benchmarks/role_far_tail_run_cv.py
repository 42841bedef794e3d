"""A far tail that is one run of adjacent sentences, none the site's voice, stays the story's
(``core.page_far_tail_run``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_far_tail_run_cv.py [--shared DIR] [--json FILE]

Why (round 37, rolesb37): round 29's far tail (``core.page_far_tail``) cut the last three
story sentences printed under a "read also" block on 116's linzer_tagespost_apa_de and
133's linzer_tagesanzeiger_de (553 gold body characters).  A listing of every far-tail
decision on the dev pages (a ``/tmp`` script, check batches never read; docs/ingest.md
"Round 37 (rolesb37)") finds those two the only tails of three or more adjacent sentences
with no site voice; every correct catch is broken up or speaks as the site.  Points
(``RoleParams.far_tail_run``, the fewest segments the kept run holds), each scored in one
process:

* ``off``: 0 (START; shipped 3 after this study);
* ``run 3`` (the candidate) / ``run 2`` / ``run 4``: a far tail of at least that many
  adjacent segments, each a sentence, none saying "we" or "you", stays prose.

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

CANDIDATE = "run 3"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, far_tail_run=0),
    CANDIDATE: replace(DEFAULT_PARAMS, far_tail_run=3),
    "run 2": replace(DEFAULT_PARAMS, far_tail_run=2),
    "run 4": replace(DEFAULT_PARAMS, far_tail_run=4),
}


if __name__ == "__main__":
    TITLE = "A far tail of adjacent unvoiced sentences stays the story's"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
