"""A moved sentence of a same-language rewrite takes in its split-off or joined half.

Why: a rewrite that moves a sentence often splits or joins it on the way ("Die A1 war ...
gesperrt." and "Der Verkehr wurde umgeleitet, es bildete sich ein Stau bis Salzburg-Nord."
became one sentence further up).  ``extend_moves`` lets a move take in the unmatched
sentence next to either end when the move's other side covers it above ``absorb_evidence``
(.3, a level set for links across languages) and the move scores higher with it.  Seen
directly in one language, the reworded half shows .15-.3 above chance, and stayed "added"
or "removed".  ``AlignParams.one_language_move_absorb`` (chosen leaving one story batch out)
is the coverage level in a pair of one language compared directly; the move must still score
higher with the half, and two-language pairs keep ``absorb_evidence``.  Real pairs below:
gold spans, aligned as ``services.compare`` does.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import assert_told_once, make_sentences
from tests.align.test_align_story_pairs import assert_rule_frees
from workbench.core.align import AlignParams, align

#: both rules that take a half into a move off: this level and the rare-key claim
#: (core/align_move_halves, round 24), which finds these halves too when this level is off
OLD = replace(AlignParams(), one_language_move_absorb=-1, one_language_move_rejoin_keys=0)

#: dev rewrites (never a check batch) and the gold sure bead only the lower level finds
REWRITES = [
    ("batch27", "salzburg24_apa_de__br24_de", ((37, 38), (29,))),
    ("batch33", "lequotidien_lu_fr__virgule_lu_fr", ((28, 29), (17, 18))),
]


def test_the_shipped_level_is_below_the_cross_language_one() -> None:
    params = AlignParams()
    assert 0 <= params.one_language_move_absorb < params.absorb_evidence


@pytest.mark.parametrize(("batch", "name", "bead"), REWRITES)
def test_a_moved_sentence_takes_in_its_reworded_half(batch: str, name: str, bead: tuple) -> None:
    assert_rule_frees(batch, name, bead, OLD)


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 14), st.floats(0.0, 0.3))
def test_two_language_pairs_keep_absorb_evidence(seed: int, size: int, level: float) -> None:
    """With an MT given the pair is not compared directly: the one-language level is unused."""
    left = make_sentences(size, seed)
    mt = [" ".join(word[::-1] + "x" for word in s.split()) for s in left]  # another "language"
    right = mt[2:3] + mt[:2] + mt[3:]  # a sentence moved up
    one = replace(AlignParams(), one_language_move_absorb=level)
    assert align(left, right, left_mt=mt, params=one) == align(left, right, left_mt=mt,
                                                               params=OLD)  # fmt: skip


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 10_000), st.integers(5, 14), st.floats(0.0, 0.3), st.integers(1, 3))
def test_grown_moves_tell_each_sentence_once(seed: int, size: int, level: float, at: int) -> None:
    """Whatever the level, every sentence is told once a side, a move's two ends point at each
    other, and a grown move's sentences stay next to each other on their side."""
    left = make_sentences(size, seed)
    words = left[at].split()
    half = len(words) // 2
    moved = [" ".join(words[:half]), " ".join(words[half:][::-1])]  # split and reworded
    right = moved + left[:at] + left[at + 1 :]
    beads = align(left, right, params=replace(AlignParams(), one_language_move_absorb=level))
    assert_told_once(beads, left, right)
    for bead in beads:
        for ids in (bead.left, bead.right):
            assert list(ids) == list(range(ids[0], ids[0] + len(ids))) if ids else True
