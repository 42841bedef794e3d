"""``benchmarks/align_xlang_steps.py``: the ledger of what each aligner step makes and undoes.

Why: the round-25 study reads which step takes a gold bead apart from this ledger; these tests
run the real aligner through the wrappers and check that wrapping changes no bead, that the
log follows the beads to the output, and that a changed bead is labelled by its gold spans.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import JOINED, LEFT, benchmark_module
from workbench.core.align import align
from workbench.core.align_scoring import AlignParams


@pytest.fixture()
def steps(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = benchmark_module("align_xlang_steps")
    module.install(monkeypatch.setattr)
    module._LOG.clear()
    return module


def _links(beads: list) -> set:
    return {(b.left, b.right) for b in beads if b.left and b.right}


def test_wrapping_changes_no_bead(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = _links(align(LEFT, JOINED))
    module = benchmark_module("align_xlang_steps")
    module.install(monkeypatch.setattr)
    assert _links(align(LEFT, JOINED)) == plain
    assert {name for name, _, _ in module._LOG} >= {"absorb_orphans", "decide_links"}


def test_the_last_logged_step_holds_the_output(steps: ModuleType) -> None:
    out = align(LEFT, JOINED)
    _name, _before, after = steps._LOG[-1]
    as_texts = {(tuple(LEFT[i] for i in b.left), tuple(JOINED[j] for j in b.right))
                for b in out if b.left and b.right}  # fmt: skip
    assert after == as_texts


def test_ledger_labels_a_change_by_gold_spans(
    steps: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    pairs = steps.align_pairs

    def side(texts: list[str]) -> object:
        n = len(texts)
        return pairs.Side(list(texts), ["body"] * n, ["body"] * n, [None] * n,
                          [frozenset({k}) for k in range(n)])  # fmt: skip

    gold = {"beads": [{"type": "sure", "left": [2, 3], "right": [2]},
                      {"type": "possible", "left": [4], "right": [3]}]}  # fmt: skip
    case = pairs.PairCase("batch0", "toy", side(LEFT), side(JOINED), gold, (set(), set()))
    joined = ((LEFT[2], LEFT[3]), (JOINED[2],))
    part, other = ((LEFT[2],), (JOINED[2],)), ((LEFT[4],), (JOINED[3],))
    wrong = ((LEFT[5],), (JOINED[5],))  # gold holds 5 with nothing

    def logged(*_args: object, **_kwargs: object) -> None:  # one step: a 2-1 cut, one glued
        steps._LOG.append(("cut", frozenset({joined, other}), frozenset({part, other, wrong})))

    monkeypatch.setattr(pairs, "case_beads", logged)
    counts = steps.ledger(case, "tool", AlignParams())
    assert counts == {("cut", "sure -"): 1, ("cut", "wrong +"): 2}  # the possible one unchanged
