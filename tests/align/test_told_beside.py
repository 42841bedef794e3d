"""A figure the other copy tells beside the row, read with its scale and in paraphrase rows
(round 25, ``core.check_told``).

Invented sentences in the shapes of the dev false flags: a restructured rewrite splits
"58 tonnes, after 74 the year before" into two sentences and the aligner pairs the first
as a paraphrase row; a damage told as "40 Mio. €" in a row and "40 Millionen Euro" in the
other copy's next sentence.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_told
from workbench.core.check_numbers import value_of
from workbench.core.check_told import moved_away, told_values
from workbench.core.checks import check_pair, page_tokens

DE = {"left_lang": "de", "right_lang": "de"}
EN = {"left_lang": "en", "right_lang": "en"}
NOTHING = page_tokens([], "de")

HARVEST = "Die Bauern ernteten im Schnitt nur 58 Tonnen Kartoffeln je Hektar, nach 74 Tonnen 2023."
SHORT = "Im Anbaugebiet ernteten die Betriebe laut Verband durchschnittlich 57 t/ha."
YEAR_BEFORE = "Im Jahr davor waren es noch 74 t/ha, und auch die Stärke liegt unter dem Schnitt."


def _paraphrase(left: str, right: str, beside: tuple, **langs: str) -> dict:
    """``check_pair`` on a confident row below the similarity gate (a paraphrase row)."""
    return check_pair(left, right, confidence=0.8, similarity=0.37, regrouped=False,
                      beside=beside, **langs)  # fmt: skip


def test_a_paraphrase_row_drops_the_figure_told_in_the_next_sentence() -> None:
    beside = (NOTHING, page_tokens([YEAR_BEFORE], "de"))
    got = _paraphrase(HARVEST, SHORT, beside, **DE)
    assert got == {"numbers": {"left_only": ["58"], "right_only": ["57"]}}


def test_without_the_next_sentence_the_year_before_is_flagged_as_before() -> None:
    got = _paraphrase(HARVEST, SHORT, (NOTHING, NOTHING), **DE)
    assert got == {"numbers": {"left_only": ["58", "74"], "right_only": ["57"]}}


def test_the_switch_off_reads_the_paraphrase_row_alone() -> None:
    beside = (NOTHING, page_tokens([YEAR_BEFORE], "de"))
    check_told.PARAPHRASE = False
    try:
        got = _paraphrase(HARVEST, SHORT, beside, **DE)
    finally:
        check_told.PARAPHRASE = True
    assert got["numbers"]["left_only"] == ["58", "74"]


def test_only_the_other_copy_tells_a_figure_away() -> None:
    """"74" beside the row on its own side is the same copy repeating itself: still flagged."""
    beside = (page_tokens(["Schon 2023 waren es 74 Tonnen je Hektar."], "de"), NOTHING)
    got = _paraphrase(HARVEST, SHORT, beside, **DE)
    assert got == {"numbers": {"left_only": ["58", "74"], "right_only": ["57"]}}


def test_a_duration_is_compared_with_its_unit_not_by_a_bare_figure_beside() -> None:
    """"ten days" is no "ten months": a page's bare values do not hold a duration."""
    beside = (page_tokens(["The port handled 7m tonnes in the first ten months."], "en"), NOTHING)
    got = _paraphrase("Officials said repairs could take about two weeks.",
                      "Officials estimated that repairs would take ten days.", beside, **EN)
    assert got == {"numbers": {"left_only": ["two"], "right_only": ["ten"]}}


ROW = ("Der Verband der Kartoffelbauer fordert eine Notfallzulassung.",
       "Der Verband der Kartoffelbauer beziffert den Schaden auf rund 40 Mio. € und fordert eine "
       "Notfallzulassung.")  # fmt: skip


def test_a_figure_told_with_its_scale_word_next_door_is_no_change() -> None:
    beside = (page_tokens(["Der Schaden liegt bei rund 40 Millionen Euro."], "de"), NOTHING)
    got = check_pair(*ROW, confidence=0.88, similarity=0.62, regrouped=False, beside=beside, **DE)
    assert got == {}


def test_the_same_figure_of_another_scale_next_door_keeps_the_flag() -> None:
    beside = (page_tokens(["Auf 40 Hektar fehlt die Ernte."], "de"), NOTHING)
    got = check_pair(*ROW, confidence=0.88, similarity=0.62, regrouped=False, beside=beside, **DE)
    assert got == {"numbers": {"right_only": ["40"]}}


@given(st.integers(min_value=2, max_value=999))
def test_a_figure_before_millions_tells_millions(n: int) -> None:
    assert told_values(str(n), f"Es kostet {n} Millionen Euro.", "de") == {str(n * 1_000_000)}


@given(st.integers(min_value=10, max_value=99_999))
def test_a_figure_with_no_scale_tells_its_own_value(n: int) -> None:
    assert told_values(str(n), f"Es kamen {n} Besucher.", "en") == {value_of(str(n), "en")}


@given(st.lists(st.integers(min_value=10, max_value=9999), min_size=1, max_size=5),
       st.lists(st.integers(min_value=10, max_value=9999), max_size=5))  # fmt: skip
def test_moved_away_only_drops_tokens(mine: list[int], told: list[int]) -> None:
    """What is kept is a subset of the flags, and exactly the figures the other side lacks."""
    text = " und ".join(f"{n} Tonnen" for n in mine)
    flags = {"numbers": {"left_only": [str(n) for n in mine]}}
    pages = (NOTHING, page_tokens([" ".join(f"{n} Tonnen." for n in told)], "de"))
    kept = moved_away(flags, (text, ""), pages, ("de", "de"), True)
    assert kept.get("numbers", {}).get("left_only", []) == [str(n) for n in mine
                                                              if n not in told]  # fmt: skip
