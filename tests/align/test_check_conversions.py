"""A measure told in another unit is no change (round 26, ``core.check_conversions``).

Invented sentences in the shapes of round 25's unseen false flags (batch 88, now dev): a
storm's gusts told as "80mph" in English, "130 km/h" in a French translation and "130
Kilometern pro Stunde" in a German paraphrase; and the shapes outlets use for other units
(hectares / acres, feet / metres, °F / °C).  A change in one unit stays a change.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_conversions
from workbench.core.check_conversions import converted, measures, rounds_to, without_converted
from workbench.core.check_numbers import quantities
from workbench.core.checks import check_pair, page_tokens
from workbench.core.units import BY_NAME, UNITS, from_base, in_base, unit_at

GUSTS_EN = "Two pens were damaged when mooring lines parted in gusts of more than 80mph."
GUSTS_FR = ("Deux cages ont été endommagées lorsque des amarres ont cédé sous des rafales de "
            "plus de 130 km/h.")  # fmt: skip
GUSTS_DE = "Zwei Netzgehege wurden bei Böen von mehr als 130 Kilometern pro Stunde beschädigt."


@pytest.mark.parametrize(("after", "lang", "name"), [
    ("mph.", "en", "mph"), (" km/h", "fr", "km/h"), (" Kilometern pro Stunde", "de", "km/h"),
    (" Stundenkilometer", "de", "km/h"), (" км/год", "uk", "km/h"), (" км/ч", "ru", "km/h"),
    (" miles an hour", "en", "mph"), (" Meilen", "de", "mile"), (" milles", "fr", "mile"),
    (" футов", "ru", "ft"), ("-foot", "en", "ft"), (" hectares", "en", "ha"),
    (" acres", "en", "acre"), (" гектарів", "uk", "ha"), (" °F", "en", "F"), (" Grad", "de", "C"),
    (" livres", "fr", "lb"), (" tonnes", "fr", "t"), (" gallons", "en", "gal"),
])  # fmt: skip
def test_the_registry_reads_each_language_s_spellings(after: str, lang: str, name: str) -> None:
    unit = unit_at(after, lang)
    assert unit is not None and unit.name == name


@pytest.mark.parametrize("after", [" млн", " M", " years", " people", " Mitarbeiter", " тыс."])
def test_words_that_are_no_unit_are_not_read_as_one(after: str) -> None:
    assert unit_at(after, None) is None


def test_a_figure_before_its_unit_is_read_without_a_scale_miles_is_no_thousand() -> None:
    """The word "miles" is also Spanish for thousands (``check_numbers``' scale words)."""
    (found,) = measures("The storm moved 80 miles inland.", "en")
    assert (found.raw, found.value, found.unit.name) == ("80", Decimal(80), "mile")


def test_a_scale_word_between_figure_and_unit_scales_it() -> None:
    (found,) = measures("Es liefen 2,5 Millionen Liter aus.", "de")
    assert (found.value, found.unit.name) == (Decimal(2500000), "l")


def test_the_storm_s_gusts_are_one_speed_in_a_translation_and_a_paraphrase() -> None:
    assert check_pair(GUSTS_EN, GUSTS_FR, left_lang="en", right_lang="fr") == {}
    assert check_pair(GUSTS_EN, GUSTS_DE, left_lang="en", right_lang="de") == {}


def test_a_changed_speed_across_units_is_still_flagged() -> None:
    changed = GUSTS_FR.replace("130", "150")  # 80 mph is 128.7 km/h, not 150
    got = check_pair(GUSTS_EN, changed, left_lang="en", right_lang="fr")
    assert got == {"numbers": {"left_only": ["80"], "right_only": ["150"]}}


def test_a_changed_area_in_one_unit_is_still_flagged() -> None:
    got = check_pair("The fire burnt 640 ha of forest.", "The fire burnt 650 ha of forest.",
                     left_lang="en", right_lang="en")  # fmt: skip
    assert got == {"numbers": {"left_only": ["640"], "right_only": ["650"]}}


def test_hectares_told_as_rounded_acres_are_no_change() -> None:
    got = check_pair(
        "The fire burnt 640 hectares of forest.",
        "The fire burnt some 1,600 acres of forest.",
        left_lang="en",
        right_lang="en",
    )
    assert got == {}


def test_a_bracketed_conversion_does_not_flag_its_twin() -> None:
    got = check_pair(
        "Gusts reached 80 mph (130 km/h) on Lewis.",
        "Les rafales ont atteint 130 km/h sur Lewis.",
        left_lang="en",
        right_lang="fr",
    )
    assert got == {}


def test_a_conversion_told_in_the_next_sentence_is_no_change() -> None:
    row = ("Der Sturm beschädigte zwei Netzgehege der Farm.",
           "The storm damaged two pens at the farm in gusts of 80mph.")  # fmt: skip
    beside = (page_tokens(["Die Böen erreichten 130 km/h."], "de"), page_tokens([], "en"))
    got = check_pair(*row, left_lang="de", right_lang="en", confidence=0.9, similarity=0.7,
                     regrouped=False, beside=beside)  # fmt: skip
    assert got == {}


def test_the_switch_off_flags_the_conversion_as_before() -> None:
    check_conversions.CONVERSIONS = False
    try:
        got = check_pair(GUSTS_EN, GUSTS_FR, left_lang="en", right_lang="fr")
    finally:
        check_conversions.CONVERSIONS = True
    assert got == {"numbers": {"left_only": ["80"], "right_only": ["130"]}}


def test_without_converted_keeps_figures_with_no_unit() -> None:
    nums = {"left_only": ["80"], "right_only": ["130"]}
    assert without_converted("80 people", "130 personnes", nums, "en", "fr") == nums


@pytest.mark.parametrize(("exact", "written", "ok"), [
    ("128.75", "130", True), ("1581.5", "1600", True), ("99.78", "100", True),
    ("94.9", "100", False), ("128.75", "128.7", True), ("128.75", "125", False),
    ("0.3", "0", True), ("10.4", "10", True), ("10.6", "10", False),
])  # fmt: skip
def test_a_written_figure_rounds_the_exact_one_at_its_own_precision(
    exact: str, written: str, ok: bool
) -> None:
    assert rounds_to(Decimal(exact), Decimal(written)) is ok


def _round(value: Decimal, figures: int) -> Decimal:
    """``value`` rounded to ``figures`` significant figures, as an outlet writes it."""
    if value == 0:
        return value
    return value.quantize(Decimal(1).scaleb(value.adjusted() - figures + 1), ROUND_HALF_UP)


_PAIRS = [(u, t) for u in UNITS for t in UNITS if u.dimension == t.dimension and u != t]
_VALUES = st.decimals(min_value=Decimal("0.1"), max_value=Decimal(100000), places=1)


@given(st.sampled_from(_PAIRS), _VALUES)
def test_a_value_converted_and_rounded_to_two_figures_always_matches(pair, value) -> None:
    unit, other = pair
    written = _round(from_base(in_base(value, unit), other), 2)
    assert converted((value, unit), (written, other))


@given(st.sampled_from(UNITS), _VALUES, _VALUES)
def test_the_same_unit_is_never_converted(unit, value, other) -> None:
    assert not converted((value, unit), (other, unit))


@given(st.integers(10, 5000), st.integers(1, 50), st.sampled_from(["ha", "km", "mph", "kg"]))
def test_a_changed_figure_in_one_unit_is_always_flagged(value: int, step: int, unit: str) -> None:
    """Beside the same figure converted on both sides: the conversion drops no real change."""
    left = f"It covered {value} {unit} in all."
    right = f"It covered {value + step} {unit} in all."
    got = check_pair(left, right, left_lang="en", right_lang="en")
    assert got == {"numbers": {"left_only": [str(value)], "right_only": [str(value + step)]}}


def test_miles_after_a_figure_are_a_unit_not_spanish_thousands() -> None:
    """Told "80 miles" against "80 Meilen" is one distance (it was read as 80000 against 80)."""
    got = check_pair("The storm tracked 80 miles inland.", "Der Sturm zog 80 Meilen landeinwärts.",
                     left_lang="en", right_lang="de")  # fmt: skip
    assert got == {}
    assert quantities("20 miles de personas", "es") == [("20", "20000")]


def test_a_number_word_before_a_unit_is_a_measure_too() -> None:
    found = [(m.raw, m.value, m.unit.name) for m in measures("Eighty miles inland.", "en")]
    assert found == [("Eighty", Decimal(80), "mile")]


# Round 27 (units27): volumes, flows, rain and yields, from the same registry.
@pytest.mark.parametrize(("after", "lang", "name"), [
    (" cubic feet", "en", "cuft"), (" m³/s", "de", "m3/s"),
    (" Kubikmeter pro Sekunde", "de", "m3/s"),
    (" mètres cubes par seconde", "fr", "m3/s"), (" кубометрів на секунду", "uk", "m3/s"),
    (" куб. м/с", "ru", "m3/s"), (" cubic feet per second", "en", "cuft/s"),
    (" Liter pro Quadratmeter", "de", "l/m2"), (" litres par mètre carré", "fr", "l/m2"),
    (" мм", "uk", "mm"), (" tonnes a year", "en", "t/yr"), (" тонн в сутки", "ru", "t/d"),
    (" barrels a day", "en", "bbl/d"), (" barils par jour", "fr", "bbl/d"),
    (" acre-feet", "en", "acre-ft"), (" м/с", "ru", "m/s"), (" m³ of water", "en", "m3"),
])  # fmt: skip
def test_the_registry_reads_volumes_and_flows(after: str, lang: str, name: str) -> None:
    unit = unit_at(after, lang)
    assert unit is not None and unit.name == name


def test_a_flow_is_a_volume_per_time_in_the_registry() -> None:
    """95 m³/s is 3,355 cubic feet a second, and 8.2 million cubic metres a day."""
    (m3s,) = measures("Le débit atteignait 95 mètres cubes par seconde.", "fr")
    assert m3s.unit.dimension == "volume/time"
    assert rounds_to(from_base(in_base(m3s.value, m3s.unit), BY_NAME["cuft/s"]), Decimal(3355))
    assert rounds_to(from_base(in_base(m3s.value, m3s.unit), BY_NAME["m3/d"]), Decimal("8.2e6"))


def test_a_bracketed_cubic_feet_conversion_is_no_change() -> None:
    """The issue's shape: "95 cubic meters (3,350 cubic feet) of water per second"."""
    got = check_pair(
        "The dam released 95 cubic meters (3,350 cubic feet) of water per second.",
        "Der Damm ließ 95 Kubikmeter Wasser pro Sekunde ab.",
        left_lang="en",
        right_lang="de",
    )
    assert got == {}


@pytest.mark.parametrize(("left", "right", "lang"), [
    ("The river carried 95 m³/s.", "The river carried 3,400 cubic feet per second.", "en"),
    ("Es fielen 40 Liter pro Quadratmeter.", "Es fielen 40 mm Regen.", "de"),
    ("It ships 1.2 million tonnes a year.", "It ships 1.3 million tons a year.", "en"),
])  # fmt: skip
def test_a_flow_or_rain_told_in_another_unit_is_no_change(left: str, right: str, lang: str) -> None:
    assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}


