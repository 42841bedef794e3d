"""A name changed into a similar name (round 34, flags34: round 33's unseen misses, batches 119
and 122): a first name changed under one surname after a title noun (``check_names.NOUN_HEADS``)
and a surname lengthened by a surname suffix (``check_name_keys.SURNAME_SUFFIXES``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_first_names, check_name_keys, check_names
from workbench.core.check_name_keys import surname_of
from workbench.core.checks import check_pair, name_differences

# batch 119 (the Elsterhainer Anzeiger rewrite) and batch 122 (the Hromada TV rewrite)
TOBIAS = "„Berufstätige Eltern werden mit dem Problem allein gelassen“, sagte der Vorsitzende " \
         "Tobias Rennert."  # fmt: skip
THOMAS = ("Eltern sind verärgert: Der Vorsitzende des Kreiselternrats, Thomas Rennert, warf dem "
          "Amt vor, berufstätige Eltern mit dem Problem allein zu lassen.")  # fmt: skip
RYBAK = ("«Схил і далі рухається, тому повертатися додому поки небезпечно», – сказала "
         "начальниця партії Оксана Рибак.")  # fmt: skip
RYBACHUK = ("Начальниця партії Оксана Рибачук попередила, що схил і далі рухається і "
            "повертатися додому поки небезпечно.")  # fmt: skip


@pytest.fixture
def switched(monkeypatch: pytest.MonkeyPatch):
    def setting(on: bool) -> None:
        monkeypatch.setattr(check_names, "NOUN_HEADS", on)
        monkeypatch.setattr(check_name_keys, "SURNAME_SUFFIXES", on)
        monkeypatch.setattr(check_first_names, "FIRST_NAMES", on)  # round 35 finds Tobias too

    return setting


def test_before_the_rule_the_similar_names_pass(switched) -> None:
    switched(False)
    assert name_differences(TOBIAS, THOMAS, left_lang="de", right_lang="de") == {
        "right_only": ["Thomas"]}  # fmt: skip
    assert check_pair(RYBAK, RYBACHUK, left_lang="uk", right_lang="uk") == {}


def test_a_first_name_changed_under_one_surname(switched) -> None:
    switched(True)
    got = name_differences(TOBIAS, THOMAS, left_lang="de", right_lang="de")
    assert got == {"left_only": ["Tobias"], "right_only": ["Thomas"]}


def test_a_surname_lengthened_by_a_suffix(switched) -> None:
    switched(True)
    got = check_pair(RYBAK, RYBACHUK, left_lang="uk", right_lang="uk")
    assert got == {"names": {"left_only": ["Рибак"], "right_only": ["Рибачук"]}}


@pytest.mark.parametrize(("left", "right"), [
    # a head noun before anything but a shared name still ends the shared name (dev b31, b86)
    ("Der Brand hat den Verkehr im Norden und Westen Berlins weitgehend lahmgelegt.",
     "Pendler im Berliner Norden und Westen brauchen am Freitag viel Geduld."),
    ("Talsperre Kessbach so leer wie nie: Strenge Sparregeln ab Samstag",
     "Talsperre in Nordhessen so leer wie nie"),
])  # fmt: skip
def test_a_noun_head_before_no_shared_name_is_unchanged(switched, left: str, right: str) -> None:
    switched(False)
    before = name_differences(left, right, left_lang="de", right_lang="de")
    switched(True)
    assert name_differences(left, right, left_lang="de", right_lang="de") == before


@pytest.mark.parametrize(("one", "other"), [
    ("Рибак", "Рибака"), ("Рибак", "Рибаку"), ("Рибак", "Рибаком"), ("Рибак", "Рибакові"),
    ("Рибак", "Рыбак"), ("Иванов", "Иванова"), ("Харків", "Харьков"), ("Фастів", "Фастов"),
    ("Київ", "Киев"), ("Lviv", "Lvov"), ("Andersen", "Anderson"), ("Müller", "Müllers"),
    ("Іванов", "Івановим"), ("Шевченко", "Шевченка"), ("Kharkiv", "Kharkov"),
])  # fmt: skip
def test_forms_of_one_name_are_no_surname_suffix(one: str, other: str) -> None:
    assert not surname_of(one, other)
    assert not surname_of(other, one)


@pytest.mark.parametrize(("one", "other"), [
    ("Рибак", "Рибачук"), ("Рибака", "Рибачук"), ("Коваль", "Ковальчук"), ("Мельник", "Мельничук"),
    ("Петро", "Петренко"), ("Иван", "Иванов"), ("Петро", "Петрович"), ("Hart", "Hartmann"),
    ("John", "Johnson"),
])  # fmt: skip
def test_a_stem_and_its_surname_are_two_names(one: str, other: str) -> None:
    assert surname_of(one, other)
    assert surname_of(other, one)


CYRILLIC_STEM = st.from_regex(r"[БВГДЗКЛМНПРСТ][аоіуе][бвдзклмнпрст]{1,2}[аоу][кнлрт]",
                              fullmatch=True)  # fmt: skip
#: Ukrainian case endings of a consonant-final masculine surname (nom., gen./acc., dat.,
#: instr., dat. again, voc., gen. pl., instr. pl.).
ENDINGS = st.sampled_from(["", "а", "у", "ом", "ові", "е", "ів", "ами"])


@settings(max_examples=80, deadline=None)
@given(CYRILLIC_STEM, ENDINGS, ENDINGS)
def test_inflections_of_one_name_are_never_flagged_by_the_rules(stem: str, a: str, b: str) -> None:
    """Whatever the stem, two case forms of it are flagged with the rules on only where they
    are flagged with the rules off (the rules add no flag to an inflected name)."""
    left, right = f"Про це сказав {stem}{a} у понеділок.", f"Про це сказав {stem}{b} у понеділок."
    saved = check_names.NOUN_HEADS, check_name_keys.SURNAME_SUFFIXES
    try:
        check_names.NOUN_HEADS = check_name_keys.SURNAME_SUFFIXES = False
        before = check_pair(left, right, left_lang="uk", right_lang="uk")
        check_names.NOUN_HEADS = check_name_keys.SURNAME_SUFFIXES = True
        after = check_pair(left, right, left_lang="uk", right_lang="uk")
    finally:
        check_names.NOUN_HEADS, check_name_keys.SURNAME_SUFFIXES = saved
    assert after == before
    assert not surname_of(stem + a, stem + b)


LATIN_NAME = st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True)


@settings(max_examples=80, deadline=None)
@given(LATIN_NAME, st.sampled_from(["s", "'s", "’s"]))
def test_a_genitive_is_never_a_surname_suffix(name: str, genitive: str) -> None:
    assert not surname_of(name, name + genitive)


@settings(max_examples=60, deadline=None)
@given(CYRILLIC_STEM, st.sampled_from(["чук", "енко", "ович"]))
def test_a_surname_suffix_makes_another_name(stem: str, suffix: str) -> None:
    """A stem and the surname made from it are two names, whichever side tells which."""
    base = stem[:-1] if suffix == "чук" and stem.endswith("к") else stem  # Рибак -> Рибачук
    surname = base + suffix
    assert surname_of(stem, surname) and surname_of(surname, stem)


def test_a_surname_told_beside_the_row_does_not_tell_its_stem(switched) -> None:
    """The rewrite names 'Рибачук' again in the next sentence: the moved-away pass (the other
    copy's neighbouring sentences) must not read that as telling 'Рибак'."""
    from workbench.core.checks import page_tokens

    beside = (page_tokens(["Рятувальники працюють на місці."], "uk"),
              page_tokens(["За словами Оксани Рибачук, люди поки не повертаються."], "uk"))
    switched(False)
    assert check_pair(RYBAK, RYBACHUK, left_lang="uk", right_lang="uk", beside=beside) == {}
    switched(True)
    got = check_pair(RYBAK, RYBACHUK, left_lang="uk", right_lang="uk", beside=beside)
    assert got == {"names": {"left_only": ["Рибак"], "right_only": ["Рибачук"]}}
