"""Fit and check the reported confidences (leave one group out): reliability and ECE.

    .venv/bin/python benchmarks/align_confidence_fit.py [--ridge 1.0]

Two models, both in ``workbench.core.align_calibration``:

* links: every link (and move) the aligner predicts is one example, its
  features ``link_features``, its label "this bead is in the gold" (sure or
  possible, as ``stories-dev/eval.py`` judges bead precision);
* unmatched sentences: every sentence the aligner leaves unmatched (not a
  move), its features ``unmatched_features``, its label "no gold link holds
  this sentence".

Examples come from

* the ``align_devsets`` units other than stories: each Text+Berg quarter with
  each MT setting, its cipher copy (grouped with its quarter: same text), the
  synthetic edits;
* every real-story dev pair on the product path (``align_pairs``: tool
  segmentation and roles, stand-in MT), grouped by batch; only what touches
  gold body text counts (as in ``eval.py``).

A logistic regression (ridge on standardised features, Newton) is fitted
leaving one group out and scored on the group left out; each family
(Text+Berg, synthetic, stories) weighs the same in the fit, so the hundreds of
Text+Berg links do not drown the story pairs the product is for.  Reported
for the weights shipped in ``AlignParams`` (fitted on an older aligner's beads;
in-sample where their groups were in that fit) and for the refit's held-out
predictions: log-loss, Brier, expected calibration error (ECE, 10
equal-width bins), a reliability table, and on the story pairs by kind: right
rows under .2 and under ``statuses.UNCERTAIN_BELOW``, wrong rows at or above
it.  The weights fitted on all groups are printed for ``AlignParams``, and the
check batches (``align_devsets.CHECK_SETS``, never fitted on) are scored
pooled with both the shipped and the refit weights.

``--shown FIELD=VALUE`` (repeatable; round 33) scores instead the confidences the reader
*sees* (``Bead.confidence`` at the end of the product path, which a late step may set from
its own evidence: ``align_calibration.strong_join_confidence``) on the real-story dev pairs,
shipped parameters against the given ones: a reliability table by confidence band, ECE, right
links under .2 and under ``UNCERTAIN_BELOW``, and every judged link only one setting shows
(``--pairs-cache``: ``align_pairs.py``'s pickle of the ingested pairs).
"""

from __future__ import annotations

import argparse
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
from align_devsets import all_units  # noqa: E402
from field_values import shipped_field, typed  # noqa: E402

import workbench.core.align as align_module  # noqa: E402
from workbench.core.align_calibration import (  # noqa: E402
    CALIBRATION_FEATURES,
    NO_CUT,
    UNMATCHED_FEATURES,
    gap_sides,
    link_features,
    linked_neighbours,
    pair_median_evidence,
    unmatched_features,
)
from workbench.core.align_scoring import AlignParams  # noqa: E402
from workbench.core.statuses import UNCERTAIN_BELOW  # noqa: E402

# model (link or unmatched), family, group, kind, features, right?
Row = tuple[str, str, str, str, tuple[float, ...], int]


class Recorder:
    """Wraps ``align``'s ``with_confidence``: the features of every link of every call."""

    def __init__(self) -> None:
        self.calls: list[list[tuple[str, tuple[float, ...]] | None]] = []
        self._original: Callable[..., Any] = align_module.with_confidence

    def __enter__(self) -> Recorder:
        def recording(beads: list, scorer: Any, params: AlignParams, cut: Any = NO_CUT) -> list:
            median = pair_median_evidence(beads, scorer)
            gaps = gap_sides(beads)
            feats: list[tuple[str, tuple[float, ...]] | None] = []
            for k, bead in enumerate(beads):
                pair = _link_of(beads, k)
                near = linked_neighbours(beads, k)
                if pair is not None:
                    link = link_features(pair, scorer, median, near, params, cut)
                    feats.append(("link", link))
                elif bead.move_to is None:
                    other = gaps[k][1] if bead.left else gaps[k][0]
                    alone = unmatched_features(beads, k, scorer, median, params, other)
                    feats.append(("unmatched", alone))
                else:
                    feats.append(None)  # a move's landing half: judged at its origin
            self.calls.append(feats)
            return self._original(beads, scorer, params, cut)

        align_module.with_confidence = recording
        return self

    def __exit__(self, *exc: object) -> None:
        align_module.with_confidence = self._original

    def last(self, count: int) -> list[tuple[str, tuple[float, ...]] | None]:
        """Features of the final beads of one ``align_groups`` call (whole, or its groups)."""
        calls, self.calls = self.calls, []
        if len(calls) == 1:
            return calls[0]
        joined = [f for call in calls[1:] for f in call]
        return joined if len(joined) == count else calls[0]


