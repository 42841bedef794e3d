"""A segmentation switch (``core.segment``) for page roles: leave one dev set out, check pooled.

    .venv/bin/python benchmarks/role_segment_cv.py [SWITCH] [--layer off] [--shared DIR]

``SWITCH`` is a module-level boolean of ``workbench.core.segment`` (default
``METADATA_BREAKS``: a stamp line is never the wrapped end of the title above it).  Every
page of ``role_labels_cv.today_sets`` is segmented again with the switch off (the baseline)
and on, and scored with today's whole pipeline (``page_gold.predict``; ``--layer off``: the
rules alone, the learned layer switched off).  Folds and the check row are
``role_params_cv.report``'s: a fold takes the value that lowers no training set, ties to
the baseline; the check batches are pooled with the value chosen on all dev sets.

Why its own study: ``role_params_cv`` varies ``RoleParams`` on segments cut once, and a
segmentation switch changes the segments themselves (their gold is re-mapped by offsets).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from role_labels_cv import SHARED, today_sets  # noqa: E402
from role_params_cv import Table, report  # noqa: E402

from workbench.core import roles as roles_mod  # noqa: E402
from workbench.core import segment  # noqa: E402
from workbench.testing import page_gold  # noqa: E402
from workbench.testing.page_gold import GoldPage, Score, predict, score_page  # noqa: E402


def score(sets: dict[str, list[GoldPage]], switch: str, values: list[bool]) -> Table:
    """Every set at every value of the switch, pages segmented again for each."""
    table: Table = {}
    keep = getattr(segment, switch)
    try:
        for k, value in enumerate(values):
            setattr(segment, switch, value)
            for name, pages in sets.items():
                s = table.setdefault((name, k), Score())
                for page in pages:
                    page_gold._analysed(page)
                    s.add(score_page(page, predict(page)))
    finally:
        setattr(segment, switch, keep)
    return table


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("switch", nargs="?", default="METADATA_BREAKS")
    parser.add_argument("--layer", choices=("on", "off"), default="on")
    parser.add_argument("--shared", type=Path, default=SHARED)
    args = parser.parse_args()
    if not isinstance(getattr(segment, args.switch, None), bool):
        parser.error(f"core.segment.{args.switch} is no boolean switch")
    if args.layer == "off":
        roles_mod.correct_roles = lambda segs, roles, fixed, **kw: list(roles)
    loads = "/".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"# core.segment.{args.switch}, learned layer {args.layer}, leave one set out "
          f"(machine load {loads})")  # fmt: skip
    sets = today_sets(args.shared)
    values = [False, True]
    report(score(sets, args.switch, values), list(sets), args.switch, values)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
