"""``benchmarks/align_param_diff.py --check`` prints the check pooled only (reliab41).

Why: the check batches only veto, scored pooled (COMMON.md).  With ``--check`` the script
still printed a line per check pair whose output changed, with its batch, its page and its
counts before → after: a pair-by-pair look at the check.  Now it prints how many check pairs
were scored and changed, and the pooled table; a dev run keeps its pair lines and beads.
The aligner is replaced here by one whose output differs between the two settings, so
every pair changes.
"""

from __future__ import annotations

from collections import Counter
from types import ModuleType, SimpleNamespace

import pytest

from tests.align.conftest import benchmark_module

PAGE = "secret-page-name"


@pytest.fixture()
def diff(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    module = benchmark_module("align_param_diff")
    calls = iter(range(1000))

    def aligned(_case: object, _roles: str, **_options: object) -> list:
        return [(frozenset({next(calls) % 2}), frozenset({0}))]  # before and after differ

    monkeypatch.setattr(module.align_pairs, "align_case", aligned)
    return module


def _ev() -> SimpleNamespace:
    def score(_gold: dict, _left: set, _right: set, beads: list) -> Counter:
        right = sum(1 for left, _ in beads if left == frozenset({0}))
        return Counter(bead_correct=right, judged=len(beads), bead_found_sure=right,
                       gold_sure=1)  # fmt: skip

    def metrics(c: Counter) -> dict[str, float]:
        return {"beadP": c["bead_correct"] / max(c["judged"], 1),
                "beadR": c["bead_found_sure"] / max(c["gold_sure"], 1)}  # fmt: skip

    return SimpleNamespace(score_pair=score, pair_metrics=metrics)


def _cases(module: ModuleType) -> list:
    pairs = module.align_pairs
    side = pairs.Side(["a"], ["body"], ["body"], ["en"], [frozenset({0})])
    gold = {"beads": [{"type": "sure", "left": [0], "right": [0]}]}
    check = pairs.CHECK_SETS[0]
    return [pairs.PairCase(name, f"{PAGE}-{k}", side, side, gold, ({0}, {0}), kind="rewrite")
            for k, name in enumerate((check, check, "batch3"))]  # fmt: skip


def test_the_check_is_printed_pooled_only(diff: ModuleType,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    diff.diff(_cases(diff), _ev(), {}, {}, ["rewrite"], "tool", check=True)
    out = capsys.readouterr().out
    assert PAGE not in out and "==" not in out, out
    assert diff.align_pairs.CHECK_SETS[0] not in out, out
    assert "check pairs scored 2, output changed in 2 (pooled only)" in out, out
    assert "| check pooled (bead P / R) | before | after |" in out
    assert "| ALL | 1.000 / 1.000 (2/2, 2/2) | 0.000 / 0.000 (0/2, 0/2) |" in out  # summed


def test_a_dev_run_keeps_its_pair_lines(diff: ModuleType,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    diff.diff(_cases(diff), _ev(), {}, {}, ["rewrite"], "tool", check=False)
    out = capsys.readouterr().out
    assert f"== batch3 {PAGE}-2 correct" in out and "  + L[" in out, out
    assert "check pairs scored" not in out and f"{PAGE}-0" not in out
