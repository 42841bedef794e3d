"""The fine band's gains only for beads ending inside it: the DP's choice is unchanged."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_bead_ends import left_windows, read_columns, right_windows
from workbench.core.align_dp import band_recurrence, coarse_path, refined_band
from workbench.core.align_gains import DEPTH, band_table
from workbench.core.align_scoring import BEAD_SHAPES, AlignParams, BeadScorer

_WORDS = st.sampled_from(
    ["the", "die", "Regierung", "gouvernement", "2024", "Kyiv", "Київ", "a", "Merkel", "12,5"]
)
_TEXTS = st.lists(st.lists(_WORDS, min_size=1, max_size=6).map(" ".join), min_size=1,
                  max_size=12)  # fmt: skip


def _band(data, n: int, m: int) -> tuple[list[int], list[int]]:
    """A monotonic, connected band of rows ``0..n`` (``_centre_band``'s invariants)."""
    lo = sorted(data.draw(st.lists(st.integers(0, m), min_size=n + 1, max_size=n + 1)))
    hi = [min(m, low + data.draw(st.integers(0, 4))) for low in lo]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n, 0, -1):
        hi[i - 1] = max(hi[i - 1], lo[i])
    return lo, hi


@settings(max_examples=60, deadline=None)
@given(left=_TEXTS, right=_TEXTS, data=st.data(), coarse=st.booleans())
def test_pruned_table_gives_the_full_tables_pointers(left, right, data, coarse) -> None:
    """Back pointers from the table of beads ending inside the band equal those from every
    fitting bead's scalar gain (the table before the prune), on coarse-path bands and on
    arbitrary monotonic ones."""
    n, m = len(left), len(right)
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    if coarse:
        path = coarse_path(scorer, n, m, scorer.params, [])
        lo, hi = refined_band(path, n, m, data.draw(st.integers(0, 3)))
    else:
        lo, hi = _band(data, n, m)
    cells = [(i, j) for i in range(n + 1) for j in range(lo[i], hi[i] + 1)]
    full = np.full((len(cells), len(BEAD_SHAPES)), float("-inf"))
    read = np.zeros(full.shape, bool)
    for c, (i, j) in enumerate(cells):
        for s, (a, b) in enumerate(BEAD_SHAPES):
            if i + a <= n and j + b <= m:
                full[c, s] = scorer.gain(i, a, j, b) if a and b else 0.0
                read[c, s] = not (a and b) or lo[i + a] <= j + b <= hi[i + a]
    pruned = band_table(scorer, lo, hi, BEAD_SHAPES)
    assert np.array_equal(pruned[read], full[read])
    assert np.isneginf(pruned[~read]).all()
    assert band_recurrence(lo, hi, BEAD_SHAPES, pruned) == band_recurrence(
        lo, hi, BEAD_SHAPES, full
    )


@settings(max_examples=80, deadline=None)
@given(data=st.data(), n=st.integers(1, 14), m=st.integers(1, 14))
def test_windows_hold_every_sentence_of_every_read_bead(data, n: int, m: int) -> None:
    """Each sentence of a bead whose end the band holds lies in its side's window at the
    bead's start, and every read column's bead ends inside the band."""
    lo, hi = _band(data, n, m)
    lo_a, hi_a = np.array(lo), np.array(hi)
    r0 = data.draw(st.integers(0, n))
    r1 = data.draw(st.integers(r0 + 1, n + 1))
    shapes = list(BEAD_SHAPES)
    columns = [read_columns(lo_a, hi_a, (r0, r1), n, s) if s[0] and s[1] else None
               for s in shapes]  # fmt: skip
    first_l, wlo_l, whi_l = left_windows(columns, shapes, (r0, r1), n, DEPTH)
    first_r, wlo_r, whi_r = right_windows(columns, shapes, (r0, r1))
    for (a, b), found in zip(shapes, columns, strict=True):
        if found is None:
            continue
        for i in range(r0, r1):
            for j in range(lo[i], hi[i] + 1):
                read = i + a <= n and lo[i + a] <= j + b <= hi[i + a]
                first, last = found[0][i - r0], found[1][i - r0]
                assert (first <= j <= last) == read
                if not read:
                    continue
                for u in range(a):
                    assert wlo_l[i + u - first_l] <= j <= whi_l[i + u - first_l]
                for v in range(b):
                    assert wlo_r[j + v - first_r] <= i <= whi_r[j + v - first_r]
