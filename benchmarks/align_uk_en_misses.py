"""Each sure gold bead of named dev pairs: found or its miss shape, its key class and its text.

    .venv/bin/python benchmarks/align_uk_en_misses.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--pairs batch155:karpaty_vira_uk__highland_ukraine_en,...]

Why (round 43, beads43): the census (``align_gap_census``) and the key classes
(``align_gap_keys``) count misses over all dev pairs; to say which cause a per-sentence rule
could reach in one class of pair (here the new dev uk→en paraphrases of batches 155 and 157,
3 of 6 and 2 of 5 beads right in round 42) the misses must be read with their two sides'
text: no shared key after the copy MT, a figure written as a word ("шестеро" / "several"), a
name transliterated differently, or a gate that held a key-sharing pair apart.  Dev pairs
only: a check batch is refused.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_gap_census  # noqa: E402
import align_gap_keys  # noqa: E402
import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.anchors import anchor_keys  # noqa: E402

PAIRS = ("batch155:karpaty_vira_uk__highland_ukraine_en,"
         "batch157:tovstobrid_info_uk__podillia_towns_report_en")  # fmt: skip


def _text(side: align_pairs.Side, spans: frozenset[int]) -> str:
    return " | ".join(t[:150] for t, s in zip(side.texts, side.spans, strict=True) if s & spans)


def _keys(side: align_pairs.Side, spans: frozenset[int]) -> list[str]:
    texts = [t for t, s in zip(side.texts, side.spans, strict=True) if s & spans]
    return sorted(set().union(*(anchor_keys(t) for t in texts)))


def show(case: align_pairs.PairCase, roles: str, params: object) -> None:
    """One pair's sure gold beads, each found or its shape and key class, with both texts."""
    beads, output = align_pairs.case_beads(case, roles, params=params)
    found = set(output)
    free = align_gap_keys._free_segments(case, output, roles)
    print(f"\n## {case.set_name} {case.name}")
    for bead in case.gold["beads"]:
        gold = (frozenset(bead["left"]), frozenset(bead["right"]))
        if gold in found:
            what = "found"
        else:
            what = align_gap_census.shape(case, gold, output, beads, roles)  # type: ignore[arg-type]
            if len(gold[0]) == len(gold[1]) == 1 and what in align_gap_keys.ONE_TO_ONE:
                what += ", " + align_gap_keys.key_class(case, gold, roles, free)  # type: ignore[arg-type]
        print(f"- {bead['type']} L{sorted(gold[0])} R{sorted(gold[1])}: {what}")
        print(f"    L {_text(case.left, gold[0])}  {_keys(case.left, gold[0])}")
        print(f"    R {_text(case.right, gold[1])}  {_keys(case.right, gold[1])}")
    print("  output links: " + "; ".join(f"L{sorted(a)} R{sorted(b)}" for a, b in output
                                         if a and b))  # fmt: skip


def main() -> None:
    args = align_misses.study_args(__doc__.split("\n")[0], "paraphrase", "(unused)")
    if args is None:
        return
    wanted = {tuple(p.split(":")) for p in PAIRS.split(",")}
    if any(batch in align_pairs.CHECK_SETS for batch, _ in wanted):
        raise SystemExit("Error: a check batch is scored pooled only")
    params = align_misses.parse_set(args.set)
    for case, _kind in align_misses.dev_cases(args.cache, args.kinds.split(",")):
        if (case.set_name, case.name) in wanted:  # type: ignore[attr-defined]
            show(case, args.roles, params)  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
