"""A scorer's comparison views and the counts it takes for many sentence pairs at once.

Why a module: ``BeadScorer`` (``align_scoring``) scores one bead at a time;
what is built once per view (the split n-gram profiles) and what is counted
for thousands of scattered pairs in one numpy pass (chance levels, move
gains) lives here, so the scorer stays readable.  Counts are exact integers
and the floats are assembled in the scalar path's order, so every value is
the one the scalar methods give.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

import numpy as np

from workbench.core.align_band import block_sizes, id_rows
from workbench.core.align_grams import view_rows
from workbench.core.align_kept_views import kept_view
from workbench.core.align_masks import kept_all, kept_runs
from workbench.core.align_pair_join import block_rare
from workbench.core.align_profiles import SideProfiles
from workbench.core.align_scorer_state import ScorerState
from workbench.core.align_split import (
    SplitRows,
    pair_counts,
    popcount,
    split_rows,
    split_view,
)
from workbench.core.anchors import anchor_keys_all, spelled_number_keys, unique_anchors
from workbench.core.calendar_anchors import calendar_keys
from workbench.core.similarity import ProfileBuilder

View = tuple[SideProfiles, SideProfiles]


def build_views(
    left_cmp: Sequence[Sequence[str]],
    right_cmp: Sequence[Sequence[str]],
    builder: ProfileBuilder | None,
    frequent: tuple[float, int] = (1.0, 0),
) -> tuple[list[View], list[tuple[SplitRows, SplitRows]]]:
    """Each view's split profiles, built and split one view at a time (a low peak).

    The n-gram rows come from ``align_grams.view_rows``; the string profiles
    (``builder``) only for the rare texts the packed n-grams cannot reproduce.
    ``frequent``: ``(share, minimum)``, the n-grams left out (``frequent_ids``).
    A page pair's views come back from ``align_kept_views`` when the ratio's second run asks.
    """
    views, arrays = [], []
    for lc, rc in zip(left_cmp, right_cmp, strict=True):
        split = kept_view(lc, rc, frequent, functools.partial(_view, lc, rc, builder, frequent))
        views.append(split[0])
        arrays.append(split[1])
    return views, arrays


def _view(
    lc: Sequence[str], rc: Sequence[str], builder: ProfileBuilder | None, frequent: tuple
) -> tuple[View, tuple[SplitRows, SplitRows]]:
    """One view's split profiles and rows (``build_views``)."""
    rows = view_rows(lc, rc, getattr(builder, "grams", None))
    if rows is None:
        number = (builder or ProfileBuilder()).numbered
        sets = [number(t) for t in lc], [number(t) for t in rc]
        drop = frequent_ids([np.fromiter(itertools.chain(*side), np.int64) for side in sets],
                            len(lc) + len(rc), *frequent)  # fmt: skip
        if drop:
            sets = tuple([s - drop for s in side] for side in sets)
        return split_view(*sets)
    present = side_counts([ids for ids, _ptr in rows])
    drop = _frequent_in(present[0] + present[1], len(lc) + len(rc), *frequent)
    if not drop:
        return split_rows(*rows, present=present)
    gone = np.fromiter(drop, np.int64, len(drop))
    for counts in present:  # each dropped id leaves each of its sentences: its count is 0
        counts[gone] = 0
    return split_rows(*(_without(side, drop) for side in rows), present=present)


def side_counts(ids: Sequence[np.ndarray]) -> list[np.ndarray]:
    """Per side, in how many of its sentences each id occurs (ids once per sentence), all
    ``1 + max id`` long.

    Why once per view (round 35): ``frequent_ids`` counted both sides' ids together and
    ``split_rows`` counted each side again after the drop; a dropped id's count is 0
    there and every other id's is the same, so one count per side serves both.
    """
    size = 1 + max((int(x.max()) for x in ids if len(x)), default=0)
    return [np.bincount(x, minlength=size) for x in ids]


def frequent_ids(ids: Sequence[np.ndarray], count: int, share: float, minimum: int) -> set[int]:
    """N-grams (ids, each once per sentence) found in more than ``share`` of a view's ``count``
    sentences (both sides), when it holds at least ``minimum`` sentences.

    Why left out: an n-gram in a third of all sentences (French "es", "le ")
    is near a sentence's partner and far from it alike, so it adds noise to
    every coverage and nothing that tells partners apart (inverse document
    frequency, as a cut).  ``minimum`` keeps short documents whole: in a story
    pair a name in a third of the sentences is its topic, which still tells
    linked sentences from unmatched ones, and a share of a few dozen
    sentences is a poor estimate.
    """
    if count < max(1, minimum) or share >= 1.0:
        return set()
    return _frequent_in(np.bincount(np.concatenate([np.asarray(x, np.int64) for x in ids])),
                        count, share, minimum)  # fmt: skip


