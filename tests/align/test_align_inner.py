"""The lines two pages compare: the story roles and the inner lines both stories share."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import align_inner
from workbench.core.align_inner import compared_lines

PAGE = [
    ("Tremor shakes the valley", "headline"),
    ("A magnitude 4.2 tremor shook the upper valley on Sunday night.", "body"),
    ("Anzeige", "other"),
    ("Dozens of aftershocks", "other"),  # a crosshead the page roles read as chrome
    ("Seismologists counted dozens of aftershocks before dawn.", "body"),
    ("No damage was reported.", "body"),
    ("Dozens of aftershocks", "other"),  # the same words after the story: not inside it
]


def _split(page: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    return [t for t, _ in page], [r for _, r in page]


def test_a_crosshead_both_copies_print_is_compared() -> None:
    texts, roles = _split(PAGE)
    left, right = compared_lines(texts, roles, texts, roles)
    assert left == right == [0, 1, 3, 4, 5]  # not the ad marker, not the line after the story


def test_a_line_on_one_side_only_stays_out() -> None:
    texts, roles = _split(PAGE)
    other = [t if k != 3 else "Aftershocks through the night" for k, t in enumerate(texts)]
    left, right = compared_lines(texts, roles, other, roles)
    assert 3 not in left and 3 not in right
    assert left == right == [0, 1, 4, 5]


def test_the_switch_off_compares_the_story_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align_inner, "SHARED_LINES", False)
    texts, roles = _split(PAGE)
    assert compared_lines(texts, roles, texts, roles) == ([0, 1, 4, 5], [0, 1, 4, 5])


ROLES = st.sampled_from(["headline", "body", "other", "link"])
LINES = st.lists(st.tuples(st.sampled_from(["Dozens of aftershocks", "Anzeige", "Seismologists"
                                            " counted dozens of aftershocks.", "x"]), ROLES),
                 max_size=8)  # fmt: skip


@given(LINES, LINES)
def test_selection_keeps_the_story_in_order_and_is_symmetric(
    left: list[tuple[str, str]], right: list[tuple[str, str]]
) -> None:
    (lt, lr), (rt, rr) = _split(left), _split(right)
    keep = compared_lines(lt, lr, rt, rr)
    for side, roles in zip(keep, (lr, rr), strict=True):
        assert side == sorted(set(side)) and all(0 <= k < len(roles) for k in side)
        assert {k for k, r in enumerate(roles) if r in align_inner.STORY} <= set(side)
    assert compared_lines(rt, rr, lt, lr) == (keep[1], keep[0])
