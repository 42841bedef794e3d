"""The leads' link as a vote for the length path: every story pair, before and after.

    .venv/bin/python benchmarks/align_lead_votes.py

Why (round 29, leads29): ``align_length_path`` links a two-language pair's unmatched run
on lengths when enough of the aligner's links lie on the Gale-Church path.  Until round 29
the leads' link (``align_leads``, made by position just before) counted among them, so the
length path confirmed itself; now only the links before the leads pass vote.  The change
reaches pairs compared across languages without MT (``services.compare`` when no model is
installed for the pair; with an MT, even the stand-in copy, the length path does not run).
Every pair of ``tests/data/story-pairs`` is aligned as ``services.compare`` does (gold
headline and body spans, no MT) with the old vote (the leads' link counted, patched in
this process) and the new one; printed per set kind (dev, check): pairs whose beads
changed, gold ``sure`` beads found, links made, precision and recall, and machine load.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_devsets import CHECK_SETS  # noqa: E402

import workbench.core.align_link_steps as steps  # noqa: E402
from tests.align.test_align_story_pairs import PAIRS, sure_and_linked  # noqa: E402
from workbench.core.align import AlignParams  # noqa: E402

NEW = steps.link_length_path


def _old(beads, scorer, params, texts, votes=None):  # type: ignore[no-untyped-def]
    """The round-28 vote: the beads after the leads pass, the leads' link counted."""
    return NEW(beads, scorer, params, texts)


def _pairs() -> list[tuple[str, str]]:
    found = []
    for folder in sorted(PAIRS.glob("batch*/gold-spans")):
        for path in sorted(folder.glob("align-*.json")):
            found.append((folder.parent.name, path.stem.removeprefix("align-")))
    return found


def _pr(hits: int, made: int, sure: int) -> str:
    return f"{hits / max(made, 1):.3f}/{hits / max(sure, 1):.3f} ({hits}/{made})"


def main() -> int:
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus")
    params = AlignParams()
    table: dict[str, list[int]] = {}
    for batch, name in _pairs():
        kind = "check" if batch in CHECK_SETS else "dev"
        # pairs, changed, sure, old hits, old links, new hits, new links
        row = table.setdefault(kind, [0, 0, 0, 0, 0, 0, 0])
        steps.link_length_path = _old
        sure, old = sure_and_linked(batch, name, params)
        steps.link_length_path = NEW
        _sure, new = sure_and_linked(batch, name, params)
        row[0] += 1
        row[1] += old != new
        row[2] += len(sure)
        row[3] += len(old & sure)
        row[4] += len(old)
        row[5] += len(new & sure)
        row[6] += len(new)
        if old != new:
            print(f"  {batch} {name}: sure found {len(old & sure)} -> {len(new & sure)}, "
                  f"links {len(old)} -> {len(new)}")  # fmt: skip
    print(f"{'set':6} {'pairs':>5} {'changed':>7} {'sure':>5}   old P/R (hit/made)   new P/R")
    for kind, (n, changed, sure, oh, om, nh, nm) in sorted(table.items()):
        old, new = _pr(oh, om, sure), _pr(nh, nm, sure)
        print(f"{kind:6} {n:5} {changed:7} {sure:5}   {old}   {new}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
