"""``benchmarks/align_rewrite_classes.py``: what a rewrite did to a bead the aligner lost.

Why: round 28 counts the dev rewrites' misses and wrong beads by the rewrite's edit (split,
added, reordered, changed figure); each class must mean what its name says.
"""

from __future__ import annotations

from types import ModuleType, SimpleNamespace

import pytest

from tests.align.conftest import benchmark_module

F = frozenset
# gold: L0:R0, L1:R2 and L2:R1 (told in the other order), L3+L4 : R3 (a sentence split in two)
GOLD = [(F({0}), F({0})), (F({1}), F({2})), (F({2}), F({1})), (F({3, 4}), F({3}))]


def _side(texts: list[str]) -> SimpleNamespace:
    return SimpleNamespace(texts=texts, spans=[F({k}) for k in range(len(texts))])


CASE = SimpleNamespace(
    left=_side(["Zwölf Menschen, 12 verletzt.", "A", "B", "C", "D."]),
    right=_side(["17 Menschen verletzt.", "B", "A", "C und D."]),
    body=({0, 1, 2, 3, 4}, {0, 1, 2, 3}),
)
# the same pair, both captures cut inside the last sentence ("D" / "C und D, so")
CUT = SimpleNamespace(left=_side([*CASE.left.texts[:4], "D"]),
                      right=_side([*CASE.right.texts[:3], "C und D, so"]),
                      body=CASE.body)  # fmt: skip


@pytest.fixture(scope="module")
def classes() -> ModuleType:
    return benchmark_module("align_rewrite_classes")


def test_beads_told_in_the_other_order_cross(classes: ModuleType) -> None:
    assert classes.crosses(GOLD[1], GOLD) and classes.crosses(GOLD[2], GOLD)
    assert not classes.crosses(GOLD[0], GOLD) and not classes.crosses(GOLD[3], GOLD)


def test_a_changed_figure_is_read_on_both_sides(classes: ModuleType) -> None:
    assert classes.figures(CASE, 0, F({0})) == {"12"}
    assert classes.changed_number(CASE, GOLD[0])
    assert not classes.changed_number(CASE, GOLD[1])  # no figure on either side
    assert not classes.changed_number(CASE, GOLD[3])  # not a 1-1
    assert not classes.changed_number(CASE, GOLD[3], one_to_one=False)  # no figures


def test_missed_beads_by_the_rewrite_edit(classes: ModuleType) -> None:
    assert classes.missed_class(CASE, GOLD[3], "split / partial N-M", GOLD) == "split / joined"
    assert classes.missed_class(CASE, GOLD[3], "split / partial N-M (gap)", GOLD) == "gap"
    assert classes.missed_class(CASE, GOLD[1], "both unmatched 1-1", GOLD) == "reordered"
    assert classes.missed_class(CASE, GOLD[0], "one unmatched 1-1", GOLD) == "changed number"
    assert classes.missed_class(CASE, GOLD[0], "inside a larger bead 1-1", GOLD) == (
        "added, glued")
    assert classes.missed_class(CASE, GOLD[0], "role 1-1", GOLD) == "role"


def test_a_bead_holding_a_cut_last_sentence_is_cut_off(classes: ModuleType) -> None:
    assert classes.cut_off(CUT, GOLD[3]) and not classes.cut_off(CASE, GOLD[3])
    assert not classes.cut_off(CUT, GOLD[0])  # not the page's last body sentence
    assert classes.missed_class(CUT, GOLD[3], "role N-M", GOLD) == "cut off"  # first class
    outside = SimpleNamespace(left=CUT.left, right=CUT.right, body=({0, 1, 2}, {0, 1, 2}))
    assert not classes.cut_off(outside, GOLD[3])  # the cut lines are not gold body


def test_wrong_beads_by_the_rewrite_edit(classes: ModuleType) -> None:
    assert classes.wrong_class(CASE, (F({3}), F({3})), "part of a gold bead", GOLD) == (
        "split / joined")
    assert classes.wrong_class(CASE, (F({0, 1}), F({0})), "glued", GOLD) == "added, glued"
    assert classes.wrong_class(CASE, (F({1}), F({1})), "crosses gold beads", GOLD) == (
        "reordered")
    assert classes.wrong_class(CASE, (F({0}), F({3})), "wrong partner", GOLD) == "reworded"