def _link_of(beads: list, k: int) -> Any:
    """The link a bead stands for: itself, or a move's two halves (judged once, at the origin)."""
    from workbench.core.align_repair import Bead

    bead = beads[k]
    if bead.left and bead.right:
        return bead
    if bead.move_to is not None and bead.left:
        return Bead(bead.left, beads[bead.move_to].right, 0.0, "")
    return None


def unit_rows() -> list[Row]:
    """Links and unmatched sentences of the Text+Berg, cipher and synthetic units, judged."""
    rows: list[Row] = []
    with Recorder() as rec:
        for unit in all_units():
            if unit.metric == "beads":  # story pairs: taken on the product path instead
                continue
            beads = align_module.align(unit.left, unit.right, **unit.kwargs)
            feats = rec.last(len(beads))
            gold = set(unit.gold) | set(unit.possible)
            linked = _linked(gold)
            family = "synthetic" if unit.set_name == "synthetic" else "textberg"
            group = unit.set_name if family == "synthetic" else unit.name.split()[0]
            for k, item in enumerate(feats):
                if item is None:
                    continue
                model, f = item
                if model == "link":
                    link = _link_of(beads, k)
                    right = int((link.left, link.right) in gold)
                else:
                    side = 0 if beads[k].left else 1
                    right = int((beads[k].left or beads[k].right)[0] not in linked[side])
                rows.append((model, family, group, unit.set_name, f, right))
    return rows


def story_rows(roots: list[Path] | None = None) -> list[Row]:
    """Links and unmatched sentences of every real-story dev pair on the product path (tool
    roles), judged as eval.py judges (only what touches gold body text).

    ``roots``: the batches to read (default the dev ones, ``align_pairs.STORY_ROOTS``;
    ``align_pairs.CHECK_ROOTS`` for the check batches, which are only scored).
    """
    if not align_pairs.EVAL.exists():
        return []
    rows: list[Row] = []
    cases = align_pairs.collect(roots)
    with Recorder() as rec:
        for case in cases:
            beads, _ = align_pairs.case_beads(case, "tool")
            feats = rec.last(len(beads))
            gold = {(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]}
            linked = _linked(gold)
            kind = align_pairs.pair_kind(case)
            seen = set()
            for k, item in enumerate(feats):
                if item is None:
                    continue
                model, f = item
                link = _link_of(beads, k) or beads[k]
                left, right = _spans(case, link)
                judged = left & case.body[0] or right & case.body[1]
                if not judged or (left, right) in seen:
                    continue
                seen.add((left, right))
                if model == "link":
                    label = int((left, right) in gold)
                else:
                    label = int(not (left & linked[0] or right & linked[1]))
                rows.append((model, "stories", case.set_name, kind, f, label))
    return rows


def _linked(gold: set) -> list[set]:
    """Sentences (or gold spans) of each side that some gold link holds."""
    linked: list[set] = [set(), set()]
    for left, right in gold:
        if left and right:
            linked[0].update(left)
            linked[1].update(right)
    return linked


