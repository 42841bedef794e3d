"""The title's slot (``core.page_title_slot.title_slot``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_title_slot_cv.py [--shared DIR] [--json FILE]

Why (round 33): the most spread story-side loss of the dev sets is the title lost above the
story (21 batches), and on most pages where the whole title is lost a chrome line above it
holds the headline instead: a crumb ("Home / Forst / Österreich"), a masthead ("Forstblick
Osteuropa", "Clean Energy Wire CLEW"), a live ticker's line, a kicker.  The pass, after the
learned layer, gives the slot from an unended headline line that tells fewer than
``title_slot_stems`` story stems or capitalises every word to the told title-shaped line below
it.  Points (RoleParams ``title_slot_stems``), each scored in one process:

* ``off``: 0 (START);
* ``1 stem``, ``2 stems`` (the candidate), ``3 stems``.

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

CANDIDATE = "2 stems"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, title_slot_stems=0),
    "1 stem": replace(DEFAULT_PARAMS, title_slot_stems=1),
    CANDIDATE: replace(DEFAULT_PARAMS, title_slot_stems=2),
    "3 stems": replace(DEFAULT_PARAMS, title_slot_stems=3),
}


if __name__ == "__main__":
    raise SystemExit(run("The title's slot", POINTS, CANDIDATE))
