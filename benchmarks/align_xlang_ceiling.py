"""The recall ceiling of the aligner's candidate generation on cross-language pairs.

    .venv/bin/python benchmarks/align_xlang_ceiling.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--list]

Why: ``align_xlang_misses`` classes a missed bead by the evidence it lacks; a rule that
raises a *decision* can only find a gold bead that some step *proposes*.  The DP is the
one place that weighs a bead against its rivals, and it only sees beads of
``BEAD_SHAPES`` whose two corners lie inside the fine band (``refine`` cells around the
coarse 1-1 path).  Each sure gold bead of the dev translation and paraphrase pairs
(product path: ``align_pairs``, stand-in MT, moves as landing rows) is put in one class:

* ``role``: a gold span of it is not in the story the aligner saw (page roles);
* ``found`` / ``found, uncertain``: output as a link (confidence under
  ``statuses.UNCERTAIN_BELOW`` apart);
* ``not proposed: gap``: its sentences are not next to each other on a side (no
  monotonic bead holds them);
* ``not proposed: shape``: a shape the DP lacks (3-3, 1-5, ...);
* ``not proposed: band``: a DP shape, but a corner lies outside the final pass's band;
* ``proposed, below chance``: in the band, and its DP gain is at most 0 (an unmatched
  pair of sides scores better: no path takes it on its own evidence);
* ``proposed, chosen, undone``: the DP's path holds it, and a step after the DP (a glue
  check, a move, another repair) took it apart;
* ``proposed, outscored``: in the band with a positive gain, but the path chose other
  beads.

The band and gains are those of the last DP over the whole story of the pair (the
product's ``align_groups`` may align a headline group apart; its beads are then scored
against that group's call, which holds them).  ``found`` counts beads a repair made
outside the DP too, so ``found + proposed`` is what today's candidates could reach (the
*candidate ceiling*), and ``found + outscored`` what a better choice among the beads that
beat chance could reach (*above chance*).
Check batches are never read here.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_xlang_misses  # noqa: E402

import workbench.core.align as align_module  # noqa: E402
from workbench.core.align_scoring import BEAD_SHAPES, AlignParams  # noqa: E402
from workbench.core.statuses import UNCERTAIN_BELOW  # noqa: E402

KINDS = ("translation", "paraphrase")
_CALLS: list[tuple[int, int, list[int], list[int], object, set]] = []
_ORIGINAL = align_module.banded_dp


def _recording_dp(n, lo, hi, shapes, scorer):  # type: ignore[no-untyped-def]
    """``banded_dp``, keeping each call's band and scorer (gains asked right after)."""
    path = _ORIGINAL(n, lo, hi, shapes, scorer)
    chosen = {(i, a, j, b) for i, a, j, b, _sim in path}
    _CALLS.append((n, hi[n], list(lo), list(hi), scorer, chosen))
    return path


def _in_band(lo: list[int], hi: list[int], i: int, a: int, j: int, b: int) -> bool:
    return lo[i] <= j <= hi[i] and lo[i + a] <= j + b <= hi[i + a]


def place(local: list[list[int]], calls: list, full: tuple[int, int]) -> str:
    """The candidate class of one gold bead given its story-local indices."""
    for side in local:
        if side and side != list(range(side[0], side[-1] + 1)):
            return "not proposed: gap"
    a, b = len(local[0]), len(local[1])
    if (a, b) not in BEAD_SHAPES:
        return "not proposed: shape"
    i, j = local[0][0], local[1][0]
    whole = [c for c in calls if (c[0], c[1]) == full]
    if not whole:
        return "not proposed: band"  # aligned in groups only: no whole-story DP
    _n, _m, lo, hi, scorer, chosen = whole[-1]
    if not _in_band(lo, hi, i, a, j, b):
        return "not proposed: band"
    if (i, a, j, b) in chosen:
        return "proposed, chosen, undone"
    return "proposed, outscored" if scorer.gain(i, a, j, b) > 0 else "proposed, below chance"


def classify(case: align_pairs.PairCase, roles: str, params: AlignParams) -> list[str]:
    """One class per sure gold bead of ``case``."""
    _CALLS.clear()
    raw, output = align_pairs.case_beads(case, roles, params=params)
    calls = list(_CALLS)
    ids = [align_pairs._story(side, roles) for side in (case.left, case.right)]
    story = tuple(frozenset().union(*(side.spans[k] for k in ids[s]))
                  for s, side in enumerate((case.left, case.right)))  # fmt: skip
    confidence = {out: bead.confidence for out, bead in zip(output, raw, strict=True)}
    out = []
    for gold_bead in case.gold["beads"]:
        if gold_bead["type"] != "sure":
            continue
        gold = (frozenset(gold_bead["left"]), frozenset(gold_bead["right"]))
        if gold in confidence:
            out.append("found" if confidence[gold] >= UNCERTAIN_BELOW else "found, uncertain")
            continue
        if align_misses.cause(gold, output, story) == "role":  # type: ignore[arg-type]
            out.append("role")
            continue
        local = [[n for n, k in enumerate(ids[s]) if side.spans[k] & gold[s]]
                 for s, side in enumerate((case.left, case.right))]  # fmt: skip
        out.append(place(local, calls, (len(ids[0]), len(ids[1]))))
    return out


def main() -> None:
    align_module.banded_dp = _recording_dp
    counted = align_xlang_misses.tally(__doc__.split("\n")[0], classify)
    if counted is None:
        return
    args, table, batches = counted
    for kind in KINDS:
        total = sum(v for (k, _), v in table.items() if k == kind)
        reach = sum(v for (k, n), v in table.items()
                    if k == kind and n.startswith(("found", "proposed")))  # fmt: skip
        above = reach - table[kind, "proposed, below chance"]  # chosen-undone beat chance too
        print(
            f"{kind} ({args.roles} roles): {total} sure beads, candidate ceiling {reach} "
            f"({reach / max(1, total):.3f}), above chance {above} ({above / max(1, total):.3f})"
        )
        for v, n in sorted(((v, n) for (k, n), v in table.items() if k == kind), reverse=True):
            print(f"  {n:28} {v:4}  in {len(batches[kind, n])} batches")


if __name__ == "__main__":
    main()
