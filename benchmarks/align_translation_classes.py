"""The dev translations' missed sure beads in the shapes batch 146's trace found, by batch.

    .venv/bin/python benchmarks/align_translation_classes.py --cache PICKLE [--roles tool|gold] \\
        [--kinds translation] [--set FIELD=VALUE] [--list]

Why (round 40, beads40): the weakest de→en translation of the round (146, ``swabia_weekly_en``)
loses its beads in four shapes (``align_translation_trace.py``): a sentence the translator split
(or two joined) read as its 1-1 core with the other half free beside it; a lead glued to the
dateline the gold keeps apart; the capture's cut-off last sentence the translator moved up; and
145's split at "und".  Each missed sure bead of the dev pairs of ``--kinds`` is put in the first
of these that fits, with ``align_misses``' class otherwise:

* ``core + free half, cut``: the output links one sentence of each side of the gold N-M and
  the rest of the gold bead is unmatched, next to the link, and the joined sentence holds a
  clause cut (``align_cut_halves.cut_points``); ``core + free half, no cut`` without one;
* ``dateline glued``: the output bead holds the gold bead and a gold sentence no gold bead
  holds that opens with a place and an agency (``(dpa``, ``(AFP)`` …);
* ``cut off / moved``: both sides unmatched and a side does not end as a sentence, or the gold
  bead crosses another (told in another order).

A class in one batch is no class: batches are counted beside the beads.  Check batches never read.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_clause_halves import _ENDS  # noqa: E402
from workbench.core.align_cut_halves import cut_points  # noqa: E402

Pair = align_misses.Pair
_AGENCY = re.compile(r"^[^.!?]{0,60}\((?:dpa|AFP|APA|SDA|ATS|AP|Reuters|Belga|ANP|lsw)", re.I)


def _texts(side: align_pairs.Side) -> dict[int, str]:
    out: dict[int, str] = {}
    for text, hit in zip(side.texts, side.spans, strict=True):
        for g in hit:
            out.setdefault(g, text)
    return out


def shape_class(case: align_pairs.PairCase, gold: Pair, output: list[Pair], base: str) -> str:
    """The class of one missed sure bead (see the module docstring)."""
    texts = (_texts(case.left), _texts(case.right))
    golds = [(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]]
    held = (frozenset().union(*(g[0] for g in golds)), frozenset().union(*(g[1] for g in golds)))
    if base.startswith("split / partial"):
        links = [b for b in output if b[0] and b[1] and b[0] <= gold[0] and b[1] <= gold[1]]
        touching = [b for b in output if b[0] & gold[0] or b[1] & gold[1]]
        rest_free = all(not (b[0] and b[1]) for b in touching if b not in links)
        if len(links) == 1 and rest_free and min(len(links[0][0]), len(links[0][1])) == 1:
            big = 0 if len(gold[0]) > len(gold[1]) else 1
            joined = next(iter(gold[1 - big]))
            cut = bool(cut_points(texts[1 - big].get(joined, "")))
            return "core + free half, " + ("cut" if cut else "no cut")
    if base.startswith("inside a larger bead"):
        bead = next(b for b in output if b[0] >= gold[0] and b[1] >= gold[1])
        extra = [(s, g) for s in (0, 1) for g in bead[s] - gold[s] if g not in held[s]]
        if any(_AGENCY.search(texts[s].get(g, "")) for s, g in extra):
            return "dateline glued"
    if base.startswith("both unmatched"):
        ends = all(_ENDS.search(texts[s].get(g, ".")) for s in (0, 1) for g in gold[s])
        crosses = any(_cross(gold, g) for g in golds)
        if not ends or crosses:
            return "cut off / moved"
    return base


def _cross(a: Pair, b: Pair) -> bool:
    if not (a[0] and a[1] and b[0] and b[1]) or a == b:
        return False
    return (min(a[0]) < min(b[0])) != (min(a[1]) < min(b[1]))


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "translation", "one line per bead")
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    table: Counter = Counter()
    batches: dict[tuple[str, str], set[str]] = defaultdict(set)
    for case, kind in align_misses.dev_cases(args.cache, args.kinds.split(",")):
        output = align_pairs.align_case(case, args.roles, params=params)
        sure = [b for b in case.gold["beads"] if b["type"] == "sure"]
        for bead, base in zip(sure, align_misses.misses(case, args.roles, params), strict=True):
            if base.startswith("found"):
                continue
            gold = (frozenset(bead["left"]), frozenset(bead["right"]))
            name = shape_class(case, gold, output, base)
            table[kind, name] += 1
            batches[kind, name].add(case.set_name)
            if args.list:
                print(f"  {case.set_name:8} {case.name[:44]:44} {name}")
    for kind in args.kinds.split(","):
        print(f"{kind}: class | missed sure | batches")
        for (k, name), n in table.most_common():
            if k == kind:
                print(f"  {name:32} | {n:3} | {len(batches[k, name]):3}")


if __name__ == "__main__":
    main()
