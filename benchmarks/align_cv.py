"""Cross-validated choice of aligner parameters over several dev sets.

    .venv/bin/python benchmarks/align_cv.py [--quick]

For every candidate parameter set (round 10: a grid over the word beginnings
a blind pair's word table pairs; earlier grids settled the rest, see
``candidates``) every dev unit
of ``align_devsets`` is aligned and scored.  The report gives, per dev set:

* ``Gale-Church``: the length-only baseline (the floor);
* ``default``: ``AlignParams()`` as shipped;
* ``in-sample``: the candidate best on all units together (optimistic);
* ``leave-one-out``: each unit scored with the candidate chosen on all *other*
  units (sets weighted equally), the honest figure; a Text+Berg part is left
  out with all its MT settings and its cipher copy (they share sentences);
* ``leave-set-out``: each set scored with the candidate chosen on the other sets;

and the Text+Berg parts per MT setting (default and leave-one-out).

Scores: Text+Berg and synthetic units use the Text+Berg strict F1 (precision
over every predicted bead, recall over gold links, counts pooled per set);
story and blind pairs use bead F1 over judged beads (both sides non-empty) as
``stories-dev/eval.py`` does.  Moves are scored as the links they stand for.

``--extra DIR`` adds a story-pair batch kept outside the repository (the
``blindN`` and ``e2e-N`` sets of that folder).

The ``e2e-*`` sets (end to end) are the same story pairs on the product path
(``align_pairs.py``: the tool's segments and page roles, headline/body groups,
the stand-in models' MT across languages), scored by ``eval.py`` itself: the
figure the held-out evaluation reports (a move counts through its landing row,
which carries the link, as in the stored rows ``eval.py`` reads).  They need
``../shared/data/stories-dev/eval.py``; without it they are left out.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from dataclasses import fields, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_devsets import (  # noqa: E402
    TEXTBERG,
    Beads,
    Unit,
    blind_units,
    cipher,
    story_units,
    synthetic_units,
    textberg_units,
)
from align_pairs import (  # noqa: E402
    CHECK_SETS,
    EVAL,
    STORY_ROOTS,
    PairCase,
    cached_cases,
    case_gale_church,
    collect,
    load_eval,
)

from workbench.core.align import AlignParams, Bead, align  # noqa: E402
from workbench.core.align_gc import gale_church  # noqa: E402

Counts = tuple[int, int, int, int]  # hits for precision, predicted, hits for recall, gold


def as_links(beads: list[Bead]) -> Beads:
    """Predicted beads as the scorer sees them: a move becomes the link it stands for."""
    out: Beads = []
    for bead in beads:
        if bead.move_to is None:
            out.append((bead.left, bead.right))
        elif bead.left:
            out.append((bead.left, beads[bead.move_to].right))
    return out


def counts(unit: Unit, predicted: Beads) -> Counts:
    """Scorer counts for one unit (see the module docstring)."""
    gold = set(unit.gold)
    pred = set(predicted)
    if unit.metric == "beads":
        judged = {b for b in pred if b[0] and b[1]}
        allowed = gold | set(unit.possible)
        return len(judged & allowed), len(judged), len(gold & judged), len(gold)
    linked = {b for b in gold if b[0] and b[1]}
    return len(pred & gold), len(pred), len(linked & pred), len(linked)


def f1(c: Counts) -> float:
    p = c[0] / c[1] if c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def run(units: list[Unit | PairCase], params: AlignParams) -> list[Counts]:
    return [
        _pair_counts(u, lambda c: _EVAL.score_pair(c.gold, *c.body, _spans(c, params)))
        if isinstance(u, PairCase)
        else counts(u, as_links(align(u.left, u.right, params=params, **u.kwargs)))
        for u in units
    ]


def gale_church_counts(units: list[Unit | PairCase]) -> list[Counts]:
    return [
        _pair_counts(u, lambda c: _EVAL.score_pair(c.gold, *c.body, case_gale_church(c, "tool")))
        if isinstance(u, PairCase)
        else counts(u, gale_church(u.left, u.right))
        for u in units
    ]


_EVAL = load_eval() if EVAL.exists() else None


def _spans(case: PairCase, params: AlignParams) -> list[tuple[frozenset, frozenset]]:
    from align_pairs import align_case

    return align_case(case, "tool", params=params)


def _pair_counts(case: PairCase, score: Callable[[PairCase], dict[str, int]]) -> Counts:
    """``eval.py``'s pair counts as (correct judged, judged, sure found, sure gold)."""
    c = score(case)
    return c["bead_correct"], c["judged"], c["bead_found_sure"], c["gold_sure"]


