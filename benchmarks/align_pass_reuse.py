"""What a no-MT call's last word-table pass could take from the pass before it, exactly.

    .venv/bin/python benchmarks/align_pass_reuse.py [--runs 3]

Why (round 32, speed32): the brief asked for a pair scored once instead of
once per pass.  Without MT a call aligns the Text+Berg dev document three
times; the two word-table passes compare the same originals with glosses
through two different tables, so a band cell whose two compared texts are
unchanged from one pass to the next, inside both passes' bands, would count
the same n-gram overlaps again, if the view also left out the same frequent
n-grams (``align_views.frequent_ids``: n-grams in more than 30 % of the view's
sentences, which depends on every sentence of the view).  This prints, per
view of the last pass, the share of its sentences whose compared text is
unchanged from the pass before, the frequent n-grams each pass left out, and
the share of its coarse and fine band cells that could take their counts
over; then where the aligner's scalar similarities (``BeadScorer._similarity``,
one Python count per view and bead) are spent: in the fine DP's path or after
it, and 1-1 or multi-sentence beads (process time, best of ``--runs``).
Needs ``../shared/data/textberg-dev``.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402
from align_devsets import TEXTBERG, _lines  # noqa: E402

import workbench.core.align as aligner  # noqa: E402
import workbench.core.align_dp as align_dp  # noqa: E402
import workbench.core.align_scoring as scoring  # noqa: E402
import workbench.core.align_views as views  # noqa: E402


def record_passes(left: list[str], right: list[str]) -> list[dict]:
    """Per scorer of one call: its views' texts, each view's left-out n-grams, its bands."""
    passes: list[dict] = []
    saved = (scoring.build_views, views.frequent_ids, align_dp.one_to_one_rows,
             align_dp.band_table)  # fmt: skip

    def build(left_cmp, right_cmp, builder, frequent):
        passes.append({"views": list(zip(left_cmp, right_cmp, strict=True)), "drops": []})
        return saved[0](left_cmp, right_cmp, builder, frequent)

    def frequent(ids, count, share, minimum):
        found = saved[1](ids, count, share, minimum)
        passes[-1]["drops"].append(len(found))
        return found

    def ones(scorer, lo, hi, known=None):
        passes[-1]["coarse"] = (list(lo), list(hi))  # the last growth is the final band
        return saved[2](scorer, lo, hi, known)

    def table(scorer, lo, hi, shapes):
        passes[-1]["fine"] = (list(lo), list(hi))
        return saved[3](scorer, lo, hi, shapes)

    scoring.build_views, views.frequent_ids = build, frequent
    align_dp.one_to_one_rows, align_dp.band_table = ones, table
    try:
        align_scale._cold()
        aligner.align(left, right)
    finally:
        (scoring.build_views, views.frequent_ids, align_dp.one_to_one_rows,
         align_dp.band_table) = saved  # fmt: skip
    return passes


def reusable(before: dict, after: dict, view: int, band: str, m: int) -> tuple[int, int]:
    """Cells of ``after``'s band, and those whose two texts are unchanged and in ``before``'s."""
    lc0, rc0 = before["views"][view]
    lc1, rc1 = after["views"][view]
    same_left = [a == b for a, b in zip(lc0, lc1, strict=True)]
    same_right = [a == b for a, b in zip(rc0, rc1, strict=True)]
    (lo, hi), (lo0, hi0) = after[band], before[band]
    cells = found = 0
    for i in range(len(same_left)):
        for j in range(lo[i], min(hi[i], m - 1) + 1):
            cells += 1
            found += same_left[i] and same_right[j] and lo0[i] <= j <= hi0[i]
    return cells, found


def similarity_spend(left: list[str], right: list[str], runs: int) -> tuple[float, dict]:
    """Process time of a call and of its scalar similarities, by (where, 1-1 or not)."""
    spent: Counter = Counter()
    asks: Counter = Counter()
    where = {"now": "after the fine DP"}
    plain, dp = scoring.BeadScorer._similarity, aligner.banded_dp

    def timed(self, i, a, j, b):
        started = time.process_time()
        try:
            return plain(self, i, a, j, b)
        finally:
            key = (where["now"], "1-1" if a == b == 1 else "multi")
            spent[key] += time.process_time() - started
            asks[key] += 1

    def in_dp(*args, **kwargs):
        where["now"] = "fine DP path"
        try:
            return dp(*args, **kwargs)
        finally:
            where["now"] = "after the fine DP"

    scoring.BeadScorer._similarity, aligner.banded_dp = timed, in_dp
    best: tuple[float, dict] = (float("inf"), {})
    try:
        for _ in range(runs):
            spent.clear()
            asks.clear()
            align_scale._cold()
            started = time.process_time()
            aligner.align(left, right)
            total = time.process_time() - started
            if total < best[0]:
                best = (total, {k: (spent[k], asks[k]) for k in spent})
    finally:
        scoring.BeadScorer._similarity, aligner.banded_dp = plain, dp
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} at the start (2 cores, shared)")
    left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
    passes = record_passes(left, right)
    before, after = passes[-2], passes[-1]
    print(f"Text+Berg dev, no MT: {len(passes)} passes; the last against the one before:")
    for view in range(len(after["views"])):
        lc0, rc0 = before["views"][view]
        lc1, rc1 = after["views"][view]
        same = [sum(a == b for a, b in zip(x, y, strict=True)) / len(x)
                for x, y in ((lc0, lc1), (rc0, rc1))]  # fmt: skip
        print(
            f"  view {view}: unchanged texts left {same[0]:.3f} right {same[1]:.3f};"
            f" frequent n-grams left out {before['drops'][view]} -> {after['drops'][view]}"
        )
        for band in ("coarse", "fine"):
            cells, found = reusable(before, after, view, band, len(right))
            print(
                f"    {band} band: {cells} cells, both texts unchanged and in the band"
                f" before {found} ({found / max(1, cells):.3f})"
            )
    total, spend = similarity_spend(left, right, args.runs)
    print(f"scalar similarities (best of {args.runs} calls, {total * 1000:.0f} ms a call):")
    for (place, kind), (seconds, count) in sorted(spend.items()):
        print(
            f"  {place:18} {kind:5} {count:5} computed  {seconds * 1000:6.1f} ms"
            f"  {seconds / total:6.1%}"
        )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
