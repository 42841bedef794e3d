"""Score role-model weights files side by side: dev sets per label version, check pooled.

    .venv/bin/python benchmarks/role_weights.py [--weights FILE ...] [--json FILE]

``role_train.py`` scores a *retrained* layer left out; this scores fixed weights files
(default: the shipped ``workbench/core/role_model.json``; ``--weights`` adds others, e.g.
an older main's file from ``git show``) the same way, so a change of weights is judged on
the same cells:

* every dev set of ``role_train.load_sets`` on its first-run labels (the rules of a main
  that had not seen it), its newest unseen labels and today's rules, by characters
  (``roles``, ``story``), rules alone and rules + each file;
* the check batches (``role_train.CHECK_ONLY`` that are not dev sets) **pooled only**,
  on today's rules through the product's path (``page_gold.predict`` with the file's
  model hooked into ``assign_roles``): a check may only veto, so no page is printed.

Weights fit on a set are in-sample there (the shipped ones on the sets they were fit on):
the report says nothing about which; read ``docs/ingest.md``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
import role_cv as cv  # noqa: E402
import role_train as rt  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402
from workbench.testing.page_gold import Score, load_pages, predict, score_page  # noqa: E402

VERSIONS = (("first", "first"), ("last", "last"), ("today", "current"))


def load_model(path: Path) -> rm.RoleModel:
    """A weights file; an older one that reads fewer features (their names a subset of
    today's) gets zero weights on the others, so it scores exactly as it did."""
    model = rm.RoleModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    if model.features == rm.FEATURES:
        return model
    rows = [model.features.index(f) if f in model.features else -1 for f in rm.FEATURES]
    weights = np.zeros((len(rm.FEATURES) + 1, len(model.roles)))
    mean, scale = np.zeros(len(rm.FEATURES)), np.ones(len(rm.FEATURES))
    for k, r in enumerate(rows):
        if r >= 0:
            weights[k], mean[k], scale[k] = model.weights[r], model.mean[r], model.scale[r]
    weights[-1] = model.weights[-1]
    return rm.RoleModel(rm.FEATURES, model.roles, mean, scale, weights, model.correction)


def dev_counts(sets: dict[str, rt.SetData], models: dict[str, rm.RoleModel]) -> dict:
    """Per set and label version: (chars, right role, right story) for rules and each model."""
    out: dict[str, dict[str, np.ndarray]] = {}
    for name, d in sets.items():
        if not d.trains:  # a check batch (20, 22): pooled below, never printed one by one
            continue
        row = {}
        for label, attr in VERSIONS:
            v = d.views[d.first if attr == "first" else d.last if attr == "last" else attr]
            row[f"{label} rules"] = cv.counts(v, v.rules)
            for key, model in models.items():
                pred = cv.predict(model.probabilities(v.x), v, model.correction)
                row[f"{label} {key}"] = cv.counts(v, pred)
        out[name] = row
    return out


def check_pooled(models: dict[str, rm.RoleModel | None]) -> dict[str, Score]:
    """The check batches pooled on today's rules, each model hooked in as the product does."""
    folders = [rt.BLIND / f"batch{n.removeprefix('blind')}" for n in rt.CHECK_ONLY]
    pages = [p for f in folders if (f / "gold-spans").is_dir() for p in load_pages(f)]
    out = {}
    for key, model in models.items():
        rm.shipped_model = lambda m=model: m
        score = Score()
        for page in pages:
            score.add(score_page(page, predict(page)))
        out[key] = score
    return out


def _cell(c: np.ndarray) -> str:
    return f"{c[1] / c[0]:.4f} / {c[2] / c[0]:.4f}"


def report(dev: dict, check: dict[str, Score], keys: list[str], first_only: set[str]) -> None:
    cols = [f"{label} {k}" for label, _ in VERSIONS for k in ["rules", *keys]]
    print("| set | " + " | ".join(cols) + " |\n|---|" + "---:|" * len(cols))
    for name, row in dev.items():
        print(f"| {name} | " + " | ".join(_cell(row[c]) for c in cols) + " |")
    groups = {"dev sets pooled": list(dev),
              "dev sets with a first run pooled": [n for n in dev if n in first_only]}  # fmt: skip
    for label, names in groups.items():
        cells = " | ".join(_cell(sum(dev[n][c] for n in names)) for c in cols)
        print(f"| **{label}** ({len(names)}) | {cells} |")
    print("\nCheck batches pooled, today's rules (roles / story):")
    for key, s in check.items():
        print(f"- {key}: {s.roles:.4f} / {s.story:.4f} ({s.chars} characters)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, action="append", default=[],
                        help="another weights file to score (repeatable)")  # fmt: skip
    parser.add_argument("--json", type=Path, help="write the figures here")
    args = parser.parse_args()
    models = {"shipped": load_model(rt.WEIGHTS)}
    models |= {p.stem: load_model(p) for p in args.weights}
    check = check_pooled({"rules": None} | models)
    sets = rt.load_sets()
    dev = dev_counts(sets, models)
    first_only = {n for n, d in sets.items() if d.first != "current"}
    report(dev, check, list(models), first_only)
    if args.json:
        rows = {
            "dev": {
                n: {k: (c / c[0])[1:].round(4).tolist() for k, c in row.items()}
                for n, row in dev.items()
            },
            "check": {k: [round(s.roles, 4), round(s.story, 4)] for k, s in check.items()},
        }
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
