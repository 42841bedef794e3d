"""Run a benchmark with round 29's far-tail rule (``core.page_far_tail``) at a gap of N lines.

    .venv/bin/python benchmarks/role_far_tail.py [--lines N] [--share S] [--words W] SCRIPT.py
                                                 [ARGS ...]

Why: the bead and flag cost of a role rule is measured by running the same benchmark with
the rule on and off on the same machine; ``RoleParams`` defaults are bound into the rule
functions' signatures, so the switch is the ``far_tail`` call that
``core.page_evidence.decide_page`` makes, patched here in process to use ``--lines``
and ``--share``, ``--words`` (round 30's guard, the story's least words above the gap;
0: none); each defaults to the shipped ``RoleParams`` value (round 30: 3, 0.1, 80), and
``--lines 0`` switches the rule off.  Round 29 measured
``--lines 3`` against ``--lines 0`` (``align_pairs.py --roles tool --cache …``, then
``align_pairs_cv.py --cache off.pkl --alt-cache on.pkl``; ``flags_cv.py``).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_layer_off import run_script  # noqa: E402

from workbench.core import page_far_tail, page_far_tail_run  # noqa: E402
from workbench.core.role_params import DEFAULT_PARAMS  # noqa: E402


def main(argv: list[str]) -> int:
    p = DEFAULT_PARAMS
    lines, share, words = p.far_tail_lines, p.far_tail_share, p.far_tail_words
    while argv[:1] in (["--lines"], ["--share"], ["--words"]):
        if argv[0] == "--lines":
            lines = int(argv[1])
        elif argv[0] == "--words":
            words = int(argv[1])
        else:
            share = float(argv[1])
        argv = argv[2:]
    if not argv:
        print(__doc__)
        return 2
    # round 37: decide_page reaches far_tail through page_far_tail_run.far_tail_cut
    page_far_tail_run.far_tail = lambda texts, sh, prose, *_: page_far_tail.far_tail(  # type: ignore[assignment]
        texts, sh, prose, lines, share, words)
    return run_script(argv)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
