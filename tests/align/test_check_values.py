"""Changed figures told in different forms (core.check_dates, core.check_fractions,
core.fraction_words, the twin rows of core.check_twins, value reading of core.check_numbers).

Invented sentences in the shapes of round 14's unseen misses (batches 44 and 45):
"12 400" against "около 12,5 тыс.", "ein Drittel" against "30 Prozent", and one
event dated "seit dem 10. November" against "Seit dem 12. November"; and the same
value in two forms, which must never flag.
"""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from workbench.core.check_dates import changed_dates, day_dates
from workbench.core.check_fractions import with_fractions
from workbench.core.check_numbers import quantities
from workbench.core.check_twins import with_twins
from workbench.core.checks import check_pair
from workbench.core.fraction_words import shares
from workbench.testing.flag_gold import end_to_end_pairs, gated_items, precision_recall
from workbench.testing.page_gold import load_pages

DATA = Path(__file__).resolve().parents[1] / "data"


def _flags(left: str, right: str, llang: str = "de", rlang: str = "de") -> dict:
    return check_pair(left, right, left_lang=llang, right_lang=rlang)


# --- numbers as values across forms, abbreviations and hedges --------------------------


def _grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


@given(st.integers(10, 999).map(lambda k: k * 100))
def test_the_same_count_in_thousands_and_in_digits_never_flags(n: int) -> None:
    thousands = f"{n / 1000:g}"
    forms = [
        (f"Auf dem Hof lebten {_grouped(n, '.')} Schweine.", "de",
         f"Auf dem Hof lebten {thousands.replace('.', ',')} Tsd. Schweine.", "de"),
        (f"The farm held {_grouped(n, ',')} pigs.", "en",
         f"The farm held {thousands} thousand pigs.", "en"),
        (f"На підприємстві утримували {_grouped(n, ' ')} свиней.", "uk",
         f"На предприятии содержалось {thousands.replace('.', ',')} тыс. голов.", "ru"),
        (f"Господарство мало {thousands.replace('.', ',')} тис. свиней.", "uk",
         f"The farm held {_grouped(n, ',')} pigs.", "en"),
    ]  # fmt: skip
    for left, llang, right, rlang in forms:
        assert _flags(left, right, llang, rlang) == {}, (left, right)


def test_a_rounded_thousand_that_is_another_value_is_a_change() -> None:
    """12,4 thousand against "about 12.5 thousand": 12.5 written to the hundred covers
    12,450-12,550, so 12,400 is another count; "about 12 thousand" covers it."""
    got = _flags("На підприємстві утримували 12 400 свиней.",
                 "На предприятии содержалось около 12,5 тыс. голов.", "uk", "ru")  # fmt: skip
    assert got == {"numbers": {"left_only": ["12 400"], "right_only": ["12,5"]}}
    assert _flags("На підприємстві утримували 12 400 свиней.",
                  "На предприятии содержалось около 12 тыс. голов.", "uk", "ru") == {}  # fmt: skip
    assert _flags("The farm held 12,400 pigs.", "The farm held 12.5 thousand pigs.", "en", "en")


@given(st.integers(101, 999).filter(lambda k: k % 10), st.integers(-60, 60))
def test_a_hedged_thousand_meets_exactly_the_counts_that_round_to_it(tenths: int, off: int) -> None:
    """ "rund X,Y Tsd." is any count that rounds to X,Y thousand; every other count flags.
    (A written trailing zero, "rund 19,0 Tsd.", is read at its last non-zero digit, as
    ``check_rounded.figure_range`` documents: not drawn here.)"""
    hedged = tenths * 100
    exact = hedged + off
    left = f"Es waren {_grouped(exact, '.')} Schweine."
    right = f"Es waren rund {tenths // 10},{tenths % 10} Tsd. Schweine."
    assert (_flags(left, right) == {}) == (-50 <= off < 50), (left, right)


# --- fractions and percentages -----------------------------------------------------------


def test_fraction_words_are_shares_and_their_numerators_no_counts() -> None:
    assert [(s.raw, s.percent) for s in shares("Rund ein Drittel der Kirchen")] == [
        ("Drittel", 33.333)
    ]
    assert [s.raw for s in shares("two-thirds of the council voted")] == ["two-thirds"]
    assert [s.percent for s in shares("la moitié des églises, un tiers des écoles")] == [
        50.0, 33.333,
    ]  # fmt: skip
    assert [s.percent for s in shares("третина голосів, половина жителів, четверть домов")] == [
        33.333, 50.0, 25.0,
    ]  # fmt: skip
    for text in ("She finished third.", "the second half of the season", "half past five",
                 "Wir wohnen im Viertel.", "un tiers payeur"):  # fmt: skip
        assert shares(text) == [], text
    assert quantities("Zwei Drittel stimmten zu.", "de") == []  # "zwei" is no count here
    assert quantities("Zwei Kirchen schließen.", "de") == [("Zwei", "2")]


