"""A page pair's views and chance levels are built once when its ratio asks for a second run.

Why: ``align_scored`` aligns a pair again with the length ratio its confident links show
(a cut or brief side); that run compares the same texts, so ``core/align_kept_views``
hands out the first run's split rows and chance levels.  The output must not move.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_story_pairs import story_sides
from workbench.core import align as aligner
from workbench.core import align_kept_views, align_views
from workbench.core.align import AlignParams, align
from workbench.core.align_chance import calibrate
from workbench.core.align_scoring import MAX_SIDE, BeadScorer

#: dev pairs (never a check batch) whose confident links show another ratio: a second run
RERUNS = [("batch8", "glavcom_uk__tsn_ua_uk"), ("batch80", "handelsblatt_dpa_de__lantenne_fr")]
KEEP = align_kept_views.KEEP_SENTENCES  # the shipped bound (tests set it to 0 for "off")


def _beads(left: list[str], right: list[str], keep: int, monkeypatch) -> list[tuple]:
    monkeypatch.setattr(align_kept_views, "KEEP_SENTENCES", keep)
    align_kept_views.forget()
    beads = align(left, right)
    return [(b.left, b.right, b.kind, b.score, b.confidence) for b in beads]


@pytest.mark.parametrize(("batch", "name"), RERUNS)
def test_the_second_run_builds_no_view_again(batch: str, name: str, monkeypatch) -> None:
    """Each view's texts are split once per call, and the beads are those built afresh."""
    (left, _, _), (right, _, _) = story_sides(batch, name, (set(), set()))
    fresh = _beads(left, right, 0, monkeypatch)
    built: Counter = Counter()
    make = align_views._view

    def counted(lc, rc, builder, frequent):
        built[tuple(lc), tuple(rc)] += 1
        return make(lc, rc, builder, frequent)

    reruns = []
    ratio = aligner.link_ratio
    monkeypatch.setattr(align_views, "_view", counted)
    monkeypatch.setattr(aligner, "link_ratio", lambda *a: reruns.append(ratio(*a)) or reruns[-1])
    assert _beads(left, right, KEEP, monkeypatch) == fresh
    assert any(r is not None for r in reruns)  # the pair does run twice
    assert built and max(built.values()) == 1
    unkept = Counter()
    monkeypatch.setattr(align_views, "_view", lambda *a: unkept.update([0]) or make(*a))
    _beads(left, right, 0, monkeypatch)
    assert unkept[0] > sum(built.values())  # without keeping, the second run builds them again


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000), st.integers(4, 14), st.integers(0, 3))
def test_kept_views_never_change_an_alignment(seed: int, count: int, cut: int) -> None:
    """Any pair, aligned twice in a row (the second call served from what was kept)."""
    left = make_sentences(count, seed)
    right = [s.replace("with", "avec") for s in make_sentences(count, seed + 1)[: count - cut]]
    right[: count // 2] = left[: count // 2]
    align_kept_views.forget()
    first = [(b.left, b.right, b.kind, b.score, b.confidence) for b in align(left, right)]
    again = [(b.left, b.right, b.kind, b.score, b.confidence) for b in align(left, right)]
    try:
        align_kept_views.KEEP_SENTENCES = 0
        align_kept_views.forget()
        fresh = [(b.left, b.right, b.kind, b.score, b.confidence) for b in align(left, right)]
    finally:
        align_kept_views.KEEP_SENTENCES = KEEP
    assert first == again == fresh


def test_kept_chance_levels_are_copies() -> None:
    """``localize`` changes a scorer's levels in place: a later scorer gets the measured ones."""
    left, right = make_sentences(12, 3), make_sentences(12, 4)
    align_kept_views.forget()
    params = AlignParams()
    first = BeadScorer(left, right, [left], [right], params)
    measured = [list(side) for side in first.chance]
    first.chance[0][0] += 1.0
    second = BeadScorer(left, right, [left], [right], params)
    assert second.split_views[0] is first.split_views[0]  # the kept view
    assert second.chance == measured
    assert second.chance == calibrate(second, len(left), len(right), MAX_SIDE)[0]


def test_long_documents_keep_nothing() -> None:
    """Above ``KEEP_SENTENCES`` a pass's views are freed as before (the peak stays low)."""
    count = KEEP // 2 + 1
    left, right = make_sentences(count, 5), make_sentences(count, 6)
    align_kept_views.forget()
    first = BeadScorer(left, right, [left], [right], AlignParams())
    second = BeadScorer(left, right, [left], [right], AlignParams())
    assert second.split_views[0] is not first.split_views[0]
    assert not align_kept_views._views and not align_kept_views._levels


def test_pairs_aligned_on_several_threads_equal_one_at_a_time(monkeypatch) -> None:
    """The web app aligns on several threads at once: the shared store gives every thread
    the beads it would get alone, and no thread fails on the store changing under it."""
    from concurrent.futures import ThreadPoolExecutor

    sides = [story_sides(batch, name, (set(), set())) for batch, name in RERUNS]
    texts = [(left, right) for (left, _, _), (right, _, _) in sides]
    alone = [_beads(left, right, KEEP, monkeypatch) for left, right in texts]
    monkeypatch.setattr(align_kept_views, "KEEP_VIEWS", 2)  # trim while others read
    align_kept_views.forget()

    def run(i: int) -> list[tuple]:
        left, right = texts[i % len(texts)]
        return [(b.left, b.right, b.kind, b.score, b.confidence) for b in align(left, right)]

    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(run, range(8)))
    assert got == [alone[i % len(texts)] for i in range(8)]
