"""Does retraining the role layer with newly joined dev sets pay, left out? (first-run LOO)

    .venv/bin/python benchmarks/role_joined.py [--sets blind52,blind53]
    .venv/bin/python benchmarks/role_joined.py --study before|after --out FILE  (one study)
    .venv/bin/python benchmarks/role_joined.py --report BEFORE.json AFTER.json

When a round's held-out batches become dev sets, the question is whether to ship weights
refit with them (``role_train.py --write``) or keep the shipped file.  The shipped file is
in-sample on every set it was fit on, so its own scores there say nothing; both candidates
are scored left out instead, with ``role_train.Study`` (every parameter chosen by an inner
leave-one-set-out, the shipped study's defaults):

* **before**: the joined sets neither train nor choose (the study the shipped file came
  from; their own folds are the shipped file's fit and choice, unseen there);
* **after**: they train and choose like every other dev set.

Each dev set is scored on its first-run labels (the rule of docs/heldout.md decides on
these) and today's rules, per set and pooled, with the sets each way counted.  Check batches
(``role_train.CHECK_ONLY``) are not scored here: ``role_weights.py`` pools them.
"""

from __future__ import annotations

import argparse
import dataclasses
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

CELLS = ("first rules", "first model", "current rules", "current model")


def default_applies() -> list[cv.Apply]:
    """The grid ``role_train.py`` searches with its default options."""
    return [cv.Apply(s, o, t, h, m, bool(n), *rt.HEADLINE_FORMS[hn]) for s in cv.SCOPES.values()
            for o in (False, True) for t in rt.BODY_OTHER_THRESHOLDS
            for h in cv.HEADLINE_THRESHOLDS for m in cv.MIN_SEGMENTS
            for n in rt.STORY_NEUTRAL for hn in rt.HEADLINE_NEUTRAL]  # fmt: skip


def without(sets: dict[str, rt.SetData], joined: set[str]) -> dict[str, rt.SetData]:
    """The same sets with ``joined`` kept out of training and choosing (scored only)."""
    return {k: dataclasses.replace(d, chooses=d.chooses and k not in joined,
                                   trains=d.trains and k not in joined)
            for k, d in sets.items()}  # fmt: skip


def _cell(c: np.ndarray) -> str:
    return f"{c[1] / c[0]:.4f} / {c[2] / c[0]:.4f}"


def _tally(rows: dict[str, dict], label: str) -> str:
    """Sets up / down / level on roles and on story between before and after."""
    out = []
    for i, name in ((1, "roles"), (2, "story")):
        diff = [
            a[f"{label} model"][i] / a[f"{label} model"][0]
            - b[f"{label} model"][i] / b[f"{label} model"][0]
            for b, a in rows.values()
        ]
        up = sum(d > 5e-5 for d in diff)
        down = sum(d < -5e-5 for d in diff)
        out.append(f"{name} {up} up / {down} down / {len(diff) - up - down} level")
    return ", ".join(out)


def report(rows: dict[str, tuple[dict, dict]], chosen: dict[str, str]) -> None:
    print(
        "| set | first-run rules | before, left out | after, left out | today's rules "
        "| before | after | after's choice |\n|---|---:|---:|---:|---:|---:|---:|---|"
    )
    for name, (b, a) in rows.items():
        cells = [b["first rules"], b["first model"], a["first model"], b["current rules"],
                 b["current model"], a["current model"]]  # fmt: skip
        print(f"| {name} | " + " | ".join(map(_cell, cells)) + f" | {chosen[name]} |")
    pooled = [sum(r[i][k] for r in rows.values()) for i, k in
              ((0, "first rules"), (0, "first model"), (1, "first model"),
               (0, "current rules"), (0, "current model"), (1, "current model"))]  # fmt: skip
    print(f"| **{len(rows)} dev sets pooled** | " + " | ".join(map(_cell, pooled)) + " | |")
    print(f"\nFirst runs, after vs before: {_tally(rows, 'first')}")
    print(f"Today's rules, after vs before: {_tally(rows, 'current')}")


