"""Round 44 (flags44): a name a row writes only as a credit, and a surname changed under one
first name across the pair's rows (both ship off; their behaviour is tested on)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_credits, check_name_twins
from workbench.core.check_credits import credit_words
from workbench.core.check_name_twins import name_twins, surname_swaps
from workbench.core.checks import SEGMENT_BREAK, check_pair


@pytest.fixture(autouse=True)
def switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_credits, "CREDIT_NAMES", True)
    monkeypatch.setattr(check_name_twins, "SURNAME_TWINS", True)


def test_shipped_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    assert check_credits.CREDIT_NAMES is False
    assert check_name_twins.SURNAME_TWINS is False


def _de(left: str, right: str) -> dict:
    return check_pair(left, right, left_lang="de", right_lang="de")


def test_credit_positions_read() -> None:
    b = SEGMENT_BREAK
    assert credit_words("Pammer sagte, die Gemeinde werde Stellung nehmen. (APA)") == {"APA"}
    assert credit_words("Sie sagte das." + b + "(dpa/lby)") == {"dpa", "lby"}
    assert credit_words("Demonstranten. Foto: APA/Manfred Stögmüller") == {
        "APA", "Manfred", "Stögmüller"}  # fmt: skip
    assert "APA" in credit_words("22. Jänner 2028, 18:05 Uhr APA")
    assert credit_words("Kopf" + b + "Altmünzing (APA) – Das Bad bleibt zu.") >= {"APA"}
    assert credit_words("МОСКВА, 30 ноября. /ТАСС/. Более 4 тыс. человек") == {"ТАСС"}


def test_attributions_are_no_credits() -> None:
    assert credit_words("UNN reports that the plant was hit.") == frozenset()
    assert credit_words("Rioni TV's director told OC Media that it paid.") == frozenset()
    assert credit_words("Das sagte Huber (SPÖ) – und ging.") == frozenset()  # mid-sentence
    assert credit_words("… sagte Bürgermeister Huber (SPÖ)") == frozenset()  # no sentence end
    assert credit_words("Windpark Kogelberg: 2028 Start in Haslingbrunn") == frozenset()
    # a name also written outside a credit stays a name
    assert credit_words("APA meldet, das Bad bleibt zu. (APA)") == frozenset()


def test_b148_row_off_and_on(monkeypatch: pytest.MonkeyPatch) -> None:
    left = ("Altmünzing sperrt Hallenbad für eine Saison – Sanierung kostet 4,6 Millionen Euro"
            + SEGMENT_BREAK + "Altmünzing (APA) – Das Hallenbad der oberösterreichischen Stadt "
            "Altmünzing bleibt in der Wintersaison 2027/28 geschlossen.")  # fmt: skip
    right = ("Wer in Altmünzing diesen Winter schwimmen will, muss ausweichen: Das städtische "
             "Hallenbad bleibt in der Saison 2027/28 zu, weil die Sanierung 4,6 Millionen Euro "
             "kostet.")  # fmt: skip
    monkeypatch.setattr(check_credits, "CREDIT_NAMES", False)
    assert _de(left, right) == {"names": {"left_only": ["APA"]}}
    monkeypatch.setattr(check_credits, "CREDIT_NAMES", True)
    assert _de(left, right) == {}


def test_stamp_credit_off_and_on_figures_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    left = "22. Jänner 2028, 18:05 Uhr APA" + SEGMENT_BREAK + "Rund 600 Menschen demonstrierten."
    right = "Rund 600 Menschen demonstrierten."
    monkeypatch.setattr(check_credits, "CREDIT_NAMES", False)
    assert _de(left, right)["names"] == {"left_only": ["APA"]}
    monkeypatch.setattr(check_credits, "CREDIT_NAMES", True)
    assert "names" not in _de(left, right)
    assert _de(left, right)["numbers"] == {"left_only": ["22", "2028"]}  # figures: not this rule


_AGENCY = st.from_regex(r"[A-Z]{2,5}", fullmatch=True)
_PEOPLE = st.sampled_from(["Manfred Stögmüller", "Anna Berger", "Tobias Lechner"])
_SHAPES = st.sampled_from(["Foto: {a}/{p}", "({a})", "Bild: {a}", "© {a}"])


@settings(max_examples=40, deadline=None)
@given(agency=_AGENCY, person=_PEOPLE, shape=_SHAPES, a=st.integers(10, 90), b=st.integers(10, 90))
def test_credit_dropped_never_flagged_figure_changed_always(agency: str, person: str,
                                                            shape: str, a: int, b: int) -> None:
    """Property: a credit segment one copy prints (any all-capitals agency, any photographer)
    is never flagged, and a count changed in the sentence before it always is."""
    credit = shape.format(a=agency, p=person)
    left = f"Am Samstag demonstrierten {a} Menschen vor dem Gemeindeamt." + SEGMENT_BREAK + credit
    right = f"Am Samstag demonstrierten {b} Menschen vor dem Gemeindeamt."
    flags = _de(left, right)
    assert "names" not in flags
    if a != b:
        assert flags["numbers"] == {"left_only": [str(a)], "right_only": [str(b)]}


def test_surname_swap_read() -> None:
    left = "„Wir sind nicht gegen Windkraft“, sagte Sprecher Reinhard Aigner."
    right = "Grundsätzlich sei man nicht gegen Windkraft, betonte Sprecher Reinhard Aichinger."
    assert surname_swaps(left, right) == (["Aigner"], ["Aichinger"])
    # an inflection or the same surname elsewhere is no swap
    assert surname_swaps("sagte Reinhard Aigner.", "Reinhard Aigners Initiative") == ([], [])
    assert surname_swaps("sagte Reinhard Aigner.", "sagte Reinhard Aigner.") == ([], [])


def test_surname_twins_on_free_rows_off_and_on(monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [("„Wir sind nicht gegen Windkraft“, sagte Sprecher Reinhard Aigner.", ""),
            ("Die Initiative übergab 1.380 Unterschriften.", "Sie übergab 1.380 Unterschriften."),
            ("", "Grundsätzlich sei man nicht gegen Windkraft, betonte Reinhard Aichinger.")]
    monkeypatch.setattr(check_name_twins, "SURNAME_TWINS", False)
    assert name_twins(rows, [{}, {}, {}], [True, True, True], ("de", "de")) == [{}, {}, {}]
    monkeypatch.setattr(check_name_twins, "SURNAME_TWINS", True)
    assert name_twins(rows, [{}, {}, {}], [True, True, True], ("de", "de")) == [
        {"names": {"left_only": ["Aigner"]}}, {}, {"names": {"right_only": ["Aichinger"]}}]
    # not German: not read
    assert name_twins(rows, [{}, {}, {}], [True] * 3, ("en", "en")) == [{}, {}, {}]


_FIRSTS = st.sampled_from(["Reinhard", "Markus", "Gerlinde", "Tobias", "Anna"])
_SURNAMES = st.sampled_from(["Aigner", "Aichinger", "Pammer", "Lechner", "Huber", "Eder"])


@settings(max_examples=40, deadline=None)
@given(first=_FIRSTS, one=_SURNAMES, two=_SURNAMES)
def test_surname_swap_found_iff_changed(first: str, one: str, two: str) -> None:
    """Property: one first name before two different surnames is a swap on both sides; the
    same surname (or its genitive) never is."""
    left, right = f"Das sagte {first} {one} am Samstag.", f"Laut {first} {two} ist das so."
    found = surname_swaps(left, right)
    assert found == (([one], [two]) if one != two else ([], []))
    assert surname_swaps(left, f"Laut {first} {one}s Sprecher ist das so.") == ([], [])
