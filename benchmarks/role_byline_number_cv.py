"""A byline keyword opening a number is a sentence (``RoleParams.byline_number``): leave one set
out, check pooled.

    .venv/bin/python benchmarks/role_byline_number_cv.py [--shared DIR] [--json FILE]

Why (round 43, roles43): 157's ``nordalpen_wirtschaft_de`` prints the story line "Von 31 Filialen
sollen 14 bis Ende Jänner zusperren. 87 der 212 Beschäftigten verlieren ihren Arbeitsplatz."
``chrome_shape`` read its first sentence as a byline ("Von" and a capitalised half), so
``chrome_led`` took the whole line out of the story.  A byline names its author; no dev byline
opens with a number, and the two dev lines of that shape (157's, 107 austria_dispatch_en's "By
11:30 am, around half …") are both gold story.  Points: ``off`` (START) and ``on``; the header
rules of ``role_lead_cv`` stay off and ``rights_body`` at its default.  Dev sets, folds and the
choice are ``role_buttons_cv``'s (``role_point_study``).
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

CANDIDATE = "on"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, byline_number=False),
    CANDIDATE: replace(DEFAULT_PARAMS, byline_number=True),
}


if __name__ == "__main__":
    TITLE = "A byline keyword opening a number is a sentence"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
