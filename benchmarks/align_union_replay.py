"""Replay a warm call's ``union_overlaps`` calls: same counts, and their cost alone.

    .venv/bin/python benchmarks/align_union_replay.py capture /tmp/union_calls.pkl
    .venv/bin/python benchmarks/align_union_replay.py replay /tmp/union_calls.pkl [--repeat 5]
    valgrind --tool=callgrind .venv/bin/python benchmarks/align_union_replay.py replay ... -r 3

Why (round 42): ``align_split.union_overlaps`` is ~11 % of a warm whole-document no-MT
call (20 calls: 2 sides x 1-2 views x 2 chunks x 3 passes), and a change to it is best
judged on exactly the arrays the aligner hands it, without the other 89 % of the call
around it.  ``capture`` runs the Text+Berg dev document (no MT) twice, memo caches
emptied before each (``align_scale._cold``), and pickles the inputs and the output of
each call of the second (warm) one, outside the repository.  ``replay`` runs the
``union_overlaps`` that ``workbench`` imports (the worktree's, or another tree's through
``PYTHONPATH``) on every captured input, exits 1 unless each output equals the captured
one, then times ``--repeat`` passes over all of them (process time, best and median).
Under callgrind the difference of two trees' totals at the same ``--repeat`` is the
difference of the calls' instructions (the loading is the same).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_scale  # noqa: E402
from align_devsets import TEXTBERG, _lines  # noqa: E402

from workbench.core import align_gains, align_split  # noqa: E402
from workbench.core.align import align  # noqa: E402


def capture(path: Path) -> int:
    """Pickle each ``union_overlaps`` call of a warm call: both sides' arrays, window, output."""
    left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
    align_scale._cold()
    align(left, right)
    align_scale._cold()
    calls, plain = [], align_split.union_overlaps

    def spy(mine, other, first, wlo, whi):
        out = plain(mine, other, first, wlo, whi)
        sides = [(s.bits, s.rare, s.whole) for s in (mine, other)]
        calls.append((*sides, first, wlo.copy(), whi.copy(), out.copy()))
        return out

    align_gains.union_overlaps = spy  # the name the gains table calls
    try:
        align(left, right)
    finally:
        align_gains.union_overlaps = plain
    path.write_bytes(pickle.dumps(calls))
    print(f"captured {len(calls)} calls in {path}")
    return 0


def _rows(arrays: tuple) -> align_split.SplitRows:
    """A captured side as ``SplitRows`` (its bit rows already padded: not re-padded)."""
    rows = align_split.SplitRows.__new__(align_split.SplitRows)
    rows.bits, rows.rare, rows.whole = arrays
    return rows


def replay(path: Path, repeat: int) -> int:
    """Check every captured call's output, then time ``repeat`` passes over all of them."""
    calls = [(_rows(m), _rows(o), *rest) for m, o, *rest in pickle.loads(path.read_bytes())]
    count = align_split.union_overlaps
    differ = sum(not np.array_equal(count(m, o, f, lo, hi), out) for m, o, f, lo, hi, out in calls)
    print(f"{len(calls) - differ} of {len(calls)} calls give the captured counts"
          f" ({count.__module__} in {sys.modules[count.__module__].__file__})")  # fmt: skip
    times = []
    for _ in range(repeat):
        started = time.process_time()
        for m, o, f, lo, hi, _out in calls:
            count(m, o, f, lo, hi)
        times.append(time.process_time() - started)
    if times:
        times.sort()
        print(f"{repeat} passes: best {1000 * times[0]:.1f} ms,"
              f" median {1000 * times[len(times) // 2]:.1f} ms")  # fmt: skip
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["capture", "replay"])
    parser.add_argument("path", type=Path, help="pickle of the captured calls (outside the repo)")
    parser.add_argument("-r", "--repeat", type=int, default=5, help="replay: timed passes")
    args = parser.parse_args()
    return capture(args.path) if args.mode == "capture" else replay(args.path, args.repeat)


if __name__ == "__main__":
    raise SystemExit(main())
