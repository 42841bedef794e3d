"""Round 40 (flags40): a changed figure in a split sentence's reworded half, a dropped name."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import benchmark_module
from workbench.core import check_drops, glued_figures
from workbench.core.checks import SEGMENT_BREAK, check_pair, page_tokens

# Batch 145's regrouped row (suedwest_rundblick_dpa_de / kreisbote_ebersfeld_de): the
# rewrite split the dpa sentence and reworded the half that tells the count.
_WIRE = ("Die Feuerwehr war mit rund {a} Einsatzkräften vor Ort und schlug die Gaswolke mit "
         "einem Wasservorhang nieder.")
_HALF = "Rund {b} Feuerwehrleute aus dem ganzen Landkreis waren im Einsatz."
_KEPT = "Mit einem Wasservorhang drückten sie die Gaswolke nieder."


@pytest.fixture
def glued(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glued_figures, "GLUED_FIGURES", True)


@pytest.fixture
def drops(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_drops, "TOLD_DROPS", True)


def _split(a: int, b: int, extra: str = "") -> dict:
    left, right = _WIRE.format(a=a), SEGMENT_BREAK.join([_HALF.format(b=b), _KEPT])
    if extra:
        right = SEGMENT_BREAK.join([_KEPT, extra])
    pages = (page_tokens([left], "de"), page_tokens(right.split(SEGMENT_BREAK), "de"))
    return check_pair(left, right, left_lang="de", right_lang="de", confidence=0.424,
                      similarity=0.580, pages=pages, regrouped=True)  # fmt: skip


def test_shipped_settings() -> None:
    assert glued_figures.GLUED_FIGURES is True
    assert check_drops.TOLD_DROPS is True


def test_b145_off_misses_the_150(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(glued_figures, "GLUED_FIGURES", False)
    assert _split(120, 150) == {"numbers": {"left_only": ["120"]}}


def test_b145_on(glued: None) -> None:
    assert _split(120, 150) == {"numbers": {"left_only": ["120"], "right_only": ["150"]}}


def test_glued_sentence_of_unlike_size_stays_glued(glued: None) -> None:
    got = _split(120, 0, "Das Werk beschäftigt rund 850 Menschen.")
    assert got == {"numbers": {"left_only": ["120"]}}


def test_glued_sentence_without_figure_stays_glued(glued: None) -> None:
    got = _split(120, 0, "Die Ursache ist noch unklar, hieß es von der Firma.")
    assert got == {"numbers": {"left_only": ["120"]}}


@settings(max_examples=40, deadline=None)
@given(a=st.integers(10, 900), ratio=st.floats(1.05, 1.95), flip=st.booleans())
def test_property_a_changed_count_in_the_reworded_half_is_flagged_both_sides(
    a: int, ratio: float, flip: bool
) -> None:
    """Whatever the count and its like-sized change, and whichever side is the split one."""
    b = int(a * ratio)
    if b == a:
        return
    left, right = _WIRE.format(a=a), f"{_HALF.format(b=b)} {_KEPT}"
    if flip:
        left, right = right, left
    got = check_pair(left, right, left_lang="de", right_lang="de", confidence=0.9,
                     similarity=0.8)  # fmt: skip
    wire_side, split_side = ("right_only", "left_only") if flip else ("left_only", "right_only")
    assert got["numbers"][wire_side] == [str(a)]
    assert got["numbers"][split_side] == [str(b)]


@settings(max_examples=30, deadline=None)
@given(a=st.integers(10, 900))
def test_property_an_unchanged_count_raises_nothing(a: int) -> None:
    got = check_pair(_WIRE.format(a=a), f"{_HALF.format(b=a)} {_KEPT}", left_lang="de",
                     right_lang="de", confidence=0.9, similarity=0.8)  # fmt: skip
    assert got == {}


def test_holds_changed_figure_reads_values() -> None:
    assert glued_figures.holds_changed_figure({"150"}, {"150"}, {"120"})
    assert not glued_figures.holds_changed_figure({"850"}, {"850"}, {"120"})  # unlike size
    assert not glued_figures.holds_changed_figure({"150"}, {"150", "120"}, {"120"})  # told


#: (row with the city, row without it, the rewrite's lead naming the city): the rows the
#: study benchmark counts (``benchmarks/flags_drops40.py``), kept in one place (reliab41).
_DROPS = benchmark_module("flags_drops40")._DROP_ROWS
_CITIES = ("Stuttgart", "Karlsruhe", "Freiburg", "Heilbronn", "Pforzheim", "Reutlingen")


def _drop(lang: str, city: str, right: str, lead: str) -> dict:
    full, _, _ = _DROPS[lang]
    left = full.format(c=city, n=3)
    pages = (page_tokens([lead, left], lang), page_tokens([lead, right], lang))
    return check_pair(left, right, left_lang=lang, right_lang=lang, confidence=0.9,
                      similarity=0.8, pages=pages, regrouped=False)  # fmt: skip


def test_dropped_city_off_is_flagged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_drops, "TOLD_DROPS", False)
    full, short, lead = _DROPS["de"]
    got = _drop("de", "Stuttgart", short.format(n=3), lead.format(c="Stuttgart"))
    assert got == {"names": {"left_only": ["Stuttgart"]}}


@settings(max_examples=40, deadline=None)
@given(lang=st.sampled_from(sorted(_DROPS)), city=st.sampled_from(_CITIES))
def test_property_a_dropped_place_told_elsewhere_is_no_flag(lang: str, city: str) -> None:
    _, short, lead = _DROPS[lang]
    assert _drop(lang, city, short.format(n=3), lead.format(c=city)) == {}


@settings(max_examples=40, deadline=None)
@given(lang=st.sampled_from(sorted(_DROPS)), city=st.sampled_from(_CITIES),
       other=st.sampled_from(_CITIES))
def test_property_a_replaced_place_and_a_changed_count_stay_flagged(
    lang: str, city: str, other: str
) -> None:
    full, short, lead = _DROPS[lang]
    got = _drop(lang, city, short.format(n=4), lead.format(c=city))
    assert got == {"numbers": {"left_only": ["3"], "right_only": ["4"]}}
    if other != city:
        got = _drop(lang, city, full.format(c=other, n=3), lead.format(c=city))
        assert got == {"names": {"left_only": [city], "right_only": [other]}}


def test_a_drop_told_nowhere_else_is_flagged(drops: None) -> None:
    _, short, _ = _DROPS["en"]
    got = _drop("en", "Stuttgart", short.format(n=3), "A fire caused heavy damage on Sunday.")
    assert got == {"names": {"left_only": ["Stuttgart"]}}


def test_headline_rows_are_left_alone(drops: None) -> None:
    """Batch 146's headline 'Gallus' (a name one headline has, the other copy's deck tells):
    the older gold counts such headline names as changes, so the rule does not read them."""
    left = "Kirchturm in Oberweilingen eingestürzt – Glocken stürzen in die Tiefe"
    right = "Oberweilingen: Kirchturm von St. Gallus eingestürzt"
    deck = "Die barocke Haube von St. Gallus ist in der Nacht auf das Kirchendach gekracht."
    pages = (page_tokens([left, deck], "de"), page_tokens([right], "de"))
    got = check_pair(left, right, left_lang="de", right_lang="de", confidence=0.957,
                     similarity=0.599, pages=pages, regrouped=False)  # fmt: skip
    assert got == {"names": {"right_only": ["Gallus"]}}


def test_across_languages_nothing_changes(drops: None) -> None:
    flags = {"names": {"left_only": ["Stuttgart"]}}
    pages = (page_tokens(["in Stuttgart"], "de"), page_tokens(["in Stuttgart"], "en"))
    assert check_drops.without_told_drops(flags, ("a", "b"), pages, False) == flags
