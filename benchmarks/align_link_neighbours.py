"""Unmatched sentences next to one link's two ends in the dev pairs: which the gold links.

    .venv/bin/python benchmarks/align_link_neighbours.py --cache PICKLE [--roles tool|gold] \\
        [--kinds rewrite,copy] [--set FIELD=VALUE] [--list]

Why (round 37, beads37): a rewrite rewords some sentences past their words; the aligner links
the neighbour whose words survive (in order, or as a move: batch 133's moved business
paragraph) and leaves the reworded one unmatched on both sides, next to both ends of that link.
For every output link of the product path (``align_pairs``: segments, roles, groups, stand-in
MT; a move's two ends read as one link) and each unmatched, unmoved sentence pair next to its
two ends — before both or after both (``same side``), or one before and one after (``crossed``)
— with no role break between, the table says how often the pair is a gold bead (sure /
possible) or none, by the content keys the two share (``align_ordered_halves._keys``) and in
how many batches.  ``core.align_link_neighbours`` links such pairs (``link_neighbour_keys``,
``link_neighbour_scope``).  Check batches are never read.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_study  # noqa: E402

from workbench.core.align_groups import breaks_of  # noqa: E402
from workbench.core.align_link_neighbours import _free, _links, _sides  # noqa: E402
from workbench.core.align_ordered_halves import _keys  # noqa: E402


def neighbour_rows(case: align_pairs.PairCase, roles: str, params: object
                   ) -> list[tuple[str, str, int, str, str]]:  # fmt: skip
    """(link kind, neighbour side, shared keys, gold type or ``"none"``, the two texts) of each
    free pair next to one output link of ``case`` (the first link that offers it)."""
    lroles, rroles = (s.gold_roles if roles == "gold" else s.roles for s in (case.left, case.right))
    done = align_pairs.compared(case, lroles, rroles, params=params)
    texts = ([case.left.texts[k] for k in done.left], [case.right.texts[k] for k in done.right])
    breaks = tuple(frozenset(breaks_of(r)) for r in (done.left_roles, done.right_roles))
    gold = {(frozenset(b["left"]), frozenset(b["right"])): b["type"] for b in case.gold["beads"]}
    free = _free(done.beads)
    moved = {b.left for b in done.beads if b.move_to is not None and b.left}
    rows, seen = [], set()
    for link in _links(done.beads, 3):
        for n, (x, y, ex, ey) in enumerate(_sides(link, 3)):
            if x not in free[0] or y not in free[1] or ex in breaks[0] or ey in breaks[1]:
                continue
            if (x, y) in seen:  # next to two links (after one, before the next): counted once
                continue
            seen.add((x, y))
            spans = (case.left.spans[done.left[x]], case.right.spans[done.right[y]])
            keys = len(_keys(texts[0][x]) & _keys(texts[1][y]))
            rows.append(("move" if link[0] in moved else "link", "same side" if n < 2 else
                         "crossed", keys, gold.get(spans, "none"),
                         f"{texts[0][x][:70]} | {texts[1][y][:70]}"))  # fmt: skip
    return rows


def main() -> None:
    study = align_study.start(__doc__.split("\n")[0], "rewrite,copy", "one line per free pair")
    if study is None:
        return
    for case, _ in study.cases():
        for link, side, keys, kind, text in neighbour_rows(case, study.args.roles, study.params):
            study.count((link, side, min(keys, 3), kind), case)
            if study.args.list:
                print(f"  {case.set_name:8} {link} {side:9} keys {keys} {kind:8} {text}")
    print(f"\n{','.join(study.kinds)}: free pairs next to one link's two ends\n"
          "| link | neighbours | shared keys | gold | pairs | batches |\n"
          "|---|---|---:|---|---:|---:|")  # fmt: skip
    for row in sorted(study.table):
        link, side, keys, kind = row
        print(f"| {link} | {side} | {keys if keys < 3 else '3+'} | {kind} | {study.cells(row)} |")


if __name__ == "__main__":
    main()
