"""How much of the fine DP's work is on beads that provably cannot win (a pruning ceiling).

    .venv/bin/python benchmarks/align_prune.py [--mt] [--parts]

Why: the no-MT row of ``align_scale.py`` stays below 5x, and the obvious
algorithmic step left is to skip scoring candidates that cannot be on the
best path.  This measures, on the Text+Berg dev document (or its 4
test-size parts), every fine band the aligner builds (``align_dp.band_table``,
captured during a real call):

* **dominated**: a multi-sentence bead ``(a, b)`` from cell ``(i, j)`` whose
  exact gain is below ``max(0, 1-1 gain of a cell (i+u, j+v), u < a, v < b)``
  by more than 1e-9, with the whole rectangle ``i..i+a`` x ``j..j+b`` inside
  the band.  A 1-1 link with skips around it (skips gain 0.0, and a cell's
  score is a maximum) then reaches the bead's end cell with a strictly
  higher score, so dropping the bead changes no score and no back pointer:
  the most any exact pruning of multi-sentence beads can skip;
* **pruned by the bound**: the same test on an upper bound of the gain that
  needs no block union: each sentence's overlap with a block of ``s``
  sentences counted as ``min(size, sum of its s pair overlaps)`` (the gain
  grows with every overlap count, so this bounds it).  What a prune before
  the block unions could skip;
* **CPU** of the fine bands as built, with the 3 coarse shapes only (the
  multi-sentence beads' assembly is the difference) and of their block unions
  (``union_overlaps``, all depths), replayed in the call (best of 5).

Needs ``../shared/data/textberg-dev``.  Output unchanged: it only reads.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402
from align_devsets import TEXTBERG, _lines, textberg_units  # noqa: E402

import workbench.core.align_dp as align_dp  # noqa: E402
import workbench.core.align_gains as align_gains  # noqa: E402
from workbench.core.align import align  # noqa: E402

_EXACT_UNION = align_gains.union_overlaps
_BAND_TABLE = align_dp.band_table
_MARGIN = 1e-9  # far above the rounding of a path score (sums of ~1,000 gains of order 1)


def bound_unions(mine, other, first: int, wlo: np.ndarray, whi: np.ndarray) -> np.ndarray:
    """``union_overlaps`` with depths 2-4 replaced by ``min(size, sum of pair overlaps)``."""
    span = np.maximum(whi - wlo + 1, 0)
    whole = mine.whole[first + np.repeat(np.arange(len(span)), span)]
    last = len(other.whole) - 1
    out = np.empty((len(whole), 4), np.int64)
    total = np.zeros(len(whole), np.int64)
    for t in range(4):  # pair overlaps with sentence start + t (none past the end)
        pairs = _EXACT_UNION(mine, other, first, wlo + t, whi + t)[:, 0]
        starts = (
            np.repeat(wlo + t, span)
            + np.arange(len(whole))
            - np.repeat(np.cumsum(span) - span, span)
        )
        total += np.where(starts <= last, pairs, 0)
        out[:, t] = np.minimum(total, whole)
    return out


def reachable(lo, hi, i: np.ndarray, j: np.ndarray, i2: np.ndarray, j2: np.ndarray, top: int):
    """Whether skips alone (1-0, 0-1) lead from cell ``(i, j)`` to ``(i2, j2)`` in the band.

    Rows are intervals, so the cells reachable in a row are an interval
    ``left..hi[r]``: row ``i`` from ``j``, the next from ``max(lo, left)`` if
    that column is also in the row above.  ``i2 - i`` is at most ``top``.
    """
    n = len(lo) - 1
    ok = (
        (i2 >= i)
        & (j2 >= j)
        & (i2 <= n)
        & (lo[np.minimum(i, n)] <= j)
        & (hi[np.minimum(i, n)] >= j)
    )
    left = j.copy()
    for step in range(top + 1):
        r = np.minimum(i + step, n)
        if step:
            entering = np.maximum(lo[r], left)
            moving = i + step <= i2  # still on the way down
            ok &= ~moving | ((entering <= hi[np.minimum(r - 1, n)]) & (entering <= hi[r]))
            left = np.where(moving, entering, left)
    end = np.minimum(i2, n)
    return ok & (left <= j2) & (j2 <= hi[end])


def count_table(lo, hi, shapes, exact: np.ndarray, bound: np.ndarray, tally: dict) -> np.ndarray:
    """Add one band's multi-sentence candidates, dominated ones and bound-pruned ones.

    A bead is dominated when skips reach a 1-1 link of higher gain and skips
    lead on from it to the bead's end, or skips alone reach the end and the
    bead's gain is below 0.  Returns the bound-pruned cells, ``(cells, shapes)``.
    """
    lo, hi = np.asarray(lo), np.asarray(hi)
    n = len(lo) - 1
    base = np.zeros(len(lo) + 1, np.int64)
    np.cumsum(hi - lo + 1, out=base[1:])
    i = np.repeat(np.arange(len(lo)), hi - lo + 1)
    j = np.arange(int(base[-1])) - base[i] + lo[i]
    one = shapes.index((1, 1))
    pruned = np.zeros(exact.shape, bool)
    for s, (a, b) in enumerate(shapes):
        if not a or not b or a + b <= 2:
            continue
        valid = np.isfinite(exact[:, s])
        alt = np.where(reachable(lo, hi, i, j, i + a, j + b, a), 0.0, -np.inf)
        for u in range(a):
            for v in range(b):
                r = np.minimum(i + u, n)
                at = np.clip(base[r] + j + v - lo[r], 0, len(exact) - 1)
                ok = reachable(lo, hi, i, j, i + u, j + v, a)
                ok &= reachable(lo, hi, i + u + 1, j + v + 1, i + a, j + b, a)
                alt = np.maximum(alt, np.where(ok, exact[at, one], -np.inf))
        tally["candidates"] += int(valid.sum())
        tally["dominated"] += int((valid & (exact[:, s] < alt - _MARGIN)).sum())
        pruned[:, s] = valid & (bound[:, s] < alt - _MARGIN)
        tally["pruned"] += int(pruned[:, s].sum())
    return pruned


def _best_cpu(fn, runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        fn()
        best = min(best, time.process_time() - started)
    return best


def _timings(scorer, lo, hi, shapes, tally: dict) -> None:
    """CPU of the band as built, with the coarse shapes only, and of its block unions."""
    spent = [0.0]

    def timed(*args):
        started = time.process_time()
        found = _EXACT_UNION(*args)
        spent[0] += time.process_time() - started
        return found

    build = align_dp.band_table.__wrapped__
    tally["full ms"] += 1000 * _best_cpu(lambda: build(scorer, lo, hi, shapes))
    tally["coarse shapes ms"] += 1000 * _best_cpu(
        lambda: build(scorer, lo, hi, ((1, 1), (1, 0), (0, 1)))
    )
    unions = []
    for _ in range(5):
        spent[0] = 0.0
        align_gains.union_overlaps = timed
        try:
            build(scorer, lo, hi, shapes)
        finally:
            align_gains.union_overlaps = _EXACT_UNION
        unions.append(spent[0])
    tally["unions ms"] += 1000 * min(unions)


def _bound_table(build, scorer, lo, hi, shapes) -> np.ndarray:
    """``build``'s band with the pair bound in place of the block unions.

    Both the study (``measure``) and the pruned aligner (``pruned_table``) compare this
    table with the exact one; the swap is undone even when the build fails.
    """
    align_gains.union_overlaps = bound_unions
    try:
        return build(scorer, lo, hi, shapes)
    finally:
        align_gains.union_overlaps = _EXACT_UNION


def measure(left, right, kwargs: dict, tally: dict) -> None:
    """Align once, measuring every fine band the call builds."""
    build = align_dp.band_table

    def spy(scorer, lo, hi, shapes):
        exact = build(scorer, lo, hi, shapes)
        bound = _bound_table(build, scorer, lo, hi, shapes)
        count_table(list(lo), list(hi), list(shapes), exact, bound, tally)
        _timings(scorer, lo, hi, shapes, tally)
        return exact

    spy.__wrapped__ = build
    align_dp.band_table = spy
    try:
        align_scale._cold()
        align(left, right, **kwargs)
    finally:
        align_dp.band_table = build


def pruned_table(scorer, lo, hi, shapes) -> np.ndarray:
    """``band_table`` with the beads the pair bound prunes at ``-inf`` (what a prune gives)."""
    exact = _BAND_TABLE(scorer, lo, hi, shapes)
    bound = _bound_table(_BAND_TABLE, scorer, lo, hi, shapes)
    tally = dict.fromkeys(("candidates", "dominated", "pruned"), 0)
    pruned = count_table(list(lo), list(hi), list(shapes), exact, bound, tally)
    return np.where(pruned, -np.inf, exact)


def pruned_identity(recorded: Path) -> int:
    """``align_identity.py check`` with ``pruned_table`` in place of ``band_table``."""
    import json

    import align_identity

    align_dp.band_table = pruned_table
    try:
        result = align_identity.run(quick=False)
    finally:
        align_dp.band_table = _BAND_TABLE
    reference = json.loads(recorded.read_text(encoding="utf-8"))
    lines, code = align_identity.compare(reference, result)
    print("\n".join(lines))
    return code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mt", action="store_true", help="with the Europarl de->fr MT")
    parser.add_argument("--parts", action="store_true", help="the 4 test-size parts instead")
    parser.add_argument(
        "--identity", type=Path, metavar="RECORDED",
        help="align_identity's cases with every bound-pruned bead at -inf, checked against"
        " a recording of align_identity.py",
    )  # fmt: skip
    args = parser.parse_args()
    if args.identity:
        raise SystemExit(pruned_identity(args.identity))
    kwargs = {"left_mt": _lines(TEXTBERG / "dev.mt_de2fr.europarlfull")} if args.mt else {}
    left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
    inputs = [(left, right, kwargs)]
    if args.parts:
        wanted = "ep de>fr" if args.mt else "none"
        inputs = [(u.left, u.right, u.kwargs) for u in textberg_units() if u.name.endswith(wanted)]
    keys = ("candidates", "dominated", "pruned", "full ms", "coarse shapes ms", "unions ms")
    tally = dict.fromkeys(keys, 0)
    for pair in inputs:
        measure(*pair, tally)
    n = tally["candidates"]
    print(f"{len(inputs)} input(s), {'MT de>fr' if args.mt else 'no MT'}: {n} multi-sentence beads")
    print(f"  dominated (exact gains)  {tally['dominated'] / n:.3f}")
    print(f"  pruned by the pair bound {tally['pruned'] / n:.3f}")
    print(
        f"  fine bands {tally['full ms']:.1f} ms, coarse shapes only "
        f"{tally['coarse shapes ms']:.1f} ms, block unions {tally['unions ms']:.1f} ms"
    )


if __name__ == "__main__":
    main()
