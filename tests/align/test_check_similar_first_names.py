"""A first name changed into one a letter apart, and a decimal written in the other language's
notation (round 36, flags36; ``check_first_names.SIMILAR_FIRST_NAMES`` and
``check_numbers.DECIMAL_MARKS``, both shipped off: a study).

Batch 130's German rewrite changed 'Katrin' into 'Karin' under one surname, and neither was
flagged: ``_matches`` takes two keys one edit apart (five letters or more) for one name's
spelling, and 'Karin' is in no first-name list ``FIRST_NAMES`` reads.  An English copy that
kept its German source's decimal comma ("36,4 degrees") read 364 against the German 36.4.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core import check_first_names, check_listed, check_numbers
from workbench.core.check_first_names import is_first_name, similar_names
from workbench.core.checks import check_pair
from workbench.core.german_ambiguous import _data

FIRSTS = sorted(name for name in _data()[1] if len(name) > 2 and "-" not in name)
SURNAME = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True).filter(
    lambda s: not is_first_name(s))
# b130's row (Wendelsfurter Rundschau / Kinzigbote online)
B130 = ("„Viele von uns zahlen schon heute mehr als ein Drittel ihres Einkommens für die "
        "Miete“, rief Bündnissprecherin Katrin Sommerfeld den Demonstrierenden zu.",
        "Bündnissprecherin Karin Sommerfeld sagte, viele Mieter zahlten schon jetzt mehr als "
        "ein Drittel ihres Einkommens für die Miete.")  # fmt: skip


@contextmanager
def switches(names: bool = True, marks: bool = True) -> Iterator[None]:
    """Both switches set for one hypothesis example, restored after."""
    kept = check_first_names.SIMILAR_FIRST_NAMES, check_numbers.DECIMAL_MARKS
    check_first_names.SIMILAR_FIRST_NAMES, check_numbers.DECIMAL_MARKS = names, marks
    try:
        yield
    finally:
        check_first_names.SIMILAR_FIRST_NAMES, check_numbers.DECIMAL_MARKS = kept


def _names(left: str, right: str) -> dict:
    return check_pair(left, right, left_lang="de", right_lang="de").get("names", {})


def test_b130_row_is_missed_off_and_flagged_on() -> None:
    with switches(names=False):
        assert _names(*B130) == {}
    with switches(names=True):
        assert _names(*B130) == {"left_only": ["Katrin"], "right_only": ["Karin"]}


@pytest.mark.parametrize(
    ("one", "two", "similar"),
    [("Katrin", "Karin", True), ("Jens", "Jena", True), ("Katrin", "Kathrin", False),
     ("Katrin", "Katrins", False), ("Markus", "Marcus", False), ("Andrej", "Andrij", False),
     ("Sergej", "Sergei", False), ("Matthias", "Mathias", False), ("Stefan", "Stephan", False),
     ("Maik", "Meik", False), ("Anna", "Anne", False), ("Tobias", "Thomas", False)],
)  # fmt: skip
def test_which_names_are_a_letter_apart(one: str, two: str, similar: bool) -> None:
    """A consonant edited is another name; a vowel, j / y or h, a doubled letter, one skeleton
    and a genitive -s are one name's spellings (Tobias / Thomas: more than one edit, which
    ``FIRST_NAMES`` already reads)."""
    assert similar_names(one, two) is similar
    assert similar_names(two, one) is similar


@pytest.mark.parametrize(
    ("left", "right"),
    [("Das sagte Katrin Sommerfeld am Montag.", "Das sagte Kathrin Sommerfeld am Montag."),
     ("Das sagte Katrin Sommerfeld.", "Katrin Sommerfelds Bündnis protestierte."),
     ("Das sagte Markus Tremmel.", "Das sagte Marcus Tremmel."),
     ("Der Rote Kreuz half.", "Dem Roten Kreuz halfen sie."),
     ("Katrin und Karin Sommerfeld kamen.", "Karin Sommerfeld kam.")],
)  # fmt: skip
def test_non_swaps_raise_what_they_raise_off(left: str, right: str) -> None:
    with switches(names=False):
        off = _names(left, right)
    with switches(names=True):
        assert _names(left, right) == off


def test_only_german_rows_are_read() -> None:
    left, right = "Spokeswoman Katrin Sommerfeld said.", "Spokeswoman Karin Sommerfeld said."
    with switches(names=True):
        on = check_pair(left, right, left_lang="en", right_lang="en")
    with switches(names=False):
        assert on == check_pair(left, right, left_lang="en", right_lang="en")


@settings(max_examples=150, deadline=None)
@given(first=st.sampled_from(FIRSTS), surname=SURNAME,
       form=st.sampled_from(["{f} {s}", "{f} {s}s", "Frau {f} {s}", "Herr {f} {s}",
                             "Bündnissprecherin {f} {s}", "{f}s Kollege {s}"]),
       opens=st.booleans())  # fmt: skip
@example(first="Katrin", surname="Sommerfeld", form="{f} {s}s", opens=False)
def test_inflections_of_one_name_are_never_flagged(first: str, surname: str, form: str,
                                                   opens: bool) -> None:  # fmt: skip
    """One first name and surname, in any form (a genitive of either, a title, opening the row
    or not), raises with the rule on exactly what it raises off: never a swap."""
    told = form.format(f=first, s=surname)
    left = f"Das sagte {first} {surname} am Montag."
    right = f"{told} sagte das am Montag." if opens else f"Das sagte am Montag {told}."
    with switches(names=False):
        off = _names(left, right)
    with switches(names=True):
        assert _names(left, right) == off
    assert first not in off.get("left_only", [])


PAIRS = [(a, b) for a in FIRSTS[::7] for b in FIRSTS if a != b and similar_names(a, b)]


@settings(max_examples=60, deadline=None)
@given(pair=st.sampled_from(PAIRS), surname=SURNAME, swap=st.booleans())
def test_two_listed_names_a_consonant_apart_flag_both(pair: tuple[str, str], surname: str,
                                                      swap: bool) -> None:  # fmt: skip
    one, two = pair[::-1] if swap else pair
    with switches(names=True):
        got = _names(f"Das sagte {one} {surname} am Montag.", f"Das sagte {two} {surname}.")
    assert one in got.get("left_only", []) and two in got.get("right_only", [])


# --- decimal notations -----------------------------------------------------------------------


def test_an_english_copy_with_the_german_comma_is_no_change() -> None:
    left = "Am Mittwoch wurden in Freiburg 36,4 Grad gemessen, in Köln 34,9 Grad."
    right = "On Wednesday Freiburg recorded 36,4 degrees and Cologne 34,9."
    with switches(marks=False):
        assert check_pair(left, right, left_lang="de", right_lang="en") == {
            "numbers": {"left_only": ["36,4", "34,9"], "right_only": ["36,4", "34,9"]}}
    with switches(marks=True):
        assert check_pair(left, right, left_lang="de", right_lang="en") == {}


@pytest.mark.parametrize(
    ("left", "right"),
    [("Es kostet 1.500 Euro.", "It costs 1,500 euros."),
     ("Es kamen 1.500 Menschen.", "Some 1,600 people came.")],
)  # fmt: skip
def test_three_digits_keep_the_language_reading(left: str, right: str) -> None:
    with switches(marks=False):
        off = check_pair(left, right, left_lang="de", right_lang="en")
    with switches(marks=True):
        assert check_pair(left, right, left_lang="de", right_lang="en") == off


ROWS = {"de": "Am Mittwoch wurden {x} Grad gemessen.",
        "en": "On Wednesday {x} degrees were measured.",
        "fr": "Mercredi, on a mesuré {x} degrés.", "uk": "У середу виміряли {x} градуса."}


@settings(max_examples=150, deadline=None)
@given(whole=st.integers(0, 999), tenths=st.integers(1, 99), langs=st.tuples(
    st.sampled_from(sorted(ROWS)), st.sampled_from(sorted(ROWS))),
       marks=st.tuples(st.sampled_from(",."), st.sampled_from(",.")))  # fmt: skip
@example(whole=36, tenths=4, langs=("de", "en"), marks=(",", ","))
def test_one_value_in_two_decimal_notations_is_never_flagged(
    whole: int, tenths: int, langs: tuple[str, str], marks: tuple[str, str]
) -> None:
    """A value with one or two decimals, written with a comma or a point on either side in any
    of the four languages, is one value: no number token."""
    left, right = (ROWS[lang].format(x=f"{whole}{mark}{tenths}")
                   for lang, mark in zip(langs, marks, strict=True))
    with switches(marks=True):
        got = check_pair(left, right, left_lang=langs[0], right_lang=langs[1])
    assert "numbers" not in got


# --- a count of the items the other row lists (check_listed.LISTED) --------------------------


@contextmanager
def listed(on: bool) -> Iterator[None]:
    kept = check_listed.LISTED
    check_listed.LISTED = on
    try:
        yield
    finally:
        check_listed.LISTED = kept


B130_COUNT = ("Grünhof hatte im April angekündigt, die Mieten für rund 3100 Wohnungen im "
              "Nordviertel und in Lerchenfeld zum 1. August um bis zu 14 Prozent anzuheben.",
              "Grünhof will die Mieten für rund 3100 Wohnungen in zwei Stadtteilen zum 1. August "
              "um bis zu 14 Prozent erhöhen.")  # fmt: skip
B37 = ("Суди першої та апеляційної інстанцій у позові відмовили, зазначивши, що рішення "
       "підтримали 24 із 34 депутатів.",
       "Суди двох інстанцій позов відхилили: мовляв, рішення підтримали 26 із 34 депутатів.")


def test_b130_and_b37_counts_are_flagged_off_and_dropped_on() -> None:
    with listed(False):
        assert check_pair(*B130_COUNT, left_lang="de", right_lang="de") == {
            "numbers": {"right_only": ["zwei"]}}
        assert check_pair(*B37, left_lang="uk", right_lang="uk") == {
            "numbers": {"left_only": ["24"], "right_only": ["26", "двох"]}}
    with listed(True):
        assert check_pair(*B130_COUNT, left_lang="de", right_lang="de") == {}
        assert check_pair(*B37, left_lang="uk", right_lang="uk") == {
            "numbers": {"left_only": ["24"], "right_only": ["26"]}}


ITEMS = ["Nordviertel", "Lerchenfeld", "Altstadt", "Südhang", "Oberdorf"]
COUNTS = {2: "zwei", 3: "drei", 4: "vier", 5: "fünf"}


@settings(max_examples=100, deadline=None)
@given(n=st.integers(2, 4), count=st.integers(2, 5), digits=st.booleans())
def test_a_count_is_dropped_exactly_when_the_list_has_as_many_items(
    n: int, count: int, digits: bool
) -> None:
    """"im A, im B und in C" against "in drei Stadtteilen": no token when the count is the
    list's length, the count flagged otherwise (with the switch off, always)."""
    places = [f"im {item}" for item in ITEMS[:n]]
    told = ", ".join(places[:-1]) + " und " + places[-1].replace("im ", "in ")
    left = f"Die Mieten steigen {told} um bis zu 14 Prozent."
    word = str(count) if digits else COUNTS[count]
    right = f"Die Mieten steigen in {word} Stadtteilen um bis zu 14 Prozent."
    with listed(True):
        on = check_pair(left, right, left_lang="de", right_lang="de").get("numbers")
    with listed(False):
        off = check_pair(left, right, left_lang="de", right_lang="de").get("numbers")
    assert off == {"right_only": [word]}
    assert on == (None if count == n else off)


def test_a_list_the_counting_row_names_too_keeps_the_count() -> None:
    """The counting row names the items itself: the count is its own figure, not the list's."""
    left = "Polizei und Feuerwehr waren im Einsatz."
    right = "Polizei und Feuerwehr waren mit zwei Wagen im Einsatz."
    with listed(False):
        off = check_pair(left, right, left_lang="de", right_lang="de")
    with listed(True):
        assert check_pair(left, right, left_lang="de", right_lang="de") == off


def test_a_count_against_a_list_with_its_own_count_is_a_replacement() -> None:
    """German capitalises nouns: "drei Arbeiter und Kinder" lists two capitals, but it tells its
    own count, so "two workers" against it is a count replaced (found by test_services)."""
    left = "The police reported two workers and children at the station."
    right = "Die Polizei meldete drei Arbeiter und Kinder am Bahnhof."
    with listed(True):
        assert check_pair(left, right, left_lang="en", right_lang="de")["numbers"] == {
            "left_only": ["two"], "right_only": ["drei"]}
