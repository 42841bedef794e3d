"""Round 24: durations compared as values, in a paraphrase row and across rows.

Invented sentences in the shapes of two dev misses: a rewritten repair time ("about two
weeks" / "ten days", batch 80) and a translated flight time whose row also tells a count
the other copy leaves out ("around 25 minutes … 187 passengers" / "nach rund 20 Minuten",
batch 68).  ``check_durations.DURATION_VALUES`` and ``check_twins.DURATION_UNBOUND`` ship on.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_durations, check_twins
from workbench.core.check_durations import changed_durations
from workbench.core.check_twins import figure_twins
from workbench.core.checks import check_pair

WEEKS = ("Port officials said the repairs could take about two weeks.",
         "The port authority expects the repair work to last ten days.")  # fmt: skip
PLANE = ("The jet, carrying 187 passengers, landed around 25 minutes after take-off.",)
ZURUECK = ("Die Piloten kehrten nach rund 20 Minuten zum Flughafen zurück.",)


def _paraphrase(left: str, right: str, left_lang: str = "en", right_lang: str = "en") -> dict:
    return check_pair(left, right, left_lang=left_lang, right_lang=right_lang, confidence=0.9,
                      similarity=0.2)  # fmt: skip


def test_a_rewritten_duration_in_another_unit_is_a_change() -> None:
    assert _paraphrase(*WEEKS) == {"numbers": {"left_only": ["two"], "right_only": ["ten"]}}


def test_switched_off_a_paraphrase_row_keeps_small_counts_as_wording(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(check_durations, "DURATION_VALUES", False)
    assert _paraphrase(*WEEKS) == {}


def test_across_languages_and_at_a_sentence_start() -> None:
    got = _paraphrase("Sieben Stunden lang suchten die Retter im Schnee.",
                      "Les secouristes ont retrouvé les randonneurs après six heures.", "de", "fr")
    assert got == {"numbers": {"left_only": ["Sieben"], "right_only": ["six"]}}


def test_one_length_told_roundly_or_two_different_spans_are_no_change() -> None:
    hedged = _paraphrase("Die Reparatur dauert knapp zwei Wochen.",
                         "Die Arbeiten sollen 13,5 Tage dauern.", "de", "de")  # fmt: skip
    assert hedged == {}  # "knapp" reaches 13,5 days
    apart = _paraphrase("The repair took two hours.", "Work on the crane lasts three days.")
    assert apart == {}  # not one question answered twice: 120 against 4,320 minutes
    fortnight = _paraphrase("Seit zwei Wochen standen die Engländer am Berg.",
                            "Depuis quinze jours les Anglais menaient l'attaque.", "de", "fr")
    assert fortnight == {}  # French counts two weeks as fifteen days (Text+Berg dev)


def test_only_figures_before_a_time_unit_count() -> None:
    nums = {"left_only": ["two"], "right_only": ["ten"]}
    assert changed_durations("They sent two cranes.", "They sent ten days later.", nums,
                             "en", "en") == {}  # fmt: skip


@given(st.integers(1, 9), st.integers(10, 1200))
def test_hours_against_minutes_flag_exactly_the_like_different_lengths(
    hours: int, minutes: int
) -> None:
    got = _paraphrase(f"The repairs will take {hours} hours.",
                      f"Crews expect the work to last {minutes} minutes in all.")  # fmt: skip
    low, high = sorted((60 * hours, minutes))
    if 1.1 * low < high <= 2 * low:  # two units: within a tenth is one length told roundly
        assert got == {"numbers": {"left_only": [str(hours)], "right_only": [str(minutes)]}}
    else:
        assert got == {}


def test_a_duration_twins_whatever_else_its_row_tells(monkeypatch: pytest.MonkeyPatch) -> None:
    assert figure_twins(PLANE, ZURUECK, "en", "de") == [("25", "20")]
    monkeypatch.setattr(check_twins, "DURATION_UNBOUND", False)
    assert figure_twins(PLANE, ZURUECK, "en", "de") == []  # "187" binds the count to its row


def test_a_count_that_is_no_duration_stays_bound_by_its_row() -> None:
    trucks = ("The convoy, with 187 passengers, brought 25 trucks.",)
    assert figure_twins(trucks, ("Der Konvoi brachte rund 20 Lastwagen.",), "en", "de") == []
