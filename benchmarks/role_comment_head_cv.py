"""The comment section's counter line (``core.page_comment_head``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_comment_head_cv.py [--shared DIR] [--json FILE]

Why (round 34, roles34): the most spread role loss of the dev pages (gold ``other``, tool
``comment_form``, below the story: 38 batches) is led by the line that opens the reader-comment
section — a counter ("Kommentare (4)", "Комментарии (3)", "14 commentaires") or the bare
heading ("Kommentare", "COMMENTS") — on three of the five lowest pages of the new dev batches
119 and 122 and on most dev pages since batch 27; the early batches' gold puts it in the form.
Points (``RoleParams.comment_heads``), each scored in one process:

* ``off``: 0 (START, shipped);
* ``counters``: 1 (a counter with its count, the candidate);
* ``counters and headings``: 2 (the bare heading word too).

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

CANDIDATE = "counters"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, comment_heads=0),
    CANDIDATE: replace(DEFAULT_PARAMS, comment_heads=1),
    "counters and headings": replace(DEFAULT_PARAMS, comment_heads=2),
}


if __name__ == "__main__":
    raise SystemExit(run("The comment section's counter line", POINTS, CANDIDATE))
