"""Why the aligner misses cross-language gold beads, in the causes issue 16 names.

    .venv/bin/python benchmarks/align_xlang_misses.py --cache PICKLE [--roles tool|gold] \\
        [--set FIELD=VALUE] [--list]

Why: ``align_misses`` classes a miss by the shape of the output around it (unmatched,
glued, linked elsewhere); for translations and paraphrases across languages the
question is which *evidence* was missing, so that a rule is written for a cause that
holds many misses in many batches.  Each sure gold bead of the dev translation and
paraphrase pairs (product path: ``align_pairs``, stand-in MT, moves as landing rows)
is put in the first class that fits:

* ``role``: a gold span of it is not in the story the aligner saw (page roles);
* ``segment wider than gold``: a segment of the story holds a gold sentence of it and one
  outside it (two quoted sentences kept as one segment), so no alignment of the segments can
  return the bead: a segmentation miss, not the aligner's (round 20: 14 of the dev
  translations' 18 "glued" misses were these);
* ``found, uncertain``: found, but with a confidence below ``statuses.UNCERTAIN_BELOW``
  (counted among the found beads, listed apart);
* ``join/split not proposed``: a gold N-M bead whose sentences the output links only in
  part (a 2-1 found as a 1-1 plus an unmatched sentence);
* ``glued``: one output bead holds it and more (a join proposed that the gold lacks);
* ``anchor shared, outweighed``: the gold sides share a number or name key
  (``anchors.anchor_keys`` or a spelled number) yet are not linked together;
* ``order ignored``: no shared anchor, but every sentence of it is unmatched and both
  sides sit in the same gap between two links (position alone would pair them);
* ``no shared anchor``: the rest (no anchor, and the sides are not in one gap).

Check batches are never read here.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_misses  # noqa: E402
import align_pairs  # noqa: E402

from workbench.core.align_scoring import AlignParams  # noqa: E402
from workbench.core.anchors import anchor_keys, spelled_number_keys  # noqa: E402
from workbench.core.statuses import UNCERTAIN_BELOW  # noqa: E402

KINDS = ("translation", "paraphrase")


def _keys(text: str) -> frozenset[str]:
    return anchor_keys(text) | spelled_number_keys(text)


def _gap(beads: list, side: int, index: int) -> int:
    """How many links come before sentence ``index`` of ``side``: its gap's number."""
    count = 0
    for bead in beads:
        ids = bead.left if side == 0 else bead.right
        if bead.left and bead.right:
            if ids and ids[0] > index:
                break
            count += 1
    return count


def wider_segment(spans: tuple, ids: list, gold: tuple[frozenset, frozenset]) -> bool:
    """Whether a story segment of either side holds a sentence of ``gold`` and one outside it.

    ``spans[s][k]``: the gold sentence numbers segment ``k`` of side ``s`` covers; ``ids[s]``:
    the story's segments.  Such a bead is out of every segment alignment's reach."""
    return any(spans[s][k] & gold[s] and spans[s][k] - gold[s] for s in (0, 1) for k in ids[s])


def classify(case: align_pairs.PairCase, roles: str, params: AlignParams) -> list[str]:
    """One class per sure gold bead of ``case`` (``found`` / ``found, uncertain`` too)."""
    raw, output = align_pairs.case_beads(case, roles, params=params)
    ids = [align_pairs._story(side, roles) for side in (case.left, case.right)]
    story = tuple(frozenset().union(*(side.spans[k] for k in ids[s]))
                  for s, side in enumerate((case.left, case.right)))  # fmt: skip
    confidence = {out: bead.confidence for out, bead in zip(output, raw, strict=True)}
    linked = [{i for b in raw if b.left and b.right for i in b.left},
              {j for b in raw if b.left and b.right for j in b.right}]  # fmt: skip
    out = []
    for gold_bead in case.gold["beads"]:
        if gold_bead["type"] != "sure":
            continue
        gold = (frozenset(gold_bead["left"]), frozenset(gold_bead["right"]))
        if gold in confidence:
            out.append("found" if confidence[gold] >= UNCERTAIN_BELOW else "found, uncertain")
            continue
        name = align_misses.cause(gold, output, story)  # type: ignore[arg-type]
        if name == "role":
            out.append(name)
            continue
        if wider_segment((case.left.spans, case.right.spans), ids, gold):
            out.append("segment wider than gold")
            continue
        if name.endswith("N-M") and name.startswith(("partial", "split")):
            out.append("join/split not proposed")
            continue
        if name.startswith("inside"):
            out.append("glued")
            continue
        local = [[n for n, k in enumerate(ids[s]) if side.spans[k] & gold[s]]
                 for s, side in enumerate((case.left, case.right))]  # fmt: skip
        texts = [[side.texts[ids[s][n]] for n in local[s]]
                 for s, side in enumerate((case.left, case.right))]  # fmt: skip
        shared = frozenset().union(*map(_keys, texts[0])) & frozenset().union(*map(_keys, texts[1]))
        if shared:
            out.append("anchor shared, outweighed")
            continue
        unmatched = not any(n in linked[0] for n in local[0]) and not any(
            n in linked[1] for n in local[1]
        )
        gaps = {_gap(raw, 0, n) for n in local[0]} | {_gap(raw, 1, n) for n in local[1]}
        out.append("order ignored" if unmatched and len(gaps) == 1 else "no shared anchor")
    return out


Tally = tuple[argparse.Namespace, Counter, dict[tuple[str, str], set[str]]]


def tally(description: str, classify_case) -> Tally | None:  # type: ignore[no-untyped-def]
    """Parse the shared options and count each dev cross-language sure bead's class.

    ``classify_case(case, roles, params)`` names each sure bead of one case; this script and
    ``align_xlang_ceiling.py`` differ only there and in the table they print.  None when the
    scorer is absent (the repository alone)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--cache", type=Path, help="align_pairs.py --cache's pickle")
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE")
    parser.add_argument("--list", action="store_true", help="one line per missed bead")
    args = parser.parse_args()
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return None
    params = align_misses.parse_set(args.set)
    table: Counter = Counter()
    batches: dict[tuple[str, str], set[str]] = {}
    for case in align_pairs.cached_cases(args.cache):
        kind = align_pairs.pair_kind(case)
        if case.set_name in align_pairs.CHECK_SETS or kind not in KINDS:
            continue
        for name in classify_case(case, args.roles, params):
            table[kind, name] += 1
            batches.setdefault((kind, name), set()).add(case.set_name)
            if args.list and name != "found":
                print(f"  {case.set_name:8} {kind[:5]:5} {case.name[:44]:44} {name}")
    return args, table, batches


def main() -> None:
    counted = tally(__doc__.split("\n")[0], classify)
    if counted is None:
        return
    args, table, batches = counted
    for kind in KINDS:
        total = sum(v for (k, _), v in table.items() if k == kind)
        rows = sorted(((v, n) for (k, n), v in table.items() if k == kind), reverse=True)
        print(f"{kind} ({args.roles} roles): {total} sure beads")
        for v, n in rows:
            print(f"  {n:28} {v:4}  in {len(batches[kind, n])} batches")


if __name__ == "__main__":
    main()
