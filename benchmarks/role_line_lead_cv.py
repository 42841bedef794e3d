"""The sentence opening an ask's printed line below the story is the box's lead
(``core.appeal_line_lead``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_line_lead_cv.py [--shared DIR] [--json FILE]

Why (round 39, roles39): the loss census of the new dev batches' lowest pages
(``role_losses.py --story --pages``; docs/ingest.md "Round 39 (roles39)") finds 139's
wendeltal_kurier_de losing "Lokaljournalismus kostet Geld." to the story, the lead of the
box whose ask ("Unterstützen Sie den Wendeltal-Kurier …") runs on its line; eight dev pages
of eight batches lose such a lead (4, 21, 53, 84, 107, 119, 128, 139).  Points
(``RoleParams.ask_line_lead`` and the lead's longest length ``ask_lead_words``), each scored
in one process:

* ``off``: START (``ask_line_lead`` False);
* ``line lead`` (the candidate; shipped after this study): on, leads of at most 16 words
  (``ask_lead_words``);
* ``line lead 10``: on, at most 10 words (``ask_lead_words`` also bounds
  ``appeal_box.ask_lead_in``'s lead above the ask, so this point moves that rule too).

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

CANDIDATE = "line lead"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, ask_line_lead=False),
    CANDIDATE: replace(DEFAULT_PARAMS, ask_line_lead=True),
    "line lead 10": replace(DEFAULT_PARAMS, ask_line_lead=True, ask_lead_words=10),
}


if __name__ == "__main__":
    TITLE = "A short sentence opening an ask's line below the story is the box's lead"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