def _frequent_in(seen: np.ndarray, count: int, share: float, minimum: int) -> set[int]:
    """``frequent_ids`` from ``seen``, each id's number of sentences (both sides)."""
    if count < max(1, minimum) or share >= 1.0:
        return set()
    return set(np.nonzero(seen > share * count)[0].tolist())


def _without(rows: tuple[np.ndarray, np.ndarray], drop: set[int]) -> tuple[np.ndarray, np.ndarray]:
    """Id rows ``(ids, row starts)`` without the ids in ``drop`` (row order kept)."""
    ids, ptr = rows
    dropped = np.zeros(int(ids.max()) + 1 if len(ids) else 1, bool)  # a table: faster than isin
    at = np.fromiter(drop, np.int64, len(drop))
    dropped[at[at < len(dropped)]] = True
    keep = ~dropped.take(ids)  # take: half the time of a fancy index by int32 ids (round 27)
    return kept_runs(ids, keep, ptr)


def move_gains(scorer: ScorerState, ii: Sequence[int], jj: Sequence[int]) -> np.ndarray:
    """``min(left cover - chance, right cover - chance)`` of each pair ``(ii[t], jj[t])``.

    Why: move detection asks this for every deletion x insertion and for
    nearby links crosswise; one numpy pass over all pairs replaces a Python
    call per pair.  Same arithmetic in the same order as
    ``BeadScorer.pair_coverages`` (views added in turn, then divided).
    """
    ks = np.asarray(ii, np.int64)
    ps = np.asarray(jj, np.int64)
    covers = [np.zeros(len(ks)), np.zeros(len(ks))]
    for arrays, inter in zip(scorer.split_views, _pair_counts(scorer, 0, ks, ps), strict=True):
        for side, at in ((0, ks), (1, ps)):
            whole = arrays[side].whole[at]
            covers[side] += np.where(whole > 0, inter / np.maximum(whole, 1), 0.0)
    count = len(scorer.views)
    left = covers[0] / count - scorer.chances[0][ks]
    return np.minimum(left, covers[1] / count - scorer.chances[1][ps])


def coverages(
    scorer: ScorerState, side: int, starts: Sequence[Sequence[int]]
) -> list[list[float]]:
    """``[[scorer.coverage(side, k, s, 1) for s in starts[k]] for k]``, counted with numpy."""
    ks = np.repeat(np.arange(len(starts)), [len(s) for s in starts])
    ps = np.fromiter(itertools.chain.from_iterable(starts), np.int64, len(ks))
    flat = listed_coverages(scorer, side, ks, ps).tolist()
    out, at = [], 0
    for row in starts:
        out.append(flat[at : at + len(row)])
        at += len(row)
    return out


def listed_coverages(scorer: ScorerState, side: int, ks: np.ndarray, ps: np.ndarray) -> np.ndarray:
    """``scorer.coverage(side, ks[t], ps[t], 1)`` of each listed pair, counted with numpy.

    The scalar path's float operations in its order: each view's share added
    in turn (a view where the sentence is empty adds ``0.0``, which leaves the
    sum as it is), then divided by the number of views.
    """
    total = np.zeros(len(ks))
    for arrays, found in zip(scorer.split_views, _pair_counts(scorer, side, ks, ps), strict=True):
        whole = arrays[side].whole[ks]
        total += np.where(whole > 0, found / np.maximum(whole, 1), 0.0)
    return total / len(scorer.split_views)


def prefetch_links(scorer: ScorerState, links: Sequence[tuple[int, int]]) -> None:
    """Both coverages of each 1-1 link ``(i, j)`` into the scorer's coverage memo, at once.

    Why: the blindness test, then the repairs and the confidences, ask the
    evidence of every link of the path (2,164 single coverages per Text+Berg
    no-MT call), one scalar count per view each; the links lie in the coarse
    band, whose counts are kept (``listed_coverages``: the same floats).
    """
    covers = scorer._covers
    new = [(i, j) for i, j in dict.fromkeys(links) if (0, i, j, 1) not in covers]
    if not new:
        return
    ii = np.fromiter((i for i, _j in new), np.int64, len(new))
    jj = np.fromiter((j for _i, j in new), np.int64, len(new))
    for side, ks, ps in ((0, ii, jj), (1, jj, ii)):
        values = listed_coverages(scorer, side, ks, ps).tolist()
        for k, p, value in zip(ks.tolist(), ps.tolist(), values, strict=True):
            covers.setdefault((side, k, p, 1), value)


