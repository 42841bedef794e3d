"""Where a no-MT alignment spends its CPU: the aligner's phases, pass by pass.

    .venv/bin/python benchmarks/align_phases.py [--runs 5] [--mt]
    .venv/bin/python benchmarks/align_phases.py --functions [MODULE:NAME ...]

Why: the no-MT row of ``align_scale.py`` is the one below its goal, and
cProfile inflates Python-heavy code several times over numpy calls, so its
shares mislead.  Here the aligner's phases (the scorer with its views, the
anchor chain, the coarse path, the fine DP, the repairs and moves, the word
table, the confidences) are timed with ``time.process_time`` around each
call, a few dozen calls per alignment, so the timing costs nothing visible.
The Text+Berg dev document is aligned ``--runs`` times (memo caches emptied
before each, as ``align_scale._cold`` does) and the fastest run is printed,
one line per phase call in call order, so the three passes of a no-MT call
(the direct comparison, then two word-table passes) read top to bottom.
``--mt``: with the Europarl de->fr MT instead (one pass, two views).
``--functions``: instead of the phases, the CPU of named module-level
functions summed over the call (``FUNCTIONS`` by default; ``align_gains:_SideTerms``
names ``workbench.core.align_gains._SideTerms``), with their call counts.
A function is timed where it is looked up, so name it in the module that
calls it; nested names overlap (read each line alone, not a sum).
Needs ``../shared/data/textberg-dev``.  CPU seconds, so other processes count
little, but a loaded machine still slows every phase alike: read the shares.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402
from align_devsets import TEXTBERG, _lines  # noqa: E402

import workbench.core.align as aligner  # noqa: E402

#: functions of ``workbench.core.align``'s namespace timed per call (the pass's phases)
PHASES = (
    "anchor_chain", "coarse_path", "banded_dp", "pair_sandwiches", "repair_boundaries",
    "is_blind", "fill_blind_gaps", "absorb_orphans", "split_glued", "dissolve_weak_links",
    "shed_weak_ends", "move_steps", "learn_lexicon", "link_anchor_gaps", "tidy_links",
    "link_steps", "with_confidence",
)  # fmt: skip


_SCORER = "scorer (views, chance levels)"

#: ``--functions`` default: the parts round 15 found largest (each where it is called from)
FUNCTIONS = (
    "align_scoring:build_views", "align_views:view_rows", "align_views:split_rows",
    "align_gram_cache:_side_keys", "align_dp:band_table", "align_gains:_SideTerms",
    "align_gains:union_overlaps", "align_dp:one_to_one_rows", "align_dp:_coarse_rows",
    "align_dp:band_recurrence", "align_dp:_trace", "align_views:pair_counts",
    "align_chance:coverages", "align_chance:block_coverages", "align_scoring:move_gains",
    "align_views:anchor_keys_all", "align_gains:_lengths", "align:learn_lexicon", "align:gloss",
)  # fmt: skip


def _timed(log: list[tuple[str, float]], name: str, fn: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            log.append((name, time.process_time() - started))

    return wrapper


def profile(left, right, kwargs, runs: int) -> tuple[float, list[tuple[str, float]]]:
    """The fastest of ``runs`` alignments: its CPU seconds and its phase calls in order."""
    log: list[tuple[str, float]] = []
    saved = {name: getattr(aligner, name) for name in (*PHASES, "BeadScorer")}
    for name in PHASES:
        setattr(aligner, name, _timed(log, name, saved[name]))
    aligner.BeadScorer = _timed(log, _SCORER, saved["BeadScorer"])
    best: tuple[float, list[tuple[str, float]]] = (float("inf"), [])
    try:
        for _ in range(runs):
            log.clear()
            align_scale._cold()
            started = time.process_time()
            aligner.align(left, right, **kwargs)
            seconds = time.process_time() - started
            if seconds < best[0]:
                best = (seconds, list(log))
    finally:
        for name, fn in saved.items():
            setattr(aligner, name, fn)
    return best


def functions(left, right, kwargs, runs: int, names: list[str]) -> None:
    """Print the CPU of each named function (``MODULE:NAME``) in the fastest of ``runs`` calls."""
    spent: dict[str, list[float]] = {}
    saved = []
    for spec in names:
        module, name = spec.split(":")
        owner = importlib.import_module(f"workbench.core.{module}")
        saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, _summed(spent.setdefault(spec, [0.0, 0]), getattr(owner, name)))
    best: tuple[float, dict[str, list[float]]] = (float("inf"), {})
    try:
        for _ in range(runs):
            for row in spent.values():
                row[:] = [0.0, 0]
            align_scale._cold()
            started = time.process_time()
            aligner.align(left, right, **kwargs)
            seconds = time.process_time() - started
            if seconds < best[0]:
                best = (seconds, {k: list(v) for k, v in spent.items()})
    finally:
        for owner, name, fn in saved:
            setattr(owner, name, fn)
    seconds, rows = best
    print(f"one call: {seconds * 1000:.0f} ms CPU (best of {runs});"
          " per function (ms, share, calls):")  # fmt: skip
    for spec, (total, calls) in sorted(rows.items(), key=lambda kv: -kv[1][0]):
        print(f"  {spec:34} {total * 1000:7.1f}  {total / seconds:6.1%}  {calls:6.0f}")


def _summed(row: list[float], fn: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        started = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            row[0] += time.process_time() - started
            row[1] += 1

    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mt", action="store_true", help="with the Europarl de->fr MT")
    parser.add_argument("--functions", nargs="*", metavar="MODULE:NAME",
                        help="CPU per named function instead of per phase")  # fmt: skip
    args = parser.parse_args()
    if not (TEXTBERG / "dev.de").exists():
        print(f"no Text+Berg dev document under {TEXTBERG}: nothing to do")
        return
    left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
    kwargs = {"left_mt": _lines(TEXTBERG / "dev.mt_de2fr.europarlfull")} if args.mt else {}
    print(f"load average {os.getloadavg()[0]:.1f} at the start (2 cores, shared)")
    if args.functions is not None:
        functions(left, right, kwargs, args.runs, args.functions or list(FUNCTIONS))
        print(f"load average {os.getloadavg()[0]:.1f} at the end")
        return
    seconds, calls = profile(left, right, kwargs, args.runs)
    print(f"Text+Berg dev, {'MT de>fr' if args.mt else 'no MT'}: {seconds * 1000:.0f} ms CPU"
          f" (best of {args.runs}); per pass, its phases in order (ms, share):")  # fmt: skip
    for number, phases in enumerate(passes(calls), 1):
        total = sum(phases.values())
        print(f"pass {number}: {total * 1000:.1f} ms ({total / seconds:.1%})")
        for name, spent in phases.items():
            print(f"  {name:30} {spent * 1000:7.1f}  {spent / seconds:6.1%}")
    rest = seconds - sum(spent for _name, spent in calls)
    print(f"outside the listed phases (glosses, localize, ...): {rest * 1000:.1f} ms"
          f" ({rest / seconds:.1%})")  # fmt: skip
    print(f"load average {os.getloadavg()[0]:.1f} at the end")


def passes(calls: list[tuple[str, float]]) -> list[dict[str, float]]:
    """Phase calls grouped by pass (a pass starts with its scorer), repeated phases summed;
    what follows the last pass (the final repairs, the confidences) joins it."""
    out: list[dict[str, float]] = []
    for name, spent in calls:
        if name == _SCORER or not out:
            out.append({})
        out[-1][name] = out[-1].get(name, 0.0) + spent
    return out


if __name__ == "__main__":
    main()
