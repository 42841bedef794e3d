"""The learned link decision (``core/align_decision.py``): its inputs, outputs and guarantees.

Why: a link the model rates below ``decision_keep_below`` comes apart and a part rated
``decision_part_gain`` above its whole replaces it.  Whatever the weights, the result
must tell every sentence once, in order, with moves still pointing at their other half,
at constant work per link; off, nothing changes.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from workbench.core.align import AlignParams, align
from workbench.core.align_decision import (
    DECISION_FEATURES,
    MAX_PART,
    MAX_PARTED,
    DecisionModel,
    _unmatched,
    apply_decisions,
    candidates,
    decision_levels,
    joined,
    shipped_model,
)
from workbench.core.align_repair import Bead

OFF = replace(AlignParams(), decision_keep_below=-1.0, decision_part_gain=-1.0,
              one_language_decision_keep_below=-1.0, one_language_decision_part_gain=-1.0)
TWO_ONLY = replace(AlignParams(), decision_scope=2)
N = len(DECISION_FEATURES)


def _model(weights: list[float]) -> DecisionModel:
    return DecisionModel(DECISION_FEATURES, tuple(weights), (0.0,) * N, (1.0,) * N)


@st.composite
def _beads(draw: st.DrawFn) -> list[Bead]:
    """A monotonic bead list of links (1-4 sentences a side) and unmatched sentences."""
    beads: list[Bead] = []
    i = j = 0
    for _ in range(draw(st.integers(1, 8))):
        shape = draw(st.sampled_from(["link", "left", "right"]))
        if shape == "link":
            a, b = draw(st.integers(1, 4)), draw(st.integers(1, 4))
            beads.append(Bead(tuple(range(i, i + a)), tuple(range(j, j + b)), 0.5, f"{a}-{b}"))
            i, j = i + a, j + b
        elif shape == "left":
            beads.append(Bead((i,), (), 0.0, "1-0"))
            i += 1
        else:
            beads.append(Bead((), (j,), 0.0, "0-1"))
            j += 1
    return beads


def _scored(beads: list[Bead], data: st.DataObject) -> dict:
    """Random features for every candidate of every link (the model's inputs)."""
    feats = st.tuples(*[st.floats(-3, 3, allow_nan=False)] * N)
    free = _unmatched(beads)
    return {k: [(c, data.draw(feats)) for c in candidates(b) + joined(b, free)]
            for k, b in enumerate(beads) if b.left and b.right}  # fmt: skip


def _told_once(beads: list[Bead], n: int, m: int) -> None:
    left = sorted(x for b in beads for x in b.left)
    right = sorted(x for b in beads for x in b.right)
    assert left == list(range(n)) and right == list(range(m))


@given(st.integers(1, 6), st.integers(1, 6))
def test_candidates_are_the_link_then_bounded_contiguous_parts(a: int, b: int) -> None:
    bead = Bead(tuple(range(3, 3 + a)), tuple(range(7, 7 + b)), 0.4, f"{a}-{b}")
    cands = candidates(bead)
    assert cands[0] is bead
    for part in cands[1:]:
        assert part.left and part.right
        assert set(part.left) <= set(bead.left) and set(part.right) <= set(bead.right)
        assert list(part.left) == list(range(part.left[0], part.left[-1] + 1))
        assert list(part.right) == list(range(part.right[0], part.right[-1] + 1))
        assert len(part.left) + len(part.right) <= min(MAX_PART, a + b - 1)
    if a + b <= 2 or a + b > MAX_PARTED:
        assert cands == [bead]
    assert len({(c.left, c.right) for c in cands}) == len(cands)


@settings(max_examples=80, deadline=None)
@given(_beads(), st.lists(st.floats(-2, 2, allow_nan=False), min_size=N + 1, max_size=N + 1),
       st.floats(-1, 1), st.floats(-1, 0.5), st.floats(-1, 0.5), st.data())  # fmt: skip
def test_decisions_tell_every_sentence_once_in_order(
    beads: list[Bead], weights: list[float], keep: float, gain: float, join: float,
    data: st.DataObject,
) -> None:  # fmt: skip
    n = sum(len(b.left) for b in beads)
    m = sum(len(b.right) for b in beads)
    out = apply_decisions(beads, _scored(beads, data), _model(weights), keep, gain, join)
    _told_once(out, n, m)
    links = [b for b in out if b.left and b.right]
    for first, second in zip(links, links[1:], strict=False):
        assert first.left[-1] < second.left[0] and first.right[-1] < second.right[0]
    unmatched = {(0, x) for b in beads if not b.right for x in b.left}
    unmatched |= {(1, x) for b in beads if not b.left for x in b.right}
    for bead in out:  # a part of a link, or a link with at most one unmatched neighbour
        if bead.left and bead.right:
            old = next(b for b in beads if b.left and b.right and (
                set(b.left) & set(bead.left) or set(b.right) & set(bead.right)))
            extra = {(0, x) for x in set(bead.left) - set(old.left)}
            extra |= {(1, x) for x in set(bead.right) - set(old.right)}
            assert len(extra) <= (1 if join >= 0 else 0) and extra <= unmatched


@settings(max_examples=40, deadline=None)
@given(_beads(), st.data())
def test_off_or_sure_changes_nothing(beads: list[Bead], data: st.DataObject) -> None:
    scored = _scored(beads, data)
    assert apply_decisions(beads, scored, _model([0.0] * (N + 1)), -1.0, -1.0) == beads
    sure = _model([50.0] + [0.0] * N)  # every candidate at probability 1: the wholes stay
    assert apply_decisions(beads, scored, sure, 0.99, 0.0) == beads


@settings(max_examples=40, deadline=None)
@given(_beads(), st.data())
def test_a_link_rated_below_the_level_comes_apart(beads: list[Bead], data: st.DataObject) -> None:
    never = _model([-50.0] + [0.0] * N)
    out = apply_decisions(beads, _scored(beads, data), never, 0.5, 0.0)
    assert not [b for b in out if b.left and b.right]


def test_moves_keep_pointing_at_their_other_half() -> None:
    beads = [
        Bead((0,), (), 0.0, "1-0", move_to=3),
        Bead((1, 2), (0, 1), 0.3, "2-2"),
        Bead((3,), (2,), 0.6, "1-1"),
        Bead((), (3,), 0.0, "0-1", move_to=0),
    ]
    feats = (0.0,) * N
    scored = {1: [(c, feats) for c in candidates(beads[1])], 2: [(beads[2], feats)]}
    out = apply_decisions(beads, scored, _model([-50.0] + [0.0] * N), 0.5, -1.0)
    moved = [k for k, b in enumerate(out) if b.move_to is not None]
    assert len(moved) == 2
    for k in moved:
        other = out[out[k].move_to]
        assert other.move_to == k and {out[k].left, other.left} == {(0,), ()}


@given(st.lists(st.floats(-2, 2, allow_nan=False), min_size=N, max_size=N),
       st.integers(0, N - 1), st.floats(0.1, 3))  # fmt: skip
def test_probability_is_logistic_and_rises_with_a_positive_weight(
    feats: list[float], which: int, step: float
) -> None:
    weights = [0.2] + [0.0] * N
    weights[which + 1] = 1.0
    model = _model(weights)
    low, high = model.probability(feats), model.probability(
        [f + step if k == which else f for k, f in enumerate(feats)])
    assert 0.0 < low < high < 1.0
    assert DecisionModel.from_json(model.to_json()) == model


def test_the_shipped_weights_name_the_features_read() -> None:
    for one_language in (False, True):
        model = shipped_model(one_language)
        assert model is not None and model.features == DECISION_FEATURES
        assert len(model.weights) == N + 1 and len(model.mean) == N == len(model.scale)
    assert shipped_model(True) != shipped_model(False)  # fitted apart (round 20)


def test_one_language_levels_never_take_a_link_apart_nor_join() -> None:
    """Round 20: one language only cuts a link to a part rated above it (no keep, no join)."""
    params = AlignParams()
    keep, gain, join = decision_levels(params, True)
    assert keep < 0 <= gain and join < 0
    assert decision_levels(params, False) == (params.decision_keep_below,
                                              params.decision_part_gain,
                                              params.decision_join_gain)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(_beads(), st.lists(st.floats(-2, 2, allow_nan=False), min_size=N + 1, max_size=N + 1),
       st.data())  # fmt: skip
def test_parts_only_keeps_a_link_in_every_link(
    beads: list[Bead], weights: list[float], data: st.DataObject
) -> None:
    """Keep off, part gain 0: each link stays a link (itself or a part); none is dropped."""
    out = apply_decisions(beads, _scored(beads, data), _model(weights), -1.0, 0.0)
    before = [b for b in beads if b.left and b.right]
    after = [b for b in out if b.left and b.right]
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert set(new.left) <= set(old.left) and set(new.right) <= set(old.right)


def test_one_language_pairs_out_of_scope_and_long_pairs_are_left_alone() -> None:
    """Scope 2: a one-language pair is untouched; so is any pair of 60+ a side."""
    left = make_sentences(12, seed=3)
    right = [s.replace("The", "A") for s in left]
    assert align(left, right, params=TWO_ONLY) == align(left, right, params=OFF)
    on = [b for b in align(left, right) if b.left and b.right]  # scope 3: parts at most
    off = [b for b in align(left, right, params=OFF) if b.left and b.right]
    assert len(on) == len(off)
    long_left, long_right = make_sentences(64, seed=5), make_sentences(64, seed=6)
    mt = list(long_right)
    assert align(long_left, long_right, left_mt=mt) == align(
        long_left, long_right, left_mt=mt, params=OFF
    )


def test_two_language_pair_every_sentence_told_once() -> None:
    left, right = make_sentences(14, seed=8), make_sentences(11, seed=9)
    mt = [s.upper() if k % 3 else right[k % len(right)] for k, s in enumerate(left)]
    beads = align(left, right, left_mt=mt)
    _told_once(beads, len(left), len(right))
    assert all(0.0 <= b.confidence <= 1.0 for b in beads)
