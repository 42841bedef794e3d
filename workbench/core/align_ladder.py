"""Beads in the field's ladder form, and back.

Why apart from ``align``: the ladder is a file format (the Text+Berg gold
``dev.defr``, ``workbench align --format ladder``, what the Text+Berg scorer
``alignscore.py`` reads), used by benchmarks and tests that never align; it
shares nothing with the DP or its repairs.  ``workbench.core.align`` re-exports
both functions, so callers keep importing them from there.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.core.align_repair import Bead


def to_ladder(beads: Sequence[Bead]) -> str:
    """Beads in the field's ladder form, one per line: ``[0]:[0, 1]``, ``[]:[5]``."""
    return "".join(f"{list(b.left)}:{list(b.right)}\n" for b in beads)


def parse_ladder(text: str) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Read ladder lines back (a third ``:cost`` field is ignored)."""
    beads = []
    for line in text.splitlines():
        if not line.strip():
            continue
        src, tgt = line.split(":")[:2]
        beads.append((_ids(src), _ids(tgt)))
    return beads


def _ids(field: str) -> tuple[int, ...]:
    inner = field.strip().removeprefix("[").removesuffix("]").strip()
    return tuple(int(x) for x in inner.split(",") if x.strip())
