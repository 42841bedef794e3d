"""Figure twins of counts of different things (round 39, beads39; ``check_twins.TWIN_UNITS`` on)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_twins
from workbench.core.check_ages import count_apart, told_as_age
from workbench.core.check_twins import figure_twins


@pytest.mark.parametrize(("text", "raw"), [
    ("Er starb im Alter von 84 Jahren.", "84"), ("Der 45-jährige Fahrer", "45"),
    ("Sie ist 12 Jahre alt.", "12"), ("a 12-year-old boy", "12"), ("aged 45, he", "45"),
    ("à l'âge de 12 ans.", "12"), ("âgé de 70 ans", "70"), ("хлопчик у віці 12 років", "12"),
    ("12-річний хлопець", "12"), ("в возрасте 70 лет", "70"), ("15-летняя девушка", "15"),
])  # fmt: skip
def test_ages_in_every_language(text, raw):
    assert told_as_age(text, raw)


@pytest.mark.parametrize(("text", "raw"), [
    ("nach 18 Jahren im Amt", "18"), ("for 18 years in office", "18"), ("il y a 12 ans", "12"),
    ("45 Minuten", "45"), ("12 років тому", "12"), ("Stage 12 of the race", "12"),
])  # fmt: skip
def test_spans_and_counts_are_no_ages(text, raw):
    assert not told_as_age(text, raw)


def test_blind57_term_and_age_are_no_twins(monkeypatch):
    left = ["Er tritt nach 18 Jahren im Amt zurück."]
    right = ["Il a commencé à l'âge de 12 ans."]
    assert check_twins.TWIN_UNITS is True  # shipped (round 39)
    assert figure_twins(left, right, "de", "fr") == []
    monkeypatch.setattr(check_twins, "TWIN_UNITS", False)
    assert figure_twins(left, right, "de", "fr") == [("18", "12")]  # off: paired


def test_durations_of_other_units_count_apart():
    assert count_apart(["nach 41 Minuten"], "41", ["after 45 hours"], "45", "de", "en")
    assert not count_apart(["nach 41 Minuten"], "41", ["after 45 minutes"], "45", "de", "en")
    assert not count_apart(["41 Verletzte"], "41", ["38 injured"], "38", "de", "en")


def test_a_changed_count_of_one_thing_stays_a_twin():
    assert figure_twins(["Es gab 41 Verletzte."], ["There were 38 injured."], "de", "en") == [
        ("41", "38")]  # fmt: skip


@given(st.integers(10, 99), st.integers(10, 99),
       st.sampled_from(["Menschen", "Jahren im Amt", "Minuten"]))  # fmt: skip
def test_like_words_never_count_apart(a, b, unit):
    left, right = [f"Es waren {a} {unit}."], [f"Es waren {b} {unit}."]
    assert not count_apart(left, str(a), right, str(b), "de", "de")
