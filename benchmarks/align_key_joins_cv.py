"""Leave one batch out for the one-language key join (``align_key_joins``' two constants).

    .venv/bin/python benchmarks/align_key_joins_cv.py --cache PICKLE [--least 1,2] \\
        [--gain 0,1] [--show LEAST,GAIN] [--check LEAST,GAIN]

Why (round 43, beadsb43): the rule acts only where ``align`` compares one language directly
(``keys`` not ``None``); every other pair's output is the shipped one by construction. So the
shipped run records which pairs reach the step with keys, and each grid value re-aligns only
those pairs: the tables are the ones ``align_pairs_cv.py`` would build (product path, tool
roles, the same ``choose``), at a fraction of its time on a shared machine. Prints each
value's in-sample P / R by kind, the leave-one-batch-out choice per batch and the table
(shipped, in-sample best, left out); ``--show LEAST,GAIN`` lists every dev pair whose output
changes there with the beads added (+) and taken out (−); ``--check LEAST,GAIN`` scores the
check batches pooled only, shipped against that setting (how many pairs changed, never which).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_pairs_cv  # noqa: E402
from align_param_diff import _show, _table  # noqa: E402

from workbench.core import align as align_module  # noqa: E402
from workbench.core import align_key_joins  # noqa: E402

ROLES = "tool"


def _outputs(cases: list, value: tuple[int, float], seen: set[int] | None = None
             ) -> dict[int, list]:  # fmt: skip
    """Each case's span beads at ``(KEY_JOIN_LEAST, KEY_JOIN_GAIN) = value``; ``seen`` collects
    the indices of the cases where the step got one-language keys (the only ones it can change)."""
    original = align_module.key_join_halves
    current = [0]

    def watched(beads: list, keys: Any, *args: Any, **kwargs: Any) -> list:
        if keys is not None and seen is not None:
            seen.add(current[0])
        return original(beads, keys, *args, **kwargs)

    kept = align_key_joins.KEY_JOIN_LEAST, align_key_joins.KEY_JOIN_GAIN
    align_module.key_join_halves = watched
    align_key_joins.KEY_JOIN_LEAST, align_key_joins.KEY_JOIN_GAIN = value
    try:
        out = {}
        for n, case in enumerate(cases):
            current[0] = n
            out[n] = align_pairs.align_case(case, ROLES)
        return out
    finally:
        align_module.key_join_halves = original
        align_key_joins.KEY_JOIN_LEAST, align_key_joins.KEY_JOIN_GAIN = kept


def _table_of(ev: Any, cases: list, outputs: dict[int, list]) -> dict[str, Counter]:
    table: dict[str, Counter] = {}
    for n, case in enumerate(cases):
        counts = ev.score_pair(case.gold, case.body[0], case.body[1], outputs[n])
        table.setdefault(f"{case.set_name}|{align_pairs.pair_kind(case)}", Counter()).update(counts)
    return table


def _lobo(ev: Any, grid: list[tuple], tables: list[dict[str, Counter]],
          label: str = "(least, gain)") -> None:
    """``align_pairs_cv``'s report: in-sample by value, each fold's choice, the table (shared
    with ``align_key_moves_cv``: one frame, each study naming its grid's fields)."""
    pr = align_pairs_cv._pr
    kinds = sorted({key.split("|")[1] for key in tables[0]})
    for value, table in zip(grid, tables, strict=True):
        cells = "; ".join(f"{k} {pr(ev, align_pairs_cv.pooled(table, kind=k))}" for k in kinds)
        total = align_pairs_cv.pooled(table)
        print(f"{label} {value}: all {pr(ev, total)} ({total['bead_correct']}/"
              f"{total['judged']}, {total['bead_found_sure']}/{total['gold_sure']}); {cells}")
    held: dict[str, Counter] = {}
    chosen: Counter = Counter()
    for batch in sorted({key.split("|")[0] for key in tables[0]}):
        best = align_pairs_cv.choose(tables, batch, False)
        chosen[grid[best]] += 1
        if best:
            print(f"left out {batch}: chose {grid[best]}")
        for kind in kinds:
            counts = align_pairs_cv.pooled(tables[best], batch, kind)
            held.setdefault(kind, Counter()).update(counts)
    best = align_pairs_cv.choose(tables, None, False)
    print(f"folds' choices {dict(chosen)}; in-sample best {label} {grid[best]}")
    print("\n| kind | shipped P / R | in-sample best P / R | left out P / R |\n|---|---|---|---|")
    for kind in [*kinds, "ALL"]:
        pick = None if kind == "ALL" else kind
        out = held[kind] if pick else sum(held.values(), Counter())
        cells = [align_pairs_cv.pooled(tables[0], kind=pick),
                 align_pairs_cv.pooled(tables[best], kind=pick), out]
        print(f"| {kind} | " + " | ".join(
            f"{pr(ev, c)} ({c['bead_correct']}/{c['judged']}, {c['bead_found_sure']}/"
            f"{c['gold_sure']})" for c in cells) + " |")


def _value(text: str) -> tuple[int, float]:
    least, _, gain = text.partition(",")
    return int(least), float(gain or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--least", default="1,2", help="KEY_JOIN_LEAST values")
    parser.add_argument("--gain", default="0", help="KEY_JOIN_GAIN values")
    parser.add_argument("--show", help="list the dev pairs changed at LEAST,GAIN")
    parser.add_argument("--check", help="the check pool, shipped → LEAST,GAIN")
    args = parser.parse_args()
    ev = align_pairs.load_eval()
    check = args.check is not None
    cases = [c for c in align_pairs.cached_cases(args.cache)
             if (c.set_name in align_pairs.CHECK_SETS) == check]  # fmt: skip
    seen: set[int] = set()
    base = _outputs(cases, (0, 0.0), seen)
    print(f"{len(cases)} pairs, {len(seen)} reach the step with one-language keys")
    sub = [cases[n] for n in sorted(seen)]
    values = [_value(args.check)] if check else [
        (int(n), float(g)) for n in args.least.split(",") for g in args.gain.split(",")]
    runs = []
    for value in values:
        got = _outputs(sub, value)
        runs.append({**base, **{n: got[k] for k, n in enumerate(sorted(seen))}})
    if check:
        pooled: dict[str, list[Counter]] = {}
        for n, case in enumerate(cases):
            for key in (align_pairs.pair_kind(case), "ALL"):
                pair = pooled.setdefault(key, [Counter(), Counter()])
                for k, outputs in enumerate((base, runs[0])):
                    pair[k].update(ev.score_pair(case.gold, case.body[0], case.body[1], outputs[n]))
        changed = sum(base[n] != runs[0][n] for n in range(len(cases)))
        print(f"check pairs scored {len(cases)}, output changed in {changed} (pooled only)")
        _table(ev, pooled, "check pooled")
        return
    tables = [_table_of(ev, cases, base)] + [_table_of(ev, cases, r) for r in runs]
    _lobo(ev, [(0, 0.0), *values], tables)
    if args.show and _value(args.show) in values:
        run = runs[values.index(_value(args.show))]
        for n, case in enumerate(cases):
            if base[n] != run[n]:
                ca, cb = (ev.score_pair(case.gold, case.body[0], case.body[1], x)
                          for x in (base[n], run[n]))  # fmt: skip
                _show(case, base[n], run[n], ca, cb)


if __name__ == "__main__":
    main()
