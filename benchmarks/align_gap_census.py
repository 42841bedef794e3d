"""The missed sure beads of the dev pairs by shape, and the one-to-one gaps the output leaves.

    .venv/bin/python benchmarks/align_gap_census.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--kinds paraphrase,...] [--list]

Why (round 41, beads41): a rule is worth writing for the shape that holds the most misses a
general rule can reach.  ``align_misses`` names where the output put a missed bead; this
census names the *shape* a reader would fix:

* ``sandwich 1-1``: a gold 1-1 whose two sentences are the only unmatched sentences between
  two links (a lone deletion against a lone insertion, left apart);
* ``gap 1-1``: a gold 1-1 both unmatched inside a larger gap (or at an edge);
* ``core + free half``: a gold N-M of which one link holds a part (nothing outside the gold)
  and the rest is unmatched (a merge or split read as its 1-1 core);
* ``part linked elsewhere``: a gold N-M with a part in a link that reaches outside it;
* ``glued``: the output bead holds the gold bead and more (a neighbour, a headline or a
  dateline glued in);
* ``cut in two links``: a gold N-M whose parts are linked apart, each link inside it;
* ``wrong neighbour``: a gold 1-1 whose sentences are linked, to other sentences;
* ``one side free``: one side unmatched, the other linked elsewhere;
* ``role``: a span is not in the story the aligner saw.

The second table is the other side of a sandwich rule: every bounded one-to-one gap of the
output (one unmatched sentence on each side between two links, neither a move), by what the
gold says of that pair: a sure bead, a possible one, parts of one gold N-M bead, or nothing,
split by the pair's free share (``free_share``: the unmatched sentences' share, the late
sandwich's ``SANDWICH_FREE`` gate, at .25); and every bounded *square* gap (n free sentences on
each side, n >= 2) paired in order, by the gold.  Check batches are never read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

Pair = tuple[frozenset[int], frozenset[int]]


def one_to_one_gaps(beads: list, output: list[Pair]) -> list[int]:
    """Indices ``k`` where ``output[k]``, ``output[k+1]`` are a bounded one-to-one gap.

    Bounded: the bead before and the bead after are links (both sides, not a move's origin),
    and the gap holds exactly one left-only and one right-only bead, neither a move.
    """
    def link(n: int) -> bool:
        return 0 <= n < len(beads) and bool(beads[n].left and beads[n].right)

    out = []
    for k in range(1, len(beads) - 2):
        a, b = beads[k], beads[k + 1]
        if a.moved or b.moved or not link(k - 1) or not link(k + 2):
            continue
        if (a.left and not a.right and b.right and not b.left) or (
            a.right and not a.left and b.left and not b.right
        ):
            out.append(k)
    return out


def gold_of(case: align_pairs.PairCase, pair: Pair) -> str:
    """What the gold says of linking ``pair``: sure, possible, parts of one N-M, or none."""
    for bead in case.gold["beads"]:
        left, right = frozenset(bead["left"]), frozenset(bead["right"])
        if (left, right) == pair:
            return bead["type"]
        if pair[0] <= left and pair[1] <= right and pair[0] and pair[1]:
            return f"part of {bead['type']} N-M"
    return "none"


def shape(case: align_pairs.PairCase, gold: Pair, output: list[Pair], beads: list,
          roles: str) -> str:  # fmt: skip
    """The shape of one missed sure bead (the module docstring's names)."""
    base = align_misses.cause(gold, output, align_pairs_story(case, roles))
    left, right = gold
    touching = [n for n, b in enumerate(output) if (b[0] & left) or (b[1] & right)]
    links = [n for n in touching if output[n][0] and output[n][1]]
    one = len(left) == len(right) == 1
    if base.startswith("role"):
        return "role"
    if base.startswith("inside a larger bead"):
        return "glued"
    if one and base.startswith("both unmatched"):
        lo, hi = min(touching), max(touching)
        bounded = lo > 0 and hi + 1 < len(output) and hi - lo == 1
        bounded = bounded and all(output[n][0] and output[n][1] for n in (lo - 1, hi + 1))
        bounded = bounded and not any(beads[n].moved for n in (lo, hi))
        return "sandwich 1-1" if bounded else "gap 1-1"
    if one and base.startswith("linked elsewhere"):
        return "wrong neighbour"
    if one:
        return "one side free"
    inside = [n for n in links if output[n][0] <= left and output[n][1] <= right]
    if links and len(inside) == len(links):
        return "core + free half" if len(links) == 1 else "cut in two links"
    if links:
        return "part linked elsewhere"
    return "N-M unmatched"


def align_pairs_story(case: align_pairs.PairCase, roles: str) -> Pair:
    return tuple(  # type: ignore[return-value]
        frozenset().union(*(side.spans[k] for k in align_pairs._story(side, roles)))
        for side in (case.left, case.right)
    )


def census(case: align_pairs.PairCase, roles: str, params: object
           ) -> tuple[Counter, Counter, list[str]]:  # fmt: skip
    """One pair's missed-bead shapes, its one-to-one gaps by gold, and the listing lines."""
    beads, output = align_pairs.case_beads(case, roles, params=params)
    found = set(output)
    shapes: Counter = Counter()
    lines = []
    for bead in case.gold["beads"]:
        gold = (frozenset(bead["left"]), frozenset(bead["right"]))
        if bead["type"] != "sure":
            continue
        if gold in found:
            shapes["found"] += 1
            continue
        name = shape(case, gold, output, beads, roles)
        if align_misses.has_gap(case, gold, roles):
            name += " (gap)"
        shapes[name] += 1
        lines.append(f"miss {name}: L{sorted(gold[0])} R{sorted(gold[1])}")
    gaps: Counter = Counter()
    share = free_share(beads)
    for k in one_to_one_gaps(beads, output):
        a, b = output[k], output[k + 1]
        pair = (a[0] | b[0], a[1] | b[1])
        what = gold_of(case, pair)
        gaps[what, "free ≤ .25" if share <= 0.25 else "free > .25"] += 1
        lines.append(f"gap {what}: L{sorted(pair[0])} R{sorted(pair[1])} free {share:.2f}")
    for n, m, diagonal in square_gaps(beads, output):
        for pair in diagonal:
            gaps[gold_of(case, pair), f"{n}-{m} gap, in order"] += 1
    return shapes, gaps, lines


def free_share(beads: list) -> float:
    """The share of the pair's compared sentences left unmatched (moves count as linked)."""
    free = sum(len(b.left) + len(b.right) for b in beads if not (b.left and b.right)
               and b.move_to is None)  # fmt: skip
    total = sum(len(b.left) + len(b.right) for b in beads)
    return free / max(1, total)


def square_gaps(beads: list, output: list[Pair]) -> list[tuple[int, int, list[Pair]]]:
    """Bounded gaps of n free sentences on each side (n >= 2, no move), paired in order."""
    out = []
    k = 1
    while k < len(beads):
        if beads[k - 1].left and beads[k - 1].right and not (beads[k].left and beads[k].right):
            end = k
            while end < len(beads) and not (beads[end].left and beads[end].right):
                end += 1
            run = range(k, end)
            lefts = [output[n][0] for n in run if beads[n].left]
            rights = [output[n][1] for n in run if beads[n].right]
            bounded = end < len(beads) and not any(beads[n].moved for n in run)
            if bounded and len(lefts) == len(rights) >= 2:
                out.append((len(lefts), len(rights), list(zip(lefts, rights, strict=True))))
            k = end
        k += 1
    return out


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], align_misses.ALL_KINDS,
                                   "one line per miss and per gap")  # fmt: skip
    if args is None:
        return
    params = align_misses.parse_set(args.set)
    kinds = args.kinds.split(",")
    shapes: dict[str, Counter] = {k: Counter() for k in kinds}
    batches: dict[tuple[str, str], set[str]] = {}
    gaps: dict[str, Counter] = {k: Counter() for k in kinds}
    for case, kind in align_misses.dev_cases(args.cache, kinds):
        got, gap, lines = census(case, args.roles, params)  # type: ignore[arg-type]
        shapes[kind].update(got)
        gaps[kind].update(gap)
        for name in got:
            batches.setdefault((kind, name), set()).add(case.set_name)  # type: ignore[attr-defined]
        if args.list:
            for line in lines:
                print(f"  {case.set_name:8} {kind[:5]} {case.name[:40]:40} {line}")  # type: ignore[attr-defined]
    for kind in kinds:
        sure = sum(shapes[kind].values())
        print(f"{kind}: {sure} sure, {shapes[kind]['found']} found")
        for name, count in shapes[kind].most_common():
            if name != "found":
                print(f"  {name:28} {count:4}  ({len(batches[kind, name])} batches)")
        print(f"  one-to-one gaps: {dict(gaps[kind].most_common())}")


if __name__ == "__main__":
    main()