def product_cases(extra: list[Path] = (), cache: Path | None = None
                  ) -> list[PairCase]:  # type: ignore[assignment]  # fmt: skip
    """Every story pair on the product path (``align_pairs``), one set per batch.

    ``cache``: ``align_pairs.py --cache``'s pickle (its check batches left out), instead of
    ingesting every page again."""
    if _EVAL is None:
        return []
    if cache is not None and cache.exists() and not extra:
        cases = [c for c in cached_cases(cache) if c.set_name not in CHECK_SETS]
    else:
        cases = collect([*STORY_ROOTS, *extra])
    for case in cases:
        case.set_name = "e2e-" + case.set_name.removeprefix("batch")
    return cases


def pooled(rows: list[Counts]) -> Counts:
    return tuple(sum(c[k] for c in rows) for k in range(4))  # type: ignore[return-value]


def grid_candidates(grid: list[str]) -> dict[str, AlignParams]:
    """``--grid name=v1,v2`` (``align_pairs_cv.candidates``: the shipped values first)."""
    from align_pairs_cv import candidates as combos

    return {", ".join(f"{k} {v}" for k, v in c.items()): replace(AlignParams(), **c)
            for c in combos(grid)}  # fmt: skip


def candidates(quick: bool) -> dict[str, AlignParams]:
    """The grid: how many first letters of a word a blind pair's word table pairs (0: off).

    Why: a blind pair (no MT, no shared script) learns its word table from links
    made on lengths, too few for most inflected forms to recur; word beginnings
    pool them (``align_lexicon.prefix_lexicon``, round 10).  Only blind pairs
    are touched (the cipher set, and any story pair across scripts).
    Not in the grid any more (each won every fold of an earlier grid, see
    docs/align.md): from how many sentences a side a pair checks glue on the
    long-pair level (60 over 100/40/20; round 9), the link bonus (.05 over
    .08/.11), the margin of a long document's word table (-.05 over .03) and
    the share above which a long document's n-grams are left out (.3 over
    off/.5/.2; round 7), the no-MT lexicon pass and its second pass (2 passes
    won every fold in rounds 6 and 7), the .5-nat length gain that lets an
    unmatched sentence join its neighbouring link, the glue tolerance (-.1),
    the glue check's doubt level (.5), the confidence floor of multi-sentence
    links (.05), blind pairs realigned on lengths (.05/.1; off lost the cipher
    set in every fold), one-language weak links under .1 dissolved (.05 and
    off lost blind3, blind5 or synthetic), crossed links as moves (.1),
    ignoring MT that shares fewer than .05 more words with the other side
    than its source (off and .1 lost or tied in every fold), the glued end
    sentences of a pair seeing little across languages (.1 below .08), the
    second pass's minimum of confident links (10, 20 and 30 tied everywhere),
    the long-pair doubt level itself (.2; round 8) and the reverse view of a
    one-direction MT (on in every fold, rounds 5-6).
    """
    base = AlignParams()
    sizes = (0, 3, 4, 5, 6)
    if quick:
        sizes = (base.blind_prefix,)
    out = {}
    for size in sizes:
        out[f"blind word table on {size or 'whole'}-letter beginnings"] = replace(
            base, blind_prefix=size
        )
    return out


def _shared_defaults(params: AlignParams) -> int:
    """How many grid settings equal the shipped default (breaks ties between candidates).

    A set that cannot tell candidates apart (e.g. no blind pair left in the
    training folds) keeps the shipped value instead of the grid's first entry.
    """
    base = AlignParams()
    return sum(getattr(params, f.name) == getattr(base, f.name) for f in fields(AlignParams))


def set_score(units: list[Unit], rows: list[Counts], name: str) -> float:
    return f1(pooled([c for u, c in zip(units, rows, strict=True) if u.set_name == name]))


def group(unit: Unit | PairCase) -> str:
    """The fold a unit is left out with: a Text+Berg part with all its MT settings and
    its cipher copy (they share its sentences); any other unit alone."""
    if unit.set_name in ("textberg", "cipher"):
        return "textberg " + unit.name.split()[0]
    return f"{unit.set_name} {getattr(unit, 'name', id(unit))}"