def test_a_changed_flow_is_still_flagged_in_one_unit_and_across() -> None:
    left = "Le débit atteignait 95 mètres cubes par seconde."
    same = check_pair(left, left.replace("95", "120"), left_lang="fr", right_lang="fr")
    across = check_pair(left, "Le débit atteignait 5 000 pieds cubes par seconde.",
                        left_lang="fr", right_lang="fr")  # fmt: skip
    assert same == {"numbers": {"left_only": ["95"], "right_only": ["120"]}}
    assert across and across["numbers"]["left_only"] == ["95"]


_FLOWS = {"en": ("cubic metres per second", "cubic feet per second"),
          "de": ("Kubikmeter pro Sekunde", "Kubikfuß pro Sekunde"),
          "fr": ("mètres cubes par seconde", "pieds cubes par seconde"),
          "ru": ("кубометров в секунду", "кубических футов в секунду"),
          "uk": ("кубометрів на секунду", "кубічних футів на секунду")}  # fmt: skip


@given(st.sampled_from(sorted(_FLOWS)), st.integers(2, 9000), st.integers(1, 500))
def test_a_flow_in_cubic_feet_matches_and_a_changed_one_does_not(lang, value, step) -> None:
    """In every language: m³/s told in cubic feet a second, rounded to two figures, is no
    change; the same flow moved by ``step`` in its own unit is always flagged."""
    metres, feet = _FLOWS[lang]
    told = _round(from_base(in_base(Decimal(value), BY_NAME["m3/s"]), BY_NAME["cuft/s"]), 2)
    left = f"Le débit: {value} {metres}."
    right = f"Le débit: {format(told.normalize(), 'f')} {feet}."
    changed = f"Le débit: {value + step} {metres}."
    assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}
    flagged = check_pair(left, changed, left_lang=lang, right_lang=lang)
    assert flagged == {"numbers": {"left_only": [str(value)], "right_only": [str(value + step)]}}


