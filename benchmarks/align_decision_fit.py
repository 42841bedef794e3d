"""The learned link decision (``core/align_decision.py``): fit, leave one batch out, write weights.

    .venv/bin/python benchmarks/align_decision_fit.py --cache /tmp/cases.pkl [--roles tool]
        [--write]

Why: issue 16 asks for bead precision and recall >= .9 on unseen story pairs; three
rounds of hand rules at the aligner's decision points gained on the dev pairs they were
read from and moved no unseen bead.  Here every link the aligner returns on the product
path (``align_pairs``: segments, roles, groups, stand-in MT, moves as landing rows), and
each contiguous part of its many-sided links, is a candidate labelled by the gold (a sure
or possible bead of ``eval.py``'s span sets); a logistic model of "this candidate is a
gold bead" over ``align_decision.DECISION_FEATURES`` is fitted with numpy.

The decision (``apply_decisions``) changes no feature of another link, so each candidate's
features are recorded once (the aligner run with the decision off) and every model and
threshold is scored by replaying it on the recorded beads with ``eval.py``'s own scoring.
Leave one batch out: for each dev batch, the model is fitted on the others and its
``decision_keep_below`` / ``decision_part_gain`` / ``decision_scope`` chosen there (best
pooled bead F1, off on ties); the left-out batch is scored with them.  Figures per kind
(copies, rewrites, translations, paraphrases), and the newest dev batches (61, 62) with a
model fitted without both.  ``--check`` scores the check batches pooled only, with the
model and point chosen on all dev batches.  ``--write`` writes each fitted scope's model
(``workbench/core/align_decision.json`` two languages, ``align_decision_one.json`` one).

Round 20 (recall of the one-language decision): ``--scopes 1`` fits one scope only,
``--gold-cost`` weighs a gold candidate's loss more, ``--keep-recall`` chooses only points
that keep the training batches' recall, ``--keeps=-1`` offers no taking apart (parts only),
``--newest`` names the batches also left out together, ``--records`` reuses the recorded
candidates (the aligner run once).
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402

import workbench.core.align as core_align  # noqa: E402
from workbench.core import align_decision as dec  # noqa: E402
from workbench.core.align_moves import move_links  # noqa: E402
from workbench.core.align_repair import Bead  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
KEEP = (-1.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8)
GAIN = (-1.0, 0.0, 0.1)
JOIN = (-1.0, 0.0, 0.1, 0.2)
NEWEST = ("batch61", "batch62")
#: the run's choices (``main`` sets them): scopes fitted, the gold candidates' cost, whether a
#: point must keep the off run's recall on the batches it is chosen on
OPTS: dict[str, Any] = {"scopes": (1, 2), "gold_cost": 1.0, "keep_recall": False, "keep": KEEP}


@dataclass
class Recorded:
    """One pair: its beads (decision off), candidates with features and gold labels."""

    set_name: str
    kind: str
    one_language: bool
    beads: list[Bead]
    scored: dict[int, dec.Scored]
    labels: dict[int, list[int]]  # per link, per candidate: 1 gold, 0 not, -1 not judged
    spans: tuple[list[frozenset], list[frozenset]]  # per aligned sentence, its gold spans
    case: Any


def record(case: Any, roles: str, params: AlignParams) -> Recorded:
    """Align the pair as the product does, recording each link's candidates and features."""
    seen: dict[tuple, tuple[list[tuple], bool]] = {}

    def recorder(left, right, beads, scorer, p, one_language, model=None):  # noqa: ANN001
        if min(scorer.counts) >= p.long_glue_min:
            return beads
        ctx = dec.pair_context(left, right, beads, scorer, one_language)
        for k, cands in dec.link_candidates(beads, scorer, ctx, p, joins=True).items():
            bead = beads[k]
            key = (tuple(left[x] for x in bead.left), tuple(right[x] for x in bead.right))
            rel = [((tuple(x - bead.left[0] for x in c.left),
                     tuple(x - bead.right[0] for x in c.right)),
                    (tuple(left[x] for x in c.left), tuple(right[x] for x in c.right)), f)
                   for c, f in cands]  # fmt: skip
            seen[key] = (rel, one_language)
        return beads

    saved = core_align.decide_links
    core_align.decide_links = recorder
    try:
        lroles, rroles = (s.gold_roles if roles == "gold" else s.roles
                          for s in (case.left, case.right))  # fmt: skip
        li = [k for k, r in enumerate(lroles) if r in align_pairs.STORY]
        ri = [k for k, r in enumerate(rroles) if r in align_pairs.STORY]
        beads, _ = align_pairs.labelled_beads(case, lroles, rroles, params=params)
    finally:
        core_align.decide_links = saved
    lt, rt = [case.left.texts[k] for k in li], [case.right.texts[k] for k in ri]
    spans = ([case.left.spans[k] for k in li], [case.right.spans[k] for k in ri])
    gold = {(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]}
    scored: dict[int, dec.Scored] = {}
    labels: dict[int, list[int]] = {}
    one = False
    for k, bead in enumerate(beads):
        if not bead.left or not bead.right or bead.move_to is not None:
            continue
        got = seen.get((tuple(lt[x] for x in bead.left), tuple(rt[x] for x in bead.right)))
        if got is None:
            continue
        rel, one = got
        cands = []
        for (lo, ro), (ltx, rtx), f in rel:
            cl = _final(bead.left, lo, ltx, lt)
            cr = _final(bead.right, ro, rtx, rt)
            if cl is not None and cr is not None:
                cands.append((Bead(cl, cr, 0.0, f"{len(cl)}-{len(cr)}"), f))
        cands[0] = (bead, cands[0][1])
        scored[k] = cands
        labels[k] = [_label(c, spans, case, gold) for c, _ in cands]
    return Recorded(case.set_name, align_pairs.pair_kind(case), one, beads, scored, labels,
                    spans, case)  # fmt: skip