def test_a_fraction_against_another_percentage_is_a_change() -> None:
    got = _flags("Ein Drittel der Kirchen wird aufgegeben.",
                 "30 Prozent der Kirchen werden aufgegeben.")  # fmt: skip
    assert got == {"numbers": {"right_only": ["30"], "left_only": ["Drittel"]}}
    assert _flags("Ein Drittel der Kirchen wird aufgegeben.",
                  "33 Prozent der Kirchen werden aufgegeben.") == {}  # fmt: skip
    assert _flags("Two-thirds of the council voted yes.", "67% of the council voted yes.",
                  "en", "en") == {}  # fmt: skip
    # a hedge stretches the fraction: "knapp die Hälfte" is 45-50 %
    nearly = "Knapp die Hälfte der Kirchen schließt."
    assert _flags(nearly, "47 Prozent der Kirchen schließen.") == {}
    assert _flags(nearly, "52 Prozent der Kirchen schließen.")
    # a paraphrased row keeps a replaced share (it is a measure, like a percentage)
    got = check_pair("Ein Drittel der Kirchen wird aufgegeben.",
                     "Laut Bistum sollen 30 Prozent der Gotteshäuser abgegeben werden.",
                     left_lang="de", right_lang="de", similarity=0.1)  # fmt: skip
    assert got == {"numbers": {"left_only": ["Drittel"], "right_only": ["30"]}}


def test_one_in_n_is_a_share_and_two_different_shares_are_a_change() -> None:
    """ "jeder dritte Zug" against "jeder vierte Zug" (dev batch 40, a paraphrase row):
    33 % against 25 %; "one in three" against "a third" is one share."""
    assert [(s.raw, s.percent) for s in shares("Etwa jeder dritte Zug soll fahren.")] == [
        ("dritte", 33.333)
    ]
    for text in ("one in three residents", "every third train", "un Français sur trois",
                 "каждый третий житель", "кожен третій мешканець"):  # fmt: skip
        assert [s.percent for s in shares(text)] == [33.333], text
    assert quantities("one in three residents", "en") == []  # no count of one or three
    got = check_pair("Etwa jeder dritte der sonst 310 täglichen Züge soll fahren.",
                     "Laut RTX gilt ein Notfahrplan, nur etwa jeder vierte Zug fährt.",
                     left_lang="de", right_lang="de", similarity=0.38)  # fmt: skip
    assert got == {"numbers": {"left_only": ["dritte"], "right_only": ["vierte"]}}
    assert _flags("One in three residents left.", "A third of residents left.", "en", "en") == {}
    assert _flags("Jeder zweite Zug fällt aus.", "Die Hälfte der Züge fällt aus.") == {}


def test_a_percentage_told_twice_is_read_once_per_fraction() -> None:
    assert _flags("Es sind 33 Prozent, ja 33 Prozent.", "Es ist ein Drittel, ein Drittel.") == {}
    got = _flags("Es sind 30 Prozent, ja 30 Prozent.", "Es ist ein Drittel und ein Viertel.")
    assert got == {"numbers": {"left_only": ["30", "30"], "right_only": ["Drittel", "Viertel"]}}


def test_a_fraction_facing_no_percentage_raises_nothing() -> None:
    assert _flags("Half of the residents left.", "Many residents left.", "en", "en") == {}
    nums = {"left_only": ["40"]}
    assert with_fractions("Some 40 people came.", "Half of them came.", nums, "en", "en") == nums


_FRACTIONS = {"ein Drittel": 100 / 3, "die Hälfte": 50.0, "ein Viertel": 25.0,
              "zwei Drittel": 200 / 3, "drei Viertel": 75.0, "ein Fünftel": 20.0}  # fmt: skip


@given(st.sampled_from(sorted(_FRACTIONS)), st.integers(1, 99))
def test_a_percentage_flags_against_a_fraction_exactly_when_it_does_not_round_to_it(
    fraction: str, percent: int
) -> None:
    got = _flags(f"Bisher wurde {fraction} der Anlagen geprüft.",
                 f"Bisher wurden {percent} Prozent der Anlagen geprüft.")  # fmt: skip
    same = abs(percent - _FRACTIONS[fraction]) <= 1.5
    assert (got == {}) == same, (fraction, percent, got)
    if not same:
        assert got["numbers"]["right_only"] == [str(percent)]
        assert got["numbers"]["left_only"] == [fraction.split()[1]]


