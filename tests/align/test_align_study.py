"""``benchmarks/align_study.py``: the shared ``main()`` scaffolding of the align miss studies.

Why: round 38 (tidy38) moved the option parsing, the dev-case filter and the row / batch
counts of about fifteen studies into one helper; these pin what the studies' tables read.
"""

from __future__ import annotations

import sys
from types import SimpleNamespace

from tests.align.conftest import benchmark_module


def test_count_keeps_rows_and_batches_apart() -> None:
    """A row counted twice in one batch is two rows in one batch; ``cells`` says both."""
    bench = benchmark_module("align_study")
    study = bench.Study(SimpleNamespace(cache=None), None, ["rewrite"])
    for name in ("batch1", "batch1", "batch2"):
        study.count(("rewrite", "missed"), SimpleNamespace(set_name=name))
    assert study.cells(("rewrite", "missed")) == "3 | 2"
    assert study.cells(("rewrite", "missed"), ", ") == "3, 2"
    assert study.cells(("copy", "found")) == "0 | 0"


def test_cases_are_the_dev_cases_of_the_kinds(monkeypatch) -> None:
    """The check sets are never read and only ``--kinds`` pass, in the cache's order."""
    bench = benchmark_module("align_study")
    pairs = sys.modules["align_pairs"]
    cases = [SimpleNamespace(set_name=s, kind=k) for s, k in
             (("batch1", "rewrite"), (next(iter(pairs.CHECK_SETS)), "rewrite"),
              ("batch2", "copy"), ("batch3", "rewrite"))]  # fmt: skip
    monkeypatch.setattr(pairs, "cached_cases", lambda cache: cases)
    monkeypatch.setattr(pairs, "pair_kind", lambda case: case.kind)
    study = bench.Study(SimpleNamespace(cache=None), None, ["rewrite"])
    assert [c.set_name for c, _ in study.cases()] == ["batch1", "batch3"]


def test_start_says_nothing_to_do_without_the_scorer(monkeypatch, tmp_path, capsys) -> None:
    bench = benchmark_module("align_study")
    monkeypatch.setattr(sys.modules["align_pairs"], "EVAL", tmp_path / "absent.py")
    monkeypatch.setattr(sys, "argv", ["align_x.py", "--kinds", "copy"])
    assert bench.start("a study", "rewrite", "one line per row") is None
    assert "nothing to do" in capsys.readouterr().out
