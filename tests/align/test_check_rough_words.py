"""Round 33: two roughly told counts that differ, one told in words (``core.check_rough_words``,
``check_durations.DURATIONS``): "etwa 90" / "Une centaine" (batch 102), "bis zu 35 Minuten" /
"jusqu'à une demi-heure" (batch 116).  Both switches ship on (round 33); the tests set them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from workbench.core import check_durations, check_rough_words
from workbench.core.check_collectives import _FR
from workbench.core.check_rough_words import hedged_against_nouns
from workbench.core.checks import check_pair

FIRE_DE = ("Die Feuerwehr war mit etwa 90 Einsatzkräften vor Ort und brauchte fast fünf Stunden, "
           "um die Flammen unter Kontrolle zu bringen.")  # fmt: skip
FIRE_FR = ("Une centaine de pompiers ont lutté pendant près de cinq heures contre les flammes.")
BRIDGE_DE = "Pendler müssen zu Stoßzeiten mit bis zu 35 Minuten längerer Fahrzeit rechnen."
BRIDGE_FR = "Les trajets des pendulaires s'allongent jusqu'à une demi-heure aux heures de pointe."
PARAPHRASE = {"confidence": 0.8, "similarity": 0.13}  # a cross-language paraphrase row


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(check_rough_words, "HEDGED", True)
    monkeypatch.setattr(check_durations, "DURATIONS", True)
    yield


def test_both_switches_ship_on_and_off_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_rough_words.HEDGED
    assert check_durations.DURATIONS
    monkeypatch.setattr(check_rough_words, "HEDGED", False)
    monkeypatch.setattr(check_durations, "DURATIONS", False)
    assert check_pair(FIRE_DE, FIRE_FR, left_lang="de", right_lang="fr", **PARAPHRASE) == {}
    assert check_pair(BRIDGE_DE, BRIDGE_FR, left_lang="de", right_lang="fr", **PARAPHRASE) == {}


def test_a_hedged_figure_against_a_collective_of_another_value_is_a_change(on: None) -> None:
    got = check_pair(FIRE_DE, FIRE_FR, left_lang="de", right_lang="fr", **PARAPHRASE)
    assert got == {"numbers": {"left_only": ["90"], "right_only": ["centaine"]}}


def test_a_duration_word_against_a_bounded_figure_is_a_change(on: None) -> None:
    got = check_pair(BRIDGE_DE, BRIDGE_FR, left_lang="de", right_lang="fr", **PARAPHRASE)
    assert got == {"numbers": {"left_only": ["35"], "right_only": ["demi-heure"]}}


def test_what_stays_unflagged(on: None) -> None:
    pair = {"left_lang": "fr", "right_lang": "fr"}
    # the noun's own value, hedged: one count
    assert check_pair("Environ 100 pompiers sont venus.", "Une centaine de pompiers sont venus.",
                      **pair) == {}  # fmt: skip
    # an exact figure is left to check_collectives, which reads it as the noun's count
    assert check_pair("Il y a eu 37 blessés.", "Il y a eu une quarantaine de blessés.",
                      **pair) == {}  # fmt: skip
    # a figure of hours is no count of rescuers
    left = "Les équipes ont travaillé pendant près de 40 heures."
    right = "Une soixantaine de secouristes ont travaillé pendant des heures."
    assert "centaine" not in str(hedged_against_nouns(left, right, {"left_only": ["40"]}, "fr",
                                                      "fr"))  # fmt: skip
    assert hedged_against_nouns(left, right, {"left_only": ["40"]}, "fr", "fr") == {}
    # a duration word with a hedge of its own against a figure hedged another way
    left = "Nach rund 45 Minuten Wartezeit entschied der Schiedsrichter."
    right = "Гравці майже годину чекали в роздягальнях."
    assert check_pair(left, right, left_lang="de", right_lang="uk", **PARAPHRASE) == {}


@given(st.sampled_from(sorted(_FR.items())), st.integers(min_value=2, max_value=3000))
@example(("centaine", 100), 50)  # exactly half: once read as 49.5 against 99.99, no flag
@example(("centaine", 100), 200)
@example(("centaine", 100), 49)
@example(("centaine", 100), 201)
def test_a_hedged_count_flags_exactly_when_it_is_another_value_of_like_size(
    noun: tuple[str, int], figure: int
) -> None:
    word, value = noun
    left = f"Environ {figure} pompiers sont venus."
    right = f"Une {word} de pompiers sont venus."
    got = hedged_against_nouns(left, right, {"left_only": [str(figure)]}, "fr", "fr")
    like = max(figure, value) <= 2 * min(figure, value)
    if figure != value and like:
        assert got == {"left_only": [str(figure)], "right_only": [word]}
    else:
        assert got == {}


@given(st.sampled_from(sorted(_FR.items())), st.integers(min_value=2, max_value=3000))
def test_an_unhedged_figure_is_never_taken_by_the_rule(noun: tuple[str, int], figure: int) -> None:
    word, _ = noun
    got = hedged_against_nouns(f"Il y avait {figure} pompiers.", f"Une {word} de pompiers.",
                               {"left_only": [str(figure)]}, "fr", "fr")  # fmt: skip
    assert got == {}
