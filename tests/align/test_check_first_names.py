"""A German first name swapped under the surname both sides tell (round 35, flagsb35;
``check_first_names.FIRST_NAMES``, shipped on): round 34's unseen 'Matthias' / 'Markus' shape,
missed because German reads the capital as a noun after "Das sagte …" and a row's first word
is no candidate."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from workbench.core import check_first_names, check_names
from workbench.core.check_first_names import is_first_name, similar_names, swapped_first_names
from workbench.core.check_name_keys import _keys, _matches, _name_key
from workbench.core.checks import check_pair
from workbench.core.german_ambiguous import _data

FIRSTS = sorted(name for name in _data()[1] if len(name) > 2)
# title nouns written before a name on the dev pages (and the brief's examples)
TITLES = ["Landrat", "Bürgermeisterin", "Ortschef", "Sprecher", "Unternehmenssprecher",
          "Energiereferent", "Energieexperte", "Konzernchefin", "Vorstandschefin",
          "Gewerkschaftssekretär", "Schulamtsleiterin", "Bezirksforstinspektor", "Vorsitzende",
          "Vorstand", "Archäologe", "Direktor", "Kreisbrandmeister",
          "Polizeisprecherin"]  # fmt: skip
SURNAME = st.from_regex(r"[A-Z][a-z]{3,9}", fullmatch=True).filter(
    lambda s: not is_first_name(s))


@contextmanager
def rule(on: bool = True) -> Iterator[None]:
    """The switch set for a hypothesis example, restored after (a fixture runs once per test)."""
    kept = check_first_names.FIRST_NAMES
    check_first_names.FIRST_NAMES = on
    try:
        yield
    finally:
        check_first_names.FIRST_NAMES = kept


@pytest.fixture
def switched(monkeypatch: pytest.MonkeyPatch):
    def setting(on: bool) -> None:
        monkeypatch.setattr(check_first_names, "FIRST_NAMES", on)

    return setting


def _names(left: str, right: str) -> dict:
    return check_pair(left, right, left_lang="de", right_lang="de").get("names", {})


@pytest.mark.parametrize(
    ("left", "right"),
    [("Das sagte Matthias Tremmel am Montag.", "Das sagte Markus Tremmel am Montag."),
     ("Matthias Tremmel warnt vor den Folgen.", "Markus Tremmel warnt vor den Folgen."),
     ("Matthias Tremmel warnt vor den Folgen.", "Das sagte Markus Tremmel."),
     ("Das betonte Matthias Tremmels Sprecherin.", "Das betonte Markus Tremmel.")],
)  # fmt: skip
def test_a_swapped_first_name_is_missed_off_and_flagged_on(switched, left, right) -> None:
    switched(False)
    assert _names(left, right) == {}
    switched(True)
    assert _names(left, right) == {"left_only": ["Matthias"], "right_only": ["Markus"]}


def test_after_a_title_noun_the_old_reading_already_flags_once(switched) -> None:
    """'Landrat Matthias Tremmel' / 'Landrat Markus Tremmel': START flags both; no token twice."""
    left, right = "Das sagte Landrat Matthias Tremmel.", "Das sagte Landrat Markus Tremmel."
    switched(False)
    off = _names(left, right)
    switched(True)
    assert _names(left, right) == off == {"left_only": ["Matthias"], "right_only": ["Markus"]}


@pytest.mark.parametrize(
    ("left", "right"),
    [("Das sagte Energiereferent Malte Gerlach.", "Das sagte Energieexperte Malte Gerlach."),
     ("Das sagte Landrat Weigand.", "Das sagte Ortschef Weigand."),
     ("Markus Tremmel warnt.", "Das sagte Tremmel."),  # the first name on one side only
     ("Das sagte Markus Tremmel.", "Das sagte Marcus Tremmel."),  # a spelling variant
     ("Markus und Martin Tremmel kamen.", "Martin Tremmel kam mit Markus."),  # siblings
     ("Am Montag kam es.", "Im Montag kam es."),  # a two-letter "first name"
     ("Das sagte Markus Tremmel.", "Das sagte Martin Weigand.")],  # another person
)  # fmt: skip
def test_what_is_no_swap(switched, left, right) -> None:
    switched(False)
    off = _names(left, right)
    switched(True)
    assert _names(left, right) == off


def test_only_german_rows_and_only_when_on(switched) -> None:
    switched(True)
    en = check_pair("Matthias Tremmel warned.", "Markus Tremmel warned.", left_lang="en",
                    right_lang="en")  # fmt: skip
    assert en == {}  # English: a row's first word stays what it was (no German first-name list)
    switched(False)
    assert swapped_first_names("Matthias Tremmel warnt.", "Markus Tremmel warnt.") == ([], [])


def test_the_names_module_reads_the_switch_in_german_only() -> None:
    assert check_names.NOUN_CAPITALISING >= {"de"}
    assert is_first_name("Hans-Peter") and not is_first_name("Am") and not is_first_name("Landrat")


@settings(max_examples=60, deadline=None)
@given(first=st.sampled_from(FIRSTS), surname=SURNAME,
       form=st.sampled_from(["{f} {s}", "{f} {s}s", "{f}s {s}", "{f} {s}s", "Herr {f} {s}"]),
       opening=st.booleans())  # fmt: skip
@example(first="Markus", surname="Tremmel", form="{f} {s}s", opening=True)
@example(first="Kelly", surname="Aaaa", form="{f}s {s}", opening=True)  # round 44
def test_forms_of_one_name_are_never_flagged(first, surname, form, opening) -> None:
    """Property: one first name and surname, however either side inflects or places them,
    is never a swap (the rule adds no token to what the other readings raise)."""
    named = form.format(f=first, s=surname)
    left = f"Das sagte {first} {surname} am Montag."
    right = f"{named} warnt vor den Folgen." if opening else f"Gestern warnte {named} davor."
    with rule():
        assert swapped_first_names(left, right) == ([], [])


@settings(max_examples=60, deadline=None)
@given(title=st.sampled_from(TITLES), other=st.sampled_from(TITLES), surname=SURNAME,
       first=st.one_of(st.none(), st.sampled_from(FIRSTS)), both=st.booleans())  # fmt: skip
def test_a_title_noun_before_a_shared_surname_is_never_flagged(title, other, surname, first,
                                                               both) -> None:  # fmt: skip
    """Property: two title nouns before one name, with its first name on one side or both,
    raise exactly what they raise with the rule off."""
    named = f"{first} {surname}" if first else surname
    left = f"Das sagte {title} {named}."
    right = f"Das sagte {other} {named if both else surname}."
    with rule(False):
        off = _names(left, right)
    with rule():
        assert _names(left, right) == off


@settings(max_examples=60, deadline=None)
@given(one=st.sampled_from(FIRSTS), two=st.sampled_from(FIRSTS), surname=SURNAME)
@example(one="Alarich", two="Alfrich", surname="Aaaa")
def test_two_first_names_under_one_surname_flag_both(one, two, surname) -> None:
    """Property: two first names that are not one name's forms, before one surname, flag each
    on its side wherever the rows place them (unless the other row tells the name anyway)."""
    left, right = f"{one} {surname} warnt.", f"Das sagte {two} {surname} am Montag."
    with rule():
        got = swapped_first_names(left, right)
    told = _matches(_name_key(one), _keys(right)) or _matches(_name_key(two), _keys(left))
    same = _matches(_name_key(one), {_name_key(two)})
    # a consonant apart is two names (round 36, ``SIMILAR_FIRST_NAMES``: 'Alarich' / 'Alfrich')
    similar = check_first_names.SIMILAR_FIRST_NAMES and similar_names(one, two)
    assert got == (([one], [two]) if similar or not (same or told) else ([], []))


def test_b119s_swap_is_found_without_the_title_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batch 119's 'Tobias' / 'Thomas' Rennert (round 34's ``NOUN_HEADS``) with that rule off."""
    from tests.align.test_check_similar_names import THOMAS, TOBIAS

    monkeypatch.setattr(check_names, "NOUN_HEADS", False)
    monkeypatch.setattr(check_first_names, "FIRST_NAMES", True)
    assert _names(TOBIAS, THOMAS) == {"left_only": ["Tobias"], "right_only": ["Thomas"]}
