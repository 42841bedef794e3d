"""A keep point of its own for paraphrase-like pairs in the learned decision: leave one batch out.

    .venv/bin/python benchmarks/align_decision_loose.py --cache PICKLE [--records PICKLE] \\
        [--medians 0.02,0.04,0.06,0.08,0.12] [--check]

Why: the aligner does not know a pair's kind, and one ``decision_keep_below`` serves both
two-language kinds (round 20: 29 of 39 folds chose .3).  A translation's sentences cover
each other (its links' evidence is high), a paraphrase from another agency retells,
reorders and drops (its links' evidence is near chance), so the same modelled probability
may mean another thing on the two.  What the aligner does know is the pair's *median
sentence evidence* (``align_decision.pair_context``: low on a retelling, high on a
translation, whatever the MT): here a two-language pair whose median is below ``M`` gets
its own keep point ``K`` and join gain ``J`` (``align_decision.joined``: the link with
an unmatched neighbour; off for two languages since round 19, when no fold chose it for
all pairs; a retelling merges sentences, and a gold 2-1 found as its 1-1 core is the
paraphrases' largest class, round 21).

Leave one batch out over the recorded candidates of ``align_decision_fit`` (the aligner
run once with the decision off; every choice replayed with ``eval.py``'s scoring): for
each dev batch, the model is fitted on the others and its shipped-style point chosen
there (``align_decision_fit.fit_scopes``); then ``(M, K, J)`` is chosen on the same batches
(best pooled bead F1 of the two-language pairs, off on ties) and the left-out batch is
scored both ways.  Figures per kind, and how often each ``(M, K)`` was chosen.
``--check`` scores the check batches pooled only, with the model and points of all dev.
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_decision_fit as fitmod  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core import align_decision as dec  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402

KEEPS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7)
JOINS = (-1.0, 0.0, 0.1, 0.2)
OWN = False  # --own-model
MEDIAN_AT = 8  # index of "pair median evidence" in DECISION_FEATURES
assert dec.DECISION_FEATURES[MEDIAN_AT] == "pair median evidence"


def median(rec: fitmod.Recorded) -> float:
    """The pair's median sentence evidence (the same for all its candidates); 1 if no link."""
    for cands in rec.scored.values():
        return cands[0][1][MEDIAN_AT]
    return 1.0


Loose = tuple[float, float, float]  # (M, K, J): median bar, keep point, join gain


def replay(ev, rec, fitted, loose: Loose | None) -> Counter:  # noqa: ANN001
    """The pair with the fold's decision; a loose pair (median < M) at (K, J) instead."""
    model, keep, gain, join = fitted[2]
    if loose is not None and median(rec) < loose[0]:
        keep, join = loose[1], loose[2]
    return fitmod.replay(ev, rec, model, keep, gain, 3, join)


def choose_loose(ev, recs, fitted, grid) -> Loose | None:  # noqa: ANN001
    """(M, K, J) of best pooled bead F1 on ``recs`` (the fold's own point on ties).

    Each pair is replayed once per (K, J); a bar M only picks which replay a pair adds.
    """
    base = {id(r): replay(ev, r, fitted, None) for r in recs}
    kj = [(k, j) for k in KEEPS for j in JOINS]
    loose = {id(r): {p: replay(ev, r, fitted, (2.0, *p)) for p in kj} for r in recs}
    best = round(fitmod.f1(sum(base.values(), Counter())), 6)
    point = None
    for m in grid:
        for p in kj:
            total = sum((loose[id(r)][p] if median(r) < m else base[id(r)] for r in recs),
                        Counter())  # fmt: skip
            if round(fitmod.f1(total), 6) > best:
                best, point = round(fitmod.f1(total), 6), (m, *p)
    return point


def choose_own(ev, recs, fitted, grid) -> tuple | None:  # noqa: ANN001
    """``--own-model``: (M, K, model) with a model fitted on the loose pairs alone.

    The paraphrase-like pairs (median < M) get a decision model fitted on their own
    candidates and a keep point K of their own; the rest keep the fold's.
    """
    base = {id(r): replay(ev, r, fitted, None) for r in recs}
    best = round(fitmod.f1(sum(base.values(), Counter())), 6)
    point, gain = None, fitted[2][2]
    for m in grid:
        sub = [r for r in recs if median(r) < m]
        if len({r.set_name for r in sub}) < 3:
            continue
        model = fitmod.memo(fitmod.fit(sub))
        for k in KEEPS:
            total = sum((fitmod.replay(ev, r, model, k, gain, 3) if median(r) < m
                         else base[id(r)] for r in recs), Counter())  # fmt: skip
            if round(fitmod.f1(total), 6) > best:
                best, point = round(fitmod.f1(total), 6), (m, k, model)
    return point


