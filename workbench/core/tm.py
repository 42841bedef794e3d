"""Translation-memory matching: exact and fuzzy matches of a source sentence.

Similarity (documented, so a translator knows what "87 %" means): both texts are
*normalised* — Unicode NFKC, case-folded, every run of whitespace made one space,
quotes/apostrophes/dashes unified, trimmed — and compared with rapidfuzz's
``fuzz.ratio``: the normalised Indel similarity ``100 * (1 - d / (len(a) + len(b)))``
where ``d`` is the number of single-character insertions and deletions that turn
one text into the other.  100 means the normalised texts are equal (an *exact*
match); the memory offers matches from 75 up.

Why an index and not a scan: scoring 100,000 sentences per lookup takes far
longer than an editor can wait, and at a 75 % threshold no cheap *exact* filter
(length, character or bigram counts) rules out enough entries.  So candidates
come from the words: an inverted index maps each normalised word to the entries
holding it; a lookup adds up the IDF weights of the query's informative words
(words in more than ``COMMON_SHARE`` of the entries carry little signal: they
only fill the places a short shortlist leaves free) per entry, keeps the
``CANDIDATES`` best entries inside the length band that can reach the threshold
(the Indel ratio reaches ``t`` only when the shorter text is at least
``t / (2 - t)`` of the longer), and scores only those with
rapidfuzz.  A sentence 75 % alike shares most of its words, so this finds what a
full scan finds (``benchmarks/tm_lookup.py`` measures the agreement); a query
without informative words, or a length band of at most ``CANDIDATES`` entries,
is scored over the whole band (short texts can be 75 % alike without sharing a
word: "aa" and "aaa").  Exact matches are a dictionary hit.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from workbench.core.diff import word_diff

THRESHOLD = 75.0
CANDIDATES = 400  # entries scored per lookup after the word shortlist
COMMON_SHARE = 0.05  # words in more than this share of entries are not indexed
_WORD_RE = re.compile(r"\w+", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
_UNIFY = str.maketrans({"’": "'", "‘": "'", "‚": "'", "“": '"', "”": '"', "„": '"', "«": '"',
                        "»": '"', "–": "-", "—": "-", "‑": "-", "\u00ad": None})  # fmt: skip


def normalize(text: str) -> str:
    """The comparison form of a sentence (see the module docstring)."""
    folded = unicodedata.normalize("NFKC", text).casefold().translate(_UNIFY)
    return _SPACE_RE.sub(" ", folded).strip()


@dataclass(frozen=True)
class TMEntry:
    """One unit of memory: a source sentence, its translation and where it came from."""

    source: str
    target: str
    status: str = "approved"  # approved | draft | imported
    origin: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    segment_id: int | None = None


@dataclass(frozen=True)
class TMMatch:
    """A memory entry offered for a query, with its score and the source differences."""

    entry: TMEntry
    score: float
    diff: list[list[Any]]  # word diff ops from the memory's source to the query

    def as_dict(self) -> dict[str, Any]:
        """JSON view for the editor and the API."""
        e = self.entry
        return {
            "score": round(self.score, 1),
            "exact": self.score >= 100.0,
            "source": e.source,
            "target": e.target,
            "status": e.status,
            "draft": e.status == "draft",
            "origin": e.origin,
            "segment_id": e.segment_id,
            "diff": self.diff,
        }


_RANK = {"approved": 0, "imported": 1, "draft": 2}


class TMIndex:
    """An in-memory index over entries of one language pair (see the module docstring)."""

    def __init__(self, entries: Sequence[TMEntry]) -> None:
        keyed = sorted(((normalize(e.source), e) for e in entries), key=lambda p: len(p[0]))
        self._norms = [k for k, _ in keyed]
        self._entries = [e for _, e in keyed]
        self._lengths = np.array([len(k) for k in self._norms], dtype=np.int64)
        self._exact: dict[str, list[int]] = {}
        postings: dict[str, list[int]] = {}
        for i, key in enumerate(self._norms):
            self._exact.setdefault(key, []).append(i)
            for word in set(_WORD_RE.findall(key)):
                postings.setdefault(word, []).append(i)
        n = max(len(self._norms), 1)
        self._postings: dict[str, np.ndarray] = {}
        self._common: dict[str, np.ndarray] = {}  # only to fill a short shortlist
        for w, ids in postings.items():
            rare = len(ids) <= COMMON_SHARE * n or n < 50
            (self._postings if rare else self._common)[w] = np.array(ids, dtype=np.int64)
        self._idf = {
            w: math.log(n / len(ids)) + 1.0
            for table in (self._postings, self._common)
            for w, ids in table.items()
        }
        self._base = len(self._norms)  # entries past this were added later (scored in full)
        self._hidden: set[int] = set()
        self._by_segment: dict[int, list[int]] = {}
        for i, e in enumerate(self._entries):
            if e.segment_id is not None:
                self._by_segment.setdefault(e.segment_id, []).append(i)

    def __len__(self) -> int:
        return len(self._entries) - len(self._hidden)

    @property
    def added(self) -> int:
        """How many entries were added after the build (the caller rebuilds past a limit)."""
        return len(self._norms) - self._base

    def add(self, entries: Sequence[TMEntry]) -> None:
        """Add entries without a rebuild; an entry of a segment replaces that segment's old one.

        Added entries are scored in full on every lookup, so this suits a few
        thousand changes between rebuilds (a save, an import), not a memory.
        """
        for entry in entries:
            for old in self._by_segment.pop(entry.segment_id, []) if entry.segment_id else []:
                self._hidden.add(old)
            index = len(self._norms)
            key = normalize(entry.source)
            self._norms.append(key)
            self._entries.append(entry)
            self._exact.setdefault(key, []).append(index)
            if entry.segment_id is not None:
                self._by_segment.setdefault(entry.segment_id, []).append(index)

    def has_segment(self, segment_id: int) -> bool:
        """Whether a (visible) entry of this segment is in the index."""
        return bool(self._by_segment.get(segment_id))

    def _band(self, length: int, threshold: float) -> tuple[int, int]:
        t = threshold / 100.0
        low, high = length * t / (2 - t), length * (2 - t) / t
        lo = int(np.searchsorted(self._lengths, low - 1e-9, side="left"))
        return lo, int(np.searchsorted(self._lengths, high + 1e-9, side="right"))

    def _shortlist(self, key: str, lo: int, hi: int) -> list[int] | None:
        """Entries in ``[lo, hi)`` sharing the most informative words; ``None``: no words.

        When fewer than ``CANDIDATES`` entries share an informative word, the free
        places go to the entries sharing the most common words: a sentence can be
        75 % alike through common words alone ("a b ab x1" / "a b ab x2"), and an
        empty shortlist would score nothing while a query of common words only
        has its whole band scored (round 31).
        """
        qwords = set(_WORD_RE.findall(key))
        words = [w for w in qwords if w in self._postings]
        if not words:
            return None
        shared = self._best_sharing(words, lo, hi, CANDIDATES)
        if len(shared) < CANDIDATES:
            common = [w for w in qwords if w in self._common]
            have = set(shared)
            extra = self._best_sharing(common, lo, hi, CANDIDATES + len(shared))
            shared += [i for i in extra if i not in have][: CANDIDATES - len(shared)]
        return shared

    def _best_sharing(self, words: list[str], lo: int, hi: int, keep: int) -> list[int]:
        """The ``keep`` entries in ``[lo, hi)`` with the highest IDF sum of ``words``."""
        if not words:
            return []
        table = [self._postings[w] if w in self._postings else self._common[w] for w in words]
        ids = np.concatenate(table)
        weights = np.concatenate(
            [np.full(len(t), self._idf[w]) for w, t in zip(words, table, strict=True)]
        )
        inside = (ids >= lo) & (ids < hi)
        ids, weights = ids[inside], weights[inside]
        if len(ids) == 0:
            return []
        scores = np.bincount(ids - lo, weights=weights, minlength=hi - lo)
        shared = np.flatnonzero(scores)  # ties abound: sort only the entries sharing a word
        if len(shared) > keep:
            shared = shared[np.argsort(-scores[shared], kind="stable")[:keep]]
        return [lo + int(i) for i in shared]

    def candidates(
        self, query: str, *, threshold: float = THRESHOLD, limit: int = 5
    ) -> list[tuple[int, float]]:
        """Indexes of the best entries and their scores (exact first), best first."""
        key = normalize(query)
        if not key:
            return []
        found = {i: 100.0 for i in self._exact.get(key, []) if i not in self._hidden}
        lo, hi = self._band(len(key), threshold)
        pools: list[Sequence[int]] = [range(self._base, len(self._norms))]
        if hi > lo:  # a band no bigger than the shortlist is scored in full: exact and as cheap
            shortlist = None if hi - lo <= CANDIDATES else self._shortlist(key, lo, hi)
            pools.append(range(lo, hi) if shortlist is None else shortlist)
        for pool in pools:
            hits = process.extract(
                key,
                [self._norms[i] for i in pool],
                scorer=fuzz.ratio,
                processor=None,
                score_cutoff=threshold,
                limit=limit + len(found) + len(self._hidden),
            )
            for _, score, offset in hits:
                if pool[offset] not in self._hidden:
                    found.setdefault(pool[offset], float(score))
        return sorted(found.items(), key=lambda p: -p[1])

    def lookup(
        self,
        query: str,
        *,
        threshold: float = THRESHOLD,
        limit: int = 5,
        exclude_segment: int | None = None,
    ) -> list[TMMatch]:
        """Matches of ``query`` at ``threshold`` or above, one per distinct translation.

        Among equal scores approved entries come before imported, then drafts.
        """
        ranked = self.candidates(query, threshold=threshold, limit=limit * 3)
        ranked.sort(key=lambda p: (-p[1], _RANK.get(self._entries[p[0]].status, 3)))
        matches: list[TMMatch] = []
        seen: set[str] = set()
        for index, score in ranked:
            entry = self._entries[index]
            if exclude_segment is not None and entry.segment_id == exclude_segment:
                continue
            if entry.target in seen:
                continue
            seen.add(entry.target)
            matches.append(TMMatch(entry, score, word_diff(entry.source, query).ops))
            if len(matches) >= limit:
                break
        return matches


def naive_lookup(
    query: str, normalized_sources: Sequence[str], *, threshold: float = THRESHOLD, limit: int = 5
) -> list[tuple[int, float]]:
    """The naive baseline: score every (pre-normalised) entry in a Python loop."""
    key = normalize(query)
    scored = []
    for i, source in enumerate(normalized_sources):
        score = fuzz.ratio(key, source, score_cutoff=threshold)
        if score:
            scored.append((i, score))
    scored.sort(key=lambda p: -p[1])
    return scored[:limit]
