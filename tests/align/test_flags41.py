"""Round 41 (flags41): a road's number and a dateline opening a later segment are no flags."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core import check_datelines, check_roads
from workbench.core.check_datelines import dateline_words
from workbench.core.check_roads import road_numbers
from workbench.core.checks import SEGMENT_BREAK, check_pair


@pytest.fixture(autouse=True)
def switched_on(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both rules ship off (no leave-one-batch-out gain); their behaviour is tested on."""
    monkeypatch.setattr(check_roads, "ROAD_NUMBERS", True)
    monkeypatch.setattr(check_datelines, "SEGMENT_DATELINES", True)


def test_shipped_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both ship off, read in place: the fixture's switches undone (the same ``monkeypatch``),
    not the modules reloaded (a reload makes new functions and constants that the modules
    which imported them before never see, state that leaks into the next tests)."""
    monkeypatch.undo()
    assert check_roads.ROAD_NUMBERS is False
    assert check_datelines.SEGMENT_DATELINES is False


def _de(left: str, right: str) -> dict:
    return check_pair(left, right, left_lang="de", right_lang="de")


def test_road_shapes_read() -> None:
    assert road_numbers("Die Kohlenstraße (L 587) bleibt gesperrt.") == ["587"]
    assert road_numbers("Дорогу Т-1437 закрили.") == ["1437"]
    assert road_numbers("Die Autobahn 6 ist dicht.") == ["6"]
    assert road_numbers("on the M-06 highway") == ["06"]
    assert road_numbers("la route nationale 7") == ["7"]
    assert road_numbers("на автодорозі Т-14-37 обвал") == ["14", "37"]


def test_not_roads() -> None:
    assert road_numbers("Die Hauptstraße 12 ist gesperrt.") == []  # a house number
    assert road_numbers("Ein F-16 flog über die Straße.") == []  # a code far from the road word
    assert road_numbers("Танк Т-72 стояв на дорозі.") == []
    assert road_numbers("Ein F-16 flog über die Stadt.") == []  # no road word at all


def test_dropped_road_number_off_and_on(monkeypatch: pytest.MonkeyPatch) -> None:
    left = "Die Kohlenstraße (L 587) bleibt bis Freitag gesperrt."
    right = "Die Kohlenstraße bleibt bis Freitag gesperrt."
    monkeypatch.setattr(check_roads, "ROAD_NUMBERS", False)
    assert _de(left, right) == {"numbers": {"left_only": ["587"]}}
    monkeypatch.setattr(check_roads, "ROAD_NUMBERS", True)
    assert _de(left, right) == {}


def test_count_beside_a_road_still_flagged() -> None:
    got = _de("Auf der Landesstraße L 74 stauten sich 300 Autos.",
              "Auf der Landesstraße stauten sich 350 Autos.")  # fmt: skip
    assert got == {"numbers": {"left_only": ["300"], "right_only": ["350"]}}


def test_a_figure_also_written_outside_the_road_stays() -> None:
    got = _de("Die Autobahn 6 war 6 Stunden dicht.", "Die Autobahn war dicht.")
    assert got == {"numbers": {"left_only": ["6"]}}


# Batch 148's regrouped row (muenzviertel_rundschau_apa_de / traunufer_bote_de): the wire's
# headline glued to its lead, which opens with the dateline, against the rewrite's lead.
_HEAD = "Altmünzing sperrt Hallenbad für eine Saison – Sanierung kostet 4,6 Millionen Euro"
_LEAD = ("Altmünzing (APA) – Das Hallenbad der oberösterreichischen Stadt Altmünzing bleibt in "
         "der Wintersaison 2027/28 geschlossen.")
_REWRITE = ("Wer in Altmünzing diesen Winter schwimmen will, muss ausweichen: Das städtische "
            "Hallenbad bleibt in der Saison 2027/28 zu.")


def _row(lead: str = _LEAD, rewrite: str = _REWRITE) -> dict:
    return _de(SEGMENT_BREAK.join([_HEAD, lead]), rewrite).get("names", {})


def test_dateline_words_read() -> None:
    assert dateline_words(SEGMENT_BREAK.join([_HEAD, _LEAD])) == frozenset({"APA"})
    assert dateline_words("Das sagte Huber (SPÖ) – und ging.") == frozenset()


def test_b148_off_and_on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_datelines, "SEGMENT_DATELINES", False)
    assert "APA" in _row().get("left_only", [])
    monkeypatch.setattr(check_datelines, "SEGMENT_DATELINES", True)
    assert "APA" not in _row().get("left_only", [])


def test_a_name_outside_the_dateline_still_flagged() -> None:
    lead = _LEAD.replace("Das Hallenbad", "Das Hallenbad von Bürgermeister Haidler")
    assert "Haidler" in _row(lead).get("left_only", [])


def test_a_bracket_mid_sentence_is_no_dateline() -> None:
    left = SEGMENT_BREAK.join([_HEAD, "Das sagte Huber (SPÖ) – und das Bad bleibt zu."])
    got = _de(left, "Das Bad bleibt zu, sagte er.").get("names", {})
    assert "SPÖ" in got.get("left_only", [])


_CLASSES = st.sampled_from(["Landesstraße L", "Bundesstraße B", "Kreisstraße K", "Autobahn A"])


@settings(max_examples=40, deadline=None)
@given(road=_CLASSES, number=st.integers(100, 999), a=st.integers(10, 90), b=st.integers(10, 90))
def test_road_dropped_never_flagged_count_changed_always(road: str, number: int, a: int,
                                                         b: int) -> None:  # fmt: skip
    """A road's number dropped by the other copy is never flagged; a count changed beside it
    always is (on the side that holds it), whatever the road's number (the road's number of
    another size than the counts: equal values cancel in the number reader's multiset)."""
    left = f"Auf der {road} {number} standen {a} Lastwagen im Stau."
    right = f"Auf der {road.split()[0]} standen {b} Lastwagen im Stau."
    got = _de(left, right).get("numbers", {})
    assert str(number) not in got.get("left_only", [])
    if a != b:
        assert str(a) in got.get("left_only", [])
        assert str(b) in got.get("right_only", [])
    else:
        assert got == {}
