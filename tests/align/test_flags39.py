"""Round 39 (flags39): a figure held in two senses, and the abbreviated prefix of a place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_place_prefixes, figure_senses
from workbench.core.checks import SEGMENT_BREAK, check_pair, page_tokens

# Batch 141's regrouped row (linthgebiet_anzeiger_sda_de / toggenburger_rundschau_de): the
# duration's sentence is left unpaired beside it.
_LEFT = ["Im vergangenen Jahr kamen in Niederwies 388 Kinder zur Welt, 2018 waren es noch 560.",
         "Schwangere müssen künftig ins Kantonsspital Linthbühl ausweichen, das rund 41 "
         "Kilometer entfernt liegt.",
         "Mit dem Auto dauert die Fahrt etwa 45 Minuten, im Winter oft länger."]
_RIGHT = ["Schwangere aus der Region werden künftig ins Kantonsspital Linthbühl fahren müssen, "
          "rund 45 Kilometer und eine Dreiviertelstunde Autofahrt entfernt.",
          "Die Zahl der Geburten war in den letzten Jahren stark gesunken: 2026 waren es noch "
          "388, 2018 noch 560."]


@pytest.fixture
def senses(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figure_senses, "FIGURE_SENSES", True)


@pytest.fixture
def prefixes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_place_prefixes, "PLACE_PREFIXES", True)


def _b141() -> dict:
    pages = (page_tokens(_LEFT, "de"), page_tokens(_RIGHT, "de"))
    beside = (page_tokens(_LEFT[2:], "de"), page_tokens([], "de"))
    return check_pair(SEGMENT_BREAK.join(_LEFT[:2]), SEGMENT_BREAK.join(_RIGHT),
                      left_lang="de", right_lang="de", confidence=0.474, similarity=0.562,
                      pages=pages, regrouped=True, beside=beside)  # fmt: skip


def test_shipped_settings() -> None:
    assert figure_senses.FIGURE_SENSES is True
    assert check_place_prefixes.PLACE_PREFIXES is True


def test_b141_distance_off_misses_the_45(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(figure_senses, "FIGURE_SENSES", False)
    assert _b141()["numbers"] == {"left_only": ["41"], "right_only": ["2026"]}


def test_b141_distance_on(senses: None) -> None:
    assert _b141()["numbers"] == {"left_only": ["41"], "right_only": ["45", "2026"]}


def _row(left: str, right: str, lang: str = "de") -> dict:
    pages = (page_tokens([left], lang), page_tokens([right], lang))
    return check_pair(left, right, left_lang=lang, right_lang=lang, confidence=0.9,
                      similarity=0.8, pages=pages)  # fmt: skip


def test_one_row_two_senses(senses: None) -> None:
    left = "Das Spital liegt rund 41 Kilometer entfernt, die Fahrt dauert etwa 45 Minuten."
    right = "Das Spital liegt rund 45 Kilometer und eine Dreiviertelstunde Fahrt entfernt."
    assert _row(left, right)["numbers"] == {"left_only": ["41"], "right_only": ["45"]}


def test_unknown_sense_keeps_the_match(senses: None) -> None:
    """A figure with no unit after it is matched by value as before."""
    left = "Es kamen 41 Kinder zur Welt, die Fahrt dauert etwa 45 Minuten."
    right = "Es kamen 45 Kinder zur Welt, die Fahrt dauert eine Dreiviertelstunde."
    assert _row(left, right)["numbers"] == {"left_only": ["41"]}


def test_senses_read(senses: None) -> None:
    found = figure_senses.sensed("rund 41 Kilometer, etwa 45 Minuten und 12 Leute", "de")
    assert [(raw, sense) for raw, _, sense, _ in found] == [
        ("41", "length"), ("45", "time"), ("12", None)]


_DISTANCE = ("Die Klinik liegt rund {a} Kilometer entfernt, die Fahrt dauert etwa {b} Minuten.",
             "The clinic is some {a} km away and the drive takes about {b} minutes.")
_MERGED = ("Die Klinik liegt rund {c} Kilometer und eine knappe Stunde Fahrt entfernt.",
           "The clinic is some {c} km and under an hour's drive away.")


@settings(max_examples=40, deadline=None)
@given(a=st.integers(10, 300), step=st.integers(1, 300), english=st.booleans(),
       changed=st.booleans())  # fmt: skip
def test_property_distance_beside_duration(a: int, step: int, english: bool,
                                           changed: bool) -> None:  # fmt: skip
    """A distance changed to a like value (within a factor of two) that the other copy tells
    as a duration is flagged on both sides; beside an unchanged distance nothing moves;
    a change beyond a factor of two is read as START read it (switch on)."""
    lang, b = ("en" if english else "de"), a + step
    c = b if changed else a
    left, right = _DISTANCE[english].format(a=a, b=b), _MERGED[english].format(c=c)
    old = figure_senses.FIGURE_SENSES
    try:
        figure_senses.FIGURE_SENSES = False
        before = _row(left, right, lang).get("numbers", {})
        figure_senses.FIGURE_SENSES = True
        got = _row(left, right, lang).get("numbers", {})
    finally:
        figure_senses.FIGURE_SENSES = old
    if not changed:
        assert got == before  # the duration the other copy words ("eine knappe Stunde"), as START
    elif b <= 2 * a:
        assert got == {"left_only": [str(a)], "right_only": [str(b)]}
    else:
        assert got == before


def test_prefix_off_flags_st(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_place_prefixes, "PLACE_PREFIXES", False)
    got = _row("Die Bergrettung St. Alban rückte mit zwölf Leuten aus.",
               "Die Bergrettung Alban rückte mit zwölf Leuten aus.")
    assert got == {"names": {"left_only": ["St"]}}


def test_prefix_on(prefixes: None) -> None:
    assert _row("Die Bergrettung St. Alban rückte mit zwölf Leuten aus.",
                "Die Bergrettung Alban rückte mit zwölf Leuten aus.") == {}
    assert _row("Die Bergrettung St. Alban rückte mit zwölf Leuten aus.",
                "Die Bergrettung Kappelrode rückte mit zwölf Leuten aus.") == {
        "names": {"left_only": ["Alban"], "right_only": ["Kappelrode"]}}
    assert _row("Rescuers from Sankt Veit were called out.",
                "Rescuers from Kappelrode were called out.", "en") == {
        "names": {"left_only": ["Veit"], "right_only": ["Kappelrode"]}}  # no run-mate "Sankt"


def test_prefix_needs_a_capital_after_it(prefixes: None) -> None:
    text = "Er kaufte 3 St. gelbe Äpfel bei St. Alban."
    assert check_place_prefixes.with_place_names(["St", "Äpfel"], text) == ["Alban", "Äpfel"]
    assert check_place_prefixes.with_place_names(["St"], "Die St. ist zu.") == ["St"]


_NAMES = ("Alban", "Kolman", "Moritz", "Veit", "Pölten", "Johann", "Hood", "Pankraz")
_ROWS = {"de": "Die Bergrettung {p} rückte am Abend mit {n} Leuten aus.",
         "en": "Rescuers from {p} were called out in the evening with {n} volunteers.",
         "fr": "Les secouristes de {p} sont intervenus dans la soirée avec {n} bénévoles."}


@settings(max_examples=60, deadline=None)
@given(lang=st.sampled_from(sorted(_ROWS)), name=st.sampled_from(_NAMES),
       prefix=st.sampled_from(("St.", "St", "Ste.", "Mt.", "Sankt")),
       other=st.sampled_from(("", "St. ", "Sankt ")), n=st.integers(2, 60))  # fmt: skip
def test_property_prefix_never_flagged(lang: str, name: str, prefix: str, other: str,
                                       n: int) -> None:  # fmt: skip
    """One place with its prefix kept, dropped or respelt is never flagged; a count changed
    beside it still is (switch on)."""
    old = check_place_prefixes.PLACE_PREFIXES
    check_place_prefixes.PLACE_PREFIXES = True
    try:
        left = _ROWS[lang].format(p=f"{prefix} {name}", n=n)
        same = _row(left, _ROWS[lang].format(p=f"{other}{name}", n=n), lang)
        count = _row(left, _ROWS[lang].format(p=f"{other}{name}", n=n + 100), lang)
    finally:
        check_place_prefixes.PLACE_PREFIXES = old
    assert same == {}
    assert "names" not in count and count["numbers"]["right_only"] == [str(n + 100)]
