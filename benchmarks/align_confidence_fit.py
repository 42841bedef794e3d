"""Fit and check the bead confidence model on the dev sets (leave one set out).

    .venv/bin/python benchmarks/align_confidence_fit.py

Every link the aligner predicts on the dev units (``align_devsets``) becomes
one example: features from ``workbench.core.align_confidence.features`` (mean
and weakest sentence's coverage above chance, Gale-Church length cost) and the
label "this bead is in the gold" (sure or possible).  A logistic regression is
fitted on all units (the coefficients to put in ``AlignParams.confidence``)
and, for honesty, on all groups but one and scored on the group left out
(groups: each quarter of the Text+Berg document with all its MT variants, the
story pairs, the synthetic edits): log-loss and Brier score against a constant
(the base rate), and a reliability table (predicted vs observed share of right
beads per bin, held-out predictions).  The shipped coefficients are scored on
the same examples.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_devsets import all_units  # noqa: E402

from workbench.core.align import AlignParams, align_scored  # noqa: E402
from workbench.core.align_confidence import features, link_probability  # noqa: E402


def examples() -> list[tuple[str, tuple[float, float, float], int]]:
    """(group, features, right?) for every predicted link of every dev unit."""
    rows = []
    params = AlignParams()
    for unit in all_units():
        beads, scorer = align_scored(unit.left, unit.right, params=params, **unit.kwargs)
        gold = set(unit.gold) | set(unit.possible)
        for bead in beads:
            if bead.left and bead.right:
                label = int((bead.left, bead.right) in gold)
                group = unit.name.split()[0] if unit.set_name == "textberg" else unit.set_name
                rows.append((group, features(bead, scorer), label))
    return rows


def fit(x: np.ndarray, y: np.ndarray, ridge: float = 1e-2) -> np.ndarray:
    """Logistic regression by Newton's method (bias first), lightly ridge-regularised."""
    design = np.hstack([np.ones((len(x), 1)), x])
    w = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(design @ w, -50, 50)))
        grad = design.T @ (p - y) + ridge * w
        hess = design.T @ (design * (p * (1 - p))[:, None]) + ridge * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def losses(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    logloss = float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))
    return logloss, float(np.mean((p - y) ** 2))


def main() -> None:
    rows = examples()
    if not rows:
        print("no dev data under ../shared/data: nothing to do")
        return
    names = sorted({r[0] for r in rows})
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows], dtype=float)
    sets = np.array([r[0] for r in rows])
    w = fit(x, y)
    print(f"{len(rows)} predicted links; fitted on all sets: confidence = "
          f"({w[0]:.2f}, {w[1]:.2f}, {w[2]:.2f}, {w[3]:.2f})")  # fmt: skip
    shipped = AlignParams()
    print(f"shipped AlignParams.confidence = {shipped.confidence}")
    print(f"{'held-out group':14} {'links':>6} {'right':>6} {'logloss':>8} {'base':>6}"
          f" {'Brier':>6} {'base':>6} {'shipped Brier':>13}")  # fmt: skip
    held_p = np.zeros(len(y))
    for name in names:
        test = sets == name
        wk = fit(x[~test], y[~test])
        p = 1 / (1 + np.exp(-np.clip(np.hstack([np.ones((test.sum(), 1)), x[test]]) @ wk, -50, 50)))
        held_p[test] = p
        base = np.full(test.sum(), y[~test].mean())
        ll, brier = losses(p, y[test])
        bll, bbrier = losses(base, y[test])
        shipped_p = np.array([link_probability(tuple(f), shipped) for f in x[test]])
        print(f"{name:14} {test.sum():6d} {y[test].mean():6.2f} {ll:8.3f} {bll:6.3f}"
              f" {brier:6.3f} {bbrier:6.3f} {losses(shipped_p, y[test])[1]:13.3f}")  # fmt: skip
    shipped_all = np.array([link_probability(tuple(f), shipped) for f in x])
    print("reliability: predicted vs observed share of right links per bin")
    print(f"{'predicted':>12} {'held-out links':>14} {'right':>6}"
          f" {'shipped links':>13} {'right':>6}")  # fmt: skip
    for lo in (0.0, 0.1, 0.3, 0.5, 0.7, 0.9):
        hi = {0.0: 0.1, 0.1: 0.3, 0.3: 0.5, 0.5: 0.7, 0.7: 0.9, 0.9: 1.01}[lo]
        cells = []
        for probs in (held_p, shipped_all):
            sel = (probs >= lo) & (probs < hi)
            cells.append(f"{sel.sum():14d} {y[sel].mean() if sel.any() else float('nan'):6.2f}")
        print(f"{lo:5.1f}-{min(hi, 1.0):<5.1f} {cells[0]} {cells[1][1:]}")
    if np.isnan(w).any():
        print("warning: the fit did not converge")


if __name__ == "__main__":
    main()