def replay_own(ev, rec, fitted, point) -> Counter:  # noqa: ANN001
    if point is None or median(rec) >= point[0]:
        return replay(ev, rec, fitted, None)
    return fitmod.replay(ev, rec, point[2], point[1], fitted[2][2], 3)


def lobo(ev, recs, grid) -> None:  # noqa: ANN001
    kinds = sorted({r.kind for r in recs})
    off = {k: Counter() for k in kinds}
    base = {k: Counter() for k in kinds}
    held = {k: Counter() for k in kinds}
    chosen: Counter = Counter()
    for batch in sorted({r.set_name for r in recs}):
        train = [r for r in recs if r.set_name != batch]
        fitted = fitmod.fit_scopes(ev, train, False)
        if OWN:
            point = choose_own(ev, train, fitted, grid)
            chosen[point[:2] if point else None] += 1
        else:
            point = choose_loose(ev, train, fitted, grid)
            chosen[point] += 1
        b0, b1 = Counter(), Counter()
        for r in (r for r in recs if r.set_name == batch):
            off[r.kind].update(fitmod.replay(ev, r, None, -1, -1, 3))
            c0 = replay(ev, r, fitted, None)
            c1 = replay_own(ev, r, fitted, point) if OWN else replay(ev, r, fitted, point)
            base[r.kind].update(c0)
            held[r.kind].update(c1)
            b0.update(c0)
            b1.update(c1)
        flag = "" if b0 == b1 else "  *"
        shown = point[:2] if OWN and point else point
        print(f"left out {batch:9} point {fitted[2][1:]} loose {shown}: "
              f"{fitmod._pr(ev, b0)} -> {fitmod._pr(ev, b1)}{flag}", flush=True)
    print("\n| kind | decision off | decision, left out | + loose point, left out |"
          "\n|---|---|---|---|")
    for kind in [*kinds, "ALL"]:
        row = [(t[kind] if kind != "ALL" else sum(t.values(), Counter()))
               for t in (off, base, held)]  # fmt: skip
        print(f"| {kind} | " + " | ".join(fitmod._pr(ev, c) for c in row) + " |")
    print(f"\nchosen (M, K, J; --own-model: M, K): {dict(chosen)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="align_pairs' pickle")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--records", type=Path, help="pickle of the recorded candidates, reused")
    parser.add_argument("--medians", default="0.02,0.04,0.06,0.08,0.12")
    parser.add_argument("--check", action="store_true", help="score the check batches pooled")
    parser.add_argument("--own-model", action="store_true",
                        help="the loose pairs get a model fitted on them alone (and their K)")
    args = parser.parse_args()
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared); roles {args.roles}")
    fitmod.OPTS["scopes"] = (2,)
    global OWN
    OWN = args.own_model
    ev = align_pairs.load_eval()
    params = replace(AlignParams(), decision_keep_below=0.0, one_language_decision_keep_below=0.0)
    cases = align_pairs.cached_cases(args.cache)
    if args.records is not None and args.records.exists():
        with args.records.open("rb") as fh:
            dev = pickle.load(fh)
    else:
        dev = [fitmod.record(c, args.roles, params) for c in cases
               if c.set_name not in align_pairs.CHECK_SETS]  # fmt: skip
        if args.records is not None:
            with args.records.open("wb") as fh:
                pickle.dump(dev, fh)
    two = [r for r in dev if not r.one_language]
    print("pair medians by kind:", {k: sorted(round(median(r), 3) for r in two if r.kind == k)
                                    for k in sorted({r.kind for r in two})})  # fmt: skip
    grid = tuple(float(x) for x in args.medians.split(","))
    lobo(ev, two, grid)
    if args.check:  # pooled only: the check batches may veto, never choose
        fitted = fitmod.fit_scopes(ev, two, False)
        point = choose_loose(ev, two, fitted, grid)
        check = [fitmod.record(c, args.roles, params) for c in cases
                 if c.set_name in align_pairs.CHECK_SETS]  # fmt: skip
        check = [r for r in check if not r.one_language]
        c0 = sum((replay(ev, r, fitted, None) for r in check), Counter())
        c1 = sum((replay(ev, r, fitted, point) for r in check), Counter())
        print(f"all dev: point {fitted[2][1:]}, loose {point}; check pooled (two languages): "
              f"{fitmod._pr(ev, c0)} -> {fitmod._pr(ev, c1)}")


if __name__ == "__main__":
    main()
