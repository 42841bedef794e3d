"""Free neighbours of a link by the keys the pair says once a side, and misses a segment hides.

    .venv/bin/python benchmarks/align_unique_halves.py --cache PICKLE [--kinds copy,rewrite] \\
        [--list]

Why (round 38, ``beads38``): the merge read as its 1-1 core is the largest class of missed
copy, translation and rewrite beads, and in one language most of its halves stand free next to
the partner with ``align_ordered_halves.half_shape`` refusing them.  A key said in exactly one
sentence of each side (``document_unique``) is the evidence ``ordered_half_unique_keys`` reads;
this table says whether it tells a half from a neighbour: every unmatched one-segment neighbour
``H`` of a 1-1 output link ``W : P`` (next to ``P`` on its side, one language, START output)
that the shipped gate refuses, by the keys ``H`` shares with ``W`` beyond ``P`` and how many
of them are document-unique, against the gold (a sure bead ``W : P + H`` or wider).

Second table: the missed sure beads no aligner can output, because a segment holds a gold span
of the bead and one outside it (the dateline "Hohenfirst (dpa) -" inside the lead's segment,
which the gold keeps out of the body).  Check batches are never read.
"""

from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_ordered_halves import _keys, half_shape  # noqa: E402
from workbench.core.align_scoring import AlignParams  # noqa: E402

Table = dict[tuple, set[str]]


def _neighbours(case: align_pairs.PairCase, output: list, story: list[list[int]]) -> list:
    """(W segment, P segment, H segment, P's side, H after P) of every free one-segment
    neighbour of a 1-1 output link."""
    sides = (case.left, case.right)

    def segs(t: int, spans: frozenset[int]) -> list[int]:
        return [k for k in story[t] if sides[t].spans[k] & spans]

    bead_of: list[dict[int, int]] = [{}, {}]
    for n, bead in enumerate(output):
        for t in (0, 1):
            bead_of[t].update((k, n) for k in segs(t, bead[t]))
    out = []
    for bead in output:
        ends = segs(0, bead[0]), segs(1, bead[1])
        if len(ends[0]) != 1 or len(ends[1]) != 1:
            continue
        for p in (0, 1):
            at = story[p].index(ends[p][0])
            for step in (-1, 1):
                if not 0 <= at + step < len(story[p]):
                    continue
                h = story[p][at + step]
                other = output[bead_of[p][h]] if h in bead_of[p] else None
                if other is None or other[1 - p] or len(segs(p, other[p])) != 1:
                    continue
                out.append((ends[1 - p][0], ends[p][0], h, p, step > 0))
    return out


def count(cases: list, kinds: list[str], listing: bool) -> tuple[Table, Table]:
    """The two tables (module docstring): key -> dev batches holding it, once per member."""
    halves: Table = defaultdict(set)
    hidden: Table = defaultdict(set)
    params = AlignParams()
    for n, case in enumerate(cases):
        kind = align_pairs.pair_kind(case)
        if case.set_name in align_pairs.CHECK_SETS or kind not in kinds:
            continue
        _, output = align_pairs.case_beads(case, "tool")
        sides = (case.left, case.right)
        story = [list(align_pairs._story(s, "tool")) for s in sides]
        sure = [(frozenset(b["left"]), frozenset(b["right"]))
                for b in case.gold["beads"] if b["type"] == "sure"]  # fmt: skip
        once = [Counter(k for i in story[t] for k in _keys(sides[t].texts[i])) for t in (0, 1)]
        one_language = kind in ("copy", "rewrite")  # the ordered halves' pairs
        for w, p_seg, h, p, after in _neighbours(case, output, story) if one_language else []:
            texts = [sides[1 - p].texts[w], sides[p].texts[p_seg], sides[p].texts[h]]
            if half_shape(*texts, after, params) is not None:
                continue  # the shipped gate takes it
            extra = (_keys(texts[0]) & _keys(texts[2])) - _keys(texts[1])
            rare = {k for k in extra if once[0][k] == once[1][k] == 1}
            grown = sides[p].spans[p_seg] | sides[p].spans[h]
            joined = any(g[1 - p] == sides[1 - p].spans[w] and g[p] >= grown for g in sure)
            key = (kind, min(len(extra), 3), min(len(rare), 3), joined)
            halves[key].add(f"{case.set_name}/{n}/{w}/{h}")
            if listing and rare:
                print(f"  {case.set_name:8} {kind[:5]} gold {joined!s:5} {sorted(rare)} "
                      f"| {texts[2][:70]}")  # fmt: skip
        found = set(output)
        for gold in sure:
            if gold in found:
                continue
            if any(s & g and s - g for t in (0, 1) for s, g in
                   ((sides[t].spans[k], gold[t]) for k in story[t])):  # fmt: skip
                story_sets = tuple(frozenset().union(*(sides[t].spans[k] for k in story[t]))
                                   for t in (0, 1))  # fmt: skip
                name = align_misses.cause(gold, output, story_sets)  # type: ignore[arg-type]
                hidden[kind, name].add(f"{case.set_name}/{n}/{sorted(gold[0])}")
    return halves, hidden


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "copy,translation,rewrite",
                                   "each neighbour holding a unique key")  # fmt: skip
    if args is None:
        return
    cases = align_pairs.cached_cases(args.cache)
    halves, hidden = count(cases, args.kinds.split(","), args.list)
    print("| kind | keys beyond P | unique | gold join | neighbours | batches |")
    print("|---|---:|---:|---|---:|---:|")
    for key, members in sorted(halves.items()):
        batches = {m.split("/")[0] for m in members}
        print(f"| {key[0]} | {key[1]} | {key[2]} | {key[3]} | {len(members)} | {len(batches)} |")
    print("\n| kind | missed sure bead a segment hides (the output) | beads | batches |")
    print("|---|---|---:|---:|")
    for key, members in sorted(hidden.items()):
        batches = sorted({m.split("/")[0] for m in members})
        print(f"| {key[0]} | {key[1]} | {len(members)} | {len(batches)} ({', '.join(batches)}) |")


if __name__ == "__main__":
    main()
