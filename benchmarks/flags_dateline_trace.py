"""The dev flag tokens that move when the dateline is cut and left apart (round 38, beadse38).

    .venv/bin/python benchmarks/segment_dateline_run.py off benchmarks/flags_misses.py \
        --shared /work/shared --cache /tmp/off_pairs.pkl
    .venv/bin/python benchmarks/segment_dateline_run.py apart benchmarks/flags_misses.py \
        --shared /work/shared --cache /tmp/apart_pairs.pkl
    .venv/bin/python benchmarks/flags_dateline_trace.py /tmp/off_pairs.pkl /tmp/apart_pairs.pkl

Why: round 35's dateline cut, apart, gains beads but loses two true dev flags and adds three
false ones (beadsd38).  This prints each token whose count differs, with every row holding it
off and apart (confidence, similarity: what the gate reads), then a proxy of the fix the
trace points to: each apart bead that is an off bead less its dateline takes the off bead's
confidence and similarity (the scores of the lead's row with its dateline rejoined) and the
flags are scored again.  Dev pairs only (``flags_misses.dev_pairs`` drops the check sets).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from workbench.core.check_nouns import without_dateline  # noqa: E402
from workbench.testing.flag_gold import SEGMENT_BREAK, _tokens, gated_items  # noqa: E402


def counts(items: list) -> tuple[int, int, int]:
    """True, false, missed tokens of ``gated_items``."""
    t = f = m = 0
    for _, got, wanted in items:
        g, w = _tokens(got), _tokens(wanted)
        t, f, m = t + sum((g & w).values()), f + sum((g - w).values()), m + sum((w - g).values())
    return t, f, m


def rows(pair, token: str, side: str) -> list[str]:
    """Each row of ``pair`` whose ``side`` holds ``token``, with its gate inputs."""
    at = 2 if side.startswith("left") else 3
    return [f"    #{k} conf {b[0]:.2f} sim {b[1]:.2f} L {b[2][:110]!r} R {b[3][:110]!r}"
            for k, b in enumerate(pair.beads) if token in b[at]]  # fmt: skip


def moved(off: list, apart: list) -> None:
    """Print every dev token whose count differs between the two runs."""
    by = {(p.group, p.label): (p, it) for p, it in zip(off, gated_items(off), strict=True)}
    for p, (_, got, wanted) in zip(apart, gated_items(apart), strict=True):
        q, (_, was, _) = by[(p.group, p.label)]
        g, o, w = _tokens(got), _tokens(was), _tokens(wanted)
        for key in sorted(set(g) | set(o)):
            if g[key] != o[key]:
                kind, side, token = key
                status = "true" if w[key] else "false"
                print(f"[{p.group}] {p.label} {status} {kind}/{side} {token!r}: "
                      f"off x{o[key]}, apart x{g[key]} (gold x{w[key]})")  # fmt: skip
                print("  off:", *rows(q, token, side), sep="\n")
                print("  apart:", *rows(p, token, side), sep="\n")


def _bare(text: str) -> str:
    parts = (without_dateline(s).strip() for s in text.split(SEGMENT_BREAK))
    return SEGMENT_BREAK.join(s for s in parts if s)


def rejoined_scores(off: list, apart: list) -> int:
    """Give each apart bead that is an off bead with a dateline taken off that bead's scores."""
    by = {(p.group, p.label): p for p in off}
    n = 0
    for p in apart:
        scores = {(_bare(b[2]), _bare(b[3])): b[:2] for b in by[(p.group, p.label)].beads
                  if (_bare(b[2]), _bare(b[3])) != (b[2], b[3])}  # fmt: skip
        beads = []
        for b in p.beads:
            s = scores.get((b[2], b[3]))
            n += s is not None and s != b[:2]
            beads.append((*s, *b[2:]) if s else b)
        p.beads = beads
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("off", type=Path, help="flags_misses.py --cache file, cut off")
    parser.add_argument("apart", type=Path, help="the same with the dateline cut and left apart")
    args = parser.parse_args()
    for path in (args.off, args.apart):
        if not path.is_file():
            parser.error(f"no cache at {path}: make it first (see the module docstring)")
    off, apart = (pickle.loads(path.read_bytes()) for path in (args.off, args.apart))
    print(f"dev true / false / missed: off {counts(gated_items(off))}, "
          f"apart {counts(gated_items(apart))}\n")  # fmt: skip
    moved(off, apart)
    n = rejoined_scores(off, apart)
    print(f"\napart, {n} beads scored as with their dateline: {counts(gated_items(apart))}")
    moved(off, apart)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
