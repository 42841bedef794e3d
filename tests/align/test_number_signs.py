"""A sign told in words is a value below zero (round 30, ``core.number_signs``).

Invented sentences in the shape of round 29's unseen false tokens (now dev batch 105): a
temperature told in words in one copy ("до мінус трьох градусів") and in digits in the
other ("до -3 °C").
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_numbers
from workbench.core.check_numbers import quantities
from workbench.core.checks import check_pair
from workbench.core.number_signs import SIGN_WORDS, negated, signed_before

#: One number word a language reads (its table or parser) and its value.
WORDS = {"en": ("three", 3), "de": ("drei", 3), "fr": ("trois", 3), "uk": ("трьох", 3),
         "ru": ("трёх", 3), "el": ("τρεις", 3)}  # fmt: skip
DEGREES = {"en": "degrees", "de": "Grad", "fr": "degrés", "uk": "градусів", "ru": "градусов",
           "el": "βαθμούς"}  # fmt: skip


def test_the_unseen_pair_raises_nothing() -> None:
    left = "В ніч на 11 травня в Болградському районі було до мінус трьох градусів."
    right = "Урожай постраждав від травневих заморозків до -3 °C у Болградському районі."
    assert "numbers" not in check_pair(left, right, left_lang="uk", right_lang="uk")


def test_a_changed_temperature_told_in_words_stays_flagged() -> None:
    left = "В ніч на 11 травня було до мінус трьох градусів."
    right = "В ніч на 11 травня було до -5 °C."
    assert check_pair(left, right, left_lang="uk", right_lang="uk")["numbers"] == {
        "left_only": ["трьох"], "right_only": ["-5"]}


def test_digits_after_a_sign_word() -> None:
    assert quantities("Es herrschten minus 17 Grad.", "de") == [("17", "-17")]
    assert quantities("à moins 2,5 degrés", "fr") == [("2,5", "-2.5")]
    assert quantities("Minus neun Grad: Winzer holen Eiswein ein", "de") == [("neun", "-9")]


def test_french_moins_after_au_is_at_least() -> None:
    assert quantities("au moins 3 morts", "fr") == [("3", "3")]
    assert quantities("Au moins trois morts", "fr") == [("trois", "3")]
    assert quantities("du moins 4 blessés", "fr") == [("4", "4")]


def test_a_sign_word_not_right_before_the_number_is_no_sign() -> None:
    assert quantities("ein Minus von 3 Prozent", "de") == [("3", "3")]
    assert quantities("minus, sagte er, 3 Grad", "de") == [("3", "3")]
    assert not signed_before("x-minus3", 7, "en")


def test_the_switch_off_reads_as_before() -> None:
    kept = check_numbers.SIGN_WORDS
    check_numbers.SIGN_WORDS = False
    try:
        assert quantities("до мінус трьох градусів", "uk") == [("трьох", "3")]
    finally:
        check_numbers.SIGN_WORDS = kept


def test_negated() -> None:
    assert negated("3") == "-3"
    assert negated("-3") == "-3"
    assert negated("0") == "0"
    assert negated("2.5") == "-2.5"


@given(lang=st.sampled_from(sorted(WORDS)), digits=st.booleans(), n=st.integers(1, 60))
def test_a_sign_word_and_a_minus_tell_one_value(lang: str, digits: bool, n: int) -> None:
    """In every registry language with sign words, "<sign> <number> <degrees>" and
    "-<number> <degrees>" read as one value and raise no flag; one degree more is flagged."""
    word, value = WORDS[lang]
    number, value = (str(n), n) if digits else (word, value)
    sign = sorted(SIGN_WORDS[lang])[0]
    spelled = f"{sign} {number} {DEGREES[lang]}"
    assert [v for _, v in quantities(spelled, lang)] == [f"-{value}"]
    told = check_pair(spelled, f"-{value} {DEGREES[lang]}", left_lang=lang, right_lang=lang)
    assert "numbers" not in told
    moved = check_pair(spelled, f"-{value + 1} {DEGREES[lang]}", left_lang=lang, right_lang=lang)
    assert "numbers" in moved


@given(text=st.text(max_size=60), lang=st.sampled_from([None, "en", "de", "fr", "uk", "ru"]))
def test_a_sign_only_ever_turns_a_value_negative(text: str, lang: str | None) -> None:
    """The sign words change no reading but a value's sign, and only towards zero's left."""
    kept = check_numbers.SIGN_WORDS
    check_numbers.SIGN_WORDS = False
    try:
        before = quantities(text, lang)
    finally:
        check_numbers.SIGN_WORDS = kept
    after = quantities(text, lang)
    assert [r for r, _ in before] == [r for r, _ in after]
    for (_, b), (_, a) in zip(before, after, strict=True):
        assert a in (b, negated(b))
