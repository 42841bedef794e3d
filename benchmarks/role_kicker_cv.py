"""The kicker above the title (``core.page_kicker.kicker_line``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_kicker_cv.py [--shared DIR] [--json FILE]

Why (round 33, roles_b): after the title's slot, "a title, deck or kicker lost above the
story" still loses characters in 16 dev batches, 12 of them a short label line right above
the headline ("Energie", "Konflikte", "Raumfahrt") that the gold of those pages puts in the
headline; the same shape is gold ``other`` (a section label) on most dev pages.  The pass
reads the line as the headline's kicker when it tells the story (``kicker_stems`` story
stems).  Points (RoleParams ``kicker_stems`` / ``kicker_words``), each scored in one process:

* ``off``: 0 (START, shipped);
* ``1 stem, 1 word``, ``1 stem, 3 words`` (the candidate), ``2 stems, 3 words``.

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

CANDIDATE = "1 stem, 3 words"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, kicker_stems=0),
    "1 stem, 1 word": replace(DEFAULT_PARAMS, kicker_stems=1, kicker_words=1),
    CANDIDATE: replace(DEFAULT_PARAMS, kicker_stems=1, kicker_words=3),
    "2 stems, 3 words": replace(DEFAULT_PARAMS, kicker_stems=2, kicker_words=3),
}


if __name__ == "__main__":
    raise SystemExit(run("The kicker above the title", POINTS, CANDIDATE))
