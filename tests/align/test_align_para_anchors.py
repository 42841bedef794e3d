"""``benchmarks/align_para_anchors.py``: a missed gold 1-1's output and anchor classes.

Why: round 26 (para26) decides whether an anchor rule can carry from how many of the
paraphrases' missed 1-1 beads share an anchor the aligner reads; each class must mean
what its name says.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module
from workbench.core.align_repair import Bead
from workbench.core.align_views import anchor_sets
from workbench.core.anchors import unique_anchors

F = frozenset


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return benchmark_module("align_para_anchors")


def test_a_key_no_other_sentence_holds_is_unique(study: ModuleType) -> None:
    left = ["Etwa 640 Beschäftigte legten die Arbeit nieder.", "Verdi rief zum Streik auf."]
    right = ["Quelque 640 salariés ont cessé le travail.", "Le syndicat Verdi a appelé."]
    keys = anchor_sets(left, {}), anchor_sets(right, {})
    unique = unique_anchors(keys[0]), unique_anchors(keys[1])
    assert study.anchor_class((keys[0][0], keys[1][0]), (unique[0][0], unique[1][0])) == "unique"
    assert study.anchor_class((keys[0][1], keys[1][1]), (unique[0][1], unique[1][1])) == "unique"
    assert study.anchor_class((keys[0][0], keys[1][1]), (unique[0][0], unique[1][1])) == "none"


def test_a_key_both_documents_repeat_is_only_shared(study: ModuleType) -> None:
    keys = (F({"@verdi", "#640"}), F({"@verdi"}))
    assert study.anchor_class(keys, (F({"#640"}), F())) == "shared"
    assert study.anchor_class((F({"#640"}), F({"#641"})), (F(), F())) == "none"


def test_the_output_class_reads_both_sides(study: ModuleType) -> None:
    output = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"),
              Bead((), (1,), 0.0, "0-1"), Bead((2,), (2, 3), 0.4, "1-2")]  # fmt: skip
    assert study.place(1, 1, output) == "both unmatched"
    assert study.place(1, 0, output) == "one unmatched"
    assert study.place(0, 1, output) == "one unmatched"
    assert study.place(0, 2, output) == "linked elsewhere"
    assert study.place(2, 3, output) == "linked elsewhere"  # inside a larger bead
