"""A visibly cut page's last line (``core.page_cut.cut_tail``): leave one set out, check pooled.

    .venv/bin/python benchmarks/role_cut_tail_cv.py [--shared DIR] [--json FILE]

Why (round 32): the widest story-side loss class of the dev sets is the capture's cut: a page
stored without a line break after its last line stops inside the story's next sentence
("Пасаж", "Die Staatsanwa", "Станом на 11:00 показ"), and that fragment was read as chrome on
35 dev pages of 21 batches.  Two reasons, by a tracer over ``assign_roles``: the rules'
cut-sentence test (``page_cut.cut_off``) wants four words and a lower-case share that one or
two capitalised words never have, and the learned layer takes out most of the cut lines the
rules keep (a short, unended, capitalised line looks like a label to it).  Points (RoleParams
``cut_tail``, ``cut_fragment_words``, ``cut_fragment_told``), each scored in one process:

* ``off``: neither (START);
* ``tail``: after the layer, the last line the rules kept as the cut sentence stays the story's;
* ``tail, 1 word`` (the candidate; a study, not shipped: it costs a true flag): ... and a
  one-word fragment opening like a sentence is one;
* ``tail, 2 words told`` / ``tail, 3 words told``: fragments of up to 2 / 3 words, those of
  two or more sharing a 5-letter stem with the story;
* ``tail, 2 words`` / ``tail, 3 words``: ... without the stem test.

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
    "off": replace(DEFAULT_PARAMS, cut_tail=False, cut_fragment_words=0),
    "tail": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=0),
    "tail, 1 word": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=1),
    "tail, 2 words told": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=2,
                                  cut_fragment_told=True),  # fmt: skip
    "tail, 3 words told": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=3,
                                  cut_fragment_told=True),  # fmt: skip
    "tail, 2 words": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=2),
    "tail, 3 words": replace(DEFAULT_PARAMS, cut_tail=True, cut_fragment_words=3),
}


if __name__ == "__main__":
    raise SystemExit(run("A visibly cut page's last line", POINTS, "tail, 1 word"))
