"""Rounded figures (core.check_rounded): one count told roundly is no changed figure."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.check_rounded import figure_range, figures, same_count, without_rounded
from workbench.core.checks import check_pair


def _flags(left: str, right: str, llang: str, rlang: str, **gate: float) -> dict:
    return check_pair(left, right, left_lang=llang, right_lang=rlang, **gate)


def test_a_rounded_count_against_an_exact_one_is_no_change() -> None:
    """The wordings of the dev pairs of four writers (blind batches 9, 10, 18, 21)."""
    assert _flags("At least 412 civilians have been killed by mines since January.",
                  "Minen haben mehr als 400 Zivilisten getötet.", "en", "de") == {}  # fmt: skip
    assert _flags("à environ 130 km de profondeur", "at a depth of 128 km", "fr", "en") == {}
    assert _flags("More than 200 miners refused to come up.",
                  "Rund 210 Bergleute protestieren unter Tage.", "en", "de") == {}  # fmt: skip
    assert (
        _flags(
            "Brent crude futures rose 1.2% after the news.",
            "Ціна нафти Brent після новини зросла більш ніж на 1%.",
            "en",
            "uk",
        )
        == {}
    )
    # in a paraphrase (low similarity) too: no figure "replaced by one of like size"
    assert _flags("More than 200 miners stayed underground on Tuesday.",
                  "Rund 210 Bergleute protestieren seit Montag.", "en", "de",
                  confidence=0.9, similarity=0.2) == {}  # fmt: skip


def test_figures_rounded_the_same_way_are_a_changed_figure() -> None:
    """'more than 10,000' / 'more than 11,000' (issue 15), 'environ 9 000' / 'environ 10 000'
    (blind batch 11), 'понад 30' / 'понад 40' (blind batch 16), 'rund 2.300' / 'rund 2.400'."""
    got = _flags("Pyongyang sent more than 10,000 soldiers.",
                 "Pyongyang sent more than 11,000 soldiers.", "en", "en")  # fmt: skip
    assert got == {"numbers": {"left_only": ["10,000"], "right_only": ["11,000"]}}
    got = _flags("Environ 9 000 voyageurs empruntent la liaison.",
                 "Environ 10 000 voyageurs utilisent la ligne.", "fr", "fr")  # fmt: skip
    assert got == {"numbers": {"left_only": ["9 000"], "right_only": ["10 000"]}}
    got = _flags("понад 30 рейсів затримуються", "затримуються понад 40 поїздів", "uk", "uk")
    assert got == {"numbers": {"left_only": ["30"], "right_only": ["40"]}}
    got = _flags("Rund 2.300 Beschäftigte verlieren ihren Job.",
                 "Betroffen sind rund 2.400 Beschäftigte.", "de", "de")  # fmt: skip
    assert got == {"numbers": {"left_only": ["2.300"], "right_only": ["2.400"]}}


def test_a_rounded_figure_outside_the_range_or_of_another_kind_stays_a_change() -> None:
    got = _flags("About 400 people were evacuated.", "1,400 people were evacuated.", "en", "en")
    assert got == {"numbers": {"left_only": ["400"], "right_only": ["1,400"]}}
    # a converted amount is no rounding of the original: "$640 million" / "rund 550 Millionen"
    got = _flags("Donors pledged $640 million.", "Die Geber sagten rund 550 Millionen Euro zu.",
                 "en", "de")  # fmt: skip
    assert got == {"numbers": {"left_only": ["640"], "right_only": ["550"]}}
    # a percentage is no count: "more than 5%" against "6 plants"
    got = _flags("Shares fell more than 5% as 6 plants closed.", "Shares fell as 6 plants and "
                 "7 sites closed.", "en", "en")  # fmt: skip
    assert got["numbers"] == {"left_only": ["5"], "right_only": ["7"]}


def test_ranges_of_the_wordings() -> None:
    low, high = figure_range(Decimal("400"), "above")  # open ends: "over 400" is no 400
    assert 400 < low < 400.01 and 499.99 < high < 500
    low, high = figure_range(Decimal("210"), "about")
    assert low == 205.0 and 214.99 < high < 215
    assert figure_range(Decimal("10000"), "about")[0] == 9500.0  # a tenth of the order
    assert figure_range(Decimal("412"), None) == (412.0, 412.0)
    assert [(f.raw, f.how) for f in figures("rund 550 Millionen, knapp 30", "de", ["550", "30"])] \
        == [("550", "about"), ("30", "nearly")]  # fmt: skip


@given(
    st.integers(10, 10**6),
    st.sampled_from(
        [
            "more than",
            "über",
            "понад",
            "at least",
            "about",
            "rund",
            "près de",
            "около",
            "nearly",
            "майже",
        ]
    ),  # fmt: skip
    st.sampled_from(["more than", "about", "at least", "nearly", ""]),
    st.integers(-50, 50),
)
def test_the_rule_only_takes_flags_away_and_reads_both_sides_alike(
    base: int, marker: str, other: str, shift: int
) -> None:
    """Flags with the rule are a part of the flags without it, and swapping the sides
    swaps the result: a rounding is the same count from either copy."""
    value = max(1, base + shift * base // 100)
    left = f"Officials said {marker} {base} people were hit."
    right = f"Officials said {other} {value} people were hit.".replace("  ", " ")
    nums = {"left_only": [str(base)], "right_only": [str(value)]} if base != value else {}
    kept = without_rounded(left, right, nums, "en", "en")
    for side, tokens in kept.items():
        assert set(tokens) <= set(nums[side])
    mirror = without_rounded(
        right,
        left,
        {"left_only": nums.get("right_only", []), "right_only": nums.get("left_only", [])},
        "en",
        "en",
    )
    assert {"left_only" if s == "right_only" else "right_only": t for s, t in kept.items()} \
        == {s: t for s, t in mirror.items() if t}  # fmt: skip
    if marker == other or base == value:
        assert kept == nums  # rounded the same way (or equal): untouched


def test_same_count_needs_one_rounded_figure() -> None:
    exact = figures("412 people", "en", ["412"])[0]
    above = figures("more than 400 people", "en", ["400"])[0]
    assert same_count(exact, above) and same_count(above, exact)
    assert not same_count(exact, figures("413 people", "en", ["413"])[0])


def test_the_wording_is_read_before_the_figure_itself_not_inside_a_year() -> None:
    """'20' also stands inside '2026': the marker is looked up before the figure's own place."""
    assert _flags("In 2026, more than 20 people were hurt.", "In 2026, 25 people were hurt.",
                  "en", "en") == {}  # fmt: skip
    got = _flags("In 2026, 20 people were hurt.", "In 2026, 25 people were hurt.", "en", "en")
    assert got == {"numbers": {"left_only": ["20"], "right_only": ["25"]}}


def test_less_than_and_nearly_reach_down_to_the_exact_figure() -> None:
    assert _flags("Fewer than 500 homes still have no power.", "Some 460 homes have no power.",
                  "en", "en") == {}  # fmt: skip
    assert _flags("Nahezu 300 Menschen wurden evakuiert.", "298 Menschen wurden evakuiert.",
                  "de", "de") == {}  # fmt: skip
    got = _flags("Less than 500 homes have no power.", "Some 520 homes have no power.", "en", "en")
    assert got == {"numbers": {"left_only": ["500"], "right_only": ["520"]}}
