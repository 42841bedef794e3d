"""Figures told in another form (core.check_forms), time words and legal forms.

Invented sentences in the shapes of round 10's held-out false flags: a Roman numeral
against digits, hours against days, a clock time in words, a figure beside a weekday,
a company's legal form before its quoted name, and an attribution merged into a
reworded sentence.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.check_forms import durations, roman_values, without_other_forms
from workbench.core.check_nouns import name_candidates
from workbench.core.check_numbers import quantities
from workbench.core.check_scope import unglued
from workbench.core.checks import check_pair


def _flags(left: str, right: str, llang: str = "en", rlang: str = "en") -> dict:
    return check_pair(left, right, left_lang=llang, right_lang=rlang)


def test_a_roman_numeral_is_the_figure_the_other_copy_writes_in_digits() -> None:
    assert roman_values("The vaccine moved to phase II/III trials.") == {2, 3}
    assert roman_values("Phase I/II, then XIV") == {1, 2, 14}
    assert roman_values("I said X is a letter, V too.") == set()  # lone letters are words
    assert _flags("The vaccine entered phase II/III trials in May.",
                  "Der Impfstoff ging im Mai in die Phase 2/3.", "en", "de") == {}  # fmt: skip
    # a real change next to it is still raised
    got = _flags("Phase III enrolled 400 people.", "Phase 3 enrolled 450 people.")
    assert got == {"numbers": {"left_only": ["400"], "right_only": ["450"]}}


def test_a_numeral_both_copies_write_does_not_cancel_a_changed_digit() -> None:
    """Charles III on both sides: its III is a name's, not the other side's 3."""
    got = _flags("King Charles III visited 3 towns.", "King Charles III visited 4 towns.")
    assert got == {"numbers": {"left_only": ["3"], "right_only": ["4"]}}


def test_a_duration_in_hours_against_one_in_days_is_no_change() -> None:
    assert [m for _, m in durations("Die Sperre dauerte 48 Stunden.", "de")] == [2880]
    assert _flags("Die Strecke war 48 Stunden gesperrt.",
                  "Die Strecke war zwei Tage gesperrt.", "de", "de") == {}  # fmt: skip
    assert _flags("The border stayed shut for 72 hours.",
                  "Кордон був закритий три дні.", "en", "uk") == {}  # fmt: skip
    got = _flags("The road was shut for 48 hours, 5 people hurt.",
                 "The road was shut for two days, 6 people hurt.")  # fmt: skip
    assert got == {"numbers": {"left_only": ["5"], "right_only": ["6"]}}
    # a different duration stays a change
    got = _flags("The road was shut for 36 hours.", "The road was shut for two days.")
    assert got == {"numbers": {"left_only": ["36"], "right_only": ["two"]}}


@given(st.integers(1, 30), st.integers(1, 30))
def test_other_forms_only_ever_take_flags_away(hours: int, days: int) -> None:
    left, right = f"It lasted {hours} hours.", f"It lasted {days} days."
    nums = {"left_only": [str(hours)], "right_only": [str(days)]}
    kept = without_other_forms(left, right, nums, "en", "en")
    for side, tokens in kept.items():
        assert set(tokens) <= set(nums[side])
    assert (kept == {}) == (hours == 24 * days)


def test_a_clock_time_in_words_is_no_figure() -> None:
    assert quantities("Gegen halb fünf am Sonntagmorgen kam er ab.", "de") == []
    assert quantities("at half past five, five o'clock", "en") == []
    assert quantities("о пів на п'яту ранку", "uk") == []
    assert quantities("в половине пятого утра", "ru") == []
    assert _flags("Gegen 4.30 Uhr geriet der Bus ins Schleudern.",
                  "Gegen halb fünf geriet der Bus ins Schleudern.", "de", "de") == {}  # fmt: skip
    # a count in words is still a figure
    assert quantities("Gegen fünf Uhr wurden fünf Menschen verletzt.", "de") == [("fünf", "5")]


def test_a_figure_beside_a_weekday_is_a_quantity_unless_it_can_be_a_day() -> None:
    assert quantities("Am Freitag 5,62 Meter gemessen.", "de") == [("5,62", "5.62")]
    assert quantities("on Friday 120 people left", "en") == [("120", "120")]
    assert quantities("am Freitag, 14. März 2026", "de") == []
    assert _flags("Am Pegel wurden am Freitag 5,62 Meter gemessen.",
                  "L'échelle indiquait 5,62 mètres vendredi.", "de", "fr") == {}  # fmt: skip


def test_a_legal_form_before_a_quoted_company_name_is_no_name() -> None:
    assert name_candidates("біля котельні КП «Містотеплоенерго» та ПрАТ „Агро“", "uk") == []
    assert "AfD" in name_candidates("einem „Bündnis gegen die AfD“ und Merz", "de")
    left = "Трубу прорвало біля котельні КП «Містотеплоенерго» вночі."
    right = "Трубу прорвало біля котельні вночі."
    assert _flags(left, right, "uk", "uk") == {}


def test_an_attribution_merged_into_a_reworded_sentence_keeps_its_figures() -> None:
    """The other copy joined "the mayor said" to a reworded sentence: the reworded one
    is the rest of the other side, not a sentence glued in, so 214 -> 216 is read."""
    left = ("Без опалення лишилися 214 будинків, 11 шкіл і лікарня — загалом 30 тисяч "
            "людей. Про це повідомив міський голова Олег Бондар.")  # fmt: skip
    right = ("Без тепла залишилися 216 житлових будинків і 11 шкіл, повідомив міський "
             "голова Олег Бондар.")  # fmt: skip
    assert unglued(left, right) == (left, right)
    got = check_pair(left, right, left_lang="uk", right_lang="uk", regrouped=True)
    assert got["numbers"]["left_only"][0] == "214"
    assert got["numbers"]["right_only"] == ["216"]


def test_abbreviated_scale_words_scale_the_figure() -> None:
    """"2,5 Mio.", "3 Mrd.", "41 тис.", "$3bn" are the values their spelled-out twins are."""
    assert quantities("2,5 Mio. Euro", "de") == [("2,5", "2500000")]
    assert quantities("3 Mrd. Euro", "de") == [("3", "3000000000")]
    assert quantities("близько 41 тис. т пшениці", "uk") == [("41", "41000")]
    assert quantities("a $3bn deal", "en") == [("3", "3000000000")]
    assert _flags("Der Schaden liegt bei 2,5 Mio. Euro.",
                  "The damage is put at 2.5 million euros.", "de", "en") == {}  # fmt: skip
    got = _flags("Близько 41 тис. тонн.", "Около 45 тысяч тонн.", "uk", "ru")
    assert got == {"numbers": {"left_only": ["41"], "right_only": ["45"]}}


@given(st.integers(0, 999), st.integers(1, 99), st.sampled_from(["m", "k", "x", "abc"]))
def test_a_decimal_is_never_read_as_its_whole_part(whole: int, tenths: int, tail: str) -> None:
    """"€2.5m" is no "2": a figure's decimals are never cut off to make it end at a word."""
    text = f"a fine of {whole}.{tenths}{tail} was paid"
    assert str(whole) not in [v for _, v in quantities(text, "en")]


def test_a_clock_time_with_am_pm_or_a_time_zone_is_no_figure() -> None:
    for text in ("at 9.40 p.m. on Monday", "at 10pm", "by 6:42am", "at 21.40 local time"):
        assert quantities(text, "en") == [], text
    assert _flags("The fire broke out at 9.40 p.m., injuring 3.",
                  "The fire broke out at 21:40, injuring 3.") == {}  # fmt: skip
    # German "am" is a preposition: "5 am Montag" keeps its figure
    assert quantities("Es waren 5 am Montag.", "de") == [("5", "5")]