def _final(ids: tuple[int, ...], offsets: tuple[int, ...], texts: tuple[str, ...],
           side: list[str]) -> tuple[int, ...] | None:  # fmt: skip
    """A candidate's sentences as indices of the whole side (a join's neighbour by its text)."""
    out = []
    for o, text in zip(offsets, texts, strict=True):
        if 0 <= o < len(ids):
            out.append(ids[o])
            continue
        near = ids[0] - 1 if o < 0 else ids[-1] + 1
        if not (0 <= near < len(side)) or side[near] != text:
            return None  # the neighbour is not next to the link in the whole list
        out.append(near)
    return tuple(sorted(out))


def _label(bead: Bead, spans: tuple, case: Any, gold: set) -> int:
    left = frozenset().union(*(spans[0][x] for x in bead.left))
    right = frozenset().union(*(spans[1][x] for x in bead.right))
    if not left or not right or not (left & case.body[0] or right & case.body[1]):
        return -1
    return int((left, right) in gold)


def replay(ev: Any, rec: Recorded, model: dec.DecisionModel | None, keep: float, gain: float,
           scope: int, join: float = -1.0) -> Counter:  # fmt: skip
    """``eval.py``'s counts of the pair with the decision applied to the recorded beads."""
    beads = rec.beads
    on = model is not None and max(keep, gain, join) >= 0
    if on and scope & (1 if rec.one_language else 2):
        beads = dec.apply_decisions(beads, rec.scored, model, keep, gain, join)
    out = []
    for bead in move_links(beads):
        out.append((frozenset().union(*(rec.spans[0][x] for x in bead.left)),
                    frozenset().union(*(rec.spans[1][x] for x in bead.right))))  # fmt: skip
    return Counter(ev.score_pair(rec.case.gold, rec.case.body[0], rec.case.body[1], out))


def fit(recs: list[Recorded], l2: float = 1.0, wholes: bool = False,
        gold_cost: float = 1.0) -> dec.DecisionModel:  # fmt: skip
    """Logistic regression (Newton, L2 on standardised features) on every judged candidate.

    ``wholes``: only the links themselves, not their parts.  ``gold_cost``: the weight of a
    gold candidate's loss against a wrong one's (> 1: dropping a link the gold keeps costs
    more than keeping a wrong one, a recall-preserving objective; round 20).
    """
    xs, ys = [], []
    for rec in recs:
        for k, cands in rec.scored.items():
            for n, ((_, f), y) in enumerate(zip(cands, rec.labels[k], strict=True)):
                if y >= 0 and (n == 0 or not wholes):
                    xs.append(f)
                    ys.append(y)
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=float)
    cost = np.where(y > 0, gold_cost, 1.0)
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    w = np.zeros(z.shape[1])
    reg = np.eye(z.shape[1]) * l2
    reg[0, 0] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ w, -50, 50)))
        grad = z.T @ (cost * (p - y)) + reg @ w
        hess = (z * (cost * p * (1 - p))[:, None]).T @ z + reg
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return dec.DecisionModel(dec.DECISION_FEATURES, tuple(round(float(v), 5) for v in w),
                             tuple(round(float(v), 5) for v in mean),
                             tuple(round(float(v), 5) for v in scale))  # fmt: skip