def textberg_cuts(cuts: list[int]) -> list[Unit]:
    """Text+Berg parts (every MT setting) and their cipher copies, cut in each way of ``cuts``.

    Why several cuts: one cut's 4 parts gave figures that swing by .03 with
    where the cuts fall; scoring the document cut in 2, 3, 4 and 6 parts
    averages that out.  Each unit remembers its gold-bead range (``region``):
    a left-out part takes every overlapping part of any cut with it.
    """
    total = len(_gold_beads())
    units: list[Unit] = []
    for parts in cuts:
        ends = [round(k * total / parts) for k in range(parts + 1)]
        tb = textberg_units(parts)
        for unit in tb:
            k = int(unit.name.split()[0].removeprefix("part")) - 1
            unit.region = (ends[k], ends[k + 1])  # type: ignore[attr-defined]
            if len(cuts) > 1:
                unit.name = f"part{k + 1}/{parts} {unit.name.split(' ', 1)[1]}"
        copies = [Unit("cipher", u.name, u.left, [cipher(t) for t in u.right], u.gold)
                  for u in tb if u.name.endswith(" none")]  # fmt: skip
        for copy, unit in zip(copies, [u for u in tb if u.name.endswith(" none")], strict=True):
            copy.region = unit.region  # type: ignore[attr-defined]
        units += tb + copies
    return units


def _gold_beads() -> Beads:
    from workbench.core.align import parse_ladder

    path = TEXTBERG / "dev.defr"
    return parse_ladder(path.read_text(encoding="utf-8")) if path.exists() else []


def dev_units(cuts: list[int]) -> list[Unit]:
    """``align_devsets.all_units`` with the Text+Berg document cut in each way of ``cuts``."""
    tb = textberg_cuts(cuts)
    return ([u for u in tb if u.set_name == "textberg"] + story_units() + blind_units()
            + synthetic_units() + [u for u in tb if u.set_name == "cipher"])  # fmt: skip


def left_out(unit: Unit | PairCase, other: Unit | PairCase) -> bool:
    """Whether ``other`` leaves the training data when ``unit`` is held out: the same fold
    (``group``), or Text+Berg text overlapping ``unit``'s (any cut, MT setting or cipher)."""
    mine, theirs = getattr(unit, "region", None), getattr(other, "region", None)
    if mine is not None and theirs is not None:
        return mine[0] < theirs[1] and theirs[0] < mine[1]
    return group(unit) == group(other)


