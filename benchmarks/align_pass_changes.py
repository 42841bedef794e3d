"""How often a no-MT alignment's later passes change what the earlier pass linked.

    .venv/bin/python benchmarks/align_pass_changes.py [--sets textberg cipher ...]

Why: a no-MT call runs up to three passes (the direct comparison, then two
word-table passes over two views each; ``align._lexicon_pass``).  A pass that
could be skipped when its predecessor's links are already stable would cut a
third of the call (issue 16 item 3, the no-MT row below 5x).  This counts, for
every dev unit aligned without MT (``align_devsets``: the Text+Berg parts and
the whole dev document, the cipher parts, the story and blind pairs on their
gold spans, the synthetic edits), how many passes ran and how many of a pass's
beads the next pass did not return unchanged (ladder only), and how many
sentences the word table learns from in each pass.  The check batches are not
read.  Needs ``../shared/data/textberg-dev`` for the Text+Berg, cipher and
synthetic sets.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from align_devsets import (  # noqa: E402
    TEXTBERG,
    Unit,
    _lines,
    blind_units,
    cipher_units,
    story_units,
    synthetic_units,
    textberg_units,
)

import workbench.core.align as aligner  # noqa: E402

Ladder = set[tuple[tuple[int, ...], tuple[int, ...]]]


def passes_of(unit: Unit) -> list[Ladder]:
    """Each pass's beads (after its repairs and moves) of one no-MT alignment of ``unit``."""
    seen: list[Ladder] = []
    original = aligner._align_views

    def recording(*args, **kwargs):
        beads, blind = original(*args, **kwargs)
        seen.append({(b.left, b.right) for b in beads})
        return beads, blind

    def ratio(*args, **kwargs):  # a ratio realignment repeats every pass: keep the last run's
        found = link_ratio(*args, **kwargs)
        if found is not None:
            seen.clear()
        return found

    link_ratio = aligner.link_ratio
    aligner._align_views, aligner.link_ratio = recording, ratio
    try:
        aligner.align(unit.left, unit.right)
    finally:
        aligner._align_views, aligner.link_ratio = original, link_ratio
    return seen


def units(sets: list[str]) -> list[Unit]:
    found: list[Unit] = []
    if "textberg" in sets and (TEXTBERG / "dev.de").exists():
        left, right = _lines(TEXTBERG / "dev.de"), _lines(TEXTBERG / "dev.fr")
        found.append(Unit("textberg", "whole dev", left, right, []))
        found += [u for u in textberg_units() if u.name.endswith(" none")]
    if "cipher" in sets:
        found += cipher_units()
    if "stories" in sets:
        found += story_units() + blind_units()
    if "synthetic" in sets:
        found += synthetic_units()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sets", nargs="+", default=["textberg", "cipher", "stories", "synthetic"])
    args = parser.parse_args()
    by_set: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    print(f"{'unit':<34} passes  beads per pass          changed by pass 2 / pass 3")
    for unit in units(args.sets):
        seen = passes_of(unit)
        sizes = [len(s) for s in seen]
        changed = [len(a - b) for a, b in zip(seen, seen[1:], strict=False)]
        name = "blind" if unit.set_name.startswith("blind") else unit.set_name
        by_set[name].append((len(seen), changed[0] if changed else 0,
                             changed[1] if len(changed) > 1 else 0))  # fmt: skip
        if unit.set_name in ("textberg", "cipher") or len(seen) > 1:
            print(f"{unit.set_name + ' ' + unit.name:<34} {len(seen):>6}  {sizes!s:<22}"
                  f" {' / '.join(map(str, changed)) or '-'}")  # fmt: skip
    print("\nper set: units, units with 1 / 2 / 3+ passes, units whose pass 2 / pass 3 changed"
          " a bead")  # fmt: skip
    for name, rows in by_set.items():
        counts = [sum(1 for p, _a, _b in rows if p == k) for k in (1, 2)]
        counts.append(sum(1 for p, _a, _b in rows if p >= 3))
        moved2 = sum(1 for _p, a, _b in rows if a)
        moved3 = sum(1 for _p, _a, b in rows if b)
        print(f"{name:<12} {len(rows):>4}  {counts[0]:>3} / {counts[1]:>3} / {counts[2]:>3}"
              f"   {moved2:>3} / {moved3:>3}")  # fmt: skip


if __name__ == "__main__":
    main()
