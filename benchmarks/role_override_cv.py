"""When may the learned role layer overrule the rules? Every form, first-run leave-one-out.

    .venv/bin/python benchmarks/role_override_cv.py [--weights FILE] [--json FILE]
        [--cache FILE] [--write NAME --out FILE]

Why (round 29): on round 28's unseen pages the layer cost (layer off +.002 roles, +.003 story,
one bead), and refitting the same features with more batches only flips the same edge pages
(round 28's model28).  So the question is not the weights but how far they may overrule the
rules.  This scores, in one pass of the same left-out fits (weights fit on the first-run
labels of the other dev sets, ``role_train.Study.prob``), the shipped correction, the rules
alone (the layer off), and each caution of ``core.role_model.Correction`` added to the
shipped one: which transitions it may make (never out of the story, never out of its middle,
never into it, never across the story line, headlines only, body / other only), the lines it
may touch (``own_words`` off: only lines the rules' own words left undecided), and a higher
probability margin per transition (a global threshold, leaving, entering, mid-body, one line
alone, headlines).  Per form: first runs and today's labels left out, pooled; the sets up /
down on roles and story against the shipped correction and against the rules alone; and a
nested row (each held-out set's form chosen on the other choosing sets, merit first runs +
today's, ties to the earlier, more cautious form in the list).  ``--cache`` keeps the
left-out counts (a second run only reports); ``--write NAME`` writes the weights file with
that form's correction (``role_layer_off.py --weights`` then measures beads and flags, and
``role_weights.py --weights`` the check batches).
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
import role_form_cv as fcv  # noqa: E402
import role_train as rt  # noqa: E402

from workbench.core import role_model as rm  # noqa: E402


def candidates(c: rm.Correction) -> dict[str, rm.Correction]:
    """The shipped correction ``c`` first, then each caution added to it (most cautious
    settings last within a family, so a nested tie goes to the milder one first)."""
    r = dataclasses.replace
    out = {"shipped": c, "layer off": r(c, threshold=1.01, headline=1.01)}
    out |= {f"threshold {t}": r(c, threshold=t) for t in (0.6, 0.7, 0.8, 0.9)}
    out |= {f"headline {t}": r(c, headline=t) for t in (0.7, 0.8, 0.9, 1.01)}
    out |= {"own words off": r(c, own_words=False)}
    out |= {f"leave {t}": r(c, leave=t) for t in (0.7, 0.8, 0.9, 1.01)}
    out |= {"inside stays": r(c, inside=True)}
    out |= {f"enter {t}": r(c, enter=t) for t in (0.7, 0.8, 0.9, 1.01)}
    out |= {f"middle {t}": r(c, middle=t) for t in (0.7, 0.8, 0.9, 1.01)}
    out |= {f"lone {t}": r(c, lone=t) for t in (0.7, 0.8, 0.9, 1.01)}
    out |= {"story neutral": r(c, story_neutral=True)}
    out |= {"inside stays + enter 1.01": r(c, inside=True, enter=1.01)}
    out |= {"own words off + inside stays": r(c, own_words=False, inside=True)}
    out |= {"own words off + middle 1.01": r(c, own_words=False, middle=1.01)}
    return out


def tally(rows: dict, i: int, j: int, col: int) -> str:
    """Sets up / down on column ``col`` (1 roles, 2 story) of form ``i`` against form ``j``
    (``-1``: the rules alone), first runs left out."""
    d = []
    for r in rows.values():
        base = r["first rules"] if j < 0 else r["first"][j]
        d.append(r["first"][i][col] / r["first"][i][0] - base[col] / base[0])
    return f"{sum(x > 5e-5 for x in d)}/{sum(x < -5e-5 for x in d)}"


def chars(rows: dict, i: int, j: int) -> str:
    """Right-role / right-story characters gained by form ``i`` over form ``j``, first runs."""
    f = sum(r["first"][i] for r in rows.values()) - sum(r["first"][j] for r in rows.values())
    return f"{int(f[1]):+d} / {int(f[2]):+d}"


def report(rows: dict, names: list[str], chooses: set[str]) -> None:
    """One row per form, then the nested choice among all forms, then 101 and 102."""
    print(f"{len(rows)} dev sets, first-run leave-one-out (weights fit without the set)")
    print("| form | first runs | chars vs shipped | roles; story up/down vs shipped |"
          " vs rules alone | today's |")
    print("|---|---|---|---|---|---|")
    first = sum(r["first rules"] for r in rows.values())
    today = sum(r["current rules"] for r in rows.values())
    print(f"| rules alone | {fcv._cell(first)} | | | | {fcv._cell(today)} |")
    for i, name in enumerate(names):
        f = sum(r["first"][i] for r in rows.values())
        c = sum(r["current"][i] for r in rows.values())
        vs = f"{tally(rows, i, 0, 1)}; {tally(rows, i, 0, 2)}"
        off = f"{tally(rows, i, -1, 1)}; {tally(rows, i, -1, 2)}"
        print(f"| {name} | {fcv._cell(f)} | {chars(rows, i, 0)} | {vs} | {off} |"
              f" {fcv._cell(c)} |")  # fmt: skip
    chosen = {}
    for held in rows:
        pooled = sum(r["first"] + r["current"] for k, r in rows.items()
                     if k != held and k in chooses)  # fmt: skip
        merit = np.round((pooled[:, 1] + pooled[:, 2]) / pooled[:, 0], 6)
        chosen[held] = max(range(len(names)), key=lambda i: (merit[i], -i))
    f = sum(r["first"][chosen[k]] for k, r in rows.items())
    c = sum(r["current"][chosen[k]] for k, r in rows.items())
    picks = [names[i] for i in chosen.values()]
    print(f"| nested | {fcv._cell(f)} | | | | {fcv._cell(c)} |")
    print("nested choices:", {n: picks.count(n) for n in dict.fromkeys(picks)})
    for k in ("blind101", "blind102"):
        if k in rows:
            r = rows[k]
            cells = ", ".join(f"{n} {fcv._cell(r['first'][i])}" for i, n in enumerate(names[:2]))
            print(f"{k}: rules {fcv._cell(r['first rules'])}, {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--weights", type=Path, default=rt.WEIGHTS, help="base correction")
    parser.add_argument("--cache", type=Path, help="left-out counts: read if present, else kept")
    parser.add_argument("--json", type=Path, help="write the per-set counts here")
    parser.add_argument("--write", help="a form's name: write --weights with its correction")
    parser.add_argument("--out", type=Path, help="the file --write writes")
    args = parser.parse_args()
    model = rm.RoleModel.from_json(json.loads(args.weights.read_text(encoding="utf-8")))
    forms = candidates(model.correction)
    if args.write:
        m = dataclasses.replace(model, correction=forms[args.write])
        args.out.write_text(json.dumps(m.to_json(), ensure_ascii=False) + "\n", encoding="utf-8")
        return 0
    if args.cache and args.cache.is_file():
        data = json.loads(args.cache.read_text(encoding="utf-8"))
        rows = {k: {key: np.asarray(v) for key, v in r.items()} for k, r in data["rows"].items()}
        chooses = set(data["chooses"])
    else:
        sets = rt.load_sets()
        rows = fcv.scores(rt.Study(sets), sets, list(forms.values()))
        chooses = {k for k, d in sets.items() if d.chooses}
        if args.cache:
            data = {"rows": {k: {key: np.asarray(v).tolist() for key, v in r.items()}
                             for k, r in rows.items()}, "chooses": sorted(chooses)}  # fmt: skip
            args.cache.write_text(json.dumps(data), encoding="utf-8")
    report(rows, list(forms), chooses)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
