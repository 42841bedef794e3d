"""``benchmarks/align_para_table.py``: a word table learnt outside the pair, and its picks.

Why: round 27 (para27) decides whether a table of common news words carries across
batches; the study is only honest if a pair is never read through a table that learnt
from its own set, if a pick means the partner alone scores highest, and if the gloss
keeps what the anchors read (case, numbers, punctuation).
"""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.align.conftest import benchmark_module

F = frozenset


@pytest.fixture(scope="module")
def study() -> ModuleType:
    return benchmark_module("align_para_table")


@pytest.fixture(scope="module")
def pairs() -> ModuleType:
    return benchmark_module("align_pairs")


def case(pairs: ModuleType, set_name: str, left: list[str], right: list[str]):
    """A translation pair whose k-th sentences are each other's sure gold 1-1 bead."""

    def side(texts: list[str], lang: str):
        n = len(texts)
        return pairs.Side(texts, ["body"] * n, ["body"] * n, [lang] * n, [F({k}) for k in range(n)])

    beads = [{"type": "sure", "left": [k], "right": [k]} for k in range(len(left))]
    return pairs.PairCase(set_name, f"{set_name}-pair", side(left, "de"), side(right, "en"),
                          {"beads": beads}, (set(), set()), kind="translation")  # fmt: skip


FIRE_DE = ["Das Feuer brach in der Nacht aus.", "Die Polizei sagte, das Feuer sei gelöscht.",
           "Das Feuer zerstörte zwei Häuser."]  # fmt: skip
FIRE_EN = ["Fire broke out at night.", "Police said the fire was out.",
           "A fire destroyed two houses."]  # fmt: skip


def test_a_pair_is_read_through_a_table_learnt_without_its_set(study, pairs) -> None:
    other = case(pairs, "batch3", FIRE_DE, FIRE_EN)
    own = case(
        pairs,
        "batch4",
        ["Der Sturm kam.", "Der Sturm ging."],
        ["Storm came.", "A storm left."],
    )
    tables = study.Tables([other, own])
    assert tables.table("de", "en", "batch4").get("feuer") == "fire"
    assert "sturm" not in tables.table("de", "en", "batch4")  # its own words are left out
    assert tables.table("de", "en", "batch3").get("sturm") == "storm"
    assert tables.table("en", "de", "batch4").get("fire") == "feuer"  # both directions pooled
    assert study.Tables([other, own], inside=True).table("de", "en", "batch4")["sturm"] == "storm"


def test_the_gloss_keeps_case_numbers_and_what_the_other_side_holds(study) -> None:
    table = {"feuer": "fire", "der": "the", "in": "into"}
    text = "Das Feuer in der Nacht: 12 Häuser, sagte Müller."
    assert study.keep_gloss(text, table) == "Das fire into the Nacht: 12 Häuser, sagte Müller."
    assert study.keep_gloss(text, table, F({"in"})) == (
        "Das fire in the Nacht: 12 Häuser, sagte Müller."
    )


def test_a_pick_is_the_single_best_partner_and_mutual_both_ways(study) -> None:
    left = [{"fire", "night"}, {"police", "said"}, {"fire", "houses"}]
    right = [{"fire", "night"}, {"police", "fire"}, {"houses", "two"}]
    assert study.best([0.0, 0.0]) is None
    assert study.best([0.5, 0.5, 0.1]) is None  # a tie picks nothing
    assert study.mutual(left, right) == {0: 0, 1: 1, 2: 2}
    assert study.picks(left, right, 1, 1) == (True, True, True)
    assert study.picks(left, right, 1, 0) == (False, False, False)
    assert study.mutual([{"fire"}, {"fire"}], [{"fire"}]) == {}  # no single best on the left


def test_position_reads_each_side_s_share_of_its_story(study) -> None:
    assert study.position(0, 0, 5, 5) and study.position(4, 4, 5, 5)
    assert study.position(2, 4, 3, 5)  # the last sentence of each
    assert not study.position(1, 0, 3, 5)
    assert study.position(0, 0, 1, 1) and not study.position(0, 1, 1, 2)