def f1(c: Counter) -> float:
    p = c["bead_correct"] / max(1, c["judged"])
    r = c["bead_found_sure"] / max(1, c["gold_sure"])
    return 2 * p * r / (p + r) if p + r else 0.0


class Memo(dec.DecisionModel):
    """A model that remembers each candidate's probability (the grid replays them often)."""

    def probability(self, feats):  # noqa: ANN001, ANN201
        memo = self.__dict__.setdefault("_memo", {})
        if feats not in memo:
            memo[feats] = super().probability(feats)
        return memo[feats]


def memo(model: dec.DecisionModel) -> Memo:
    return Memo(model.features, model.weights, model.mean, model.scale)


def choose(ev: Any, recs: list[Recorded], model: dec.DecisionModel
           ) -> tuple[float, float, float]:  # fmt: skip
    """(keep_below, part_gain, join_gain) of best pooled bead F1 on ``recs`` (off wins ties)."""
    base = sum((replay(ev, r, None, -1, -1, 3) for r in recs), Counter())
    best, point = round(f1(base), 6), (-1.0, -1.0, -1.0)
    model = memo(model)
    for keep in OPTS["keep"]:
        for gain in GAIN:
            for join in JOIN:
                if max(keep, gain, join) < 0:
                    continue
                total = sum((replay(ev, r, model, keep, gain, 3, join) for r in recs), Counter())
                if OPTS["keep_recall"] and total["bead_found_sure"] < base["bead_found_sure"]:
                    continue  # a recall-preserving choice: no point that drops a sure bead here
                if round(f1(total), 6) > best:
                    best, point = round(f1(total), 6), (keep, gain, join)
    return point


def _pr(ev: Any, c: Counter) -> str:
    m = ev.pair_metrics(c)
    return f"{ev.fmt(m['beadP'], 3)} / {ev.fmt(m['beadR'], 3)} ({c['bead_correct']} / " \
           f"{c['judged']}, {c['bead_found_sure']} / {c['gold_sure']})"


def _scope(rec: Recorded) -> int:
    return 1 if rec.one_language else 2


def fit_scopes(ev: Any, recs: list[Recorded], wholes: bool) -> dict[int, tuple]:
    """Per scope (1 one language, 2 two): a model fitted on its pairs and its chosen point."""
    out: dict[int, tuple] = {}
    for scope in OPTS["scopes"]:
        train = [r for r in recs if _scope(r) == scope]
        model = fit(train, wholes=wholes, gold_cost=OPTS["gold_cost"])
        out[scope] = (memo(model), *choose(ev, train, model))
    return out


def replay_scopes(ev: Any, rec: Recorded, fitted: dict[int, tuple]) -> Counter:
    if _scope(rec) not in fitted:
        return replay(ev, rec, None, -1, -1, 3)
    model, keep, gain, join = fitted[_scope(rec)]
    return replay(ev, rec, model, keep, gain, 3, join)


