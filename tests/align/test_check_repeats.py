"""A replaced figure is flagged as often as the other copy tells its replacement (round 29).

Invented sentences in the shape of round 28's unseen false flags (now dev batches 17, 18,
75, 89): one copy tells the changed figure twice (a headline or deck and the body), the
other copy tells its figure once, and the second telling sits in a row whose other side
tells no figure or in a one-sided row.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_repeats
from workbench.core.check_echoes import echoes
from workbench.core.check_repeats import capped_repeats

EN = [
    ("The 24-year-old crossed the line 8.4 seconds ahead of Solberg.",
     "The 24-year-old stopped the clock in 20min 41.7sec."),
    ("She beat Solberg by 8.4 seconds.", "Solberg was second, 8.6sec behind."),
]  # fmt: skip
LANGS = ("en", "en")


def test_a_second_telling_against_no_replacement_is_dropped() -> None:
    flags = [{"numbers": {"left_only": ["8.4"]}},
             {"numbers": {"left_only": ["8.4"], "right_only": ["8.6"]}}]  # fmt: skip
    out = capped_repeats(EN, flags, LANGS)
    assert out[0] == {}
    assert out[1] == flags[1]
    assert flags[0] == {"numbers": {"left_only": ["8.4"]}}  # the input is left as it was


def test_both_copies_telling_the_change_twice_keep_both_flags() -> None:
    rows = [("Strike: 180 operations postponed", "Strike: 200 operations cancelled"),
            ("Some 180 operations were postponed.", "Some 200 operations were cancelled.")]
    flags = [{"numbers": {"left_only": ["180"], "right_only": ["200"]}}] * 2
    assert capped_repeats(rows, flags, LANGS) == flags


def test_the_row_without_a_replacement_loses_its_flag_not_the_replaced_row() -> None:
    rows = [("Miners stay underground", "Miners stay underground: 220 people"),
            ("There are 214 workers underground.", "220 people remain underground."),
            ("", "Some 220 people were underground.")]
    flags = [{"numbers": {"right_only": ["220"]}, "names": {"left_only": ["X"]}},
             {"numbers": {"left_only": ["214"], "right_only": ["220"]}},
             {"numbers": {"right_only": ["220"]}}]  # fmt: skip
    out = capped_repeats(rows, flags, LANGS)
    assert out == [{"names": {"left_only": ["X"]}}, flags[1], {}]


def test_an_added_figure_and_an_unread_replacement_are_left_alone() -> None:
    rows = [("Some 40 people came.", "Some 45 people came."), ("It cost 12 million.", "")]
    flags = [{"numbers": {"left_only": ["40"], "right_only": ["45"]}},
             {"numbers": {"left_only": ["12"]}}]  # fmt: skip
    assert capped_repeats(rows, flags, LANGS) == flags  # "12" was never replaced
    odd = [{"numbers": {"left_only": ["40"], "right_only": ["zzz"]}}, {}]
    twice = [rows[0], ("Some 40 people.", "")]
    odd[1] = {"numbers": {"left_only": ["40"]}}
    assert capped_repeats(twice, odd, LANGS) == odd  # no row reads "zzz" back: no evidence


def test_a_sentence_a_move_shows_twice_tells_its_figure_once() -> None:
    told = "The campaign costs about 40 million euros."
    rows = [("", "45 million euros for customers"), (told, "It costs about 45 million euros."),
            (told, "")]
    flags = [{"numbers": {"right_only": ["45"]}},
             {"numbers": {"left_only": ["40"], "right_only": ["45"]}}, {}]  # fmt: skip
    assert capped_repeats(rows, flags, LANGS)[0] == {}


def test_echoes_cap_what_they_repeat_and_the_switch_restores_them() -> None:
    rows = [("Rund 180 Operationen wurden verschoben.", "Rund 200 Operationen abgesagt"),
            ("Rund 180 Operationen werden verschoben, sagte sie.", ""),
            ("Rund 180 Operationen wurden verschoben, hieß es.", "")]
    flags = [{"numbers": {"left_only": ["180"], "right_only": ["200"]}}, {}, {}]
    checked = [True, True, True]
    assert echoes(rows, flags, checked, ("de", "de"))[1:] == [{}, {}]
    check_repeats.REPEATS = False
    try:
        off = echoes(rows, flags, checked, ("de", "de"))
    finally:
        check_repeats.REPEATS = True
    assert off[1] == off[2] == {"numbers": {"left_only": ["180"]}}


@st.composite
def _pairs(draw: st.DrawFn) -> tuple[list[tuple[str, str]], list[dict]]:
    """Rows telling one of two figures per side (or nothing), flagged at random."""
    left_vals, right_vals = ("120", "75"), ("130", "80")
    rows, flags = [], []
    for _ in range(draw(st.integers(1, 6))):
        lv = draw(st.sampled_from(("", *left_vals)))
        rv = draw(st.sampled_from(("", *right_vals)))
        rows.append((f"Es kamen {lv} Menschen." if lv else "", f"Es kamen {rv} Menschen." if rv
                     else ""))  # fmt: skip
        nums = {}
        if lv and draw(st.booleans()):
            nums["left_only"] = [lv]
        if rv and draw(st.booleans()):
            nums["right_only"] = [rv]
        flags.append({"numbers": nums} if nums else {})
    return rows, flags


def _count(flags: list[dict], side: str, token: str) -> int:
    return sum(f.get("numbers", {}).get(side, []).count(token) for f in flags)


@given(_pairs())
def test_the_cap_only_takes_surplus_tellings_of_replaced_figures(case) -> None:
    rows, flags = case
    flags[0] = {**flags[0], "names": {"left_only": ["Kyjiw"]}}
    out = capped_repeats(rows, flags, ("de", "de"))
    assert out[0]["names"] == {"left_only": ["Kyjiw"]}  # names are not its business
    for before, after in zip(flags, out, strict=True):
        assert "numbers" not in after or after["numbers"]  # no empty kinds left
        for side in ("left_only", "right_only"):
            got = after.get("numbers", {}).get(side, [])
            assert all(got.count(t) <= before.get("numbers", {}).get(side, []).count(t)
                       for t in got)  # fmt: skip
    for side, other in (("left_only", "right_only"), ("right_only", "left_only")):
        replaced = {t for f in flags for t in f.get("numbers", {}).get(side, [])
                    if f.get("numbers", {}).get(other)}  # fmt: skip
        for token in {t for f in flags for t in f.get("numbers", {}).get(side, [])}:
            if token in replaced:
                assert _count(out, side, token) >= 1  # the change itself is never lost
            else:
                assert _count(out, side, token) == _count(flags, side, token)  # an added fact