# --- one event's day told differently ----------------------------------------------------


def test_one_event_dated_to_another_day_is_a_change() -> None:
    left = "Der Käse wurde seit dem 10. November in Bayern verkauft, auch im Hofladen."
    right = "Seit dem 12. November wurde der Käse in Bayern verkauft."
    assert _flags(left, right) == {"numbers": {"left_only": ["10"], "right_only": ["12"]}}
    assert _flags("Sales began on November 10, the firm said.",
                  "Sales began on November 12, the firm said.", "en", "en") == {
        "numbers": {"left_only": ["10"], "right_only": ["12"]}
    }  # fmt: skip


def test_dates_a_copy_adds_stamps_datelines_ranges_and_clock_times_stay_unflagged() -> None:
    same = "Der Käse wurde in Bayern verkauft."
    assert _flags("Am Mittwoch, 25. November, rief die Molkerei den Käse zurück.",
                  "Die Molkerei rief den Käse zurück.") == {}  # one copy adds the date
    assert _flags("München, 26. November (dpa) - " + same, "Berlin, 27. November - " + same) == {}
    assert changed_dates("Verkauft vom 10. bis 12. November.", "Seit dem 11. November.") == {}
    assert _flags("Der Rückruf kam am 10. November.", "Seit dem 12. November gilt er.") == {}
    stamps = ("Stand: 26.11.2026, 14:20 Uhr. ", "Stand: 27.11.2026, 9:05 Uhr. ")
    assert _flags(stamps[0] + same, stamps[1] + same) == {}
    assert _flags("Seit dem 10. November verkauft.", "Seit dem 10. Dezember verkauft.") == {}
    # across languages the wording around a date is not compared: nothing is read
    assert _flags("Seit dem 10. November verkauft.", "Sold since November 12.", "de", "en") == {}
    assert day_dates("vom 10. bis 12. November")[0][2] == "range"
    assert changed_dates("am 3. März und am 5. März", "am 4. März") == {}  # two dates on a side


@given(st.integers(1, 28), st.integers(1, 28), st.sampled_from(["seit dem", "am", "bis zum"]))
def test_a_day_flags_only_when_it_differs_and_never_when_one_side_has_none(
    a: int, b: int, lead: str
) -> None:
    left = f"Der Käse wurde {lead} {a}. November verkauft."
    right = f"Der Käse wurde {lead} {b}. November verkauft."
    got = _flags(left, right)
    assert (got == {}) == (a == b)
    assert _flags(left, "Der Käse wurde verkauft.") == {}


# --- a twin the aligner linked unsurely --------------------------------------------------


def test_a_twin_lands_on_an_unsure_row_only_when_that_row_holds_both_figures() -> None:
    rows = [("Утримували 12 400 свиней.", "Содержалось около 12,5 тыс. голов."),
            ("Зона 10 км.", "Зона 3 км.")]  # fmt: skip
    flags: list[dict] = [{}, {}]
    got = with_twins(rows, flags, [("12 400", "12,5")], checked=[False, True])
    assert got[0] == {"numbers": {"left_only": ["12 400"], "right_only": ["12,5"]}}
    apart = [("Утримували 12 400 свиней.", ""), ("", "Содержалось около 12,5 тыс. голов.")]
    assert with_twins(apart, flags, [("12 400", "12,5")], checked=[False, False]) == [{}, {}]


def test_round_14s_unseen_date_and_thousands_changes_are_flagged_end_to_end() -> None:
    """Batch 44 (round 14's unseen pages, now dev): the Listeria recall's "seit dem 10." /
    "12. November" and the swine-fever farm's 12 400 / "около 12,5 тыс." are found, with
    no other flag the gold does not accept."""
    gold = json.loads((DATA / "flag-gold.json").read_text(encoding="utf-8"))
    pages = {p.name: p for p in load_pages(DATA / "story-pairs" / "batch44")}
    pairs = [p for p in end_to_end_pairs(gold, pages, "fixture_end_to_end")
             if p.wanted]  # fmt: skip
    assert len(pairs) == 2
    scores = precision_recall(gated_items(pairs))
    assert scores["recall"] == 1.0 and scores["false"] == 0, scores
