"""Real-story pairs with a few page-role errors: does the pairing survive them?

    .venv/bin/python benchmarks/align_pairs_robust.py --cache /tmp/pairs.pkl [--seeds 3]

Why: the held-out batch-22 en/ru pair fell from .50 to .00 bead recall when the
page roles let other lines into the story (round 8); most real pages carry a
stray line or two (a byline "Reuters", a caption that repeats the lead, a
"Read also" title) or lose one (a body sentence taken for a teaser).  This
benchmark starts from each pair's gold roles (``align_pairs --roles gold``) and,
per seed, makes the mistakes role errors make:

- ``stray``: ``--strays`` segments next to the story (within ``NEAR`` segments of
  a story segment, gold role not headline/body: the page's own chrome) become
  body;
- ``missing``: ``--missing`` body segments become ``other``;
- ``both``: the two together.

Gold beads are scored as ``eval.py`` does, after removing the dropped
sentences from them (a gold bead left with one side empty goes; one that lost
a sentence becomes ``possible``: the rest of it is a fair answer).  The
figures are pooled by split (dev / dev19-21 / check) and, outside the check
batches, by kind.  Needs ``../shared/data/stories-dev/eval.py``.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
from align_pairs import STORY, PairCase, Side  # noqa: E402

NEAR = 3  # how far from the story a chrome line may sit to slip into it


def _strays(side: Side, rng: random.Random, count: int) -> list[int]:
    story = [k for k, r in enumerate(side.gold_roles) if r in STORY]
    if not story:
        return []
    near = [k for k, r in enumerate(side.gold_roles)
            if r not in STORY and side.texts[k].strip()
            and min(abs(k - s) for s in story) <= NEAR
            and story[0] - NEAR <= k <= story[-1] + NEAR]  # fmt: skip
    return rng.sample(near, min(count, len(near)))


def _missing(side: Side, rng: random.Random, count: int) -> list[int]:
    body = [k for k, r in enumerate(side.gold_roles) if r == "body"]
    return rng.sample(body, min(count, max(0, len(body) - 2)))


def perturb(case: PairCase, mode: str, rng: random.Random, strays: int, missing: int
            ) -> tuple[list[str], list[str], tuple[set, set]]:  # fmt: skip
    """Both sides' perturbed roles and the gold spans of the dropped sentences."""
    roles = [list(case.left.gold_roles), list(case.right.gold_roles)]
    dropped: tuple[set, set] = (set(), set())
    sides = (case.left, case.right)
    if mode in ("stray", "both"):
        for _ in range(strays):
            s = rng.randrange(2)
            for k in _strays(sides[s], rng, 1):
                roles[s][k] = "body"
    if mode in ("missing", "both"):
        for _ in range(missing):
            s = rng.randrange(2)
            for k in _missing(sides[s], rng, 1):
                roles[s][k] = "other"
                dropped[s].update(sides[s].spans[k])
    return roles[0], roles[1], dropped


def reduced_gold(gold: dict[str, Any], dropped: tuple[set, set]) -> dict[str, Any]:
    """The gold beads without the dropped sentences (``possible`` where a part was lost)."""
    beads = []
    for bead in gold["beads"]:
        left = [g for g in bead["left"] if g not in dropped[0]]
        right = [g for g in bead["right"] if g not in dropped[1]]
        if not left or not right:
            continue
        lost = len(left) < len(bead["left"]) or len(right) < len(bead["right"])
        beads.append({**bead, "left": left, "right": right,
                      "type": "possible" if lost else bead["type"]})  # fmt: skip
    return {**gold, "beads": beads}


def case_counts(ev: Any, case: PairCase, mode: str, seed: int, sizes: tuple[int, int],
                **options: Any) -> Counter:  # fmt: skip
    """``eval.py``'s counts of one pair, one seeded perturbation (sizes: strays, missing)."""
    rng = random.Random(f"{case.set_name}/{case.name}/{mode}/{seed}")
    lroles, rroles, dropped = perturb(case, mode, rng, *sizes)
    _, beads = align_pairs.labelled_beads(case, lroles, rroles, **options)
    body = (case.body[0] - dropped[0], case.body[1] - dropped[1])
    return Counter(ev.score_pair(reduced_gold(case.gold, dropped), body[0], body[1], beads))


def score(ev: Any, cases: list[PairCase], mode: str, seeds: int, strays: int, missing: int,
          **options: Any) -> dict[str, Counter]:  # fmt: skip
    """Pooled counts by split and kind over ``seeds`` perturbations of every pair."""
    out: dict[str, Counter] = {}
    for case in cases:
        for seed in range(seeds if mode != "none" else 1):
            counts = case_counts(ev, case, mode, seed, (strays, missing), **options)
            split = align_pairs.split_of(case.set_name)
            keys = [split, "ALL"] if split == "check" else [
                split, f"{split}:{align_pairs.pair_kind(case)}", "ALL"]
            for key in keys:
                out.setdefault(key, Counter()).update(counts)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, help="align_pairs' pickle of the ingested pairs")
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--strays", type=int, default=2)
    parser.add_argument("--missing", type=int, default=1)
    parser.add_argument("--modes", default="none,stray,missing,both")
    args = parser.parse_args()
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared)")
    ev = align_pairs.load_eval()
    cases = align_pairs.cached_cases(args.cache)
    for mode in args.modes.split(","):
        counts = score(ev, cases, mode, args.seeds, args.strays, args.missing)
        for name, c in sorted(counts.items(), key=lambda kv: (":" in kv[0], kv[0])):
            m = ev.pair_metrics(c)
            print(f"{mode:8} {name:22} beadP {ev.fmt(m['beadP'], 3)} beadR "
                  f"{ev.fmt(m['beadR'], 3)}  ({c['bead_correct']}/{c['judged']}, "
                  f"{c['bead_found_sure']}/{c['gold_sure']})")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
