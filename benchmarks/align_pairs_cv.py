"""Leave one batch out on the real-story pairs: which aligner parameters carry over.

    .venv/bin/python benchmarks/align_pairs_cv.py [--roles gold|tool] \\
        --grid cross_glue_evidence=-1,0.05,0.1,0.15 --grid cross_glue_scope=0.05,0.08,0.15

Why: a rule or a threshold written looking at some story batches must be
judged on the batches it was not written on.  Every candidate of the grid
(the product of the ``--grid`` values; ``AlignParams`` fields, the shipped
defaults first) aligns every pair of ``align_pairs`` (the product path:
segments, roles, groups, stand-in MT, moves as their landing rows) and is
scored with ``eval.py``'s own code.  For each batch left out, the candidate
with the best pooled bead F1 on the other batches is chosen and the left-out
batch is scored with it; the left-out figures are pooled over all batches and
reported by pair kind next to the shipped defaults and the in-sample best.
``--keep-precision`` chooses only among candidates that keep the shipped pooled
precision on the training batches (issue 16: recall is not bought with precision
while both are below the goal).  Each candidate's in-sample P / R by kind is printed.
``--alt-cache PICKLE`` adds the grid's candidates once more on the same pairs ingested
another way (``align_pairs.py --cache`` built with a segmentation change; with no grid, one
candidate: the shipped parameters), so a segmenter step, alone or with an aligner step, is
chosen by the same leave-one-batch-out as a parameter.  A ``--grid`` name ``module.CONSTANT``
is a module constant of ``workbench.core`` set in process for the candidate (a compare-time
switch outside ``AlignParams``: ``--grid align_partners.TAIL_LINES=0,2,3``, round 30).  Values
are read in the shipped value's type (``field_values.typed``; a true/false field takes
true/false, 1/0, on/off or yes/no, anything else stops with ``Error:``; round 41).
"""

from __future__ import annotations

import argparse
import importlib
import itertools
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_pairs_robust  # noqa: E402
from field_values import shipped_field, typed  # noqa: E402

from workbench.core.align_scoring import AlignParams  # noqa: E402


def shipped_value(name: str) -> Any:
    """The shipped value of an ``AlignParams`` field or of a ``module.CONSTANT`` of
    ``workbench.core`` (a compare-time switch such as ``align_partners.TAIL_LINES``)."""
    if "." in name:
        module, _, constant = name.partition(".")
        try:
            return getattr(importlib.import_module(f"workbench.core.{module}"), constant)
        except (ImportError, AttributeError):
            raise SystemExit(f"Error: workbench.core has no {name!r}") from None
    return shipped_field(AlignParams(), name)


def candidates(grid: list[str]) -> list[dict[str, Any]]:
    """The shipped defaults first, then every combination of the ``name=v1,v2`` lists."""
    axes = []
    for item in grid:
        name, _, values = item.partition("=")
        shipped = shipped_value(name)
        axes.append([(name, typed(name, shipped, v)) for v in values.split(",")])
    combos = [dict(c) for c in itertools.product(*axes)]
    default = {name: shipped_value(name) for name, _ in (a[0] for a in axes)}
    return [default] + [c for c in combos if c != default]


@contextmanager
def switched(candidate: dict[str, Any]) -> Iterator[AlignParams]:
    """The candidate's ``AlignParams``, with its ``module.CONSTANT`` values set meanwhile."""
    constants = {k: v for k, v in candidate.items() if "." in k}
    kept = {k: shipped_value(k) for k in constants}
    targets = {k: importlib.import_module(f"workbench.core.{k.partition('.')[0]}")
               for k in constants}  # fmt: skip
    for k, v in constants.items():
        setattr(targets[k], k.partition(".")[2], v)
    try:
        yield replace(AlignParams(), **{k: v for k, v in candidate.items() if "." not in k})
    finally:
        for k, v in kept.items():
            setattr(targets[k], k.partition(".")[2], v)


def score_candidate(cases: list, roles: str, candidate: dict[str, Any], ev: Any,
                    perturb: str = "none") -> dict[str, Counter]:  # fmt: skip
    """``score_all`` with the candidate's parameters and switches."""
    with switched(candidate) as params:
        return score_all(cases, roles, params, ev, perturb)


def f1(counts: Counter) -> float:
    p = counts["bead_correct"] / max(1, counts["judged"])
    r = counts["bead_found_sure"] / max(1, counts["gold_sure"])
    return 2 * p * r / (p + r) if p + r else 0.0


def score_all(cases: list, roles: str, params: AlignParams, ev: Any, perturb: str = "none"
              ) -> dict[str, Counter]:  # fmt: skip
    """Counts per (batch, kind) of one candidate (``perturb``: role errors, 3 seeds)."""
    out: dict[str, Counter] = {}
    for case in cases:
        if perturb == "none":
            counts = align_pairs.score_case(ev, case, roles, params=params)
        else:
            counts = sum((align_pairs_robust.case_counts(ev, case, perturb, seed, (2, 1),
                                                         params=params)
                          for seed in range(3)), Counter())  # fmt: skip
        out.setdefault(f"{case.set_name}|{align_pairs.pair_kind(case)}", Counter()).update(counts)
    return out


