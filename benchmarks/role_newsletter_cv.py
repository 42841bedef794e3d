"""The newsletter box at the story's end (``core.page_newsletter``): leave one set out.

    .venv/bin/python benchmarks/role_newsletter_cv.py [--shared DIR] [--json FILE]

Why (round 34, roles34): a newsletter sign-up printed as one line under the story ("Newsletter
Recevez chaque matin l'essentiel de l'actualité.", 119's "Newsletter „Region kompakt“: …") is
taken as the story's last sentence on 8 dev pages of 8 batches; no dev line naming a newsletter
is gold story.  Points (``RoleParams.newsletter_tail``), each scored in one process:

* ``off``: False (START);
* ``tail``: True (body lines at the story's end opening with the "Newsletter" label: chrome;
  shipped in round 34).

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

CANDIDATE = "tail"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, newsletter_tail=False),
    CANDIDATE: replace(DEFAULT_PARAMS, newsletter_tail=True),
}


if __name__ == "__main__":
    raise SystemExit(run("The newsletter box at the story's end", POINTS, CANDIDATE))