def prefetch_similarities(scorer: ScorerState, links: Sequence[tuple[int, int]]) -> None:
    """``scorer.similarity(i, 1, j, 1)`` of each 1-1 link ``(i, j)`` into its memo, at once.

    Why: the fine DP's trace scores every bead of its path, then the repairs,
    moves and confidences ask again; two thirds of those beads are 1-1 links
    (1,005 of 1,663 similarities of a Text+Berg no-MT call), each a Python
    count per view.  Their overlaps are the coarse band's kept counts
    (``_pair_counts``).  The scalar path's float operations in its order: per
    view ``2.0 * overlap / (size + size)`` (``0.0`` for two empty sentences)
    added to a running ``0.0``, then divided by the number of views.
    """
    memo = scorer._similar
    new = [(i, j) for i, j in dict.fromkeys(links) if (i, 1, j, 1) not in memo]
    if not new:
        return
    ii = np.fromiter((i for i, _j in new), np.int64, len(new))
    jj = np.fromiter((j for _i, j in new), np.int64, len(new))
    total = np.zeros(len(new))
    for arrays, found in zip(scorer.split_views, _pair_counts(scorer, 0, ii, jj), strict=True):
        size = arrays[0].whole[ii] + arrays[1].whole[jj]
        total += np.where(size > 0, 2.0 * found / np.maximum(size, 1), 0.0)
    values = (total / len(scorer.split_views)).tolist()
    for i, j, value in zip(ii.tolist(), jj.tolist(), values, strict=True):
        memo.setdefault((i, 1, j, 1), value)


@functools.lru_cache(maxsize=2)
def far_starts(count: int, other: int) -> tuple[tuple[int, ...], ...]:
    """Per sentence ``k`` of ``count``, the far-away sentences of the other side (of ``other``)
    whose coverage is chance (``align_chance.calibrate``); never the partner.

    Kept (a pure function of the two sizes): every word-table pass of a call
    asks again; ``benchmarks/align_scale.py`` empties it before each timed run.
    """
    out = []
    for k in range(count):
        centre = k * other / max(1, count)
        starts = {int(centre + f * other) % other for f in (0.5, 0.37, 0.63, 0.29, 0.71)}
        out.append(tuple(s for s in starts if abs(s - centre) >= 3))
    return tuple(out)


def _pair_counts(scorer: ScorerState, side: int, ks: np.ndarray, ps: np.ndarray):
    """Per view, ``|side's sentence ks[t] & the other side's ps[t]|`` (``pair_counts``).

    Pairs inside the coarse band take the counts its 1-1 gains took
    (``align_gains.BandCounts``: the same integers); only the others are counted.
    """
    band = getattr(scorer, "band_counts", None)
    known = band.lookup(scorer, *((ks, ps) if side == 0 else (ps, ks))) if band else None
    if known is not None:
        inside, at = known
        rest = ~inside
        ks, ps = kept_all(rest, ks, ps)
    for view, (profiles, arrays) in enumerate(zip(scorer.views, scorer.split_views, strict=True)):
        mine, other = (profiles[side], arrays[side]), (profiles[1 - side], arrays[1 - side])
        if known is None:
            yield pair_counts(mine, other, ks, ps)
            continue
        found = np.empty(len(inside), np.int64)
        found[inside] = band.counts[view][at]
        found[rest] = pair_counts(mine, other, ks, ps)
        yield found


def block_coverages(
    scorer: ScorerState, side: int, ks: Sequence[int], starts: Sequence[int], size: int
) -> list[tuple[float, float]]:
    """``(scorer.coverage(side, k, s, size), scorer.coverage(side, k, s, 1))`` per ``(k, s)``.

    Why: the chance growth of ``align_chance.calibrate`` samples 60 sentences
    per side and block size; a block at a time built each block's full
    profile (its size included, which a coverage never reads).  Here the
    frequent n-grams are ORed as bit rows and the rare ones counted from the id
    rows (``align_pair_join.block_rare``; sets until round 36); counts and the
    order of the float operations are the scalar path's.
    """
    k_at, s_at = np.asarray(ks, np.int64), np.asarray(starts, np.int64)
    totals = [np.zeros(len(k_at)), np.zeros(len(k_at))]  # the block, its first sentence
    for arrays in scorer.split_views:
        mine, other = arrays[side], arrays[1 - side]
        own = mine.bits.take(k_at, 0)
        first = own & other.bits.take(s_at, 0)
        union = first.copy()
        for t in range(1, size):
            union |= own & other.bits.take(s_at + t, 0)
        block = block_rare(mine.rare, other.rare, k_at, s_at, size)  # the rare ids' counts
        alone = block_rare(mine.rare, other.rare, k_at, s_at, 1)
        whole = mine.whole[k_at]
        for total, bits, shared in ((totals[0], union, block), (totals[1], first, alone)):
            covered = popcount(bits) + shared
            total += np.where(whole > 0, covered / np.maximum(whole, 1), 0.0)
    count = len(scorer.views)
    return list(zip((totals[0] / count).tolist(), (totals[1] / count).tolist(), strict=True))