def run(study: str, joined: set[str], only: set[str] | None = None) -> dict[str, dict]:
    """Each trainable dev set's left-out counts in one of the two studies (``CELLS``);
    ``only``: just these held-out sets."""
    sets = rt.load_sets()
    if study == "before":
        sets = without(sets, joined)
    s = rt.Study(sets, applies=default_applies())
    rows = {}
    for name in [k for k, d in sets.items() if d.trains or k in joined]:  # check: pooled only
        if only and name not in only:
            continue
        f = s.fold(name)
        rows[name] = {k: f.scores[k].tolist() for k in CELLS} | {"apply": f.apply.describe()}
        print(f"{study} {name}: first {_cell(f.scores['first model'])}", file=sys.stderr,
              flush=True)  # fmt: skip
    return rows


def fixed(joined: set[str], files: list[Path]) -> tuple[dict, dict, cv.Apply]:
    """Weights refit without each set (before: without ``joined`` too), corrections fixed.

    The cheap form of the study: no inner choice, each file's correction (chosen on every
    choosing set, so that part is in-sample) applied to left-out weights.  Returns rows as
    ``run`` (before, after) and the after weights under before's correction ("after, c0").
    """
    cb, ca = (rm.RoleModel.from_json(json.loads(f.read_text(encoding="utf-8"))).correction
              for f in files)  # fmt: skip
    sets = rt.load_sets()
    studies = {"before": rt.Study(without(sets, joined)), "after": rt.Study(sets)}
    out: dict[str, dict] = {"before": {}, "after": {}, "after, c0": {}}
    for name in [k for k, d in sets.items() if d.trains or k in joined]:  # check: pooled only
        d = sets[name]
        for key, study, c in (("before", "before", cb), ("after", "after", ca),
                              ("after, c0", "after", cb)):  # fmt: skip
            row = {}
            for label, version in (("first", d.first), ("current", "current")):
                v = d.views[version]
                prob = studies[study].prob(frozenset({name}), "first", rt.ALPHAS[0], name, version)
                row[f"{label} rules"] = cv.counts(v, v.rules).tolist()
                row[f"{label} model"] = cv.counts(v, cv.predict(prob, v, c)).tolist()
            out[key][name] = row | {"apply": c.describe()}
        print(f"fixed {name}", file=sys.stderr, flush=True)
    return out, {"before": cb.describe(), "after": ca.describe()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", default="blind52,blind53", help="the newly joined dev sets")
    parser.add_argument("--study", choices=("before", "after"),
                        help="run one study only and write its counts to --out")  # fmt: skip
    parser.add_argument("--out", type=Path, help="counts of --study (JSON)")
    parser.add_argument("--folds", help="with --study: only these held-out sets (comma-separated)")
    parser.add_argument("--report", type=Path, nargs=2, metavar=("BEFORE", "AFTER"),
                        help="report two --out files instead of running")  # fmt: skip
    parser.add_argument("--fixed", type=Path, nargs=2, metavar=("BEFORE", "AFTER"),
                        help="weights files: refit left out, corrections fixed")  # fmt: skip
    args = parser.parse_args()
    joined = set(args.sets.split(","))
    if args.fixed:
        rows3, _ = fixed(joined, args.fixed)
        if args.out:
            args.out.write_text(json.dumps(rows3, ensure_ascii=False, indent=1), encoding="utf-8")
        b, a = rows3["before"], rows3["after"]
        rows = {n: tuple({k: np.array(r[n][k]) for k in CELLS} for r in (b, a)) for n in a}
        report(rows, {n: a[n]["apply"] for n in a})
        c0 = rows3["after, c0"]
        cells = [sum(np.array(c0[n][k]) for n in c0) for k in ("first model", "current model")]
        print(f"After weights under before's correction, pooled: first {_cell(cells[0])}, "
              f"today's {_cell(cells[1])}")  # fmt: skip
        return 0
    if args.study:
        rows = run(args.study, joined, set(args.folds.split(",")) if args.folds else None)
        if args.out:
            args.out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0
    if args.report:
        b, a = (json.loads(p.read_text(encoding="utf-8")) for p in args.report)
    else:
        b, a = run("before", joined), run("after", joined)
    rows = {n: tuple({k: np.array(r[n][k]) for k in CELLS} for r in (b, a)) for n in a}
    report(rows, {n: a[n]["apply"] for n in a})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