def mean_over_sets(
    units: list[Unit], rows: list[Counts], skip: Unit | PairCase | None = None
) -> float:
    """Mean of the per-set scores, sets weighted equally; ``skip``: a unit held out (with
    every unit ``left_out`` takes with it)."""
    keep = [(u, c) for u, c in zip(units, rows, strict=True)
            if skip is None or not left_out(skip, u)]  # fmt: skip
    names = sorted({u.set_name for u, _ in keep})
    return sum(set_score([u for u, _ in keep], [c for _, c in keep], n) for n in names) / len(names)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a 1-candidate grid")
    parser.add_argument(
        "--extra", type=Path, action="append", default=[],
        help="another story-pair batch folder (stories-dev layout, e.g. /work/blind/batch8): "
        "one more set on gold body spans (blindN) and end to end (e2e-N); repeatable",
    )  # fmt: skip
    parser.add_argument(
        "--cuts", default="4",
        help="ways to cut the Text+Berg document, e.g. 2,3,4,6 (default 4 parts); a held-out "
        "part takes every overlapping part of the other cuts with it",
    )  # fmt: skip
    parser.add_argument("--grid", action="append", default=[], metavar="FIELD=V1,V2",
                        help="AlignParams values to choose among instead of the built-in grid")
    parser.add_argument("--cache", type=Path, help="align_pairs.py --cache's pickle of the "
                        "ingested pairs for the e2e sets (without --extra)")
    args = parser.parse_args()
    cuts = [int(c) for c in args.cuts.split(",")]
    for root in args.extra:
        if not (root / "gold-spans").is_dir():
            parser.error(f"--extra {root}: no gold-spans/ folder there (stories-dev layout)")
    extra = [u for root in args.extra
             for u in story_units(root, "blind" + root.name.removeprefix("batch"))]  # fmt: skip
    units: list[Unit | PairCase] = [
        *dev_units(cuts), *extra, *product_cases(args.extra, args.cache)
    ]
    if not units:
        print("no dev data under ../shared/data: nothing to do")
        return
    names = sorted({u.set_name for u in units})
    load = os.getloadavg()[0]
    print(f"{len(units)} dev units in {len(names)} sets; load average {load:.1f}")
    grid = grid_candidates(args.grid) if args.grid else candidates(args.quick)
    results = {}
    for label, params in grid.items():
        rows = results[label] = run(units, params)
        scores = " ".join(f"{n} {set_score(units, rows, n):.3f}" for n in names)
        print(f"  candidate {label:60} {scores}", flush=True)
    default = run(units, AlignParams())
    baseline = gale_church_counts(units)
    near = {c: _shared_defaults(p) for c, p in grid.items()}  # ties: the shipped value
    best = max(results, key=lambda c: (mean_over_sets(units, results[c]), near[c]))
    folds: dict[object, str] = {}  # one choice per fold (a group, or a Text+Berg region)
    for u in units:
        key = getattr(u, "region", None) or group(u)
        if key not in folds:
            folds[key] = max(
                results, key=lambda c: (mean_over_sets(units, results[c], skip=u), near[c])
            )
    loo = [results[folds[getattr(u, "region", None) or group(u)]][k] for k, u in enumerate(units)]
    print(f"in-sample choice: {best}")
    print(f"{'dev set':12} {'Gale-Church':>11} {'default':>8} {'in-sample':>9}"
          f" {'leave-one-out':>13} {'leave-set-out':>13}")  # fmt: skip
    for name in names:
        others = [k for k, u in enumerate(units) if u.set_name != name]
        rest = [units[k] for k in others]
        chosen = max(
            results,
            key=lambda c: (mean_over_sets(rest, [results[c][k] for k in others]), near[c]),
        )
        scores = [set_score(units, rows, name)
                  for rows in (baseline, default, results[best], loo, results[chosen])]  # fmt: skip
        print(f"{name:12} {scores[0]:11.3f} {scores[1]:8.3f} {scores[2]:9.3f} {scores[3]:13.3f}"
              f" {scores[4]:13.3f}   (set left out chose: {chosen})")  # fmt: skip
    print("default parameters, pooled precision / recall per set:")
    for name in names:
        c = pooled([r for u, r in zip(units, default, strict=True) if u.set_name == name])
        print(f"  {name:12} P {c[0] / max(1, c[1]):.3f}  R {c[2] / max(1, c[3]):.3f}")
    _per_mt(units, default, loo)
    print(f"load average at the end {os.getloadavg()[0]:.1f}")


def _per_mt(units: list[Unit | PairCase], default: list[Counts], loo: list[Counts]) -> None:
    """Text+Berg (and cipher) per MT setting, pooled over the parts (each part left out for
    leave-one-out), then per cut of the document."""
    print("Text+Berg by MT setting, pooled over the parts:")
    tb = [(k, u) for k, u in enumerate(units) if u.set_name in ("textberg", "cipher")]

    def setting(u: Unit) -> str:
        return ("cipher " if u.set_name == "cipher" else "") + u.name.split(" ", 1)[1]

    def cut(u: Unit) -> str:
        first = u.name.split()[0]
        return first.split("/")[1] if "/" in first else "4"

    for name in sorted({setting(u) for _, u in tb}):
        ks = [k for k, u in tb if setting(u) == name]
        mine, held = f1(pooled([default[k] for k in ks])), f1(pooled([loo[k] for k in ks]))
        by_cut = []
        for c in sorted({cut(u) for _, u in tb}, key=int):
            kc = [k for k in ks if cut(units[k]) == c]
            by_cut.append(f"{c} parts {f1(pooled([default[k] for k in kc])):.3f}"
                          f"/{f1(pooled([loo[k] for k in kc])):.3f}")  # fmt: skip
        parts = " ".join(f"{f1(loo[k]):.3f}" for k in ks)
        print(f"  {name:17} default {mine:.3f}  leave-one-out {held:.3f}  "
              f"(default/left out by cut: {'; '.join(by_cut)}; parts {parts})")  # fmt: skip


if __name__ == "__main__":
    main()
