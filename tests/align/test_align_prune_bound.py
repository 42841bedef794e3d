"""Round 18: the pruning ceiling of ``benchmarks/align_prune.py`` rests on checked claims.

Why: the study says which multi-sentence beads provably cannot win (a 1-1 link
with skips around it beats them) and which a bound from pair overlaps prunes
before their block unions are counted.  That holds only if skips really reach
the cells the study says they reach, the bound is an upper bound, and dropping
the pruned beads leaves the path alone; each is checked here against a plain
computation or the aligner itself.
"""

from __future__ import annotations

from types import ModuleType

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import workbench.core.align_dp as align_dp
from tests.align.conftest import benchmark_module
from workbench.core.align import align
from workbench.core.align_split import split_view, union_overlaps

_SETS = st.lists(st.frozensets(st.integers(0, 40), max_size=12), min_size=1, max_size=12)


@pytest.fixture(scope="module")
def prune() -> ModuleType:
    return benchmark_module("align_prune")


def _reached(lo: list[int], hi: list[int], i: int, j: int) -> set[tuple[int, int]]:
    """Cells reached from ``(i, j)`` by 1-0 and 0-1 steps inside the band (search)."""
    seen, todo = {(i, j)}, [(i, j)]
    while todo:
        r, c = todo.pop()
        for step in ((r + 1, c), (r, c + 1)):
            inside = step[0] < len(lo) and lo[step[0]] <= step[1] <= hi[step[0]]
            if inside and step not in seen:
                seen.add(step)
                todo.append(step)
    return seen


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 4)), min_size=1, max_size=9))
def test_reachable_is_the_search_of_the_band(prune: ModuleType, rows) -> None:
    lo = [a for a, _w in rows]
    hi = [a + w for a, w in rows]
    lo_a, hi_a = np.array(lo), np.array(hi)
    for i in range(len(lo)):
        for j in range(lo[i], hi[i] + 1):
            reached = _reached(lo, hi, i, j)
            for i2 in range(i, min(i + 5, len(lo) + 1)):
                for j2 in range(j - 1, j + 6):
                    got = prune.reachable(
                        lo_a, hi_a, np.array([i]), np.array([j]), np.array([i2]), np.array([j2]), 4
                    )
                    assert bool(got[0]) == ((i2, j2) in reached)


@settings(max_examples=60, deadline=None)
@given(left=_SETS, right=_SETS, data=st.data())
def test_bound_unions_bound_the_unions_and_equal_the_pairs(prune: ModuleType, left, right, data):
    _sides, (mine, other) = split_view(left, right, width=data.draw(st.sampled_from([8, 64])))
    wlo = np.array([data.draw(st.integers(0, len(right) - 1)) for _ in left], np.int64)
    whi = wlo + np.array([data.draw(st.integers(0, len(right) - w)) for w in wlo.tolist()]) - 1
    exact = union_overlaps(mine, other, 0, wlo, whi)
    bound = prune.bound_unions(mine, other, 0, wlo, whi)
    assert np.array_equal(bound[:, 0], exact[:, 0])
    assert (bound >= exact).all()
    assert (np.diff(bound, axis=1) >= 0).all()


def _beads(left: list[str], right: list[str]) -> list[tuple]:
    return [(b.left, b.right, b.kind, b.score, b.move_to, b.confidence) for b in align(left, right)]


def test_pruned_beads_leave_the_alignment_alone(prune: ModuleType, monkeypatch) -> None:
    scale = benchmark_module("align_scale")
    left, right, _gold = scale.synthetic_pair(150, 3)
    joined = [f"{a} {b}" for a, b in zip(left[0:40:2], left[1:40:2], strict=True)]  # 2-1 beads
    cases = [(left, right), (left[:60], right[10:70]), (left[:40], joined + right[40:60])]
    before = [_beads(a, b) for a, b in cases]
    pruned: list[int] = []
    real = prune.pruned_table

    def counted(*args):
        table, exact = real(*args), prune._BAND_TABLE(*args)
        pruned.append(int((np.isneginf(table) & ~np.isneginf(exact)).sum()))
        return table

    monkeypatch.setattr(align_dp, "band_table", counted)
    assert [_beads(a, b) for a, b in cases] == before
    assert sum(pruned) > 0  # the bound did prune beads of finite gain