def pooled(table: dict[str, Counter], batch: str | None = None, kind: str | None = None,
           exclude: str | None = None) -> Counter:  # fmt: skip
    total: Counter = Counter()
    for key, counts in table.items():
        b, k = key.split("|")
        if (batch is None or b == batch) and (kind is None or k == kind) and b != exclude:
            total.update(counts)
    return total


def precision(counts: Counter) -> float:
    return counts["bead_correct"] / max(1, counts["judged"])


def choose(tables: list[dict[str, Counter]], batch: str | None, keep_precision: bool) -> int:
    """The candidate of best pooled bead F1 without ``batch`` (the first, shipped, on ties).

    ``keep_precision``: only among candidates whose pooled precision there is not below the
    shipped one's (issue 16: recall is not bought with precision while both are below .9).
    """
    floor = precision(pooled(tables[0], exclude=batch)) - 1e-9
    allowed = [c for c in range(len(tables))
               if not keep_precision or precision(pooled(tables[c], exclude=batch)) >= floor]
    return max(allowed, key=lambda c: (round(f1(pooled(tables[c], exclude=batch)), 6), -c))


def _pr(ev: Any, counts: Counter) -> str:
    m = ev.pair_metrics(counts)
    return f"{ev.fmt(m['beadP'], 3)} / {ev.fmt(m['beadR'], 3)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--roles", choices=("tool", "gold"), default="gold")
    parser.add_argument("--grid", action="append", default=[], metavar="FIELD=V1,V2")
    parser.add_argument("--cache", type=Path, help="align_pairs' pickle of the ingested pairs")
    parser.add_argument("--perturb", default="none", choices=("none", "stray", "missing", "both"),
                        help="gold roles with align_pairs_robust's role errors (3 seeds)")
    parser.add_argument("--keep-precision", action="store_true",
                        help="choose only among candidates that keep the shipped precision on "
                        "the batches they are chosen on")
    parser.add_argument("--alt-cache", type=Path, help="a second pickle of the same pairs "
                        "ingested another way (a segmentation change): the grid's "
                        "candidates once more on its segments")
    args = parser.parse_args()
    grid = candidates(args.grid)  # a wrong field stops here, before minutes of loading
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared); roles {args.roles}")
    ev = align_pairs.load_eval()
    cases = [c for c in align_pairs.cached_cases(args.cache)
             if c.set_name not in align_pairs.CHECK_SETS]  # fmt: skip
    tables = [score_candidate(cases, args.roles, c, ev, args.perturb) for c in grid]
    if args.alt_cache:
        alt = [c for c in align_pairs.cached_cases(args.alt_cache)
               if c.set_name not in align_pairs.CHECK_SETS]  # fmt: skip
        for c in list(grid):  # the alternative segments with every grid candidate
            tables.append(score_candidate(alt, args.roles, c, ev, args.perturb))
            grid.append({**c, "segments": args.alt_cache.name})
    batches = sorted({key.split("|")[0] for key in tables[0]})
    kinds = sorted({key.split("|")[1] for key in tables[0]})
    for c, table in zip(grid, tables, strict=True):
        cells = [f"{k} {_pr(ev, pooled(table, kind=k))}" for k in kinds]
        print(f"candidate {c}: all {_pr(ev, pooled(table))}; " + "; ".join(cells))
    held: dict[str, Counter] = {}
    for batch in batches:
        best = choose(tables, batch, args.keep_precision)
        m, base = (ev.pair_metrics(pooled(tables[c], batch)) for c in (best, 0))
        print(f"left out {batch:8}: chose {grid[best]}: P/R {ev.fmt(m['beadP'], 3)} / "
              f"{ev.fmt(m['beadR'], 3)} (shipped {ev.fmt(base['beadP'], 3)} / "
              f"{ev.fmt(base['beadR'], 3)})")
        for kind in kinds:
            held.setdefault(kind, Counter()).update(pooled(tables[best], batch, kind))
    in_sample = choose(tables, None, args.keep_precision)
    print(f"in-sample best: {grid[in_sample]}")
    print("\n| kind | shipped P / R | in-sample best P / R | left out P / R |")
    print("|---|---|---|---|")
    for kind in [*kinds, "ALL"]:
        cells = []
        for counts in (pooled(tables[0], kind=None if kind == "ALL" else kind),
                       pooled(tables[in_sample], kind=None if kind == "ALL" else kind),
                       held[kind] if kind != "ALL" else sum(held.values(), Counter())):  # fmt: skip
            m = ev.pair_metrics(counts)
            cells.append(f"{ev.fmt(m['beadP'], 3)} / {ev.fmt(m['beadR'], 3)}")
        print(f"| {kind} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
