"""A boolean selection along the first axis that costs the same whatever the mask looks like.

Why (round 30): numpy's ``values[mask]`` copies each run of ``True`` with one
call of a transfer function, so a mask whose ``True`` entries are scattered
(the first of each run of equal sorted keys, the shared n-grams of a
sentence, the probes inside their windows) pays one call per selected entry:
on this machine 20,000 entries under a half-random mask took 0.4 ms, and
selecting rows of a 2-D array 0.9 ms, where ``np.compress`` takes 0.02-0.03
ms; under callgrind the aligner spent 5 % of a whole-document call in that
subscript.  ``np.compress`` returns the same elements in the same order and
dtype (it is ``values[mask]`` by definition), so every caller's output is
unchanged.  On a mask of long runs the subscript is a little faster (about
0.01 ms per 20,000), which is why only the scattered selections use this.
"""

from __future__ import annotations

import numpy as np


def kept(values: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """``values[mask]`` for a boolean ``mask`` as long as ``values``' first axis."""
    return np.compress(mask, values, axis=0)


def kept_all(mask: np.ndarray, *values: np.ndarray) -> tuple[np.ndarray, ...]:
    """``kept(v, mask)`` of each of ``values``, the mask read once.

    Why (round 30, speed30b): ``np.compress`` finds the mask's kept positions
    (``nonzero``), then gathers them; two selections under one mask found
    them twice (``nonzero`` was 2.9 % of a Text+Berg call's instructions).
    The positions found once and gathered by ``take`` are the same elements in
    the same order and dtype.
    """
    at = np.flatnonzero(mask)
    return tuple(v.take(at, axis=0) for v in values)


def kept_runs(values: np.ndarray, mask: np.ndarray, ptr: np.ndarray) -> tuple[np.ndarray, ...]:
    """``kept(values, mask)`` and how many of ``mask`` hold before each position of ``ptr``
    (the kept rows' starts: ``cumsum(mask)`` read there), the mask read once.

    Why the kept positions binary-searched at the row starts (round 27): numpy's
    ``cumsum`` of booleans casts element by element; ``kept_all``: why once.
    """
    at = np.flatnonzero(mask)
    return values.take(at, axis=0), np.searchsorted(at, ptr)