# Round 28 (units28): a flow's time after its substance; hectolitres, cubic yards and km³.
@pytest.mark.parametrize(("after", "lang", "name"), [
    (" cubic metres of water per second", "en", "m3/s"),
    (" cubic feet of water per second", "en", "cuft/s"),
    (" barrels of crude oil a day", "en", "bbl/d"),
    (" Kubikmeter Wasser pro Sekunde", "de", "m3/s"),
    (" Tonnen Rohstahl im Jahr", "de", "t/yr"), (" mètres cubes d'eau par seconde", "fr", "m3/s"),
    (" tonnes de céréales par an", "fr", "t/yr"), (" кубометров воды в секунду", "ru", "m3/s"),
    (" кубометрів води на секунду", "uk", "m3/s"), (" hectolitres of beer a year", "en", "hl/yr"),
    (" hectolitres", "en", "hl"), (" Hektoliter", "de", "hl"), (" hl", "fr", "hl"),
    (" гектолитров", "ru", "hl"), (" гектолітрів", "uk", "hl"), (" cubic yards", "en", "cuyd"),
    (" Kubikyards", "de", "cuyd"), (" yards cubes", "fr", "cuyd"),
    (" кубических ярдов", "ru", "cuyd"), (" кубічних ярдів", "uk", "cuyd"),
    (" cubic kilometres", "en", "km3"), (" Kubikkilometer", "de", "km3"), (" км³", "ru", "km3"),
    (" кубічних кілометрів", "uk", "km3"), (" kilomètres cubes", "fr", "km3"),
])  # fmt: skip
def test_the_registry_reads_a_substance_before_the_time_and_the_new_volumes(
    after: str, lang: str, name: str
) -> None:
    unit = unit_at(after, lang)
    assert unit is not None and unit.name == name


