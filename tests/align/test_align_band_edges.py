"""Round 29: the coarse band's edges and the fine band around a path, worked out with numpy,
equal the row-by-row loops they replaced (kept here as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_dp import _centre_band, refined_band


def _centre_loop(n, m, anchors, widths):
    points = [(0, 0), *anchors, (n, m)]
    centre = [0] * (n + 1)
    for (i0, j0), (i1, j1) in zip(points, points[1:], strict=False):
        for i in range(i0, i1 + 1):
            centre[i] = round(j0 + (j1 - j0) * (i - i0) / (i1 - i0)) if i1 > i0 else j1
    lo = [max(0, c - w) for c, w in zip(centre, widths, strict=True)]
    hi = [min(m, c + w) for c, w in zip(centre, widths, strict=True)]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        lo[i] = max(lo[i], lo[i - 1])
        hi[i] = max(hi[i], hi[i - 1])
    for i in range(n, 0, -1):
        hi[i - 1] = max(hi[i - 1], lo[i])
    return lo, hi


def _refined_loop(path, n, m, width):
    jmin = [m] * (n + 1)
    jmax = [0] * (n + 1)
    for i, j in [(0, 0)] + [(i + a, j + b) for i, a, j, b, _ in path]:
        jmin[i], jmax[i] = min(jmin[i], j), max(jmax[i], j)
    lo = [0] * (n + 1)
    hi = [0] * (n + 1)
    for i in range(n + 1):
        near = range(max(0, i - 1), min(n, i + 1) + 1)
        lo[i] = max(0, min(jmin[k] for k in near) - width)
        hi[i] = min(m, max(jmax[k] for k in near) + width)
    lo[0], hi[n] = 0, m
    return lo, hi


@st.composite
def _chains(draw):
    """A document pair's sizes and an anchor chain increasing on both sides (ends allowed)."""
    n, m = draw(st.integers(0, 60)), draw(st.integers(0, 60))
    count = draw(st.integers(0, min(n, m) + 1))
    rows = sorted(draw(st.lists(st.integers(0, n), min_size=count, max_size=count, unique=True)))
    cols = sorted(draw(st.lists(st.integers(0, m), min_size=count, max_size=count, unique=True)))
    return n, m, list(zip(rows, cols, strict=True))


@settings(max_examples=300, deadline=None)
@given(chain=_chains(), data=st.data())
def test_centre_band_is_the_row_loop(chain, data) -> None:
    n, m, anchors = chain
    widths = data.draw(st.lists(st.integers(0, 80), min_size=n + 1, max_size=n + 1))
    assert _centre_band(n, m, anchors, widths) == _centre_loop(n, m, anchors, widths)


@settings(max_examples=300, deadline=None)
@given(sizes=st.tuples(st.integers(0, 40), st.integers(0, 40)), data=st.data(),
       width=st.integers(0, 6))  # fmt: skip
def test_refined_band_is_the_row_loop(sizes, data, width) -> None:
    n, m = sizes
    moves = data.draw(st.lists(st.sampled_from([(1, 1), (1, 0), (0, 1), (2, 1), (1, 3)]),
                               max_size=n + m))  # fmt: skip
    path, i, j = [], 0, 0
    for a, b in moves:
        if i + a <= n and j + b <= m:
            path.append((i, a, j, b, 0.0))
            i, j = i + a, j + b
    path += [(i + k, 1, j, 0, 0.0) for k in range(n - i)]  # down to row n, then along it
    path += [(n, 0, j + k, 1, 0.0) for k in range(m - j)]
    assert refined_band(path, n, m, width) == _refined_loop(path, n, m, width)
