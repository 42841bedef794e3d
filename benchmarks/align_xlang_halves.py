"""Every unmatched neighbour beside a one-sentence link of the dev cross-language pairs, by length.

    .venv/bin/python benchmarks/align_xlang_halves.py --cache PICKLE \\
        [--kinds translation,paraphrase] [--set FIELD=VALUE] [--list]

Why (round 33, beads_b): the largest class of the dev translations' and paraphrases' losses
is a sentence split or two joined, output as its 1-1 core ``W : P`` with the other half
``H`` unmatched beside ``P`` (``align_joins.py``: "parts: link + unmatched", one missed
sure bead and one wrong bead each).  Round 27's length halves join such an ``H`` when the
Gale-Church cost falls by 5 nats; the stand-in MT is a copy for most of these pairs, so
the words say nothing and length is what a rule can read.  This counts, over *every* such
neighbour of the output (product path, tool roles, ``align_pairs``), the length evidence a
gate could use, and whether the gold joins ``H`` to the link:

* ``fit``: how much closer the joined side's length comes to the pair's own length ratio
  (the median log ratio of its 1-1 links: a paraphrase that writes shorter sentences is
  judged against itself), ``|log P/W - c| - |log (P+H)/W - c|``, in bins;
* ``free``: whether the other side has an unmatched sentence at the same end (then ``H``
  may be that sentence's 1-1, told in order; round 27's rule refuses it).

Both sides must end like sentences (titles and crossheads are never halves,
``align_fragments.ends_open``).  Check batches are never read.
"""

from __future__ import annotations

import math
import statistics
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_study  # noqa: E402
from align_half_neighbours import layout  # noqa: E402

from workbench.core.align_fragments import ends_open  # noqa: E402
from workbench.core.anchors import anchor_keys  # noqa: E402

BINS = (-9.0, 0.0, 0.1, 0.2, 0.3, 0.45, 0.6, 9.0)


def _bin(value: float) -> str:
    for low, high in zip(BINS, BINS[1:], strict=False):
        if low <= value < high:
            return (
                "< 0"
                if low == BINS[0]
                else f">= {low:.2f}"
                if high == BINS[-1]
                else f"{low:.2f}-{high:.2f}"
            )
    return "?"


def fit_gained(sizes: tuple[int, int, int], ratio: float, half_right: bool) -> float:
    """How much closer ``P + H`` comes to the pair's own log length ratio than ``P`` alone.

    ``sizes``: the characters of ``W`` (one sentence), ``P`` (its partner) and ``H`` (the
    neighbour of ``P``); ``ratio``: the pair's median log(right / left) over its 1-1 links;
    ``half_right``: ``P`` and ``H`` are the right side.  Positive: the join fits better."""
    w, p, h = sizes
    sign = 1.0 if half_right else -1.0
    return abs(sign * math.log(p / w) - ratio) - abs(sign * math.log((p + h) / w) - ratio)


def neighbours(
    case: align_pairs.PairCase, params: object
) -> list[tuple[str, float, bool, bool, str]]:
    """(gold type or ``no``, fit gained, other side free at that end, text) per neighbour."""
    sides, story, gold, at, free, output = layout(case, params)

    def size(s: int, ns: list[int]) -> int:
        return sum(len(sides[s].texts[story[s][n]]) for n in ns)

    ratios = [math.log(max(1, size(1, a[1])) / max(1, size(0, a[0])))
              for a in at if len(a[0]) == 1 and len(a[1]) == 1]  # fmt: skip
    c = statistics.median(ratios) if ratios else 0.0
    rows = []
    for a, o in zip(at, output, strict=True):
        for ws in (0, 1):
            hs = 1 - ws
            if len(a[ws]) != 1 or len(a[hs]) != 1:
                continue
            for after, x in ((True, a[hs][-1] + 1), (False, a[hs][0] - 1)):
                if x not in free[hs]:
                    continue
                w = sides[ws].texts[story[ws][a[ws][0]]]
                h = sides[hs].texts[story[hs][x]]
                if ends_open(w) or ends_open(h):
                    continue
                fit = fit_gained((len(w), size(hs, a[hs]), len(h)), c, hs == 1)
                other = a[ws][0] + (1 if after else -1)
                spans = sides[hs].spans[story[hs][x]]
                joined = tuple(o[s] | spans if s == hs else o[s] for s in (0, 1))
                p = " ".join(sides[hs].texts[story[hs][n]] for n in a[hs])
                held = bool(anchor_keys(w) & anchor_keys(h) - anchor_keys(p))
                rows.append(
                    (
                        gold.get(joined, "no"),
                        fit,
                        other in free[ws],
                        held,
                        f"{case.set_name} {case.name[:30]} | {w[:60]} | {h[:50]}",
                    )
                )
    return rows


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "translation,paraphrase",
                              "one line per row")  # fmt: skip
    if study is None:
        return
    args, table, batches = study.args, study.table, study.batches
    anchored: Counter = Counter()
    for case, kind in study.cases():
        for label, fit, other_free, held, text in neighbours(case, study.params):
            anchored[kind, held, label == "sure"] += 1
            study.count((kind, _bin(fit), other_free, label == "sure"), case)
            if args.list:
                print(
                    f"  {label:8} fit {fit:+.2f} other free {other_free!s:5} "
                    f"anchor {held!s:5} {text}"
                )
    print("\n| kind | fit gained | other side free | gold sure join (batches) | other |\n"
          "|---|---|---|---:|---:|")  # fmt: skip
    for kind in args.kinds.split(","):
        for low, high in zip(BINS, BINS[1:], strict=False):
            name = _bin((low + high) / 2 if high < 9 else low + 0.01)
            for other_free in (False, True):
                yes = table[kind, name, other_free, True]
                no = table[kind, name, other_free, False]
                if yes or no:
                    n = len(batches.get((kind, name, other_free, True), ()))
                    print(f"| {kind} | {name} | {other_free} | {yes} ({n}) | {no} |")
    print(
        "\n| kind | H holds an anchor of W that P lacks | gold sure join | other |\n"
        "|---|---|---:|---:|"
    )
    for kind in args.kinds.split(","):
        for held in (True, False):
            print(
                f"| {kind} | {held} | {anchored[kind, held, True]} | "
                f"{anchored[kind, held, False]} |"
            )


if __name__ == "__main__":
    main()
