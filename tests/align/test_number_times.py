"""Round 35 (flags35): a count told as how many times (``core.number_times``): "viermal" /
"vier Busse" (batch 124's false 'vier'), "twice" / "three times", "двічі" / "тричі".  A study:
``TIMES`` ships off (leave one batch out ties on dev, the check pooled gains a false token);
the tests set it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import number_times
from workbench.core.check_numbers import quantities
from workbench.core.checks import check_pair
from workbench.core.number_times import times_words

#: batch 124, the Bayernticker (dpa) against the Hohenrieder Kurier's rewrite
BUS_DPA = ("Statt stündlich fahren die Busse werktags nur noch viermal am Tag, am Wochenende "
           "entfällt die Verbindung ganz, wie das Landratsamt am Mittwoch mitteilte.")  # fmt: skip
BUS_KURIER = ("Das Landratsamt hat am Mittwoch angekündigt, die Buslinie auszudünnen: Werktags "
              "fahren dann nur noch vier Busse statt einem pro Stunde, am Wochenende gar keiner "
              "mehr.")  # fmt: skip
ROW = {"confidence": 0.95, "similarity": 0.63}

_UNITS = ["", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"]
_SMALL = {10: "zehn", 11: "elf", 12: "zwölf", 16: "sechzehn", 17: "siebzehn"}
_TENS = ["", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig",
         "neunzig"]  # fmt: skip


def german(n: int) -> str:
    """The German number word of ``n`` (2..99): "zwei", "vierzehn", "einundzwanzig"."""
    if n < 10:
        return "eins" if n == 1 else _UNITS[n]
    if n < 20:
        return _SMALL.get(n, _UNITS[n - 10] + "zehn")
    tens, unit = divmod(n, 10)
    return _TENS[tens] if not unit else _UNITS[unit] + "und" + _TENS[tens]


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(number_times, "TIMES", True)
    yield


def test_ships_off_and_off_reads_nothing() -> None:
    assert not number_times.TIMES
    assert times_words("nur noch viermal am Tag", "de") == []
    flags = check_pair(BUS_DPA, BUS_KURIER, left_lang="de", right_lang="de", **ROW)
    assert flags == {"numbers": {"right_only": ["vier"]}}  # START's false token


def test_batch_124_row_is_no_change(on: None) -> None:
    assert check_pair(BUS_DPA, BUS_KURIER, left_lang="de", right_lang="de", **ROW) == {}


@pytest.mark.parametrize(
    ("text", "lang", "values"),
    [
        ("nur noch viermal, 14mal, vierzehnmal, Zweimal", "de", ["4", "14", "14", "2"]),
        ("nicht einmal die Kosten, manchmal, diesmal, nochmal, zigmal", "de", []),
        ("14-mal und 14 Mal", "de", ["14", "14"]),  # the figure, read as before
        ("twice a day, thrice weekly, once more", "en", ["2", "3"]),
        ("двічі на добу, удвічі менше, вчетверо вищу, уп'ятеро", "uk", ["2", "2", "4", "5"]),
        ("дважды в сутки, вдвое меньше, четырежды", "ru", ["2", "2", "4"]),
        ("deux fois par jour", "fr", ["2"]),  # a separate word: read as before
    ],
)
def test_forms(on: None, text: str, lang: str, values: list[str]) -> None:
    assert [value for _, value in quantities(text, lang)] == values


@pytest.mark.parametrize(
    ("left", "right", "lang"),
    [
        ("The bus runs twice a day.", "The bus runs two times a day.", "en"),
        ("Воду подаватимуть двічі на добу.", "Воду подаватимуть два рази на добу.", "uk"),
        ("Концентрація вчетверо вища за допустиму.", "Концентрація у чотири рази вища.", "uk"),
        ("Цены выросли вдвое.", "Цены выросли в два раза.", "ru"),
    ],
)
def test_one_count_told_two_ways_is_no_change(on: None, left: str, right: str, lang: str) -> None:
    assert "numbers" not in check_pair(left, right, left_lang=lang, right_lang=lang)


@given(st.integers(min_value=2, max_value=99))
def test_a_count_as_times_against_its_word_or_figure_is_never_flagged(n: int) -> None:
    number_times.TIMES = True
    try:
        times = f"Der Bus fährt nur noch {german(n)}mal am Tag."
        for other in (f"Es fahren nur noch {german(n)} Busse am Tag.",
                      f"Es fahren nur noch {n} Busse am Tag."):  # fmt: skip
            assert "numbers" not in check_pair(times, other, left_lang="de", right_lang="de")
    finally:
        number_times.TIMES = False


@given(st.integers(min_value=2, max_value=99), st.integers(min_value=2, max_value=99))
def test_two_counts_as_times_flag_both_sides_exactly_when_they_differ(a: int, b: int) -> None:
    number_times.TIMES = True
    try:
        left = f"Der Bus fährt nur noch {german(a)}mal am Tag."
        right = f"Der Bus fährt nur noch {german(b)}mal am Tag."
        flags = check_pair(left, right, left_lang="de", right_lang="de").get("numbers", {})
        if a == b:
            assert flags == {}
        else:
            assert flags == {"left_only": [f"{german(a)}mal"], "right_only": [f"{german(b)}mal"]}
    finally:
        number_times.TIMES = False


@pytest.mark.parametrize(
    ("left", "right", "lang", "told", "read"),
    [
        (BUS_DPA, BUS_KURIER, "de", {}, {}),
        ("Der Bus fährt zweimal am Tag.", "Der Bus fährt dreimal am Tag.", "de",
         {"left_only": ["zweimal"], "right_only": ["dreimal"]},
         {"left_only": ["zweimal"], "right_only": ["dreimal"]}),
        ("The bus runs twice a day.", "The bus runs three times a day.", "en",
         {"left_only": ["twice"], "right_only": ["three"]},
         {"left_only": ["twice"], "right_only": ["three"]}),
        ("Der Bus fährt zweimal am Tag.", "Der Bus fährt am Tag.", "de", {},
         {"left_only": ["zweimal"]}),  # a dropped adverb: raised only when read
    ],
)  # fmt: skip
def test_told_raises_an_adverb_only_against_another_count(
    monkeypatch: pytest.MonkeyPatch, left: str, right: str, lang: str, told: dict, read: dict
) -> None:
    for setting, wanted in (("told", told), (True, read)):
        monkeypatch.setattr(number_times, "TIMES", setting)
        flags = check_pair(left, right, left_lang=lang, right_lang=lang, **ROW)
        assert flags.get("numbers", {}) == wanted