def lobo(ev: Any, recs: list[Recorded], wholes: bool) -> None:
    """Leave one batch out, pooled by kind; then 61 and 62 left out together."""
    kinds = sorted({r.kind for r in recs})
    base: dict[str, Counter] = {k: Counter() for k in kinds}
    held: dict[str, Counter] = {k: Counter() for k in kinds}
    for batch in sorted({r.set_name for r in recs}):
        fitted = fit_scopes(ev, [r for r in recs if r.set_name != batch], wholes)
        b0, b1 = Counter(), Counter()
        for r in (r for r in recs if r.set_name == batch):
            c0, c1 = replay(ev, r, None, -1, -1, 3), replay_scopes(ev, r, fitted)
            base[r.kind].update(c0)
            held[r.kind].update(c1)
            b0.update(c0)
            b1.update(c1)
        points = {s: f[1:] for s, f in fitted.items()}
        print(f"left out {batch:9} points {points}: {_pr(ev, b0)} -> {_pr(ev, b1)}", flush=True)
    print("\n| kind | decision off | left out |\n|---|---|---|")
    for kind in [*kinds, "ALL"]:
        c0 = base[kind] if kind != "ALL" else sum(base.values(), Counter())
        c1 = held[kind] if kind != "ALL" else sum(held.values(), Counter())
        print(f"| {kind} | {_pr(ev, c0)} | {_pr(ev, c1)} |")
    newest = OPTS.get("newest", NEWEST)
    fitted = fit_scopes(ev, [r for r in recs if r.set_name not in newest], wholes)
    test = [r for r in recs if r.set_name in newest]
    c0 = sum((replay(ev, r, None, -1, -1, 3) for r in test), Counter())
    c1 = sum((replay_scopes(ev, r, fitted) for r in test), Counter())
    points = {s: f[1:] for s, f in fitted.items()}
    print(f"\n{'+'.join(newest)} left out together, points {points}: {_pr(ev, c0)} -> "
          f"{_pr(ev, c1)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True, help="align_pairs' pickle")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--check", action="store_true", help="score the check batches pooled")
    parser.add_argument("--wholes", action="store_true", help="fit on whole links only")
    parser.add_argument("--write", action="store_true", help="write the all-dev model's weights")
    parser.add_argument("--scopes", default="1,2", help="scopes fitted (1 one language, 2 two)")
    parser.add_argument("--gold-cost", type=float, default=1.0,
                        help="a gold candidate's loss weight (> 1: a dropped gold link costs more)")
    parser.add_argument("--keep-recall", action="store_true",
                        help="choose only points that keep the off run's recall where chosen")
    parser.add_argument("--records", type=Path, help="pickle of the recorded candidates, reused")
    parser.add_argument("--newest", default=",".join(NEWEST),
                        help="dev batches also left out together (default: 61, 62)")
    parser.add_argument("--keeps", help="the keep_below grid (default: KEEP; -1 alone: parts only)")
    args = parser.parse_args()
    OPTS.update(scopes=tuple(int(x) for x in args.scopes.split(",")), gold_cost=args.gold_cost,
                keep_recall=args.keep_recall)  # fmt: skip
    OPTS["newest"] = tuple(args.newest.split(","))
    if args.keeps:
        OPTS["keep"] = tuple(float(x) for x in args.keeps.split(","))
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared); roles {args.roles}")
    ev = align_pairs.load_eval()
    params = replace(AlignParams(), decision_keep_below=0.0,  # decide_links is called: recorded
                     one_language_decision_keep_below=0.0)
    cases = align_pairs.cached_cases(args.cache)
    if args.records is not None and args.records.exists():
        with args.records.open("rb") as fh:
            dev = pickle.load(fh)
    else:
        dev = [record(c, args.roles, params) for c in cases
               if c.set_name not in align_pairs.CHECK_SETS]  # fmt: skip
        if args.records is not None:
            with args.records.open("wb") as fh:
                pickle.dump(dev, fh)
    lobo(ev, dev, args.wholes)
    fitted = fit_scopes(ev, dev, args.wholes)
    for scope, (model, keep, gain, join) in fitted.items():
        named = dict(zip(("bias", *model.features), model.weights, strict=True))
        print(f"\nall dev, scope {scope}: keep_below {keep}, part_gain {gain}, join_gain {join}; "
              f"weights {named}")
    if args.check:  # pooled only: the check batches may veto, never choose
        check = [record(c, args.roles, params) for c in cases
                 if c.set_name in align_pairs.CHECK_SETS]  # fmt: skip
        c0 = sum((replay(ev, r, None, -1, -1, 3) for r in check), Counter())
        for scope in (2, 3):
            c1 = sum((replay_scopes(ev, r, fitted) if _scope(r) & scope else
                      replay(ev, r, None, -1, -1, 3) for r in check), Counter())  # fmt: skip
            print(f"check pooled, scope {scope}: {_pr(ev, c0)} -> {_pr(ev, c1)}")
    if args.write:  # each fitted scope's model (scope 1 to its own file, round 20)
        for scope, name in ((1, dec.ONE_LANGUAGE_WEIGHTS_FILE), (2, dec.WEIGHTS_FILE)):
            if scope not in fitted:
                continue
            path = ROOT / "workbench" / "core" / name
            data = dec.DecisionModel.to_json(fitted[scope][0])
            path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", "utf-8")
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
