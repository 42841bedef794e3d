"""A first name changed into one a consonant apart beyond German (round 36, flagsc36;
``check_first_names.SIMILAR_FIRST_NAMES_BEYOND``).

flags36 split 'Katrin' / 'Karin Sommerfeld' in German rows only; the same swap in English,
French, Ukrainian and Russian raised nothing (``_matches`` takes one edit from five letters
on for one name's spelling).  Transliterations ("Andriy" / "Andrii") and case forms ("Олена"
/ "Олени" / "Оленою") of one name must stay one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_first_names
from workbench.core.check_first_names import is_first_name
from workbench.core.check_names import name_differences


@contextmanager
def beyond(on: bool = True) -> Iterator[None]:
    kept = check_first_names.SIMILAR_FIRST_NAMES_BEYOND
    check_first_names.SIMILAR_FIRST_NAMES_BEYOND = on
    try:
        yield
    finally:
        check_first_names.SIMILAR_FIRST_NAMES_BEYOND = kept


def _diff(left: str, right: str, lang: str, on: bool = True) -> dict[str, list[str]]:
    with beyond(on):
        return name_differences(left, right, left_lang=lang, right_lang=lang)


ROWS = {
    "en": ("Spokeswoman Katrin Sommerfeld said the rents were too high.",
           "Spokeswoman Karin Sommerfeld said the rents were too high."),
    "fr": ("La porte-parole Katrin Sommerfeld a parlé des loyers.",
           "La porte-parole Karin Sommerfeld a parlé des loyers."),
    "uk": ("Про це заявила речниця Катрін Зоммерфельд.",
           "Про це заявила речниця Карін Зоммерфельд."),
    "ru": ("Об этом заявил Богдан Коваль.", "Об этом заявил Богдар Коваль."),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(ROWS))
def test_swap_flagged_on_only(lang: str) -> None:
    left, right = ROWS[lang]
    assert _diff(left, right, lang, on=False) == {}
    found = _diff(left, right, lang)
    assert len(found["left_only"]) == 1 and len(found["right_only"]) == 1


def test_shipped_on() -> None:
    assert check_first_names.SIMILAR_FIRST_NAMES_BEYOND is True


def test_german_rows_keep_their_own_rule() -> None:
    left, right = ROWS["en"]
    assert _diff(left, right, "de", on=True) == _diff(left, right, "de", on=False)


@pytest.mark.parametrize(("one", "two"), [
    ("Oleksandr", "Aleksandr"), ("Andriy", "Andrii"), ("Serhiy", "Serhii"), ("Iryna", "Irina"),
    ("Dmytro", "Dmitro"), ("Tetiana", "Tetyana"), ("Olha", "Olga"), ("Hanna", "Ganna"),
    ("Yuliia", "Yulia"), ("Kateryna", "Katerina"), ("Oleksiy", "Oleksii"),
    ("Olexandr", "Oleksandr"),
])  # fmt: skip
def test_transliterations_stay_one(one: str, two: str) -> None:
    assert _diff(f"It was said by {one} Kovalenko.", f"It was said by {two} Kovalenko.", "en") == {}


CYRILLIC = ("Олена", "Богдан", "Марина", "Ірина", "Тарас", "Олег", "Наталія", "Микола", "Сергій",
            "Андрій", "Петро", "Людмила")  # fmt: skip
ENDINGS = ("а", "и", "і", "у", "ю", "ою", "ом", "ем", "ові", "ею", "ї", "я")


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from(CYRILLIC), one=st.sampled_from(ENDINGS), two=st.sampled_from(ENDINGS),
       lang=st.sampled_from(("uk", "ru")))
def test_inflections_never_flagged(name: str, one: str, two: str, lang: str) -> None:
    """Case forms of one first name before one surname raise, on, exactly what they raise off."""
    stem = name[:-1] if name[-1] in "аяоьй" else name
    left = f"Про це сказав голова {stem + one} Коваль."
    right = f"Про це сказав голова {stem + two} Коваль."
    assert _diff(left, right, lang) == _diff(left, right, lang, on=False)


LATIN_FIRSTS = [n for n in ("Katrin", "Martin", "Sabine", "Daniel", "Thomas", "Andreas", "Monika",
                            "Stefan", "Markus", "Simone", "Bernard", "Helena", "Doris", "Florian")
                if is_first_name(n)]  # fmt: skip
SWAPPABLE = {"latin": "bflmnr", "cyrillic": "блмнр"}


def _swaps(name: str) -> list[str]:
    letters = SWAPPABLE["cyrillic" if name[0] in "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯ" else "latin"]
    return [name[:i] + new + name[i + 1:] for i, ch in enumerate(name)
            if i and ch in letters for new in letters if new != ch]  # fmt: skip


@settings(max_examples=80, deadline=None)
@given(data=st.data(), lang=st.sampled_from(("en", "fr", "uk", "ru")))
def test_one_consonant_swap_always_flagged(data: st.DataObject, lang: str) -> None:
    """A one-consonant swap of a first name before one surname in one language flags both."""
    cyrillic = lang in ("uk", "ru")
    name = data.draw(st.sampled_from(CYRILLIC if cyrillic else LATIN_FIRSTS))
    swaps = _swaps(name)
    if not swaps:
        return
    other = data.draw(st.sampled_from(swaps))
    surname = "Коваль" if cyrillic else "Sommerfeld"
    template = "Про це сказав {} {}." if cyrillic else "{} {} said it on Monday."
    found = _diff(template.format(name, surname), template.format(other, surname), lang)
    assert found.get("left_only") and name in found["left_only"]
    assert found.get("right_only") and other in found["right_only"]
