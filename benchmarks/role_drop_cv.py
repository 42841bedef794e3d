"""A feature audit of the role layer: does dropping a group of columns gain, left out?

    .venv/bin/python benchmarks/role_drop_cv.py [--groups voice,reach2,...] [--json FILE]
        [--base role_override_cv's --cache FILE] [--write FILE]

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
sets up / down; without it the full features are scored first in the same run (group
``none``, round 30).
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
    "none": (),  # all columns: the base row when ``--base`` is not given (round 30)
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
        b = sum(np.asarray(base[k]) for k in rows)
        ups = []
        for i in (1, 2):  # roles, story: sets up / down
            d = [rows[k]["first"][i] / rows[k]["first"][0] - base[k][i] / base[k][0] for k in rows]
            ups.append(f"{sum(x > 5e-5 for x in d)} / {sum(x < -5e-5 for x in d)}")
        tally = f"{int(f[1] - b[1]):+d} / {int(f[2] - b[2]):+d} | {'; '.join(ups)}"
    return (f"| {name} | {f[1] / f[0]:.4f} / {f[2] / f[0]:.4f} | {tally} |"
            f" {t[1] / t[0]:.4f} / {t[2] / t[0]:.4f} |")  # fmt: skip


def write(path: Path, groups: list[str], c: rm.Correction) -> None:
    """The refit a group's audit stands for (round 30): weights on every trainable set's
    first-run labels without the groups' columns, as ``role_train.py --write`` fits them, under
    the shipped correction.  ``role_weights.py --weights`` and ``role_layer_off.py --weights``
    read the file with zero weights on the dropped columns (exactly the refit)."""
    cols = tuple(f for g in groups for f in GROUPS[g])
    m = rt.Study(dropped(rt.load_sets(), cols)).model(frozenset(), "first", rt.ALPHAS[0])
    feats = tuple(f for f in rm.FEATURES if f not in cols)
    out = rm.RoleModel(feats, m.roles, m.mean, m.scale, m.weights, c)
    path.write_text(json.dumps(out.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", default=",".join(GROUPS))
    parser.add_argument("--json", type=Path)
    parser.add_argument("--base", type=Path, help="role_override_cv.py's --cache file")
    parser.add_argument("--write", type=Path, help="write the weights fit on every trainable set "
                        "without --groups' columns (shipped correction) here, and stop")
    args = parser.parse_args()
    # the shipped file's correction, also while a new column makes the file stale (round 31)
    c = rm.RoleModel.from_json(json.loads(rt.WEIGHTS.read_text(encoding="utf-8"))).correction
    if args.write:
        write(args.write, args.groups.split(","), c)
        return 0
    base = None
    if args.base and args.base.is_file():
        data = json.loads(args.base.read_text(encoding="utf-8"))["rows"]
        base = {k: r["first"][0] for k, r in data.items()}  # the shipped form's row
    sets = rt.load_sets()
    out: dict[str, dict] = {}
    groups = args.groups.split(",")
    if base is None:  # the full features' left-out fits, in this run (same sets, same fits)
        out["none"] = score(sets, c)
        base = {k: r["first"] for k, r in out["none"].items()}
        groups = [g for g in groups if g != "none"]
    print("| without | first runs, left out | characters vs all | roles; story sets up / down |"
          " today's |\n|---|---|---|---|---|", flush=True)  # fmt: skip
    if "none" in out:
        print(line("none", out["none"], base), flush=True)
    for g in groups:
        out[g] = score(dropped(sets, GROUPS[g]), c)
        print(line(g, out[g], base), flush=True)
        if args.json:
            args.json.write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
