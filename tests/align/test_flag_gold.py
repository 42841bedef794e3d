"""Flags against the repository's flag gold (tests/data/flag-gold.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SHARED
from workbench.testing.flag_gold import case_items, dev_items, precision_recall

GOLD = json.loads((Path(__file__).resolve().parents[1] / "data" / "flag-gold.json").read_text())
STORIES_DEV = SHARED / "data" / "stories-dev"


@pytest.mark.parametrize("item", case_items(GOLD), ids=lambda item: item[0])
def test_flag_cases(item: tuple[str, dict, dict]) -> None:
    _, got, wanted = item
    assert got == wanted


@pytest.mark.skipif(
    not STORIES_DEV.is_dir(), reason=f"shared real-page dev set absent: {STORIES_DEV}"
)
def test_flags_on_real_dev_pairs_are_precise() -> None:
    scores = precision_recall(dev_items(GOLD, STORIES_DEV))
    assert scores["precision"] >= 0.85 and scores["recall"] == 1.0, scores