@pytest.mark.parametrize(("after", "lang", "name"), [
    (" m³ of water", "en", "m3"), (" Tonnen mehr als im Jahr", "de", "t"),
    (" cubic metres of muddy brown flood water per second", "en", "m3"),
    (" Kubikmeter, die pro Sekunde", "de", "m3"), (" mètres cubes, soit par seconde", "fr", "m3"),
])  # fmt: skip
def test_a_clause_or_a_long_phrase_is_no_substance(after: str, lang: str, name: str) -> None:
    """Only a few words in the language's shape sit between a flow's amount and its time."""
    unit = unit_at(after, lang)
    assert unit is not None and unit.name == name


_SUBSTANCE_FLOWS = {
    "en": ("cubic metres of water per second", "cubic feet of water per second"),
    "de": ("Kubikmeter Wasser pro Sekunde", "Kubikfuß pro Sekunde"),
    "fr": ("mètres cubes d'eau par seconde", "pieds cubes par seconde"),
    "ru": ("кубометров воды в секунду", "кубических футов в секунду"),
    "uk": ("кубометрів води на секунду", "кубічних футів на секунду"),
}  # fmt: skip


@pytest.mark.parametrize("lang", sorted(_SUBSTANCE_FLOWS))
def test_the_issue_s_flows_with_their_substance_are_no_change(lang: str) -> None:
    """"95 cubic metres of water per second" against 3,400 cubic feet a second and "95 m³/s"
    (they were a volume against a flow, and flagged); 120 in the same words stays flagged."""
    metres, feet = _SUBSTANCE_FLOWS[lang]
    left = f"Débit: 95 {metres}."
    for right in (f"Débit: 3400 {feet}.", "Débit: 95 m³/s.", f"Débit: rund 3400 {feet}."):
        assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}
    moved = check_pair(left, f"Débit: 120 {metres}.", left_lang=lang, right_lang=lang)
    assert moved == {"numbers": {"left_only": ["95"], "right_only": ["120"]}}


_NEW_VOLUMES = {"hl": ("gal", {"en": "hectolitres", "de": "Hektoliter", "fr": "hectolitres",
                               "ru": "гектолитров", "uk": "гектолітрів"}),
                "cuyd": ("m3", {"en": "cubic yards", "de": "Kubikyards", "fr": "yards cubes",
                                "ru": "кубических ярдов", "uk": "кубічних ярдів"})}  # fmt: skip
_OTHER_WORD = {"gal": {"en": "gallons", "de": "Gallonen", "fr": "gallons", "ru": "галлонов",
                       "uk": "галонів"},
               "m3": {"en": "cubic metres", "de": "Kubikmeter", "fr": "mètres cubes",
                      "ru": "кубометров", "uk": "кубометрів"}}  # fmt: skip


@given(st.sampled_from(sorted(_NEW_VOLUMES)), st.sampled_from(sorted(_SUBSTANCE_FLOWS)),
       st.integers(2, 9000), st.integers(1, 500))  # fmt: skip
