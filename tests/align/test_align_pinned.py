"""Pinned anchors: a figure or name one sentence of each side alone holds counts more
in the DP's anchor Dice of a two-language page pair (``AlignParams.anchor_pinned_weight``)."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.align import align
from workbench.core.align_scoring import AlignParams, BeadScorer
from workbench.core.align_views import anchor_rows, pinned_anchors, pinned_dice
from workbench.core.anchors import name_key
from workbench.core.similarity import dice

_KEYS = st.sampled_from(["#410000", "#2024", "#46", "#3", "@strasbourg", "@merkel", "@enedis"])
_SIDE = st.lists(st.frozensets(_KEYS, max_size=4), min_size=1, max_size=6)


@settings(max_examples=100, deadline=None)
@given(left=_SIDE, right=_SIDE)
def test_pinned_keys_are_held_once_a_side(left, right) -> None:
    """A key two sentences of one side hold, or a small number, is never pinned."""
    pinned = pinned_anchors(left, right)
    for key in pinned:
        assert sum(key in s for s in left) == 1 and sum(key in s for s in right) == 1
    assert "#3" not in pinned  # numbers under 10 are mostly words: too common to pin
    for key in {"#410000", "@enedis"}:
        if sum(key in s for s in left) == 1 and sum(key in s for s in right) == 1:
            assert key in pinned


@settings(max_examples=100, deadline=None)
@given(left=_SIDE, right=_SIDE, weight=st.integers(1, 4))
def test_rows_count_a_pinned_key_weight_times_and_sizes_once(left, right, weight) -> None:
    pinned = pinned_anchors(left, right)
    (ids_left, ids_right), (sizes_left, _sizes_right) = anchor_rows(left, right, pinned,
                                                                      weight, 2)  # fmt: skip
    for k, keys in enumerate(left):
        assert sizes_left[k, 0] == len(keys)  # block sizes: plain keys
        row = set(ids_left.ids[ids_left.ptr[k] : ids_left.ptr[k + 1]].tolist())
        assert len(row) == len(keys) + (weight - 1) * len(keys & pinned)
        for j, other in enumerate(right):
            their = set(ids_right.ids[ids_right.ptr[j] : ids_right.ptr[j + 1]].tolist())
            shared = keys & other
            assert len(row & their) == len(shared) + (weight - 1) * len(shared & pinned)


def _scorer(left: list[str], right: list[str], weight: int) -> BeadScorer:
    return BeadScorer(left, right, [left], [right], AlignParams(anchor_pinned_weight=weight))


_LEFT = ["Les ventes ont atteint 410 000 unités en 2024, selon Enedis.",
         "Le marché a progressé en 2024 dans toutes les régions.",
         "La direction parle d'une année record."]  # fmt: skip
_RIGHT = ["Laut Enedis wurden 2024 insgesamt 410.000 Geräte verkauft.",
          "Der Markt wuchs 2024 in allen Regionen.",
          "Die Führung spricht von einem Rekordjahr."]  # fmt: skip


def test_a_shared_pinned_figure_raises_the_gain_a_repeated_year_does_not() -> None:
    plain, pinned = _scorer(_LEFT, _RIGHT, 1), _scorer(_LEFT, _RIGHT, 3)
    assert pinned.pinned == {"#410000", "@" + name_key("Enedis")}  # "2024": two a side
    la, ra = plain.left_anchors[0], plain.right_anchors[0]
    assert pinned_dice(la, ra, pinned.pinned, 1) == dice(la, ra)  # weight 1: the plain Dice
    raised = pinned.gain(0, 1, 0, 1) - plain.gain(0, 1, 0, 1)
    expected = AlignParams().anchor_weight * 2.0 * 2 * 2 / (len(la) + len(ra))
    assert abs(raised - expected) < 1e-9  # two pinned keys, each counted twice more
    assert pinned.gain(1, 1, 1, 1) == plain.gain(1, 1, 1, 1)  # only the repeated "2024"
    assert pinned.gain(0, 1, 1, 1) == plain.gain(0, 1, 1, 1)  # the wrong pair shares "2024"


def test_long_pairs_and_one_language_pairs_are_left_alone() -> None:
    long_left = [f"{s} ({k})" for k in range(20) for s in _LEFT]
    long_right = [f"{s} ({k})" for k in range(20) for s in _RIGHT]
    assert _scorer(long_left, long_right, 3).pin_weight == 1  # over long_glue_min a side
    same = ["The council approved 410,000 euros for Enedis on Monday.",
            "The mayor welcomed the vote.", "Residents questioned the cost of 2024."]
    other = ["On Monday the council approved 410,000 euros for Enedis.",
             "Residents questioned the cost of 2024.", "The mayor welcomed it."]
    params = AlignParams()
    assert align(same, other, params=replace(params, anchor_pinned_weight=5)) == align(
        same, other, params=params
    )


def test_the_dp_itself_links_batch5s_retold_lead() -> None:
    """Batch 5's fr/de paraphrase: "… tués dimanche" / "… am Sonntag …" (gold sure 16 / 18),
    which only the anchor twins and leads passes linked before; the day, held once a side,
    now pins it in the DP with both passes off."""
    from tests.align.test_align_leads import _links

    passes_off = replace(AlignParams(), anchor_link_cost=-1.0, lead_link_evidence=-1.0)
    assert ((16,), (18,)) in _links("batch5", "rfi_afp_fr__faz_dpa_de", passes_off)
    plain = replace(passes_off, anchor_pinned_weight=1)
    assert ((16,), (18,)) not in _links("batch5", "rfi_afp_fr__faz_dpa_de", plain)