def anchor_sets(
    texts: Sequence[str], known: dict[str, frozenset[str]], calendar_max: int = 0
) -> list[frozenset[str]]:
    """``anchor_keys`` of each text, computed once per distinct text (the new ones together).

    A document under ``SPELLED_MAX`` sentences (a story page) also gets its numbers
    written as words (``anchors.spelled_number_keys``, chosen on the story pairs by
    ``benchmarks/align_pairs.py``); long documents keep digits only.  One under
    ``calendar_max`` sentences also gets its weekday and month names
    (``calendar_anchors.calendar_keys``; ``AlignParams.calendar_anchor_max``).
    """
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    known.update(zip(missing, anchor_keys_all(missing), strict=True))
    found = [known[t] for t in texts]
    if len(texts) < SPELLED_MAX:
        found = [keys | spelled_number_keys(t) for keys, t in zip(found, texts, strict=True)]
    if len(texts) < calendar_max:
        found = [keys | calendar_keys(t) for keys, t in zip(found, texts, strict=True)]
    return found


def pinned_anchors(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]]
                   ) -> frozenset[str]:  # fmt: skip
    """Anchors that one sentence of each document alone holds (``anchors.unique_anchors``)."""
    return (frozenset().union(*unique_anchors(list(left)))
            & frozenset().union(*unique_anchors(list(right))))  # fmt: skip


def pinned_pair_keeps(anchors: tuple[Sequence[frozenset[str]], Sequence[frozenset[str]]],
                      pinned: frozenset[str], link: tuple[tuple[int, ...], tuple[int, ...]],
                      orphan: tuple[tuple[int, ...], tuple[int, ...]]) -> bool:  # fmt: skip
    """True when a 1-1 ``link`` whose sentences share a pinned anchor (a figure or name each
    page holds once) faces an orphan (one sentence, on the left or right) that shares no anchor
    with the link's other side: the pin says the 1-1 is whole and nothing says the orphan
    belongs to it, so a merge that only nudges the score glues rather than mends a split."""
    if len(link[0]) != 1 or len(link[1]) != 1:
        return False
    la, ra = anchors[0][link[0][0]], anchors[1][link[1][0]]
    side = 0 if orphan[0] else 1
    return bool(la & ra & pinned) and not anchors[side][orphan[side][0]] & (ra, la)[side]


def pinned_dice(la: frozenset[str], ra: frozenset[str], pinned: frozenset[str], weight: int
                ) -> float:  # fmt: skip
    """Anchor Dice with each shared ``pinned`` key counted ``weight`` times in the overlap and
    once in the sizes (``anchor_rows``: the count the band's arrays take)."""
    shared = la & ra
    count = len(shared) + (weight - 1) * len(shared & pinned) if pinned else len(shared)
    return 2.0 * count / (len(la) + len(ra))


def anchor_rows(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]],
                pinned: frozenset[str], weight: int, depth: int) -> tuple:  # fmt: skip
    """Both sides' anchors as id rows for the band's overlap counts, and every block's size.

    Why: across languages the stand-in MT is mostly a copy, and a sentence and its
    retelling share little but a figure or a name.  A key that many sentences hold
    ("2024", the story's city) shares as much with a wrong neighbour as with the right
    sentence; one that a single sentence of each side holds pins the pair.  Each ``pinned``
    key enters the rows ``weight`` times (numbered copies), so ``window_counts`` counts it
    ``weight`` times in an overlap, while the sizes (``block_sizes`` of the plain rows)
    count it once, as ``BeadScorer._anchor_dice`` does one bead at a time.
    """
    plain = id_rows(left, right)
    sizes = [block_sizes(rows, depth) for rows in plain]
    if weight <= 1 or not pinned:
        return plain, sizes
    copies = {k: frozenset(f"{k}\x00{n}" for n in range(1, weight)) for k in pinned}

    def grown(sets: Sequence[frozenset[str]]) -> list[frozenset[str]]:
        return [s.union(*(copies[k] for k in s & pinned)) for s in sets]

    return id_rows(grown(left), grown(right)), sizes


#: documents shorter than this (in sentences) read numbers written as words as anchors
SPELLED_MAX = 100
