"""``benchmarks/align_xlang_halves.py``: the length evidence of a neighbour beside a 1-1 link.

Why: round 33 (beads_b) counts every unmatched neighbour ``H`` beside a cross-language link
``W : P`` by how much closer ``P + H`` comes to the pair's own length ratio; the sign and
the side must be right for the table to say what a length gate could take.
"""

from __future__ import annotations

import math
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.align.conftest import benchmark_module


@pytest.fixture(scope="module")
def halves() -> ModuleType:
    return benchmark_module("align_xlang_halves")


def test_a_half_that_brings_the_partner_to_the_ratio_fits(halves: ModuleType) -> None:
    # W 100 chars, P 50, H 50: P + H is W's length, the pair's ratio is 1 (log 0)
    assert halves.fit_gained((100, 50, 50), 0.0, True) == pytest.approx(math.log(2))
    assert halves.fit_gained((100, 50, 50), 0.0, False) == pytest.approx(math.log(2))


def test_a_half_that_overshoots_does_not(halves: ModuleType) -> None:
    assert halves.fit_gained((100, 100, 80), 0.0, True) < 0


def test_the_pairs_own_ratio_is_read_on_the_right_side(halves: ModuleType) -> None:
    # the right side writes half as long: a right P of 50 already fits a left W of 100
    assert halves.fit_gained((100, 50, 50), math.log(0.5), True) < 0
    # the same sizes with P + H on the left: left P 50 against right W 100 is far off
    assert halves.fit_gained((100, 50, 50), math.log(0.5), False) > 0


def test_bins_name_every_value(halves: ModuleType) -> None:
    assert halves._bin(-0.3) == "< 0"
    assert halves._bin(0.15) == "0.10-0.20"
    assert halves._bin(2.0) == ">= 0.60"


@given(st.integers(1, 500), st.integers(1, 500), st.integers(1, 500),
       st.floats(-1, 1), st.booleans())  # fmt: skip
def test_a_join_never_gains_more_than_the_partners_distance(
    w: int, p: int, h: int, ratio: float, right: bool
) -> None:
    halves = benchmark_module("align_xlang_halves")
    sign = 1.0 if right else -1.0
    assert halves.fit_gained((w, p, h), ratio, right) <= abs(sign * math.log(p / w) - ratio) + 1e-9
