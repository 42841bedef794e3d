"""A station's sign-off naming its broadcast stays the story's in the footer trim
(``core.page_on_air``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_on_air_cv.py [--shared DIR] [--json FILE]

Why (round 40, rolesb40): roles40's census of every broadcaster page finds "the station's
sign-off read as chrome" in 5 batches; three of them (133 radio_muehlkreis_de, 138
radio_fichtelwelle_de, 145 radio_verba_fm_uk) by one step, the footer trim
(``page_tail.trim_footer``), which drops the station's "we"/"you" line off the story's
words.  Of the 197 lines the trim drops on the dev pages, those three — and only they —
name the broadcast ("im Programm", "im Studio … hören Sie", "в ефірі").  Points
(``RoleParams.on_air``), each scored in one process:

* ``off``: the base (``on_air`` False);
* ``on air`` (the candidate): the first line the trim drops stays the story's when it
  names the broadcast (``page_on_air.ON_AIR``).

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

CANDIDATE = "on air"
POINTS: dict[str, RoleParams] = {
    "off": replace(DEFAULT_PARAMS, on_air=False),
    CANDIDATE: replace(DEFAULT_PARAMS, on_air=True),
}


if __name__ == "__main__":
    TITLE = "A station's sign-off naming its broadcast stays the story's"
    raise SystemExit(run(TITLE, POINTS, CANDIDATE))
