"""N-gram profiles of one aligner view, split for fast exact overlap counts.

Why: the aligner spends its time counting ``|A & B|`` for n-gram sets of
neighbouring sentences (coverage, 1-1 gains, block unions).  A C-level set
intersection costs one hash probe per n-gram of the smaller set, and most
n-grams of a sentence are frequent ones (``" de"``, ``"en "``).  Here each
profile is partitioned, once per view, into

* ``bits``: the ``width`` n-grams most frequent in the pair, as one integer
  bit mask (``&`` and ``int.bit_count`` handle them 64 at a time);
* ``rare``: the other n-grams that also occur on the other side, as a set;
* ``absent``: n-grams the other side never has (they never overlap; kept
  only so block unions have their true size).

The partition is the same for every sentence of the view, so counts and
union sizes are exactly those of the plain sets: the aligner's output does
not change, only its speed (and memory: a bit mask is smaller than the set
slots it replaces).
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import chain

import numpy as np

from workbench.core.align_gram_cache import GramCache
from workbench.core.similarity import Profile, ProfileBuilder

WIDTH = 4096  # bits per mask: enough for the frequent n-grams, 512 bytes per sentence
_SAMPLE = 300  # sentences per side sampled to find the frequent n-grams

Block = tuple[int, int, frozenset[str]]  # (full size, frequent-gram bits, rare shared grams)


class Runs:
    """Per sentence, a run of integer ids in one array (``ids[starts[k]:starts[k + 1]]``).

    Why: the n-grams a sentence shares with nothing on the other side only
    count towards a block's size; as an array they cost 4 bytes each instead
    of a set slot.
    """

    __slots__ = ("ids", "starts")

    def __init__(self, ids: np.ndarray, starts: np.ndarray) -> None:
        self.ids, self.starts = ids, starts

    def union_size(self, start: int, stop: int) -> int:
        """Distinct ids of sentences ``start..stop-1``."""
        return len(set(self.ids[self.starts[start] : self.starts[stop]].tolist()))


@dataclass
class SideProfiles:
    """One side of a view: per sentence, its profile size and its split n-grams."""

    sizes: list[int]
    bits: list[int] | LazyBits
    rare: list[frozenset] | LazySets
    absent: list[frozenset] | Runs

    def block(self, start: int, size: int) -> Block:
        """Union of ``size`` consecutive profiles as (size, bits, rare)."""
        if size == 1:
            return self.sizes[start], self.bits[start], self.rare[start]
        stop = start + size
        bits = 0
        for k in range(start, stop):  # by index: ``LazyBits`` builds a mask when first read
            bits |= self.bits[k]
        rare = frozenset().union(*span(self.rare, start, stop))
        if isinstance(self.absent, Runs):
            absent = self.absent.union_size(start, stop)
        else:
            absent = len(frozenset().union(*self.absent[start:stop]))
        return bits.bit_count() + len(rare) + absent, bits, rare


class LazyBits(dict):
    """Per sentence, its bit row as one Python integer, made when first read.

    Why (round 34): the scalar paths (``BeadScorer._block``, coverages and similarities
    one bead at a time) read the masks of about half a view's sentences (round 32: 2,875
    of 5,110 per Text+Berg call); making all of them was 5-7 ms a call.  A ``dict``
    whose ``__missing__`` makes the mask: a kept one is read at C speed, as from a list.
    ``raw``: the rows' bytes, ``step`` bytes per sentence (little-endian 64-bit words).
    """

    __slots__ = ("raw", "step")

    def __init__(self, raw: bytes, step: int) -> None:
        super().__init__()
        self.raw, self.step = memoryview(raw), step

    def __missing__(self, k: int) -> int:
        count = len(self.raw) // self.step
        at = k + count if -count <= k < 0 else k  # a list's indices, negative ones included
        if not 0 <= at < count:
            raise IndexError(k)
        value = self[k] = int.from_bytes(self.raw[at * self.step : (at + 1) * self.step], "little")
        return value


class LazySets(dict):
    """Per sentence, the frozenset of its rare ids, made when first read (as ``LazyBits``).

    Why (round 36): the chance levels' far pairs read every sentence's set, and they
    are now counted from one join of the view's id rows (``align_pair_join``); the
    scalar paths read the sets of the sentences near the path only.  ``chosen``: the
    rare ids of all sentences, sentence ``k``'s at ``starts[k]:starts[k + 1]``;
    ``numbers``: one int object per id, which every set holding it shares.
    Slices read as a list's (``block``, ``align_views.block_coverages``).
    """

    __slots__ = ("chosen", "starts", "numbers")

    def __init__(self, chosen: np.ndarray, starts: np.ndarray, numbers: Sequence[int]) -> None:
        super().__init__()
        self.chosen, self.starts, self.numbers = chosen, starts.tolist(), numbers

    def __missing__(self, k: int) -> frozenset[int]:
        count = len(self.starts) - 1
        at = k + count if -count <= k < 0 else k  # a list's indices, negative ones included
        if not 0 <= at < count:
            raise IndexError(k)
        ids = self.chosen[self.starts[at] : self.starts[at + 1]].tolist()
        value = self[k] = frozenset(map(self.numbers.__getitem__, ids))
        return value

    def span(self, start: int, stop: int) -> list[frozenset[int]]:
        """``rare[start:stop]``, as a list's slice."""
        return [self[k] for k in range(*slice(start, stop).indices(len(self.starts) - 1))]


