"""Never glue, keep the true 1-1 links: a brief copy, a doubted bead's core.

A brief copy keeps a few sentences of the full text verbatim; the full text's
dropped sentences around a kept one share its topic words and, in a short
document, sit well above their chance level, so coverage alone glued them to
the kept sentence.  The n-gram Dice of the bead falls when they are added,
which is what ``align_confidence._peel_by_similarity`` asks.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import example, given, settings
from hypothesis import strategies as st

from tests.align.conftest import make_sentences
from tests.align.test_align_blind import _story_pair
from workbench.core.align import AlignParams, Bead, align
from workbench.core.align_confidence import _dissolve_doubtful, features, link_probability
from workbench.core.align_scoring import BeadScorer


def _links(beads: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(b.left, b.right) for b in beads if b.left and b.right}


def test_brief_copy_links_each_kept_sentence_alone() -> None:
    """Batch 13's full-vs-brief AFP copy (gold body spans): four verbatim 1-1 links.

    Before the similarity peel the first kept sentence came out glued to its
    two dropped followers as a 3-1 bead (the ``.50 / .50`` copy of round 6).
    """
    left, right, sure, possible = _story_pair("batch13", "lorientlejour_afp_fr__lematin_ch_afp_fr")
    links = _links(align(left, right))
    assert links == sure
    assert not links - sure - possible


@settings(max_examples=25, deadline=None)
@given(st.sets(st.integers(0, 23), min_size=3, max_size=12))
@example({1, 2, 12})  # a brief of 3: the full side's words mostly missing from it (brief_share)
def test_a_brief_copy_never_glues_a_kept_sentence(kept: set[int]) -> None:
    """Any brief made of verbatim sentences of a text: a kept sentence linked with its
    original is linked with it alone (no dropped neighbour glued on)."""
    full = make_sentences(24, seed=5)
    order = sorted(kept)
    brief = [full[k] for k in order]
    for bead in align(full, brief):
        for n in bead.right:
            if order[n] in bead.left:
                assert (bead.left, bead.right) == ((order[n],), (n,))


def test_a_doubted_bead_keeps_its_likeliest_one_to_one() -> None:
    """A many-sided bead the model rules out keeps its core pair when that clears the level."""
    text = make_sentences(12, seed=3)
    left, right = [text[0], text[1]], [text[0], text[7], text[9]]
    scorer = BeadScorer(left, right, [left], [right], AlignParams())
    core = link_probability(features(Bead((0,), (0,), 0.0, ""), scorer), AlignParams())
    whole = link_probability(features(Bead((0, 1), (0, 1, 2), 0.0, ""), scorer), AlignParams())
    assert whole < core
    level = (whole + core) / 2  # the bead is doubted, its verbatim core is not
    beads = _dissolve_doubtful([Bead((0, 1), (0, 1, 2), 0.0, "2-3")], scorer,
                               replace(AlignParams(), glue_confidence=level))  # fmt: skip
    assert _links(beads) == {((0,), (0,))}
    assert sorted(k for b in beads for k in b.left) == [0, 1]
    assert sorted(k for b in beads for k in b.right) == [0, 1, 2]
    above = replace(AlignParams(), glue_confidence=min(1.0, core + 0.01))  # nothing clears it
    assert not _links(_dissolve_doubtful([Bead((0, 1), (0, 1, 2), 0.0, "2-3")], scorer, above))


@settings(max_examples=20, deadline=None)
@given(st.integers(0, 50), st.sampled_from([0.0, 1.0]))
def test_a_doubted_bead_keeps_the_core_its_setting_asks(seed: int, by_similarity: float) -> None:
    """``core_by_similarity``: the kept 1-1 is the most similar pair that clears the level
    (1) or the likeliest (0); every sentence of the bead stays on its side, in order."""
    text = make_sentences(12, seed=seed)
    left = [text[0] + " " + text[1], text[5]]
    right = [text[1], text[0], text[9]]
    # core_by_evidence (round 26) off: this tests the similarity switch against the likeliest
    params = replace(AlignParams(), core_by_similarity=by_similarity, core_by_evidence=0.0)
    scorer = BeadScorer(left, right, [left], [right], params)
    pairs = [(k, m) for k in range(2) for m in range(3)]
    chance = {p: link_probability(features(Bead((p[0],), (p[1],), 0.0, ""), scorer), params)
              for p in pairs}  # fmt: skip
    level = min(chance.values()) + 1e-6  # the bead is doubted (nothing beats this whole)
    params = replace(params, glue_confidence=level)
    beads = _dissolve_doubtful([Bead((0, 1), (0, 1, 2), 0.0, "2-3")], scorer, params)
    allowed = [p for p in pairs if chance[p] >= level]
    if by_similarity:
        want = max(allowed, key=lambda p: (scorer.similarity(p[0], 1, p[1], 1), pairs.index(p)))
    else:
        want = max(allowed, key=lambda p: (chance[p], pairs.index(p)))  # ties: the later
    links = _links(beads)
    if links != {((0, 1), (0, 1, 2))}:  # the whole bead may clear the level itself
        assert links == {((want[0],), (want[1],))}
    assert [k for b in beads for k in b.left] == [0, 1]
    assert [k for b in beads for k in b.right] == [0, 1, 2]
