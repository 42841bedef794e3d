"""A translation's 2-1 found as a 1-1 and an unmatched sentence: the rejoin on the MT view.

Why: round 24's biggest miss class left in the dev translations is a sentence one side split
in two, linked to one half while the other half stays unmatched beside the link
(``core/align_late_twins.translation_rejoin``: ``align_rejoin``'s claim on the MT's rare keys).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import FlatScorer, assert_told_once, make_sentences
from workbench.core.align import AlignParams, align
from workbench.core.align_late_twins import translation_rejoin
from workbench.core.align_repair import Bead

ON = replace(AlignParams(), translation_rejoin_keys=2, one_language_rejoin_sure=-1.0)
NONE = (frozenset(), frozenset())

BEADS = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"), Bead((2,), (1,), 0.5, "1-1")]
LEFT = ["Der Flughafen Genf wurde geschlossen.", "Elf Flüge wurden gestrichen.",
        "Die Polizei ermittelt."]  # fmt: skip
MT = ["The airport Geneva was closed.", "Eleven flights were cancelled.",
      "The police investigates."]  # fmt: skip
RIGHT = ["Geneva airport closed, eleven flights were cancelled.", "Police investigate."]


def _run(beads: list[Bead], params: AlignParams, sides: tuple) -> list[Bead]:
    return translation_rejoin(beads, FlatScorer(), params, NONE, sides)  # type: ignore[arg-type]


def test_the_orphan_whose_mt_words_only_the_links_partner_holds_joins() -> None:
    out = _run(BEADS, ON, ((LEFT, RIGHT), (MT, None)))
    assert [(b.left, b.right) for b in out] == [((0, 1), (0,)), ((2,), (1,))]


def test_the_right_sides_mt_is_read_when_only_it_is_given() -> None:
    """The reverse view: the right side's MT against the left side's text."""
    beads = [Bead((0,), (0,), 0.5, "1-1"), Bead((), (1,), 0.0, "0-1"), Bead((1,), (2,), 0.5, "1-1")]
    out = _run(beads, ON, ((RIGHT, LEFT), (None, MT)))
    assert [(b.left, b.right) for b in out] == [((0,), (0, 1)), ((1,), (2,))]


def test_off_without_mt_or_with_shared_words_elsewhere_nothing_joins() -> None:
    off = replace(ON, translation_rejoin_keys=0)
    assert _run(BEADS, off, ((LEFT, RIGHT), (MT, None))) == BEADS
    assert _run(BEADS, ON, ((LEFT, RIGHT), (None, None))) == BEADS
    elsewhere = [RIGHT[0], "Eleven flights were cancelled, police investigate."]
    assert _run(BEADS, ON, ((LEFT, elsewhere), (MT, None))) == BEADS


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 12), st.integers(1, 2))
def test_two_language_alignments_tell_each_sentence_once(seed: int, size: int, at: int) -> None:
    left = make_sentences(size, seed)
    mt = [" ".join(word[::-1] + "x" for word in s.split()) for s in left]
    right = mt[:at] + [mt[at] + " " + mt[at + 1]] + mt[at + 2 :]  # the translation joins two
    beads = align(left, right, left_mt=mt, params=ON)
    assert_told_once(beads, left, right)


def test_the_shipped_rule_is_on_at_one_key() -> None:
    """Round 24 ships 1 key (``align_pairs_cv.py``: 1 in 47 of 48 folds), with the
    one-language rejoin's glue-model gate kept."""
    params = AlignParams()
    assert params.translation_rejoin_keys == 1 and params.one_language_rejoin_sure > 0
