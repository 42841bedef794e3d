"""Leave one batch out for the one-language key moves (``align_key_moves``' two constants).

    .venv/bin/python benchmarks/align_key_moves_cv.py --cache PICKLE [--least 1,2] \\
        [--gap 0,1] [--weak 0,1] [--show LEAST,GAP,WEAK] [--check LEAST,GAP,WEAK]

Why (round 44, beadsb44; ``align_key_joins_cv.py``'s frame): the rule acts only where ``align``
compares one language directly (``keys`` not ``None``); every other pair's output is the
shipped one by construction. So the shipped run records which pairs reach the step with keys,
and each grid value (``KEY_MOVE_LEAST``, ``_IN_GAP``, ``_WEAK``) re-aligns only those pairs: the
tables are the ones ``align_pairs_cv.py`` would build (product path, tool roles, the same
``choose``), at a fraction of its time on a shared machine. Prints each
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
from align_key_joins_cv import _lobo  # noqa: E402
from align_param_diff import _show, _table  # noqa: E402

from workbench.core import align as align_module  # noqa: E402
from workbench.core import align_key_moves  # noqa: E402

ROLES = "tool"


def _outputs(cases: list, value: tuple[int, int, int], seen: set[int] | None = None
             ) -> dict[int, list]:  # fmt: skip
    """Each case's span beads at ``(KEY_MOVE_LEAST, _IN_GAP, _WEAK) = value``; ``seen`` collects
    the indices of the cases where the step got one-language keys (the only ones it can change)."""
    original = align_module.key_move_twins
    current = [0]

    def watched(beads: list, keys: Any, *args: Any, **kwargs: Any) -> list:
        if keys is not None and seen is not None:
            seen.add(current[0])
        return original(beads, keys, *args, **kwargs)

    kept = align_key_moves.KEY_MOVE_LEAST, align_key_moves.KEY_MOVE_IN_GAP, \
        align_key_moves.KEY_MOVE_WEAK
    align_module.key_move_twins = watched
    align_key_moves.KEY_MOVE_LEAST = value[0]
    align_key_moves.KEY_MOVE_IN_GAP, align_key_moves.KEY_MOVE_WEAK = bool(value[1]), bool(value[2])
    try:
        out = {}
        for n, case in enumerate(cases):
            current[0] = n
            out[n] = align_pairs.align_case(case, ROLES)
        return out
    finally:
        align_module.key_move_twins = original
        (align_key_moves.KEY_MOVE_LEAST, align_key_moves.KEY_MOVE_IN_GAP,
         align_key_moves.KEY_MOVE_WEAK) = kept


def _table_of(ev: Any, cases: list, outputs: dict[int, list]) -> dict[str, Counter]:
    table: dict[str, Counter] = {}
    for n, case in enumerate(cases):
        counts = ev.score_pair(case.gold, case.body[0], case.body[1], outputs[n])
        table.setdefault(f"{case.set_name}|{align_pairs.pair_kind(case)}", Counter()).update(counts)
    return table


def _value(text: str) -> tuple[int, int, int]:
    least, gap, weak = (text.split(",") + ["0", "0"])[:3]
    return int(least), int(gap or 0), int(weak or 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--least", default="1,2,3", help="KEY_MOVE_LEAST values")
    parser.add_argument("--gap", default="0", help="KEY_MOVE_IN_GAP values (0, 1)")
    parser.add_argument("--weak", default="0", help="KEY_MOVE_WEAK values (0, 1)")
    parser.add_argument("--show", help="list the dev pairs changed at LEAST,GAP,WEAK")
    parser.add_argument("--check", help="the check pool, shipped → LEAST,GAP,WEAK")
    args = parser.parse_args()
    ev = align_pairs.load_eval()
    check = args.check is not None
    cases = [c for c in align_pairs.cached_cases(args.cache)
             if (c.set_name in align_pairs.CHECK_SETS) == check]  # fmt: skip
    seen: set[int] = set()
    base = _outputs(cases, (0, 0, 0), seen)
    print(f"{len(cases)} pairs, {len(seen)} reach the step with one-language keys")
    sub = [cases[n] for n in sorted(seen)]
    values = [_value(args.check)] if check else [
        (int(n), int(g), int(w)) for n in args.least.split(",") for g in args.gap.split(",")
        for w in args.weak.split(",")]
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
    _lobo(ev, [(0, 0, 0), *values], tables, "(least, gap, weak)")
    if args.show and _value(args.show) in values:
        run = runs[values.index(_value(args.show))]
        for n, case in enumerate(cases):
            if base[n] != run[n]:
                ca, cb = (ev.score_pair(case.gold, case.body[0], case.body[1], x)
                          for x in (base[n], run[n]))  # fmt: skip
                _show(case, base[n], run[n], ca, cb)


if __name__ == "__main__":
    main()
