"""Round 30: the far-tail rule's guard (``RoleParams.far_tail_words``), leave one set out.

    .venv/bin/python benchmarks/role_far_tail_cv.py [--words 100,80,60,0] [--lines 3] [--raw]

Why: round 29's far-tail rule (``core.page_far_tail``) won leave one dev set out but cut a
short story after a mid-story widget; round 30 asks the story above the gap for at least
``far_tail_words`` words.  The grid is the rule off (``far_tail_lines`` 0, the baseline,
point 0), then the rule at ``--lines`` with each ``--words`` in the order given (ties go
to the earlier point, so the more guarded value first).  Scoring, folds and the check
column are ``role_params_cv``'s (same pages, one process); run it through
``role_layer_off.py`` for the rules without the learned layer.
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_labels_cv import SHARED, STORY_PAIRS, today_sets  # noqa: E402
from role_params_cv import report, score_grid  # noqa: E402

from workbench.core.page_shapes import DEFAULT_PARAMS  # noqa: E402
from workbench.testing.page_gold import load_story_pair_sets  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", default="100,80,60,0", help="far_tail_words, guarded first")
    parser.add_argument("--lines", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--raw", action="store_true", help="blind 3-21 from story-pairs")
    args = parser.parse_args()
    words = [int(w) for w in args.words.split(",")]
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# far_tail_lines 0 -> {args.lines} x far_tail_words {words} (machine load {loads})")
    sets = today_sets(args.shared)
    if args.raw:
        raw = load_story_pair_sets(STORY_PAIRS, {"fixtures", "stories-dev"})
        sets = {name: raw.get(name, pages) for name, pages in sets.items()}
    grid = (replace(DEFAULT_PARAMS, far_tail_lines=0),) + tuple(
        replace(DEFAULT_PARAMS, far_tail_lines=args.lines, far_tail_words=w) for w in words
    )
    labels = ["off", *(f"{args.lines} lines, {w} words" for w in words)]
    report(score_grid(sets, grid), list(sets), "far tail", labels)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
