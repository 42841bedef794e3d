"""The capture's cut under a crosshead or link line (``core.page_cut_heads``): LOBO, check pooled.

    .venv/bin/python benchmarks/role_cut_heads_cv.py [--shared DIR] [--json FILE]

Why (round 36, rolesb36): the widest story-side loss class of the dev pages is still the
capture's cut (a page stored without a line break after its last line stops inside the
story's next sentence): 39 dev pages lose their whole cut line.  Round 32's ``cut_tail``
(off: it cost a true flag then) reads the cut line right after a story sentence; on 13 of the
pages the line sits under a crosshead or a "read also" link line instead.  Points (RoleParams
``cut_heads``, and round 32's ``cut_tail`` / ``cut_fragment_words`` measured again on today's
code), each scored in one process:

* ``off``: neither (START);
* ``heads N, W words``: the cut line of at least W words under at most N crossheads or link
  lines (``cut_heads``, ``cut_heads_words``);
* ``tail, 1 word``: round 32's candidate alone;
* ``tail, 1 word + heads 2, 5 words``: both.

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

POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, cut_heads=0, cut_tail=False, cut_fragment_words=0),
    "heads 2, 5 words": replace(DEFAULT_PARAMS, cut_heads=2, cut_heads_words=5),
    "heads 1, 5 words": replace(DEFAULT_PARAMS, cut_heads=1, cut_heads_words=5),
    "heads 2, 4 words": replace(DEFAULT_PARAMS, cut_heads=2, cut_heads_words=4),
    "heads 2, 6 words": replace(DEFAULT_PARAMS, cut_heads=2, cut_heads_words=6),
    "tail, 1 word": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=1),
    "tail, 1 word + heads 2, 5 words": replace(DEFAULT_PARAMS, cut_heads=2, cut_heads_words=5,
                                               cut_tail=True, cut_fragment_words=1),  # fmt: skip
}


if __name__ == "__main__":
    TITLE = "The capture's cut under a crosshead or link line"
    raise SystemExit(run(TITLE, POINTS, "heads 2, 5 words"))
