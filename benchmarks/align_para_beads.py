"""Each gold bead of the named dev pairs beside what the product path outputs for it.

    .venv/bin/python benchmarks/align_para_beads.py --cache PICKLE [--roles tool|gold] \\
        [--batches batch139,batch141] [--kinds paraphrase]

Why (round 40, ``beadsb40``): the class counts (``align_para_classes``, ``align_joins``,
``align_misses``) say how many gold beads fall in a shape; to say *what* the aligner gave
instead and how sure it was (the confidence a cut would read, ``core.align_xlang_cut``), one
pair is read bead by bead: every gold bead (sure ``S``, possible ``p``) with the output beads
touching it, each output link's calibrated confidence and whether it is right, then the
output links no gold bead holds (wrong) with their confidence.  Sentence texts are cut to 70
characters.  Check batches are never read (a check batch named here is refused).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402


def _text(side: align_pairs.Side, spans: frozenset[int]) -> str:
    text = " | ".join(t for t, s in zip(side.texts, side.spans, strict=True) if s & spans)
    return text[:70]


def _fmt(pair: tuple[frozenset[int], frozenset[int]]) -> str:
    return f"L{sorted(pair[0])} : R{sorted(pair[1])}"


def read_pair(case: Any, roles: str) -> None:
    """Print the pair's gold beads with the output around each, then its wrong links."""
    lroles, rroles = ((s.gold_roles if roles == "gold" else s.roles)
                      for s in (case.left, case.right))  # fmt: skip
    done = align_pairs.compared(case, lroles, rroles)
    spans = align_pairs.span_beads(case, done)
    from workbench.core.align_moves import move_links

    beads = move_links(done.beads)
    gold = [((frozenset(b["left"]), frozenset(b["right"])), b["type"]) for b in case.gold["beads"]]
    held = {pair for pair, _ in gold}
    print(f"\n== {case.set_name} {case.name} ({align_pairs.pair_kind(case)})")
    for pair, kind in gold:
        mark = "S" if kind == "sure" else "p"
        near = [(b, s) for b, s in zip(beads, spans, strict=True)
                if s[0] & pair[0] or s[1] & pair[1]]  # fmt: skip
        found = any(s == pair for _, s in near)
        got = "; ".join(f"{_fmt(s)} c{b.confidence:.2f}" + ("" if s[0] and s[1] else " free")
                        for b, s in near) or "nothing"  # fmt: skip
        print(f"  {mark} {'FOUND' if found else 'miss '} {_fmt(pair)}  <- {got}")
        print(f"      < {_text(case.left, pair[0])}\n      > {_text(case.right, pair[1])}")
    for bead, s in zip(beads, spans, strict=True):
        judged = s[0] and s[1] and (s[0] & case.body[0] or s[1] & case.body[1])
        if judged and s not in held:
            print(f"  WRONG {_fmt(s)} c{bead.confidence:.2f} ({bead.kind})\n"
                  f"      < {_text(case.left, s[0])}\n      > {_text(case.right, s[1])}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--batches", default="", help="comma-separated set names (all dev)")
    parser.add_argument("--kinds", default="paraphrase")
    args = parser.parse_args()
    wanted = {b for b in args.batches.split(",") if b}
    if wanted & set(align_pairs.CHECK_SETS):
        raise SystemExit("Error: check batches are pooled only, never read pair by pair")
    kinds = set(args.kinds.split(","))
    for case in align_pairs.cached_cases(args.cache):
        if case.set_name in align_pairs.CHECK_SETS or (wanted and case.set_name not in wanted):
            continue
        if align_pairs.pair_kind(case) in kinds:
            read_pair(case, args.roles)


if __name__ == "__main__":
    main()
