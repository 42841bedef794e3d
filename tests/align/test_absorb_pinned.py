"""A 1-1 pinned by an anchor keeps out an orphan that shares no anchor with it
(``AlignParams.absorb_pinned_keep``, ``align_views.pinned_pair_keeps``)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align_repair import Bead, absorb_orphans
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_views import pinned_anchors, pinned_pair_keeps

_KEYS = st.sampled_from(["#410000", "#2024", "#46", "@strasbourg", "@enedis"])
_SIDE = st.lists(st.frozensets(_KEYS, max_size=3), min_size=2, max_size=5)


@settings(max_examples=150, deadline=None)
@given(left=_SIDE, right=_SIDE, data=st.data())
def test_keeps_only_a_pinned_one_to_one_from_an_anchorless_orphan(left, right, data) -> None:
    pinned = pinned_anchors(left, right)
    i = data.draw(st.integers(0, len(left) - 1))
    j = data.draw(st.integers(0, len(right) - 1))
    side = data.draw(st.integers(0, 1))
    k = data.draw(st.integers(0, len((left, right)[side]) - 1))
    orphan = ((k,), ()) if side == 0 else ((), (k,))
    keeps = pinned_pair_keeps((left, right), pinned, ((i,), (j,)), orphan)
    facing = right[j] if side == 0 else left[i]
    assert keeps == (bool(left[i] & right[j] & pinned) and not (left, right)[side][k] & facing)
    # a link of more than one sentence a side is never kept this way
    assert not pinned_pair_keeps((left, right), pinned, ((i,), (j, j + 1)), orphan)


_LEFT = ["Les ventes ont atteint 410 000 unités en 2024, selon Enedis.",
         "Le marché a progressé dans toutes les régions du pays.",
         "La direction parle d'une année record."]  # fmt: skip
_RIGHT = ["Selon Enedis, 410 000 unités vendues en 2024; le marché a progressé dans toutes "
          "les régions du pays.",
          "Die Führung spricht von einem Rekordjahr."]  # fmt: skip


def _absorbed(keep: float) -> list[Bead]:
    params = AlignParams(absorb_pinned_keep=keep)
    scorer = BeadScorer(_LEFT, _RIGHT, [_LEFT], [_RIGHT], params)
    beads = [Bead((0,), (0,), 0.5, "1-1"), Bead((1,), (), 0.0, "1-0"),
             Bead((2,), (1,), 0.5, "1-1")]  # fmt: skip
    return absorb_orphans(beads, scorer, params)


def test_a_keep_above_the_orphans_cover_leaves_it_out_of_the_pinned_pair() -> None:
    """Sentence 1 is covered by the pinned 1-1's right side (410 000, 2024, Enedis) but holds
    no anchor: off, it joins that link (a 2-1); with the keep above its cover it stays alone."""
    assert any(b.left == (0, 1) for b in _absorbed(0.0))
    kept = _absorbed(float("inf"))
    assert Bead((0,), (0,), 0.5, "1-1") in kept and Bead((1,), (), 0.0, "1-0") in kept


def test_a_well_covered_orphan_still_joins_under_the_shipped_keep() -> None:
    """The shipped keep (.3) stops only weakly covered orphans: this one's cover is above it."""
    assert 0 < AlignParams().absorb_pinned_keep < 1
    assert _absorbed(AlignParams().absorb_pinned_keep) == _absorbed(0.0)
