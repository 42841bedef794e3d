"""A medium one copy names after a telling cue, the other copy not (round 37, flagsb37;
``check_outlets.OUTLETS``, shipped off: a study).

The dev census found the shape in four batches (b5 "Про це повідомляє РБК-Україна", b7 "Nach
OZ-Informationen", b35 "au micro de la chaîne L'Équipe", b40 "gegenüber dem SWR"), each missed
for another reason; the gold counts it an added name.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from workbench.core import check_outlets
from workbench.core.check_outlets import _told_by, cued_outlets, outlet_flags
from workbench.core.checks import check_pair


@contextmanager
def outlets(on: bool = True) -> Iterator[None]:
    kept = check_outlets.OUTLETS
    check_outlets.OUTLETS = on
    try:
        yield
    finally:
        check_outlets.OUTLETS = kept


def _check(left: str, right: str, lang: str, on: bool, similarity: float = 0.6) -> dict:
    with outlets(on):
        return check_pair(left, right, left_lang=lang, right_lang=lang, confidence=0.9,
                          similarity=similarity)


B5 = ("Про це повідомило МАГАТЕ.", "Про це повідомляє РБК-Україна з посиланням на МАГАТЕ.")
B40 = ("«Das Angebot ist eine Zumutung», sagte GZO-Chef Holger Brandstetter.",
       "GZO-Chef Holger Brandstetter nannte das Angebot gegenüber dem SWR „eine Zumutung“.")


def test_shipped_off() -> None:
    assert check_outlets.OUTLETS is False


def test_b5_paraphrase_row_names_its_outlet() -> None:
    """A paraphrase row (similarity .49) reads figures only; the outlet is read on."""
    assert _check(*B5, "uk", False, similarity=0.49) == {}
    assert _check(*B5, "uk", True, similarity=0.49) == {"names": {"right_only": ["РБК-Україна"]}}


def test_b40_an_all_caps_medium_after_an_article() -> None:
    """"dem SWR" reads as a German noun; after "gegenüber dem" it is a medium."""
    assert "names" not in _check(*B40, "de", False, similarity=0.57)
    assert _check(*B40, "de", True, similarity=0.57)["names"] == {"right_only": ["SWR"]}


def test_cues_read() -> None:
    assert cued_outlets("Nach OZ-Informationen begann es in einem Kühllaster.", "de") == ["OZ"]
    assert cued_outlets("a réagi la skieuse au micro de la chaîne L'Équipe.", "fr") == ["L'Équipe"]
    assert cued_outlets("the company told IntraFish.", "en") == ["IntraFish"]
    assert cued_outlets("сообщает Reuters со ссылкой на консорциум", "ru") == ["Reuters"]


def test_sources_that_are_no_media_are_not_read() -> None:
    """A source attribution moved or added is no flag by the gold ("the IAEA attribution")."""
    for text, lang in (("laut Polizei brannte es", "de"), ("selon la préfecture, il y a", "fr"),
                       ("according to the IAEA, the plant", "en"),
                       ("з посиланням на МАГАТЕ", "uk")):
        assert cued_outlets(text, lang) == []


def test_the_same_medium_both_sides_is_no_flag() -> None:
    assert outlet_flags("the mayor told Reuters.", "The mayor said, Reuters reported.", "en") == {}


_OUTLET = st.one_of(
    st.text("ABCDEFGHKLMNPRSTUVWZ", min_size=2, max_size=4),
    st.builds(lambda a, b: a + b, st.sampled_from("BCDFGKLMNPRSTVZ"),
              st.text("aeiounrstlk", min_size=3, max_size=8)),
)
_FRAMES = {
    "en": "The minister told {} on Monday that the plant would close.",
    "de": "Der Minister sagte gegenüber dem {} am Montag, das Werk schließe.",
    "fr": "Le ministre a déclaré à {} lundi que l'usine fermerait.",
    "uk": "Про це повідомляє {} з посиланням на міністра.",
    "ru": "Об этом сообщает {} со ссылкой на министра.",
}


@settings(max_examples=60, deadline=None)
@given(_OUTLET, st.sampled_from(sorted(_FRAMES)), st.booleans())
@example("SWR", "de", True)
def test_a_medium_both_rows_name_is_never_flagged(outlet: str, lang: str, para: bool) -> None:
    """One medium after one cue on both sides: the rule adds nothing to what off raises."""
    row = _FRAMES[lang].format(outlet)
    sim = 0.4 if para else 0.9
    assert _check(row, row, lang, True, sim) == _check(row, row, lang, False, sim) == {}


@settings(max_examples=60, deadline=None)
@given(_OUTLET, st.sampled_from(sorted(_FRAMES)))
def test_a_medium_one_row_adds_is_flagged_on_its_side(outlet: str, lang: str) -> None:
    """The frame on one side, the same sentence without it on the other: the medium is a
    one-sided name there (even in a paraphrase row), and nothing lands on the other side.
    A medium whose name key a word of the other row holds is told there (hypothesis drew 'SA'
    against Russian "со": name keys are compared across scripts), so it is left out."""
    row = _FRAMES[lang].format(outlet)
    other = row.replace(outlet, "").replace("  ", " ")
    assume(not _told_by(outlet, other))
    with outlets(True):
        found = outlet_flags(other, row, lang)
        flags = _check(other, row, lang, True, similarity=0.4)
    assert found == {"names": {"right_only": [outlet]}}
    assert outlet in flags["names"]["right_only"]
    assert "left_only" not in flags.get("names", {})
