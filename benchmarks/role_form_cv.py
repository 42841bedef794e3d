"""Does a change to the role layer's *form* pay, left out? (first-run leave-one-out)

    .venv/bin/python benchmarks/role_form_cv.py [--weights FILE] [--study after|before]
        [--sets blind61,blind62] [--json FILE] [--middle]
        [--enter] [--lone] [--write-form LEAVE,INSIDE[,MIDDLE[,ENTER[,LONE]]] --out FILE]
        [--grid 1,in,out,0]

``role_joined.py`` asks whether to refit the layer, ``role_features_cv.py`` whether it
should read more evidence; this asks how far it may overrule the rules.  On unseen
writers the layer's cost is story characters: body lines it takes out of the story
(round 18's held-out batches: one page 1.000 with the rules alone, .904 with the layer).
Two forms of caution, both ``core.role_model.Correction`` fields that default to off:

* ``leave``: a change out of the story (body -> other) needs this probability as well
  as the correction's threshold (abstain when the margin for leaving is small);
* ``inside``: a story line whose neighbours above and below are story lines never leaves
  (the rules' run outweighs one line's shape).
* ``middle`` (round 21, ``--middle``): a change across the story line (out of it or into
  it) of a line whose neighbours above and below are story lines needs this probability;
  1.01 lets the layer move lines at the story's edges only.  A line moved mid-body cuts the
  story the aligner reads (round 20's unseen pages: a true flag and three beads lost);
  ``role_layer_off.py --weights`` measures a written form's beads and flags.
* ``enter`` (round 22, ``--enter``): a change into the story (a chrome line to ``body`` or
  ``headline``) needs this probability; 1.01: never into the story.  The layer's wrong moves
  on dev rewrite pairs were chrome in the site's voice let into the story ("Get breaking news
  … by signing up here.", "See disclosure here or remove ads.", a consent notice).
* ``lone`` (round 25, ``--lone``): a line let into the story *alone* (no neighbour on its page
  let in with it) needs this probability; runs of lines let in together keep the threshold.
  On first runs the layer's lines let in alone at p < .6 were two thirds chrome, its runs of
  two or more all story; a Liechtenstein daily's self-description under its story (round 24's
  unseen batch 86) was one such line.
* ``--grid`` (round 26): not a form added to the file's correction but ``role_train``'s whole
  grid with these headline-neutral values (``1`` both ways closed, ``in`` / ``out`` one way
  open, ``Correction.headline_way``; ``0`` free), each value chosen on all choosing sets (the
  fixed row, as ``role_train.py --write`` chooses) and nested; ties go ``role_train``'s
  cautious way (``role_train.caution``).

Scored the way the rule of docs/heldout.md reads: every trainable dev set left out
(weights fit on the first-run labels of the others, ``role_train.Study.prob``; with
``--study before`` the ``--sets`` neither train), on its first-run labels and today's,
under the ``--weights`` file's correction with each form added.  Besides each fixed form,
the *nested* row chooses the form for each held-out set on the other choosing sets (merit
roles + story on first runs and today's, as ``role_train`` chooses; ties to the cautious
side last, so "off" wins a tie).  The check batches are not scored here: ``--write-form``
writes the weights file with a form added, and ``role_weights.py --weights`` pools them.
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
import role_joined as rj  # noqa: E402
import role_train as rt  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402

LEAVES = (0.0, 0.7, 0.8, 0.9, 1.01)  # 0: the threshold alone; 1.01: never out of the story
INSIDE = (False, True)
#: round 21: a change across the story line in the middle of the body (story lines above and
#: below) needs this probability; 1.01: the layer moves lines at the story's edges only
MIDDLE = (0.7, 0.8, 0.9, 0.95, 1.01)
#: round 22: a change into the story needs this probability; 1.01: never into the story
ENTER = (0.6, 0.7, 0.8, 0.9, 1.01)
#: round 25: a line let into the story alone needs this probability; 1.01: never alone
LONE = (0.6, 0.7, 0.8, 0.9, 1.01)


def forms(base: cv.Apply, middle: bool = False, enter: bool = False,
          lone: bool = False) -> list[cv.Apply]:  # fmt: skip
    """``base`` with each form added (the first is ``base`` itself); ``middle``: the round-21
    margins for a move across the story line mid-body, ``enter`` the round-22 margins for a
    move into the story, ``lone`` the round-25 margins for one line let in alone, instead of
    round 19's forms."""
    if lone:
        return [base] + [dataclasses.replace(base, lone=m) for m in LONE]
    if middle:
        return [base] + [dataclasses.replace(base, middle=m) for m in MIDDLE]
    if enter:
        return [base] + [dataclasses.replace(base, enter=m) for m in ENTER]
    return [dataclasses.replace(base, leave=lv, inside=i) for i in INSIDE for lv in LEAVES]


