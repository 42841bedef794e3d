"""Round 16's measured, switched-off readings: race gaps, figures below zero, unit twins.

Each is off on main (its leave-one-batch-out is flat: one dev batch or none moves, see
docs/align.md "Round 16"); these tests pin what each does when it is switched on, so a
later round can measure it again.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from workbench.core import check_numbers, check_twins
from workbench.core.check_numbers import quantities, replaced_numbers
from workbench.core.check_twins import figure_twins


def test_a_race_gap_is_one_figure_when_switched_on(monkeypatch) -> None:
    text = 'Elle devance Keller de 18"4 et Solbakk de 31"7.'
    assert [raw for raw, _ in quantities(text, "fr")] == ["18", "4", "31", "7"]  # off
    monkeypatch.setattr(check_numbers, "SECONDS", True)
    assert quantities(text, "fr") == [('18"4', "18.4"), ('31"7', "31.7")]
    assert [raw for raw, _ in quantities('He is 5\'10" tall, 3 "big" ones', "en")] == [
        "5",
        "10",
        "3",
    ]


@given(st.integers(1, 999), st.integers(0, 99))
def test_every_gap_reads_as_seconds_and_tenths(seconds: int, tenths: int) -> None:
    check_numbers.SECONDS = True
    try:
        found = quantities(f'à {seconds}"{tenths} du podium', "fr")
    finally:
        check_numbers.SECONDS = False
    assert found == [(f'{seconds}"{tenths}', check_numbers.normalize_number(f"{seconds}.{tenths}"))]


def test_a_paraphrase_replacing_a_temperature_below_zero_when_switched_on(monkeypatch) -> None:
    left = "Le départ a été retardé par une température de -17 °C."
    right = "Les conditions étaient glaciales (-15 °C) et le départ décalé."
    nums = {"left_only": ["-17"], "right_only": ["-15"]}
    assert replaced_numbers(left, right, nums, "fr", "fr") == {}  # off
    monkeypatch.setattr(check_numbers, "NEGATIVES", True)
    assert replaced_numbers(left, right, nums, "fr", "fr") == nums
    far = {"left_only": ["-17"], "right_only": ["-5"]}
    assert replaced_numbers(left, right.replace("-15", "-5"), far, "fr", "fr") == {}


def test_one_language_twins_need_one_unit_when_switched_on(monkeypatch) -> None:
    left = ["La sonde a déjà parcouru 270 000 km.", "Elle pèse 14 tonnes."]
    right = ["Depuis son lancement, elle a franchi 280 000 km.", "Le budget atteint 16 millions."]
    monkeypatch.setattr(check_twins, "UNIT_TWINS", False)
    assert figure_twins(left, right, "fr", "fr") == []  # off
    monkeypatch.setattr(check_twins, "UNIT_TWINS", True)
    assert figure_twins(left, right, "fr", "fr") == [("270 000", "280 000")]  # not 14 / 16