def overlap(a: Block, b: Block) -> int:
    """``|A & B|`` of two (possibly multi-sentence) profiles."""
    return (a[1] & b[1]).bit_count() + len(a[2] & b[2])


def block_dice(a: Block, b: Block) -> float:
    """F1 of two blocks' n-gram sets, exactly ``similarity.dice`` of the plain sets."""
    total = a[0] + b[0]
    if not total:
        return 0.0
    return 2.0 * overlap(a, b) / total


def split_view(
    left: Sequence[Profile], right: Sequence[Profile], width: int = WIDTH
) -> tuple[SideProfiles, SideProfiles]:
    """Both sides of a view, split with one partition of the n-grams."""
    shared = frozenset().union(*left) & frozenset().union(*right)
    step_left = max(1, len(left) // _SAMPLE)
    step_right = max(1, len(right) // _SAMPLE)
    sample = chain(left[::step_left], right[::step_right])
    counts = Counter(chain.from_iterable(p & shared for p in sample))
    position = {gram: k for k, (gram, _count) in enumerate(counts.most_common(width))}
    return _split(left, shared, position, width), _split(right, shared, position, width)


def _split(
    profiles: Sequence[Profile], shared: frozenset[str], position: dict[str, int], width: int
) -> SideProfiles:
    frequent = frozenset(position)
    where = position.__getitem__
    row = np.zeros(width, dtype=bool)
    sizes, bits, rare, absent = [], [], [], []
    for profile in profiles:
        common = profile & shared
        hits = common & frequent
        # the bit positions set through numpy: a Python loop per n-gram took twice as long
        row[:] = False
        row[np.fromiter(map(where, hits), dtype=np.intp, count=len(hits))] = True
        bits.append(int.from_bytes(np.packbits(row, bitorder="little").tobytes(), "little"))
        sizes.append(len(profile))
        rare.append(common - frequent)
        absent.append(profile - common)
    return SideProfiles(sizes, bits, rare, absent)


class KeepingBuilder(ProfileBuilder):
    """A profile builder that keeps the numbered profiles of the original sentences.

    Why: the no-MT lexicon pass compares each original side with the other's
    gloss, so it needs the originals' profiles again; rebuilding them was a
    third of that pass's profile work.  One builder serves both passes, so an
    n-gram keeps its number.  ``forget`` drops the kept profiles.
    """

    def __init__(self, left: Sequence[str], right: Sequence[str]) -> None:
        super().__init__()
        self._originals = set(left) | set(right)
        self._kept: dict[str, frozenset[int]] = {}
        self.grams: GramCache | None = GramCache(left, right)  # the packed path's twin

    def numbered(self, text: str) -> frozenset[int]:
        """``ProfileBuilder.numbered``, built once per original sentence."""
        found = self._kept.get(text)
        if found is None:
            found = super().numbered(text)
            if text in self._originals:
                self._kept[text] = found
        return found

    def forget(self) -> None:
        """Drop the kept profiles (no later pass needs them)."""
        self._kept.clear()
        self._originals.clear()
        if self.grams is not None:
            self.grams.forget()
            self.grams = None


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection while the aligner runs (restored after).

    Why: the aligner allocates hundreds of thousands of small containers (n-gram
    sets, cache entries) and keeps them to the end; each allocation burst made
    the collector rescan them all, which cost up to a fifth of a 10,000-sentence
    alignment and grew faster than the document.  The aligner makes no reference
    cycles; any made elsewhere meanwhile are collected after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def span(rare: list[frozenset] | LazySets, start: int, stop: int) -> list[frozenset]:
    """``rare[start:stop]`` of a list or a ``LazySets``."""
    return rare.span(start, stop) if isinstance(rare, LazySets) else rare[start:stop]
