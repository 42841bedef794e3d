"""A feature audit of the role layer: does dropping a group of columns gain, left out?

    .venv/bin/python benchmarks/role_drop_cv.py [--groups voice,reach2,...] [--json FILE]
        [--base role_override_cv's --cache FILE]

Why (round 29): on unseen pages the layer costs a few edge pages, and a refit with more
batches only flips them (round 28); a column that learned a dev-only habit would show as a
gain when it is dropped.  ``role_features_cv.py`` recomputes every feature row per variant;
this loads the dev sets once and drops each group's columns from every view (the columns are
independent of one another once computed), then fits the weights without each dev set on
the first-run labels of the others (``role_train.Study``) and scores it under the shipped
correction, on its first-run labels and today's.  Groups are evidence kinds, not single
columns (82 columns x 57 folds is out of reach on a shared machine).  Results are written
after each group (``--json``), so a partial run is usable.  ``--base`` reads the full
features' left-out counts from ``role_override_cv.py --cache`` (the same fits), for the
sets up / down.
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

_NEIGH = ("headline", "body", "appeal", "link_residue", "comment_form", "other")
GROUPS: dict[str, tuple[str, ...]] = {
    "voice": ("site_voice", "opens_site", "names_site"),
    "reach2": tuple(f"{k}_{r}" for k in ("prev2", "next2") for r in _NEIGH),
    "story_pos": ("rel_pos", "above_story", "below_story", "gap_story", "para_story",
                  "para_size", "body_run"),  # fmt: skip
    "box": ("box_cohesion", "box_sentence", "box_follow"),
    "lang": ("lang_change", "no_lang"),
    "html": ("link_share", "html"),
}


def dropped(sets: dict[str, rt.SetData], cols: tuple[str, ...]) -> dict[str, rt.SetData]:
    """``sets`` with ``cols`` taken out of every view's feature rows."""
    keep = [k for k, f in enumerate(rm.FEATURES) if f not in cols]
    return {n: dataclasses.replace(d, views={k: dataclasses.replace(v, x=v.x[:, keep])
                                             for k, v in d.views.items()})
            for n, d in sets.items()}  # fmt: skip


def score(sets: dict[str, rt.SetData], c: rm.Correction) -> dict[str, dict]:
    """Per trainable set: left-out counts on first runs and today's labels under ``c``."""
    study = rt.Study(sets)
    rows = {}
    for name, d in sets.items():
        if not d.trains:
            continue
        row = {}
        for label, version in (("first", d.first), ("current", "current")):
            v = d.views[version]
            p = study.prob(frozenset({name}), "first", rt.ALPHAS[0], name, version)
            row[label] = cv.counts(v, cv.predict(p, v, c)).tolist()
        rows[name] = row
    return rows


def line(name: str, rows: dict, base: dict | None) -> str:
    """One table row: pooled first runs and today's, sets up / down against ``base``."""
    f = sum(np.asarray(r["first"]) for r in rows.values())
    t = sum(np.asarray(r["current"]) for r in rows.values())
    tally = ""
    if base:
        d = [rows[k]["first"][1] / rows[k]["first"][0] - base[k][1] / base[k][0] for k in rows]
        b = sum(np.asarray(base[k]) for k in rows)
        tally = (f"{int(f[1] - b[1]):+d} / {int(f[2] - b[2]):+d} | "
                 f"{sum(x > 5e-5 for x in d)} / {sum(x < -5e-5 for x in d)}")  # fmt: skip
    return (f"| {name} | {f[1] / f[0]:.4f} / {f[2] / f[0]:.4f} | {tally} |"
            f" {t[1] / t[0]:.4f} / {t[2] / t[0]:.4f} |")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", default=",".join(GROUPS))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--base", type=Path, help="role_override_cv.py's --cache file")
    args = parser.parse_args()
    c = rm.shipped_model().correction
    base = None
    if args.base and args.base.is_file():
        data = json.loads(args.base.read_text(encoding="utf-8"))["rows"]
        base = {k: r["first"][0] for k, r in data.items()}  # the shipped form's row
    sets = rt.load_sets()
    out: dict[str, dict] = {}
    print("| without | first runs, left out | characters vs all | roles sets up / down |"
          " today's |\n|---|---|---|---|---|", flush=True)  # fmt: skip
    for g in args.groups.split(","):
        out[g] = score(dropped(sets, GROUPS[g]), c)
        print(line(g, out[g], base), flush=True)
        if args.json:
            args.json.write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
