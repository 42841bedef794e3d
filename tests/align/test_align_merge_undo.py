"""``benchmarks/align_merge_undo.py``: the DP's merges a later step took apart, by gold label.

Why: round 40's ``beadsc40`` study decides whether a gate keeping the DP's n-to-m merges could
pay from these counts; the tests check that wrapping the DP changes no bead, that the DP's
path is logged before the steps, and that an undone merge is charged to the first step that
took it apart with its gold label (a sure one the output still holds is ``sure kept``).
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import JOINED, LEFT, benchmark_module
from workbench.core.align import align
from workbench.core.align_scoring import AlignParams


@pytest.fixture()
def undo(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = benchmark_module("align_merge_undo")
    module.install(monkeypatch.setattr)
    module.steps._LOG.clear()
    return module


def _links(beads: list) -> set:
    return {(b.left, b.right) for b in beads if b.left and b.right}


def test_wrapping_the_dp_changes_no_bead(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _links(align(LEFT, JOINED))
    module = benchmark_module("align_merge_undo")
    module.install(monkeypatch.setattr)
    module.steps._LOG.clear()
    assert _links(align(LEFT, JOINED)) == plain
    names = [name for name, _, _ in module.steps._LOG]
    assert names[0] == module._DP and "absorb_orphans" in names


def _side(pairs: ModuleType, texts: list[str]) -> object:
    n = len(texts)
    return pairs.Side(list(texts), ["body"] * n, ["body"] * n, [None] * n,
                      [frozenset({k}) for k in range(n)])  # fmt: skip


@pytest.mark.parametrize("in_output", [False, True])
def test_an_undone_merge_is_charged_to_the_first_step(
    undo: ModuleType, monkeypatch: pytest.MonkeyPatch, in_output: bool
) -> None:
    pairs = undo.align_pairs
    gold = {"beads": [{"type": "sure", "left": [2, 3], "right": [2]}]}
    case = pairs.PairCase("batch0", "toy", _side(pairs, LEFT), _side(pairs, JOINED), gold,
                          (set(), set()))  # fmt: skip
    right_merge = ((LEFT[2], LEFT[3]), (JOINED[2],))
    wrong_merge = ((LEFT[5], LEFT[6]), (JOINED[5],))
    one = ((LEFT[2],), (JOINED[2],))
    final = [(frozenset({2, 3}), frozenset({2}))] if in_output else []

    def logged(*_args: object, **_kwargs: object) -> tuple[list, list]:
        log = undo.steps._LOG
        log.append((undo._DP, frozenset(), frozenset({right_merge, wrong_merge, one})))
        log.append(("cut", frozenset({right_merge, wrong_merge}), frozenset({one})))
        log.append(("later", frozenset({one}), frozenset()))  # a 1-1: not a merge
        return [], final

    monkeypatch.setattr(pairs, "case_beads", logged)
    counts = undo.undone(case, "tool", AlignParams())
    label = "sure kept" if in_output else "sure"
    assert counts == {("cut", label): 1, ("cut", "wrong"): 1, ("cut", "wrong free"): 1,
                      **({} if in_output else {("cut", "sure free"): 1})}
