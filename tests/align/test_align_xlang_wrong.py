"""``benchmarks/align_xlang_wrong.py``: the class of a wrong cross-language bead.

Why: round 21 reads the paraphrases' precision loss by class (which wrong beads a rule
would have to remove); each class must mean what its name says.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module

F = frozenset
# gold: a 2-1 (L1+L2 : R1), a 1-1 (L3 : R3); L4 and R2, R4 told by one side only
GOLD = [(F({1, 2}), F({1})), (F({3}), F({3}))]
BODY = (F({1, 2, 3, 4}), F({1, 2, 3, 4}))


@pytest.fixture(scope="module")
def wrong() -> ModuleType:
    return benchmark_module("align_xlang_wrong")


def test_each_class_names_its_shape(wrong: ModuleType) -> None:
    assert wrong.wrong_class((F({1}), F({1})), GOLD, BODY) == "part of a gold bead"
    assert wrong.wrong_class((F({3, 4}), F({3})), GOLD, BODY) == "glued"
    assert wrong.wrong_class((F({4}), F({2})), GOLD, BODY) == "told by one side"
    assert wrong.wrong_class((F({4}), F({3})), GOLD, BODY) == "told by one side"
    assert wrong.wrong_class((F({3}), F({1})), GOLD, BODY) == "wrong partner"
    assert wrong.wrong_class((F({2, 3}), F({1})), GOLD, BODY) == "crosses gold beads"


def test_a_side_outside_the_gold_body_is_a_role_error(wrong: ModuleType) -> None:
    assert wrong.wrong_class((F({9}), F({1})), GOLD, BODY) == "role"
