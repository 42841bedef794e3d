"""Each gold bead of named dev pairs beside what the aligner output for it, and which step made it.

    .venv/bin/python benchmarks/align_translation_trace.py --cache PICKLE --pair NAME \\
        [--pair NAME ...] [--roles tool|gold] [--set FIELD=VALUE]

Why (round 40, beads40): a class is chosen for a rule only after the weakest pair's losses are
read one by one: for each gold bead (sure and possible) the output beads that hold its
sentences, ``align_misses``' class of a missed one, the sentences' text, and the last step
(``align_xlang_steps``' ledger: every function of ``core.align`` / ``core.align_link_steps``
wrapped) that removed the gold bead or added the output bead in its place.  ``--pair`` is a
substring of the pair's name (``swabia_weekly_en``).  Check batches are never read.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402
import align_xlang_steps  # noqa: E402

Pair = align_misses.Pair


def _span_text(side: align_pairs.Side) -> dict[int, str]:
    """Gold sentence id -> the segment text that holds it (first one)."""
    out: dict[int, str] = {}
    for text, hit in zip(side.texts, side.spans, strict=True):
        for g in hit:
            out.setdefault(g, text)
    return out


def _steps(case: align_pairs.PairCase) -> dict[Pair, list[str]]:
    """Gold-span bead -> the steps that added (+) or removed (-) it, in call order."""
    spans: list[dict[str, frozenset]] = [defaultdict(frozenset), defaultdict(frozenset)]
    for s, side in enumerate((case.left, case.right)):
        for text, hit in zip(side.texts, side.spans, strict=True):
            spans[s][text] = spans[s][text] | frozenset(hit)
    out: dict[Pair, list[str]] = defaultdict(list)
    for name, before, after in align_xlang_steps._LOG:
        for sign, beads in (("-", before - after), ("+", after - before)):
            for left, right in beads:
                key = (frozenset().union(*(spans[0][t] for t in left)),
                       frozenset().union(*(spans[1][t] for t in right)))  # fmt: skip
                out[key].append(f"{sign}{name}")
    return out


def _fmt(bead: Pair) -> str:
    return f"L{sorted(bead[0])} : R{sorted(bead[1])}"


def trace(case: align_pairs.PairCase, roles: str, params: object) -> list[str]:
    """One block of lines per gold bead of ``case``."""
    align_xlang_steps._LOG.clear()
    _, output = align_pairs.case_beads(case, roles, params=params)
    steps = _steps(case)
    ltext, rtext = _span_text(case.left), _span_text(case.right)
    classes = iter(align_misses.misses(case, roles, params))
    lines = [f"== {case.set_name} {case.name}"]
    found = set(output)
    for bead in case.gold["beads"]:
        gold = (frozenset(bead["left"]), frozenset(bead["right"]))
        what = next(classes) if bead["type"] == "sure" else ("found" if gold in found else "-")
        lines.append(f"  {bead['type'][:4]} {_fmt(gold)}  {what}")
        for g in sorted(gold[0]):
            lines.append(f"      L{g}: {ltext.get(g, '?')[:110]}")
        for g in sorted(gold[1]):
            lines.append(f"      R{g}: {rtext.get(g, '?')[:110]}")
        if gold in found:
            continue
        lines.append(f"      gold bead steps: {' '.join(steps.get(gold, [])[-4:]) or 'never made'}")
        for out in output:
            if out != gold and (out[0] & gold[0] or out[1] & gold[1]):
                lines.append(f"      output {_fmt(out)}  last steps: "
                             f"{' '.join(steps.get(out, [])[-3:]) or 'DP'}")  # fmt: skip
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--pair", action="append", required=True)
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    args = parser.parse_args()
    align_xlang_steps.install()
    params = align_misses.parse_set(args.set)
    for case, _ in align_misses.dev_cases(args.cache, align_misses.ALL_KINDS.split(",")):
        if any(p in case.name for p in args.pair):
            print("\n".join(trace(case, args.roles, params)))


if __name__ == "__main__":
    main()
