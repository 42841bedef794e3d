"""A Cyrillic name and its Latin romanisation that differ by a case ending (``align_name_stems``).

Why (round 44, beads44): round 43 traced a missed uk→en paraphrase bead to "у Товстоброді" /
"Tovstobrid", whose name skeletons differ; the rule and its study: ``docs/align.md`` "Round 44
(beads44)".
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import align_name_stems as ns
from workbench.core.anchors import anchor_keys

LEFT = ["Ціни на хліб у Товстоброді зросли.", "Мер Зеленського не підтримав.", "Без назв."]
RIGHT = ["Bread prices rose in Tovstobrid.", "The mayor did not back Zelensky.", "No names."]


def anchors(texts: tuple[list[str], list[str]]) -> tuple[list, list]:
    return [anchor_keys(t) for t in texts[0]], [anchor_keys(t) for t in texts[1]]


def test_ships_off_and_off_returns_its_input() -> None:
    assert ns.NAME_STEM_MIN == 0
    keys = anchors((LEFT, RIGHT))
    assert ns.stem_shared((LEFT, RIGHT), keys) is keys
    assert ns.stem_shared((LEFT, RIGHT), keys, 5) is not keys


@pytest.mark.parametrize(("declined", "nominative"), [
    ("Товстоброді", "Tovstobrid"), ("Харкові", "Kharkiv"), ("Зеленського", "Zelensky"),
    ("Миколаєві", "Mykolaiv"), ("Вінницької", "Vinnytsia"), ("Поділля-Хліб", "Podillia-Khlib"),
    ("Товстогірської", "Tovstohirsk"),
])  # fmt: skip
def test_a_declined_name_and_its_romanisation_share_a_stem(declined: str, nominative: str) -> None:
    assert ns.name_stem(declined, 5) == ns.name_stem(nominative, 5) != ""


def test_a_short_stem_is_no_stem() -> None:
    assert ns.name_stem("Києві", 5) == ns.name_stem("Марією", 5) == ""


def test_a_locative_name_gives_its_sentence_the_romanised_key() -> None:
    before = anchors((LEFT, RIGHT))
    assert not before[0][0] & before[1][0]
    left, right = ns.stem_shared((LEFT, RIGHT), before, 5)
    assert left is before[0]
    assert left[0] & right[0] and left[1] & right[1]
    assert right[2] == before[1][2]
    assert not left[0] & right[1] and not left[1] & right[0]


def test_one_script_and_matching_names_are_left_alone() -> None:
    german = (["Die Preise in Tovstobrid stiegen."], ["Bread prices rose in Tovstobrod."])
    assert ns.stem_shared(german, anchors(german), 5) == anchors(german)
    same = (["Київ і Товстобрід."], ["Kyiv and Tovstobrid."])
    assert ns.stem_shared(same, anchors(same), 5) == anchors(same)


NAMES = st.sampled_from(["Товстоброді", "Tovstobrid", "Харкові", "Kharkiv", "Львові", "Lviv",
                         "Berlin", "Берліні", "Marko", "Марка", "Odesa", "Одесою", ""])  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(NAMES, max_size=3), min_size=1, max_size=5),
       st.lists(st.lists(NAMES, max_size=3), min_size=1, max_size=5), st.integers(3, 7))
def test_keys_are_only_added_on_the_right_and_come_from_the_left(
        left: list[list[str]], right: list[list[str]], least: int) -> None:  # fmt: skip
    texts = ([" ".join(["x", *s]) for s in left], [" ".join(["y", *s]) for s in right])
    before = anchors(texts)
    after = ns.stem_shared(texts, before, least)
    assert after[0] == before[0]
    every_left = set().union(*before[0])
    for old, new in zip(before[1], after[1], strict=True):
        assert old <= new
        assert new - old <= every_left
        assert all(k.startswith("@") for k in new - old)
