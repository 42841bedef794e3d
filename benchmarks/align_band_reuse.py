"""What the DPs' band work costs, and what reusing it across band sizes could save at most.

    .venv/bin/python benchmarks/align_band_reuse.py growth
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg/callgrind.out.%p \\
        .venv/bin/python benchmarks/align_band_reuse.py pieces
    .venv/bin/python benchmarks/align_band_reuse.py sum /tmp/cg

Why (round 41, speed41): the brief asked whether the coarse pass's rows and 1-1 gains,
and the fine gains table (``align_gains.band_table``, ``align_split.union_overlaps``),
could be computed once and reused across the coarse band's sizes.  ``growth`` aligns
the Text+Berg dev document without MT (warm) and, for each growth of each pass's coarse
band, prints how many rows' bands changed, how many cells the band gained, and how many
cells both bands hold whose DP score changed (a row's scores can be reused only when
its band and every score of the row above are unchanged).  ``pieces`` (under
callgrind) dumps the counters when a DP piece is entered and left, each dump booked to
the piece that was running (a stack of labels: exclusive counts), for the second, warm
call; ``sum`` adds them up.  Same ``_library`` as ``align_stages``; run with
``PYTHONHASHSEED=0``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402
import align_stages  # noqa: E402

import workbench.core.align as aligner  # noqa: E402
from workbench.core import align_dp, align_gains  # noqa: E402

#: (module, function, label): the pieces ``pieces`` books apart
PIECES = (
    (align_dp, "one_to_one_rows", "coarse 1-1 gains"),
    (align_dp, "_coarse_rows", "coarse rows"),
    (align_dp, "_coarse_trace", "coarse trace"),
    (align_dp, "band_table", "fine gains table (rest)"),
    (align_gains, "union_overlaps", "union_overlaps"),
    (align_gains, "_lengths", "length costs"),
    (align_gains, "window_counts", "anchor counts"),
    (align_dp, "band_recurrence", "fine recurrence"),
)


def _document() -> tuple[list[str], list[str], dict]:
    """The Text+Berg dev document without MT (the speed benchmark's no-MT row)."""
    row = next(r for r in align_scale._textberg() if r[1] == "TB none")
    return row[2], row[3], row[5]


def growth() -> None:
    """Per growth of the coarse band: changed rows, gained cells, changed scores."""
    history: list = []
    rows_fn, path_fn = align_dp._coarse_rows, aligner.coarse_path

    def rows(n, lo, hi, ones, scores) -> None:
        rows_fn(n, lo, hi, ones, scores)
        history.append((list(lo), list(hi), [s.copy() for s in scores]))

    def path(*args, **kwargs):
        history.append(None)  # a pass starts
        return path_fn(*args, **kwargs)

    align_dp._coarse_rows, aligner.coarse_path = rows, path
    left, right, kwargs = _document()
    for _warm in range(2):
        history.clear()
        align_scale._cold()
        aligner.align(left, right, **kwargs)
    previous = None
    for entry in history:
        if entry is None:
            print("pass")
        elif previous is None:
            print(f"  first band: {_cells(entry[0], entry[1]):,} cells")
        else:
            print("  growth: " + _compare(previous, entry))
        previous = entry


def _compare(old: tuple, new: tuple) -> str:
    """One growth's changed rows, cells and scores, as a line."""
    (plo, phi, psc), (lo, hi, sc) = old, new
    moved = [i for i in range(len(lo)) if (lo[i], hi[i]) != (plo[i], phi[i])]
    common = changed = rows = 0
    first = None
    for i in range(len(lo)):
        a, b = max(lo[i], plo[i]), min(hi[i], phi[i])
        if a > b:
            continue
        mine, before = sc[i][a - lo[i] : b - lo[i] + 1], psc[i][a - plo[i] : b - plo[i] + 1]
        differ = int((mine != before).sum())
        common, changed, rows = common + b - a + 1, changed + differ, rows + bool(differ)
        first = i if differ and first is None else first
    cells = (_cells(lo, hi), _cells(plo, phi))
    return (f"band changed in {len(moved)} rows ({moved[0]}..{moved[-1]}), {cells[1]:,} -> "
            f"{cells[0]:,} cells; scores changed in {changed:,} of {common:,} common cells, "
            f"{rows} rows, first row {first}")  # fmt: skip


def _cells(lo: list[int], hi: list[int]) -> int:
    """Cells of a band."""
    return sum(h - low + 1 for low, h in zip(lo, hi, strict=True))


def pieces() -> None:
    """Align twice under callgrind, dumping at every entry and exit of ``PIECES``."""
    dump = align_stages._library()
    state = {"run": "r0", "stack": ["rest of the call"]}

    def wrap(fn: Callable, label: str) -> Callable:
        def wrapper(*args, **kwargs):
            dump(f"{state['run']}|{state['stack'][-1]}")
            state["stack"].append(label)
            try:
                return fn(*args, **kwargs)
            finally:
                dump(f"{state['run']}|{label}")
                state["stack"].pop()

        return wrapper

    for module, name, label in PIECES:
        setattr(module, name, wrap(getattr(module, name), label))
    left, right, kwargs = _document()
    for run_name in ("r0", "r1"):
        state["run"] = run_name
        align_scale._cold()
        dump(f"{run_name}|before call")
        aligner.align(left, right, **kwargs)
        dump(f"{run_name}|rest of the call")
    dump("end")


def summary(folder: Path) -> None:
    """The warm call's instructions per piece (exclusive) and the rest."""
    counts, calls = align_stages.read_dumps(folder)
    total = sum(counts.values())
    print(f"warm call: {total / 1e6:,.0f} M instructions")
    for label, count in counts.most_common():
        print(f"  {label:26} {count / 1e6:8.1f} M {count / total:6.1%} {calls[label]:5}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["growth", "pieces", "sum"])
    parser.add_argument("folder", nargs="?", type=Path, help="sum: the callgrind dumps' folder")
    args = parser.parse_args()
    if args.mode == "growth":
        growth()
    elif args.mode == "pieces":
        pieces()
    else:
        summary(args.folder)


if __name__ == "__main__":
    main()
