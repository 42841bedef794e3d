"""What the missed one-to-one beads of the dev pairs share: the keys a copy MT leaves.

    .venv/bin/python benchmarks/align_gap_keys.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--kinds paraphrase,rewrite] [--list]

Why (round 42, beads42): the census (``align_gap_census``) names the shape of a miss; a rule
needs its cause.  Through the stand-in MT (a copy) a cross-language pair shows the aligner its
lengths and what survives a copy: figures, names (``anchors.anchor_keys``) and word beginnings
(``align_cognates``, five letters, folded).  Each missed sure gold 1-1 of the dev pairs whose
sides are one story segment each is put, by its census shape, in the first key class that fits:

* ``rare key``: the two sentences share a key at most two sentences of each page hold (what
  ``align_gap_twins`` reads; ``gap-unique`` when no other free sentence of the gap holds it);
* ``common key only``: they share keys, each held by three or more sentences of a page (the
  topic's words: no sentence told from its neighbour);
* ``no key``: nothing in common after the copy MT (no signal in the scorer).

Check batches are never read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_gap_census  # noqa: E402
import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_gap_twins import pair_keys  # noqa: E402
from workbench.core.anchors import anchor_keys  # noqa: E402

ONE_TO_ONE = ("gap 1-1", "sandwich 1-1", "one side free", "wrong neighbour")


def _segment(side: align_pairs.Side, story: list[int], span: int) -> int | None:
    """The story segment holding gold span ``span`` alone (None when it holds more or none)."""
    hits = [k for k in story if span in side.spans[k]]
    return hits[0] if len(hits) == 1 and len(side.spans[hits[0]]) == 1 else None


def key_class(case: align_pairs.PairCase, gold: tuple[frozenset, frozenset], roles: str,
              free: tuple[set[int], set[int]]) -> str:  # fmt: skip
    """The key class of one missed gold 1-1 (module doc); ``free``: the unmatched segments."""
    stories = [align_pairs._story(s, roles) for s in (case.left, case.right)]
    segs = [_segment(s, st, next(iter(g))) for s, st, g in
            zip((case.left, case.right), stories, gold, strict=True)]  # fmt: skip
    if None in segs:
        return "not one segment"
    texts = tuple([s.texts[k] for k in st] for s, st in zip((case.left, case.right), stories,
                                                           strict=True))  # fmt: skip
    anchors = tuple([anchor_keys(t) for t in side] for side in texts)
    wide = pair_keys(texts, anchors, 5, 10**6)  # type: ignore[arg-type]
    rare = pair_keys(texts, anchors, 5, 2)  # type: ignore[arg-type]
    i, j = stories[0].index(segs[0]), stories[1].index(segs[1])
    if rare[0][i] & rare[1][j]:
        shared = rare[0][i] & rare[1][j]
        others = [rare[s][stories[s].index(k)] for s in (0, 1) for k in free[s]
                  if k not in segs]  # fmt: skip
        return "rare key, gap-unique" if not any(shared & o for o in others) else "rare key"
    return "common key only" if wide[0][i] & wide[1][j] else "no key"


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "paraphrase,rewrite",
                                   "one line per missed 1-1")  # fmt: skip
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    table: dict[str, Counter] = {}
    for case, kind in align_misses.dev_cases(args.cache, args.kinds.split(",")):
        beads, output = align_pairs.case_beads(case, args.roles, params=params)  # type: ignore[arg-type]
        found = set(output)
        free = _free_segments(case, output, args.roles)  # type: ignore[arg-type]
        for bead in case.gold["beads"]:  # type: ignore[attr-defined]
            gold = (frozenset(bead["left"]), frozenset(bead["right"]))
            if bead["type"] != "sure" or gold in found or len(gold[0]) != 1 or len(gold[1]) != 1:
                continue
            shape = align_gap_census.shape(case, gold, output, beads, args.roles)  # type: ignore[arg-type]
            if shape not in ONE_TO_ONE:
                continue
            what = key_class(case, gold, args.roles, free)  # type: ignore[arg-type]
            table.setdefault(f"{kind} {shape}", Counter())[what] += 1
            if args.list:
                print(f"  {case.set_name:8} {kind[:5]} {case.name[:40]:40} {shape}: {what} "  # type: ignore[attr-defined]
                      f"L{sorted(gold[0])} R{sorted(gold[1])}")
    for name, counts in sorted(table.items()):
        print(f"{name:34} {sum(counts.values()):4}  {dict(counts.most_common())}")


def _free_segments(case: align_pairs.PairCase, output: list, roles: str
                   ) -> tuple[set[int], set[int]]:  # fmt: skip
    """The story segments the output leaves unmatched, by side (segment indices)."""
    free: tuple[set[int], set[int]] = (set(), set())
    for s, side in enumerate((case.left, case.right)):
        spans = set().union(*(b[s] for b in output if not (b[0] and b[1])))
        free[s].update(k for k in align_pairs._story(side, roles)
                       if side.spans[k] and side.spans[k] <= spans)  # fmt: skip
    return free


if __name__ == "__main__":
    main()