def _spans(case: Any, bead: Any) -> tuple[frozenset, frozenset]:
    ids = [align_pairs._story(side, "tool") for side in (case.left, case.right)]
    left = frozenset().union(*(case.left.spans[ids[0][x]] for x in bead.left))
    right = frozenset().union(*(case.right.spans[ids[1][x]] for x in bead.right))
    return left, right


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, ridge: float) -> np.ndarray:
    """Weighted logistic regression by Newton's method (bias first).

    The ridge penalty acts on standardised features (so it shrinks each
    feature by its spread, not by its unit); the weights returned are for
    the raw features.
    """
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    design = np.hstack([np.ones((len(x), 1)), (x - mean) / spread])
    coef = np.zeros(design.shape[1])
    penalty = ridge * np.eye(len(coef))
    penalty[0, 0] = 0.0
    for _ in range(100):
        p = 1 / (1 + np.exp(-np.clip(design @ coef, -50, 50)))
        grad = design.T @ (w * (p - y)) + penalty @ coef
        hess = design.T @ (design * (w * p * (1 - p))[:, None]) + penalty + 1e-9 * np.eye(len(coef))
        step = np.linalg.solve(hess, grad)
        coef -= step
        if np.abs(step).max() < 1e-9:
            break
    raw = coef[1:] / spread
    return np.concatenate([[coef[0] - float(raw @ mean)], raw])


def predict(coef: np.ndarray, x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-np.clip(coef[0] + x @ coef[1:], -50, 50)))