def grid(values: str, base: cv.Apply) -> list[cv.Apply]:
    """``role_train``'s default grid with the headline-neutral ``values``, ``base`` (the
    weights file's correction) first: every set's tally is read against it."""
    names = ("thresholds", "headline_thresholds", "min_segments", "story_neutral")
    defaults = (rt.BODY_OTHER_THRESHOLDS, cv.HEADLINE_THRESHOLDS, cv.MIN_SEGMENTS,
                rt.STORY_NEUTRAL)  # fmt: skip
    args = argparse.Namespace(headline_neutral=values, **{
        k: ",".join(map(str, v)) for k, v in zip(names, defaults, strict=True)})  # fmt: skip
    return [base, *rt.grid_applies(args)]


def grid_report(rows: dict, applies: list[cv.Apply], sets: dict[str, rt.SetData],
                values: str) -> None:  # fmt: skip
    """Per headline-neutral value (and the whole grid): the correction chosen on all choosing
    sets (fixed) and the nested choice, first runs and today's left out, sets up / down
    against the base (the weights file's correction) on roles; then the whole grid per set."""
    print("| grid | first runs, left out | sets up / down (roles) | today's | chosen |")
    print("|---|---|---|---|---|")
    first, today = (sum(r[k] for r in rows.values()) for k in ("first rules", "current rules"))
    print(f"| rules alone | {_cell(first)} | | {_cell(today)} | |")
    first, today = (sum(r[k][0] for r in rows.values()) for k in ("first", "current"))
    print(f"| base | {_cell(first)} | | {_cell(today)} | {applies[0].describe()} |")
    choosing = [k for k in rows if sets[k].chooses]
    for value in [*values.split(","), values]:
        forms = {rt.HEADLINE_FORMS[v] for v in value.split(",")}
        ok = [i for i in range(1, len(applies))
              if (applies[i].headline_neutral, applies[i].headline_way) in forms]  # fmt: skip
        fixed = best(rows, choosing, ok, applies)
        chosen = {h: best(rows, [k for k in choosing if k != h], ok, applies) for h in rows}
        for label, pick in (("fixed", dict.fromkeys(rows, fixed)), ("nested", chosen)):
            f = sum(r["first"][pick[k]] for k, r in rows.items())
            c = sum(r["current"][pick[k]] for k, r in rows.items())
            d = [r["first"][pick[k]][1] / r["first"][pick[k]][0] - r["first"][0][1]
                 / r["first"][0][0] for k, r in rows.items()]  # fmt: skip
            tally = f"{sum(x > 5e-5 for x in d)} / {sum(x < -5e-5 for x in d)}"
            what = applies[fixed].describe() if label == "fixed" else _count(applies, chosen)
            print(f"| {value} {label} | {_cell(f)} | {tally} | {_cell(c)} | {what} |")
    _per_set(rows, applies, chosen, "whole grid nested", "")


def best(rows: dict, inside: list[str], ok: list[int], applies: list[cv.Apply]) -> int:
    """The grid correction (index among ``ok``) best on ``inside``'s first runs and today's
    labels pooled (``role_train.Study.choose``'s merit and cautious tie order)."""
    pooled = sum(rows[k]["first"] + rows[k]["current"] for k in inside)
    merit = np.round((pooled[:, 1] + pooled[:, 2]) / pooled[:, 0], 6)
    return max(ok, key=lambda i: (merit[i], *rt.caution(applies[i])))


def _count(applies: list[cv.Apply], chosen: dict[str, int]) -> str:
    """How many folds chose each headline-neutral value."""
    ways = [rt.caution(applies[i])[1] for i in chosen.values()]
    names = list(rt.HEADLINE_FORMS)
    return ", ".join(f"{names[-w]} in {ways.count(w)} folds" for w in sorted(set(ways)))


def scores(study: rt.Study, sets: dict[str, rt.SetData], applies: list[cv.Apply]) -> dict:
    """Per trainable set: {"first"|"current": counts per apply (rows), "rules": counts}."""
    out = {}
    for name, d in sets.items():
        if not d.trains:  # a check batch: pooled by role_weights.py only
            continue
        row = {}
        for label, version in (("first", d.first), ("current", "current")):
            v = d.views[version]
            p = study.prob(frozenset({name}), "first", rt.ALPHAS[0], name, version)
            row[label] = np.array([cv.counts(v, cv.predict(p, v, a)) for a in applies])
            row[f"{label} rules"] = cv.counts(v, v.rules)
        out[name] = row
        print(f"form {name}", file=sys.stderr, flush=True)
    return out