def test_hectolitres_and_cubic_yards_match_their_conversion_in_every_language(
    name: str, lang: str, value: int, step: int
) -> None:
    """Told in gallons / cubic metres and rounded to two figures: no change; moved by ``step``
    in its own unit: always flagged."""
    other, words = _NEW_VOLUMES[name]
    told = _round(from_base(in_base(Decimal(value), BY_NAME[name]), BY_NAME[other]), 2)
    left = f"Es waren {value} {words[lang]}."
    written = format(told.normalize(), "f")
    written = written if lang == "en" else written.replace(".", ",")  # "1,5 Kubikmeter"
    right = f"Es waren {written} {_OTHER_WORD[other][lang]}."
    assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}
    changed = check_pair(left, f"Es waren {value + step} {words[lang]}.", left_lang=lang,
                         right_lang=lang)  # fmt: skip
    assert changed == {"numbers": {"left_only": [str(value)], "right_only": [str(value + step)]}}


@pytest.mark.parametrize(("left", "right", "lang"), [
    ("Winds of 90 to 100 km/h.", "Winds of 55 to 60 mph.", "en"),
    ("Böen von 90 bis 100 Kilometern pro Stunde.", "Böen von 55 bis 60 Meilen pro Stunde.", "de"),
    ("Débit de 90 à 100 mètres cubes par seconde.",
     "Débit de 3 200 à 3 500 pieds cubes par seconde.", "fr"),
    ("The river carried about 95 m³/s.", "The river carried 3,400 cubic feet per second.", "en"),
])  # fmt: skip
def test_a_range_or_a_hedge_told_in_another_unit_is_no_change(left: str, right: str, lang: str
                                                             ) -> None:  # fmt: skip
    assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}


def test_a_range_s_low_end_takes_its_unit_and_a_changed_range_stays_flagged() -> None:
    got = [(m.raw, m.unit.name) for m in measures("Winds of 90-100 km/h and 2 to 3 million "
                                                  "barrels a day.", "en")]  # fmt: skip
    assert got == [("90", "km/h"), ("100", "km/h"), ("3", "bbl/d")]
    moved = check_pair("Winds of 90 to 100 km/h.", "Winds of 70 to 80 km/h.", left_lang="en",
                       right_lang="en")  # fmt: skip
    assert moved == {"numbers": {"left_only": ["90", "100"], "right_only": ["70", "80"]}}


@given(st.sampled_from(sorted(_SUBSTANCE_FLOWS)), st.integers(2, 9000), st.integers(1, 500),
       st.sampled_from(["", "rund ", "about ", "environ ", "около ", "близько "]))  # fmt: skip
def test_a_flow_with_its_substance_matches_cubic_feet_and_a_moved_one_does_not(
    lang: str, value: int, step: int, hedge: str
) -> None:
    """The time after the substance, in every language, with or without a hedge on one side:
    told in cubic feet a second and rounded, no change; moved in its own unit, flagged."""
    metres, feet = _SUBSTANCE_FLOWS[lang]
    told = _round(from_base(in_base(Decimal(value), BY_NAME["m3/s"]), BY_NAME["cuft/s"]), 2)
    left = f"Débit: {value} {metres}."
    right = f"Débit: {hedge}{format(told.normalize(), 'f')} {feet}."
    assert check_pair(left, right, left_lang=lang, right_lang=lang) == {}
    moved = check_pair(left, f"Débit: {value + step} {metres}.", left_lang=lang, right_lang=lang)
    assert moved == {"numbers": {"left_only": [str(value)], "right_only": [str(value + step)]}}


_FLOW_AMOUNT = [(u, t) for u in UNITS for t in UNITS if u.dimension == t.dimension + "/time"]


@given(st.sampled_from(_FLOW_AMOUNT), _VALUES, _VALUES)
def test_a_flow_beside_a_bare_amount_is_told_per_the_same_time(pair, value, other) -> None:
    """One side's time out of reach ("44 pounds of rice a day": pounds are no amount per
    time): the flow's amount converted and rounded matches; its own amount is never converted."""
    flow, amount = pair
    own = BY_NAME[flow.name.rsplit("/", 1)[0]]
    if amount != own:
        written = _round(from_base(in_base(value, own), amount), 2)
        assert converted((value, flow), (written, amount))
    assert not converted((value, flow), (other, own))


def test_a_yield_against_pounds_matches_and_a_moved_one_is_flagged() -> None:
    left = "They get 20 kg of rice a day."
    assert check_pair(left, "They get 44 pounds of rice a day.", left_lang="en",
                      right_lang="en") == {}  # fmt: skip
    moved = check_pair(left, "They get 60 pounds of rice a day.", left_lang="en", right_lang="en")
    assert moved == {"numbers": {"left_only": ["20"], "right_only": ["60"]}}
    per_day = check_pair("It released 95 m³/s.", "It released 3,350 cubic feet a day.",
                         left_lang="en", right_lang="en")  # fmt: skip
    assert per_day == {"numbers": {"left_only": ["95"], "right_only": ["3,350"]}}