def scores(p: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """(log-loss, Brier, ECE with 10 equal-width bins)."""
    q = np.clip(p, 1e-6, 1 - 1e-6)
    logloss = float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
    bins = np.minimum((p * 10).astype(int), 9)
    ece = sum(abs(p[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum()
              for b in range(10) if (bins == b).any()) / len(p)  # fmt: skip
    return logloss, float(np.mean((p - y) ** 2)), float(ece)


def family_weights(families: np.ndarray) -> np.ndarray:
    """Each family weighs the same in total (mean weight 1)."""
    names = sorted(set(families))
    w = np.zeros(len(families))
    for name in names:
        sel = families == name
        w[sel] = len(families) / (len(names) * sel.sum())
    return w


def shown_links(cases: list, params: AlignParams) -> dict[tuple, tuple[float, int]]:
    """(batch, pair, left spans, right spans) -> (confidence shown, right?) of every judged
    link of the dev story pairs (tool roles, product path; judged as ``eval.py``)."""
    from workbench.core.align_moves import move_links

    out: dict[tuple, tuple[float, int]] = {}
    for case in cases:
        roles = [s.roles for s in (case.left, case.right)]
        done = align_pairs.compared(case, *roles, params=params)
        gold = {(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]}
        spans = align_pairs.span_beads(case, done)
        for bead, (left, right) in zip(move_links(done.beads), spans, strict=True):
            if not (bead.left and bead.right) or not (left & case.body[0] or right & case.body[1]):
                continue
            key = (case.set_name, case.name, left, right)
            out.setdefault(key, (bead.confidence, int((left, right) in gold)))
    return out


def shown_report(cache: Path | None, settings: list[str]) -> None:
    """``--shown``: the confidences shown, shipped against ``settings``, by band."""
    changed = {}
    for item in settings:
        name, _, value = item.partition("=")
        changed[name] = typed(name, shipped_field(AlignParams(), name), value)
    cases = [c for c in align_pairs.cached_cases(cache) if c.set_name not in align_pairs.CHECK_SETS]
    runs = {"shipped": shown_links(cases, AlignParams()),
            "set": shown_links(cases, replace(AlignParams(), **changed))}  # fmt: skip
    print(f"dev story pairs, confidence shown; set: {changed}")
    print(f"{'band':9} {'shipped links':>14} {'set links':>12}")
    for b in range(10):
        cells = []
        for run in runs.values():
            cell = [r for c, r in run.values() if min(int(c * 10), 9) == b]
            share = f"{sum(cell) / len(cell):5.2f}" if cell else "    -"
            cells.append(f"{len(cell):5d} {share}")
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}   {cells[0]:>14} {cells[1]:>12}")
    for tag, run in runs.items():
        rows = list(run.values())
        p, y = np.array([c for c, _ in rows]), np.array([r for _, r in rows], dtype=float)
        low = y[p < UNCERTAIN_BELOW]
        print(f"{tag}: {len(rows)} links, {int(y.sum())} right, logloss / Brier / ECE "
              + " / ".join(f"{v:.4f}" for v in scores(p, y))
              + f"; right under .2: {int(((p < 0.2) & (y == 1)).sum())}, under "
              f"{UNCERTAIN_BELOW}: {int(low.sum())} of {len(low)}")  # fmt: skip
    for tag, run, other in (("shipped only", runs["shipped"], runs["set"]),
                            ("set only", runs["set"], runs["shipped"])):  # fmt: skip
        for key in sorted(set(run) - set(other), key=str):
            print(f"{tag}: {key[0]} {key[1]} L{sorted(key[2])} : R{sorted(key[3])} "
                  f"confidence {run[key][0]:.3f} {'right' if run[key][1] else 'wrong'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ridge", type=float, default=1.0)
    parser.add_argument("--shown", action="append", default=[], metavar="FIELD=VALUE",
                        help="score the confidences shown on the dev story pairs, shipped "
                        "against these parameters (round 33)")
    parser.add_argument("--pairs-cache", type=Path, help="align_pairs' pickle (--shown)")
    parser.add_argument(
        "--cache",
        type=Path,
        help="pickle of the judged rows: reused if present "
        "(valid while the aligner's beads and features are unchanged)",
    )
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared)")
    if args.shown:
        shown_report(args.pairs_cache, args.shown)
        return
    if args.cache is not None and args.cache.exists():
        rows, check = pickle.loads(args.cache.read_bytes())  # noqa: S301 - our own file
    else:
        rows = unit_rows() + story_rows()
        check = story_rows(align_pairs.CHECK_ROOTS)
        if args.cache is not None:
            args.cache.write_bytes(pickle.dumps((rows, check)))
    if not rows:
        print("no dev data under ../shared/data: nothing to do")
        return
    for model, names, what in (
        ("link", CALIBRATION_FEATURES, "calibration"),
        ("unmatched", UNMATCHED_FEATURES, "unmatched_calibration"),
    ):
        print(
            f"\n## {model}s"
            + (
                " (label: the bead is in the gold)"
                if model == "link"
                else " (label: the sentence has no counterpart in the gold)"
            )
        )
        shipped = np.array(getattr(AlignParams(), what))
        coef = _one_model([r[1:] for r in rows if r[0] == model], args.ridge, model, shipped)
        print(f"fitted on all groups (bias, {', '.join(names)}):")
        print(f"{what} = (" + ", ".join(f"{c:.3f}" for c in coef) + ")")
        _check([r[1:] for r in check if r[0] == model], coef, shipped)


def _check(rows: list[tuple], coef: np.ndarray, shipped: np.ndarray) -> None:
    """The check batches (never fitted on, never looked at pair by pair): pooled scores."""
    if not rows:
        return
    x = np.array([r[3] for r in rows])
    y = np.array([r[4] for r in rows], dtype=float)
    new, old = scores(predict(coef, x), y), scores(predict(shipped, x), y)
    print(
        f"check batches ({len(rows)} rows, {y.mean():.2f} right), logloss / Brier / ECE: "
        f"fitted {new[0]:.3f} / {new[1]:.3f} / {new[2]:.3f}, "
        f"shipped {old[0]:.3f} / {old[1]:.3f} / {old[2]:.3f}"
    )


def _one_model(rows: list[tuple], ridge: float, model: str, shipped: np.ndarray) -> np.ndarray:
    """Leave-one-group-out predictions and tables for one model; the weights fitted on all.

    ``shipped``: the weights in ``AlignParams`` today, scored on the same rows (they were
    fitted on beads of an older aligner, so the question is whether a refit carries).
    """
    family = np.array([r[0] for r in rows])
    group = np.array([f"{r[0]}:{r[1]}" for r in rows])
    kind = np.array([r[2] for r in rows])
    x = np.array([r[3] for r in rows])
    y = np.array([r[4] for r in rows], dtype=float)
    w = family_weights(family)
    # before: the weights shipped today (in-sample for the groups they were fitted on)
    before = predict(shipped, x)
    held = np.zeros(len(y))
    print(f"{len(rows)} {model} rows, {int(y.sum())} right; groups left out one at a time")
    print(f"{'held-out group':22} {'rows':>5} {'right':>5}  {'logloss':>7} {'Brier':>6} {'ECE':>5}"
          f"  shipped {'logloss':>6} {'Brier':>6} {'ECE':>5}")  # fmt: skip
    for name in sorted(set(group)):
        test = group == name
        coef = fit(x[~test], y[~test], w[~test], ridge)
        held[test] = predict(coef, x[test])
        new, old = scores(held[test], y[test]), scores(before[test], y[test])
        print(f"{name:22} {test.sum():5d} {y[test].mean():5.2f}  {new[0]:7.3f} {new[1]:6.3f} "
              f"{new[2]:5.3f}  {'':7} {old[0]:7.3f} {old[1]:6.3f} {old[2]:5.3f}")  # fmt: skip
    _summary(family, kind, y, held, before)
    return fit(x, y, w, ridge)


def _summary(family: np.ndarray, kind: np.ndarray, y: np.ndarray, held: np.ndarray,
             shipped: np.ndarray) -> None:  # fmt: skip
    """Pooled scores by family, the reliability table, and the story pairs by kind."""
    print(f"\n{'family (pooled)':22} {'links':>5}  held-out logloss / Brier / ECE   shipped")
    for name in [*sorted(set(family)), "ALL"]:
        sel = family == name if name != "ALL" else np.ones(len(y), bool)
        new, old = scores(held[sel], y[sel]), scores(shipped[sel], y[sel])
        print(f"{name:22} {sel.sum():5d}  {new[0]:.3f} / {new[1]:.3f} / {new[2]:.3f}"
              f"        {old[0]:.3f} / {old[1]:.3f} / {old[2]:.3f}")  # fmt: skip
    print("\nreliability (all links): predicted bin, links and share right")
    print(f"{'bin':9} {'held-out':>14} {'shipped':>14}")
    for b in range(10):
        cells = []
        for p in (held, shipped):
            sel = np.minimum((p * 10).astype(int), 9) == b
            cells.append(f"{sel.sum():5d} {y[sel].mean():5.2f}" if sel.any() else f"{0:5d}     -")
        print(f"{b / 10:.1f}-{(b + 1) / 10:.1f}   {cells[0]:>14} {cells[1]:>14}")
    print(f"\nstory pairs by kind (right links under .2 / under {UNCERTAIN_BELOW}, wrong links"
          f" at or above {UNCERTAIN_BELOW}; mean confidence right / wrong)")  # fmt: skip
    stories = family == "stories"
    for name in [*sorted(set(kind[stories])), "ALL"]:
        sel = stories & ((kind == name) if name != "ALL" else True)
        cells = []
        for p in (held, shipped):
            right, wrong = sel & (y == 1), sel & (y == 0)
            cells.append(
                f"{(p[right] < 0.2).sum():3d}/{(p[right] < UNCERTAIN_BELOW).sum():3d} of "
                f"{right.sum():3d} right, {(p[wrong] >= UNCERTAIN_BELOW).sum():3d} of "
                f"{wrong.sum():3d} wrong; {p[right].mean():.2f}/"
                f"{p[wrong].mean() if wrong.any() else 0:.2f}"
            )
        print(f"{name:12} held-out {cells[0]}   shipped {cells[1]}")


if __name__ == "__main__":
    main()
