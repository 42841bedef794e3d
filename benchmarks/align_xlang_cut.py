"""A confidence cut for cross-language links, chosen leaving one dev batch out.

    .venv/bin/python benchmarks/align_xlang_cut.py --cache PICKLE [--roles tool|gold] \\
        [--cuts 0,0.1,0.2,0.3] [--check]

Why (round 40, ``beadsb40``): ``eval.py`` judges a bead only when both its sides are
non-empty, so a link shown as two unmatched sentences leaves precision's count and costs
recall only when the link was right; a wrong link costs precision.  Whether a cut on the
calibrated confidence (``align_calibration``, the figure the reader sees) below which a
two-language link is better shown unmatched exists is read here: each pair is aligned once on
the product path (``align_pairs.compared``: tool or gold roles, groups, stand-in MT), every
cut of ``--cuts`` is applied to the final beads (``core.align_xlang_cut.cut_doubtful``, what
``XLANG_CUT`` does at the end of ``align``), and the beads are scored with ``eval.py``'s code.

Printed: the dev cross-language judged links by confidence band and kind (right, wrong); each
cut's in-sample pooled P / R by kind; leave one batch out (per left-out batch, the cut of
best pooled bead F1 on the other dev batches, the smallest on ties, as ``align_pairs_cv``);
with ``--check`` the check batches (``align_devsets.CHECK_SETS``) pooled by kind at the cut
chosen on all dev batches, never pair by pair.  The post-hoc cut equals the switch in
``align`` where a pair is aligned as one group; ``align_pairs_cv.py --grid
align_xlang_cut.XLANG_CUT=…`` runs the switch itself.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import align_pairs  # noqa: E402
import align_para_classes  # noqa: E402
from align_pairs_cv import f1, pooled  # noqa: E402
from align_para_classes import keys  # noqa: E402

from workbench.core.align_xlang_cut import cut_doubtful  # noqa: E402

BANDS = (0.0, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.01)


def judged_links(case: Any, done: Any, ev: Any) -> list[tuple[float, bool, str]]:
    """(confidence, right, shape) of each judged link of the final beads (moves left out);
    the shape says ``1-1`` or ``N-M`` and whether the two sides share an anchor the aligner
    reads (``align_para_classes.keys``: figures, spelled numbers, name keys)."""
    spans = align_pairs.span_beads(case, done._replace(beads=[b for b in done.beads]))
    gold = {(frozenset(b["left"]), frozenset(b["right"])) for b in case.gold["beads"]}
    out = []
    for bead, (left, right) in zip(done.beads, spans, strict=True):
        if not (bead.left and bead.right) or bead.move_to is not None:
            continue
        if not (left & case.body[0] or right & case.body[1]):
            continue
        shape = "1-1" if len(bead.left) == len(bead.right) == 1 else "N-M"
        lk = keys(align_para_classes.side_text(case.left, left))
        shared = lk & keys(align_para_classes.side_text(case.right, right))
        shape += ", anchor" if shared else ", no anchor"
        out.append((bead.confidence, (left, right) in gold, shape))
    return out


def tables(cases: list, roles: str, cuts: list[float], ev: Any
           ) -> tuple[list[dict[str, Counter]], list[tuple[str, float, bool, str]]]:  # fmt: skip
    """Counts per (batch, kind) at each cut, and every judged cross-language link."""
    out: list[dict[str, Counter]] = [{} for _ in cuts]
    links = []
    for case in cases:
        lroles, rroles = ((s.gold_roles if roles == "gold" else s.roles)
                          for s in (case.left, case.right))  # fmt: skip
        done = align_pairs.compared(case, lroles, rroles)
        kind, two = align_pairs.pair_kind(case), case.mt is not None
        if two and case.set_name not in align_pairs.CHECK_SETS:
            links += [(kind, *row) for row in judged_links(case, done, ev)]
        for n, cut in enumerate(cuts):
            cut_done = done._replace(beads=cut_doubtful(done.beads, two, cut))
            beads = align_pairs.span_beads(case, cut_done)
            counts = ev.score_pair(case.gold, case.body[0], case.body[1], beads)
            out[n].setdefault(f"{case.set_name}|{kind}", Counter()).update(counts)
    return out, links


def band_table(links: list[tuple[str, float, bool, str]]) -> None:
    """Right / wrong judged links by confidence band, per kind and link shape."""
    cols = [(k, s) for k in KINDS for s in SHAPES]
    print("\n| confidence | " + " | ".join(f"{k} {s}" for k, s in cols) + " |")
    print("|---|" + "---|" * len(cols))
    for lo, hi in zip(BANDS, BANDS[1:], strict=False):
        cells = []
        for kind, shape in cols:
            rows = [r for k, c, r, sh in links if k == kind and sh == shape and lo <= c < hi]
            cells.append(f"{sum(rows)} / {len(rows) - sum(rows)}")
        print(f"| {lo:.2f}-{min(hi, 1.0):.2f} | " + " | ".join(cells) + " |")


SHAPES = ("1-1, anchor", "1-1, no anchor", "N-M, anchor", "N-M, no anchor")


KINDS = ("paraphrase", "translation")


def _pr(ev: Any, counts: Counter) -> str:
    m = ev.pair_metrics(counts)
    return f"{ev.fmt(m['beadP'], 3)} / {ev.fmt(m['beadR'], 3)}"


def choose(tabs: list[dict[str, Counter]], batch: str | None) -> int:
    """The cut of best pooled bead F1 without ``batch`` (the smallest, off first, on ties)."""
    return max(range(len(tabs)), key=lambda n: (round(f1(pooled(tabs[n], exclude=batch)), 6), -n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, required=True)
    parser.add_argument("--roles", choices=("tool", "gold"), default="tool")
    parser.add_argument("--cuts", default="0,0.05,0.1,0.15,0.2,0.25,0.3,0.4")
    parser.add_argument("--check", action="store_true", help="the check batches, pooled only")
    args = parser.parse_args()
    if not align_pairs.EVAL.exists():
        print(f"no scorer at {align_pairs.EVAL}: nothing to do")
        return
    print(f"load average {os.getloadavg()[0]:.1f} (2 cores, shared); roles {args.roles}")
    ev = align_pairs.load_eval()
    cuts = [float(x) for x in args.cuts.split(",")]
    everything = align_pairs.cached_cases(args.cache)
    dev = [c for c in everything if c.set_name not in align_pairs.CHECK_SETS]
    tabs, links = tables(dev, args.roles, cuts, ev)
    band_table(links)
    kinds = sorted({key.split("|")[1] for key in tabs[0]})
    print("\n| cut (in sample) | all | " + " | ".join(kinds) + " |")
    print("|---|---|" + "---|" * len(kinds))
    for cut, tab in zip(cuts, tabs, strict=True):
        cells = [_pr(ev, pooled(tab, kind=k)) for k in kinds]
        print(f"| {cut} | {_pr(ev, pooled(tab))} | " + " | ".join(cells) + " |")
    batches = sorted({key.split("|")[0] for key in tabs[0]})
    held: dict[str, Counter] = {}
    chosen: Counter = Counter()
    for batch in batches:
        best = choose(tabs, batch)
        chosen[cuts[best]] += 1
        for kind in kinds:
            held.setdefault(kind, Counter()).update(pooled(tabs[best], batch, kind))
    cells = [_pr(ev, held[k]) for k in kinds]
    print(f"| left out ({len(batches)} folds; chose {dict(chosen)}) | "
          f"{_pr(ev, sum(held.values(), Counter()))} | " + " | ".join(cells) + " |")
    if args.check:
        best = choose(tabs, None)
        check = [c for c in everything if c.set_name in align_pairs.CHECK_SETS]
        ctabs, _ = tables(check, args.roles, [0.0, cuts[best]], ev)
        for cut, tab in zip((0.0, cuts[best]), ctabs, strict=True):
            cells = [f"{k} {_pr(ev, pooled(tab, kind=k))}" for k in kinds]
            print(f"check pooled, cut {cut}: all {_pr(ev, pooled(tab))}; " + "; ".join(cells))


if __name__ == "__main__":
    main()