def _per_set(rows: dict, applies: list[cv.Apply], chosen: dict[str, int], column: str,
             base: str) -> None:
    """The per-set first-run lines both reports end with (``base``: the name printed for
    choice 0 when it is not described)."""
    print(f"\nPer set, first runs (rules | base | {column}):")
    for k, r in rows.items():
        i = chosen[k]
        what = applies[i].describe() if i or not base else base
        print(f"{k}: {_cell(r['first rules'])} | {_cell(r['first'][0])} | {_cell(r['first'][i])}"
              f"  [{what}]")  # fmt: skip


def _cell(c: np.ndarray) -> str:
    return f"{c[1] / c[0]:.4f} / {c[2] / c[0]:.4f}"


def nested(rows: dict, sets: dict[str, rt.SetData]) -> dict[str, int]:
    """For each held-out set, the form best on the other choosing sets (first + today's)."""
    chosen = {}
    for held in rows:
        pooled = sum(r["first"] + r["current"] for k, r in rows.items()
                     if k != held and sets[k].chooses)  # fmt: skip
        merit = (pooled[:, 1] + pooled[:, 2]) / pooled[:, 0]
        chosen[held] = max(range(len(merit)), key=lambda i: (round(merit[i], 6), -i))
    return chosen


def report(rows: dict, applies: list[cv.Apply], chosen: dict[str, int]) -> None:
    """Pooled left-out cells per form, sets up / down against the first (``base``)."""
    print("| form | first runs, left out | sets up / down (roles; story) | today's, left out |")
    print("|---|---|---|---|")
    first_rules = sum(r["first rules"] for r in rows.values())
    today_rules = sum(r["current rules"] for r in rows.values())
    print(f"| rules alone | {_cell(first_rules)} | | {_cell(today_rules)} |")
    for i, a in enumerate(applies):
        f = sum(r["first"][i] for r in rows.values())
        c = sum(r["current"][i] for r in rows.values())
        tally = []
        for j in (1, 2):
            d = [r["first"][i][j] / r["first"][i][0] - r["first"][0][j] / r["first"][0][0]
                 for r in rows.values()]  # fmt: skip
            tally.append(f"{sum(x > 5e-5 for x in d)} / {sum(x < -5e-5 for x in d)}")
        print(f"| {a.describe()} | {_cell(f)} | {'; '.join(tally)} | {_cell(c)} |")
    f = sum(r["first"][chosen[k]] for k, r in rows.items())
    c = sum(r["current"][chosen[k]] for k, r in rows.items())
    print(f"| **nested (chosen without the held-out set)** | {_cell(f)} | | {_cell(c)} |")
    _per_set(rows, applies, chosen, "nested choice", "base")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, default=rt.WEIGHTS, help="base correction")
    parser.add_argument("--study", choices=("before", "after"), default="after")
    parser.add_argument("--sets", default="blind61,blind62", help="joined sets (--study before)")
    parser.add_argument("--json", type=Path, help="write the per-set counts here")
    parser.add_argument("--write-form",
                        help="LEAVE,INSIDE[,MIDDLE[,ENTER[,LONE]]]: write --weights with it")
    parser.add_argument("--middle", action="store_true",
                        help="the round-21 forms: a margin for moves across the story mid-body")
    parser.add_argument("--enter", action="store_true",
                        help="the round-22 forms: a margin for moves into the story")
    parser.add_argument("--lone", action="store_true",
                        help="the round-25 forms: a margin for one line let into the story alone")
    parser.add_argument("--out", type=Path, help="the file --write-form writes")
    parser.add_argument("--grid", help="role_train's grid with these headline-neutral values")
    args = parser.parse_args()
    model = rm.RoleModel.from_json(json.loads(args.weights.read_text(encoding="utf-8")))
    if args.write_form:
        leave, inside, *more = [*args.write_form.split(","), "0", "0", "0"][:5]
        c = dataclasses.replace(model.correction, leave=float(leave), inside=bool(int(inside)),
                                middle=float(more[0]), enter=float(more[1]),
                                lone=float(more[2]))  # fmt: skip
        text = json.dumps(dataclasses.replace(model, correction=c).to_json(), ensure_ascii=False)
        args.out.write_text(text + "\n", encoding="utf-8")
        return 0
    sets = rt.load_sets()
    trained = rj.without(sets, set(args.sets.split(","))) if args.study == "before" else sets
    applies = (grid(args.grid, model.correction) if args.grid else
               forms(model.correction, args.middle, args.enter, args.lone))  # fmt: skip
    rows = scores(rt.Study(trained), sets, applies)
    if args.grid:
        grid_report(rows, applies, trained, args.grid)
    else:
        report(rows, applies, nested(rows, trained))
    if args.json:
        data = {k: {key: np.asarray(v).tolist() for key, v in r.items()} for k, r in rows.items()}
        args.json.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
