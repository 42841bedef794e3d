"""A two-language pair's hedged figures read by the one-language figure steps (round 37).

Why (round 37, beadsb37): a cross-language paraphrase hedges the figures it keeps (batch
133's "Продано близько 2800 квитків" / "Nearly 3,000 tickets had been sold"), so the number
anchor breaks and the stand-in MT, a copy, leaves nothing else; ``xlang_figures`` runs the
figure halves and twins of one language (``align_figure_halves``, ``align_figures``) in a
two-language pair, with the like size tightened (a hedge rounds; "4 тисяч відвідувачів"
beside it is another fact).  Shipped at evidence 0, like size 1.1: dev leave one batch out
gains in 73 of 73 folds (``docs/align.md`` "Round 37 (beadsb37)").
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_figures import TWIN_FACTOR, figures, twins
from workbench.core.align_late_twins import xlang_figures
from workbench.core.align_repair import Bead
from workbench.core.align_scoring import AlignParams

ON = AlignParams()
OFF = replace(ON, xlang_figure_evidence=-1.0)

LEFT = [
    "Обласна військова адміністрація не погодила захід, бо немає укриття для 4 тисяч відвідувачів.",
    "Продано близько 2800 квитків по 400 гривень.",
]
RIGHT = ["Nearly 3,000 tickets had been sold, and buyers will get their money back."]


class StubScorer:
    """Evidence ``cover`` above chance for every pair of sentences; short pages."""

    counts = (2, 1)

    def __init__(self, cover: float = 0.1) -> None:
        self.cover = cover

    def evidence(self, i: int, a: int, j: int, b: int) -> float:
        return self.cover

    def similarity(self, i: int, a: int, j: int, b: int) -> float:
        return 0.5


def _lone() -> list[Bead]:
    return [Bead((0,), (), 0.0, "1-0"), Bead((1,), (), 0.0, "1-0"), Bead((), (0,), 0.0, "0-1")]


def _links(beads: list[Bead]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.left, b.right) for b in beads if b.left and b.right]


def test_ships_on_and_off_leaves_the_beads() -> None:
    assert (ON.xlang_figure_evidence, ON.xlang_figure_factor) == (0.0, 1.1)
    beads = _lone()
    assert xlang_figures(beads, StubScorer(), OFF, (frozenset(), frozenset()),  # type: ignore[arg-type]
                         (LEFT, RIGHT)) == beads  # fmt: skip


def test_the_hedged_count_links_and_the_other_fact_of_like_size_does_not() -> None:
    """133's tickets: 2800 / 3,000 within the tight factor; 4 000 visitors / 3,000 only
    within the one-language 1.5, where it would compete for the same sentence."""
    assert figures(LEFT[1])[0] == 2800 and figures(RIGHT[0]) == [3000]
    assert twins([2800.0], [3000.0], ON.xlang_figure_factor)
    assert not twins([4000.0], [3000.0], ON.xlang_figure_factor)
    assert twins([4000.0], [3000.0], TWIN_FACTOR)
    out = xlang_figures(_lone(), StubScorer(), ON, (frozenset(), frozenset()),  # type: ignore[arg-type]
                        (LEFT, RIGHT))  # fmt: skip
    assert _links(out) == [((1,), (0,))]
    low = xlang_figures(_lone(), StubScorer(-0.2), ON, (frozenset(), frozenset()),  # type: ignore[arg-type]
                        (LEFT, RIGHT))  # fmt: skip
    assert _links(low) == []  # under the evidence floor


@settings(max_examples=80, deadline=None)
@given(st.lists(st.floats(1, 1e6), min_size=1, max_size=3),
       st.lists(st.floats(1, 1e6), min_size=1, max_size=3),
       st.floats(1.0, 2.0), st.floats(0.0, 1.0))  # fmt: skip
def test_twins_at_one_factor_are_twins_at_every_larger_one(
    left: list[float], right: list[float], factor: float, more: float
) -> None:
    """Monotone in the like size; the default is the one-language factor."""
    if twins(left, right, factor):
        assert twins(left, right, factor + more)
    assert twins(left, right) == twins(left, right, TWIN_FACTOR)
