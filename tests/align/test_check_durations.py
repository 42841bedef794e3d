"""Round 17 study: a duration told by its unit word alone ("годину", "une demi-heure").

Invented sentences in the shape of round 16's unseen miss ("40 хвилин" against "годину" in
a same-language rewrite).  ``check_durations.DURATIONS`` was off until round 33 (no dev gold
token was such a duration); it ships on since (``check_rough_words``, batch 116).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_durations
from workbench.core.check_durations import bare_durations
from workbench.core.checks import check_pair

UK = ("Поїзд затримався на 40 хвилин через ожеледицю.",
      "Через ожеледицю поїзд затримався на годину.")  # fmt: skip


@pytest.fixture
def on(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(check_durations, "DURATIONS", True)


def test_off_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    assert check_durations.DURATIONS  # on since round 33 (check_rough_words)
    monkeypatch.setattr(check_durations, "DURATIONS", False)
    assert check_pair(*UK, left_lang="uk", right_lang="uk") == {"numbers": {"left_only": ["40"]}}


def test_unit_words_alone_are_read_in_minutes_and_rates_are_not() -> None:
    assert bare_durations("Через ожеледицю поїзд затримався на годину.", "uk") == [
        ("годину", Decimal(60))]  # fmt: skip
    assert bare_durations("Le départ a été décalé d'une demi-heure.", "fr") == [
        ("demi-heure", Decimal(30))]  # fmt: skip
    assert bare_durations("It took half an hour.", "en") == [("half an hour", Decimal(30))]
    assert bare_durations("Der Zug fuhr 100 km pro Stunde.", "de") == []  # no "eine Stunde"
    assert bare_durations("The train ran at 100 km an hour.", "en") == []  # a rate
    assert bare_durations("швидкість 100 км на годину", "uk") == []


def test_a_changed_duration_flags_the_figure_and_the_word(on: None) -> None:
    want = {"numbers": {"left_only": ["40"], "right_only": ["годину"]}}
    assert check_pair(*UK, left_lang="uk", right_lang="uk") == want
    # in a paraphrase row too: the word is a figure of like size (40 against 60 minutes)
    assert check_pair(*UK, left_lang="uk", right_lang="uk", similarity=0.3, confidence=0.9) == want


def test_the_same_duration_in_words_takes_the_lone_figure_away(on: None) -> None:
    left = "Le départ avait été retardé de trente minutes."
    assert check_pair(left, "Le départ a été décalé d'une demi-heure.", left_lang="fr",
                      right_lang="fr") == {}  # fmt: skip


@given(st.sampled_from([10, 20, 30, 40, 45, 60, 90, 120]), st.sampled_from([30, 60]))
def test_a_figure_against_a_unit_word_flags_only_when_the_minutes_differ(
    figure: int, word: int
) -> None:
    kept, check_durations.DURATIONS = check_durations.DURATIONS, True
    try:
        said = {30: "half an hour", 60: "an hour"}[word]
        got = check_pair(f"The meeting lasted {figure} minutes on Monday.",
                         f"The meeting lasted {said} on Monday.", left_lang="en", right_lang="en")
    finally:
        check_durations.DURATIONS = kept
    if figure == word:
        assert got == {}
    else:
        word_flagged = {30: "half an hour", 60: "hour"}[word]  # the unit word, no article
        assert got == {"numbers": {"left_only": [str(figure)], "right_only": [word_flagged]}}
