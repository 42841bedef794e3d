"""A number told with a half is read as its value (round 31, ``core.number_halves``).

Invented sentences in the shape of round 30's unseen misses (now dev batch 110): a depth
told with a half in one copy ("близько півтора метра") and as another figure in the other
("майже двох метрів"), and slot twins whose units are spelled two ways ("38 Quadratmeter" /
"40 m²", ``check_slots.SLOT_UNITS``).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_slots, number_halves
from workbench.core.check_numbers import quantities
from workbench.core.check_slots import figure_kind, slot_twins
from workbench.core.checks import check_pair
from workbench.core.fraction_words import shares
from workbench.core.number_halves import half_numbers

#: A number word each language reads and its value.
WORDS = {"en": ("seven", 7), "fr": ("sept", 7), "uk": ("сім", 7), "ru": ("семь", 7)}
#: The half after a number in each language (en, fr: a noun may stand between).
HALF = {"en": "{n} and a half", "fr": "{n} et demi", "uk": "{n} з половиною",
        "ru": "{n} с половиной", "de": "{n}einhalb"}  # fmt: skip


def test_the_shipped_switches_are_on() -> None:
    assert number_halves.HALVES and check_slots.SLOT_UNITS


def test_one_and_a_half_in_one_word() -> None:
    for text, lang in (("близько півтора метра", "uk"), ("около полутора метров", "ru"),
                       ("anderthalb Stunden", "de"), ("eineinhalb Jahre", "de")):  # fmt: skip
        assert [v for _, v in quantities(text, lang)] == ["1.5"], text


def test_a_compound_noun_is_no_number() -> None:
    assert quantities("polnische Anderthalbgroschen", "de") == []
    assert quantities("польські півтораки", "uk") == []


def test_the_half_after_a_number() -> None:
    assert quantities("for seven and a half years", "en") == [("seven and a half", "7.5")]
    assert quantities("muss siebeneinhalb Jahre in Haft", "de") == [("siebeneinhalb", "7.5")]
    assert quantities("к семи с половиной годам", "ru") == [("семи с половиной", "7.5")]
    assert quantities("за дві з половиною години", "uk") == [("дві з половиною", "2.5")]
    assert quantities("en trois heures et demie", "fr") == [("trois", "3.5")]
    assert quantities("an hour and a half", "en") == [("an", "1.5")]


def test_a_scale_word_after_the_half() -> None:
    assert quantities("полторы тысячи человек", "ru") == [("полторы", "1500")]


def test_a_number_s_half_is_no_share() -> None:
    assert shares("a day and a half of recovery") == []
    assert shares("за дві з половиною години") == []
    assert [s.raw for s in shares("a third and half of the members")] == ["third", "half"]


def test_the_unseen_pair_flags_both_depths() -> None:
    left = "Знахідку виявили в п'ятницю на глибині близько півтора метра."
    right = "Глечик зачепили в п'ятницю, 8 січня, на глибині майже двох метрів."
    got = check_pair(left, right, left_lang="uk", right_lang="uk", confidence=0.84,
                     similarity=0.38)  # fmt: skip
    assert got["numbers"] == {"left_only": ["півтора"], "right_only": ["двох"]}


def test_a_half_told_in_digits_is_no_change() -> None:
    left = "Der Unternehmer muss siebeneinhalb Jahre in Haft."
    right = "Der Unternehmer muss 7,5 Jahre in Haft."
    assert "numbers" not in check_pair(left, right, left_lang="de", right_lang="de")
    left, right = "He was jailed for seven and a half years.", "He was jailed for 7.5 years."
    assert "numbers" not in check_pair(left, right, left_lang="en", right_lang="en")


def test_the_switch_off_reads_the_whole_words(monkeypatch) -> None:
    monkeypatch.setattr(number_halves, "HALVES", False)
    assert half_numbers("близько півтора метра", "uk") == []
    assert quantities("for seven and a half years", "en") == [("seven", "7")]


def test_slot_twins_of_one_unit_spelled_two_ways() -> None:
    link = ("Der Bürgermeister zeigte sich erfreut.", "Le maire s'est dit ravi.")
    left = "In Pettenbrunn ist ein 38 Quadratmeter großer Mosaikboden aufgetaucht."
    right = "Un sol de mosaïque romaine d'environ 40 m² a été mis au jour."
    assert "unit:m2" in figure_kind(left, "38") & figure_kind(right, "40")
    assert slot_twins([link, (left, ""), ("", right), link], ("de", "fr")) == [(1, 2, "38", "40")]


def test_slot_units_off_keeps_the_spellings_apart(monkeypatch) -> None:
    monkeypatch.setattr(check_slots, "SLOT_UNITS", False)
    left = "In Pettenbrunn ist ein 38 Quadratmeter großer Mosaikboden aufgetaucht."
    right = "Un sol de mosaïque romaine d'environ 40 m² a été mis au jour."
    assert slot_twins([(left, ""), ("", right)], ("de", "fr")) == []


@given(st.sampled_from(sorted(HALF)), st.integers(2, 9), st.booleans())
def test_a_half_reads_its_number_plus_a_half(lang: str, n: int, digits: bool) -> None:
    """Every language's half after a number word (or digits) is the number plus 0.5."""
    if lang == "de":
        word = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun"][n - 2]
        text, want = "Es dauerte " + HALF[lang].format(n=word) + " Stunden.", f"{n}.5"
    elif digits:
        text, want = "Il y a " + HALF[lang].format(n=str(n)) + " ici.", f"{n}.5"
    else:
        word, value = WORDS[lang]
        text, want = "Il y a " + HALF[lang].format(n=word) + " ici.", f"{value}.5"
    assert [v for _, v in quantities(text, lang)] == [want]


@given(st.integers(1, 40), st.integers(1, 40))
def test_a_half_in_digits_flags_exactly_a_changed_value(n: int, m: int) -> None:
    """"n and a half" against "m.5": flagged exactly when n and m differ."""
    left = f"The crew worked for {n} and a half hours on the fire."
    right = f"The crew worked for {m}.5 hours on the fire."
    got = check_pair(left, right, left_lang="en", right_lang="en")
    assert ("numbers" in got) == (n != m)
