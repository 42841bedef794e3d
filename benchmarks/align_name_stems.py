"""Which dev beads a cross-script name stem (``core/align_name_stems``) gives a shared key.

    .venv/bin/python benchmarks/align_name_stems.py --cache PICKLE [--roles tool|gold] \\
        [--least 4,5,6] [--kinds translation,paraphrase] [--list]

Why (round 44, beads44): round 43 traced two missed uk→en paraphrase beads to a name the two
pages write differently (a Ukrainian locative against its English romanisation, "Товстоброді" /
"Tovstobrid"); before a rule joins the aligner its reach and its risk are counted: for each
stem bound, over the story segments (tool roles) of every dev two-language pair, the sure gold
beads whose two sides share no anchor and then one (``gain``), those whose shared anchors grow
(``grow``), and the segment pairs that no gold bead holds together which the new keys make
share a name (``wrong``: where a new link would be a wrong one).  ``--list`` prints each new
key with its pair and sentences.  Check batches are never read.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_name_stems import stem_shared  # noqa: E402
from workbench.core.anchors import anchor_keys  # noqa: E402


def _together(case: align_pairs.PairCase, stories: list[list[int]]) -> tuple[set, list]:
    """Story segment pairs (i, j) some gold bead holds together; sure beads as segment sets."""
    sides = (case.left, case.right)
    together, sure = set(), []
    for bead in case.gold["beads"]:
        segs = [[n for n, k in enumerate(st) if side.spans[k] & set(bead[where])]
                for side, st, where in zip(sides, stories, ("left", "right"), strict=True)]
        together |= {(i, j) for i in segs[0] for j in segs[1]}
        if bead["type"] == "sure" and segs[0] and segs[1]:
            sure.append(segs)
    return together, sure


def count(case: align_pairs.PairCase, roles: str, least: int, show: bool) -> Counter:
    """One pair's gain / grow / wrong counts at one stem bound (module doc)."""
    stories = [align_pairs._story(s, roles) for s in (case.left, case.right)]
    texts = tuple([s.texts[k] for k in st] for s, st in zip((case.left, case.right), stories,
                                                           strict=True))  # fmt: skip
    before = tuple([anchor_keys(t) for t in side] for side in texts)
    after = stem_shared(texts, before, least)  # type: ignore[arg-type]
    out: Counter = Counter()
    together, sure = _together(case, stories)
    for lefts, rights in sure:
        def shared(keys: tuple, lefts: list = lefts, rights: list = rights) -> set:
            return set().union(*(keys[0][i] for i in lefts)) & set().union(
                *(keys[1][j] for j in rights))
        old, new = shared(before), shared(after)
        out["sure"] += 1
        out["gain"] += bool(new and not old)
        out["grow"] += bool(new - old)
    for i, left in enumerate(after[0]):
        for j, right in enumerate(after[1]):
            fresh = (left & right) - (before[0][i] & before[1][j])
            if fresh and (i, j) not in together:
                out["wrong"] += 1
            if fresh and show:
                what = "gold" if (i, j) in together else "WRONG"
                print(f"  {case.set_name} {case.name} {what} {sorted(fresh)}: "
                      f"{texts[0][i][:90]!r} / {texts[1][j][:90]!r}")
    return out


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "translation,paraphrase",
                                   "print each new shared key")  # fmt: skip
    if args is None:
        return
    cases = list(align_misses.dev_cases(args.cache, args.kinds.split(",")))
    print(f"{len(cases)} dev pairs ({args.kinds}), roles {args.roles}")
    print("\n| stem bound | kind | sure beads | gain a shared key | shared keys grow "
          "| segment pairs no gold bead holds, given a name | pairs moved |")  # fmt: skip
    print("|---|---|---:|---:|---:|---:|---:|")
    for least in (4, 5, 6):
        total: dict[str, Counter] = {}
        for case, kind in cases:
            got = count(case, args.roles, least, args.list and least == 5)  # type: ignore[arg-type]
            moved = bool(got["grow"] or got["wrong"])
            total.setdefault(kind, Counter()).update(got + Counter(moved=int(moved)))
        for kind, got in sorted(total.items()):
            print(f"| {least} | {kind} | {got['sure']} | {got['gain']} | {got['grow']} "
                  f"| {got['wrong']} | {got['moved']} |")


if __name__ == "__main__":
    main()
