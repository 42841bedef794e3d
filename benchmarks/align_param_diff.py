"""Which beads of the real-story pairs change between the shipped parameters and another setting.

    .venv/bin/python benchmarks/align_param_diff.py --cache PICKLE --set FIELD=VALUE ... \\
        [--kinds rewrite,copy] [--roles tool|gold] [--check]

Why: a pooled bead figure hides what a rule does; a join that gains one sure bead and glues
a wrong half elsewhere scores as nothing.  For each dev pair of ``--kinds`` (product path,
``align_pairs``) whose output differs, it prints the ``eval.py`` counts before → after and,
for dev pairs, each bead added (+, with the gold's type and the two sides' text) and taken
out (−).  ``--check`` scores the check batches instead, pooled only: how many pairs changed
and the pooled table, never a pair's name or counts (the check only vetoes; reliab41).
Round 29 (beads29) chose the woven halves' figure test with it (``docs/align.md``).  A
``FIELD`` may be a ``module.CONSTANT`` of ``workbench.core`` (``align_pairs_cv.switched``:
set in process, e.g. ``align_partners.TAIL_LINES=2``);
``--before`` sets the baseline's (the shipped values by default), and the pooled ``eval.py``
counts of every pair of ``--kinds`` are printed by kind, before → after (round 30).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_pairs_cv  # noqa: E402
from field_values import typed  # noqa: E402


def _text(side: align_pairs.Side, spans: frozenset[int]) -> str:
    return " | ".join(t[:110] for t, s in zip(side.texts, side.spans, strict=True) if s & spans)


def _setting(items: list[str]) -> dict:
    """``FIELD=VALUE`` items as one ``align_pairs_cv`` candidate (values typed as shipped)."""
    out = {}
    for item in items:
        name, _, value = item.partition("=")
        out[name] = typed(name, align_pairs_cv.shipped_value(name), value)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--before", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--kinds", default="rewrite,copy")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    diff(align_pairs.cached_cases(args.cache), align_pairs.load_eval(), _setting(args.before),
         _setting(args.set), args.kinds.split(","), args.roles, args.check)  # fmt: skip


def diff(cases: list, ev: object, before: dict, after: dict, kinds: list[str], roles: str,
         check: bool) -> None:  # fmt: skip
    """Score each pair of ``kinds`` before and after; print a dev pair that changed with its
    beads, and the pooled table.  ``check``: the check batches, pooled only — how many
    pairs changed, never which (reliab41: each changed check pair's line named its batch
    and page and gave its counts, a pair-by-pair look COMMON.md forbids)."""
    pooled: dict[str, list[Counter]] = {}
    changed = scored = 0
    for case in cases:
        if (case.set_name in align_pairs.CHECK_SETS) != check:
            continue
        if align_pairs.pair_kind(case) not in kinds:
            continue
        a, b = [], []
        for setting, out in ((before, a), (after, b)):
            with align_pairs_cv.switched(setting) as params:
                out += align_pairs.align_case(case, roles, params=params)
        ca, cb = (ev.score_pair(case.gold, case.body[0], case.body[1], x)  # type: ignore[attr-defined]
                  for x in (a, b))  # fmt: skip
        for key in (align_pairs.pair_kind(case), "ALL"):
            pair = pooled.setdefault(key, [Counter(), Counter()])
            pair[0].update(ca)
            pair[1].update(cb)
        scored += 1
        changed += a != b
        if a != b and not check:
            _show(case, a, b, ca, cb)
    if check:
        print(f"check pairs scored {scored}, output changed in {changed} (pooled only)")
    _table(ev, pooled, "check pooled" if check else "dev")


def _show(case: align_pairs.PairCase, a: list, b: list, ca: Counter, cb: Counter) -> None:
    """One dev pair whose output changed: its counts, then each bead added and taken out."""
    print(f"== {case.set_name} {case.name[:50]} correct {ca['bead_correct']} -> "
          f"{cb['bead_correct']}, judged {ca['judged']} -> {cb['judged']}, sure found "
          f"{ca['bead_found_sure']} -> {cb['bead_found_sure']}")  # fmt: skip
    gold = {(frozenset(g["left"]), frozenset(g["right"])): g["type"]
            for g in case.gold["beads"]}  # fmt: skip
    for sign, beads in (("+", set(b) - set(a)), ("-", set(a) - set(b))):
        for x in sorted(beads, key=lambda t: (sorted(t[0]), sorted(t[1]))):
            print(f"  {sign} L{sorted(x[0])} R{sorted(x[1])} gold={gold.get(x)}")
            if sign == "+":
                print(f"      L: {_text(case.left, x[0])}\n      R: {_text(case.right, x[1])}")


def _table(ev: object, pooled: dict[str, list[Counter]], label: str) -> None:
    """Pooled bead P / R by kind, before → after, with the counts."""
    print(f"\n| {label} (bead P / R) | before | after |\n|---|---|---|")
    for kind, counts in sorted(pooled.items(), key=lambda kv: (kv[0] == "ALL", kv[0])):
        cells = []
        for c in counts:
            m = ev.pair_metrics(c)  # type: ignore[attr-defined]
            cells.append(f"{m['beadP']:.3f} / {m['beadR']:.3f} ({c['bead_correct']}/"
                         f"{c['judged']}, {c['bead_found_sure']}/{c['gold_sure']})")
        print(f"| {kind} | {cells[0]} | {cells[1]} |")


if __name__ == "__main__":
    main()
