"""A link beside a free half whose other side has a semicolon or a colon: which the gold joins.

    .venv/bin/python benchmarks/align_clause_halves.py --cache PICKLE [--roles tool|gold] \\
        [--kinds rewrite,copy] [--set FIELD=VALUE] [--list]

Why (round 39, beadsc39): the split / joined class of the dev rewrites
(``align_rewrite_classes.py``) is a sentence found as its 1-1 core with the other half left
unmatched beside it; the new batches 139 and 141 cut or join at a semicolon or a colon.  For
every 1-1 output link ``W : P`` of the product path (``align_pairs``: segments, roles, groups,
stand-in MT; moves left out) whose ``P`` holds such a cut, and each unmatched, unmoved
neighbour ``H`` of ``W`` (no role break between), the row says the content keys
(``align_ordered_halves._keys``) ``W`` and ``H`` share with their own part of ``P`` and with
the other part (the best cut), and whether a gold bead holds ``W`` and ``H`` against ``P``
(sure / possible) or not (none).  ``core.align_clause_halves`` joins them
(``CLAUSE_KEYS``).  Check batches are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core import align_clause_halves  # noqa: E402
from workbench.core.align_clause_halves import cuts, joinable  # noqa: E402
from workbench.core.align_groups import breaks_of  # noqa: E402
from workbench.core.align_ordered_halves import _keys  # noqa: E402
from workbench.core.align_rejoin import free_sentences  # noqa: E402


def shares(first: str, second: str, joined: str) -> tuple[int, int, int, int]:
    """(first's own, second's own, first's cross, second's cross) keys at the cut where the
    two halves' own keys exceed their cross keys most."""
    one, two = _keys(first), _keys(second)
    rows = []
    for head, tail in cuts(joined):
        a, b = _keys(head), _keys(tail)
        rows.append((len(one & a), len(two & b), len(one & b), len(two & a)))
    return max(rows, key=lambda r: (r[0] - r[2]) + (r[1] - r[3]))


def clause_rows(case: align_pairs.PairCase, roles: str, params: object) -> list[tuple]:
    """(which half is free, own / cross keys, gold type or ``"none"``, texts) of each
    candidate of ``case``."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    texts = ([case.left.texts[k] for k in done.left], [case.right.texts[k] for k in done.right])
    spans = ([case.left.spans[k] for k in done.left], [case.right.spans[k] for k in done.right])
    breaks = tuple(frozenset(breaks_of(r)) for r in (done.left_roles, done.right_roles))
    gold = [(frozenset(b["left"]), frozenset(b["right"]), b["type"]) for b in case.gold["beads"]]
    free = free_sentences(done.beads)
    rows = []
    for bead in done.beads:
        if bead.kind != "1-1" or bead.move_to is not None:
            continue
        for side in (0, 1):
            (w,), (p,) = (bead.left, bead.right) if side == 0 else (bead.right, bead.left)
            joined = texts[1 - side][p]
            if not cuts(joined):
                continue
            for x in (w + 1, w - 1):
                if (side, x) not in free or max(x, w) in breaks[side]:
                    continue
                first, second = (w, x) if x > w else (x, w)
                own1, own2, cross1, cross2 = shares(texts[side][first], texts[side][second], joined)
                half = "second" if x > w else "first"
                w_own, h_own, w_cross, h_cross = ((own1, own2, cross1, cross2) if x > w
                                                  else (own2, own1, cross2, cross1))
                mine = spans[side][w] | spans[side][x]
                theirs = spans[1 - side][p]
                kind = next((t for gl, gr, t in gold
                             if (gl, gr)[side] >= mine and (gl, gr)[1 - side] >= theirs), "none")
                ends = "sentence" if joinable(joined) else "headline"
                rows.append((ends, half, w_own, w_cross, h_own, h_cross, kind,
                             f"{texts[side][w][:60]} + {texts[side][x][:60]} | {joined[:90]}"))
    return rows


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite,copy", "one line per candidate")
    if study is None:
        return
    for case, kind in study.cases():
        for ends, half, w_own, w_cross, h_own, h_cross, gold, text in clause_rows(
                case, study.args.roles, study.params):  # fmt: skip
            link = "W own > cross" if w_own > w_cross else (
                "W own = cross" if w_own == w_cross else "W own < cross")
            row = (kind, ends, link, "H own > cross" if h_own > h_cross else "H own <= cross",
                   min(h_own, 2), gold)
            study.count(row, case)
            if study.args.list:
                print(f"  {case.set_name:8} {kind[:4]} {ends[:4]} {half:6} W {w_own}/{w_cross} "
                      f"H {h_own}/{h_cross} {gold:8} {text}")
    wide = "; : , – und" if align_clause_halves.CLAUSE_CUTS >= 2 else "; or :"
    print(f"\n{','.join(study.kinds)}: a 1-1 link beside a free half, its other side cut at {wide}"
          "\n| kind | ends | link's sentence | half | half's own keys | gold | pairs | batches |\n"
          "|---|---|---|---|---:|---|---:|---:|")  # fmt: skip
    for row in sorted(study.table):
        kind, ends, link, half, keys, gold = row
        print(f"| {kind} | {ends} | {link} | {half} | {keys if keys < 2 else '2+'} | {gold} | "
              f"{study.cells(row)} |")


if __name__ == "__main__":
    main()
